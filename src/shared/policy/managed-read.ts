// The one read of the administrator's policy (chrome.storage.managed), and how long an answer is waited
// for. Chrome answers storage.managed only some 5 s after it starts (it loads extensions' policies then,
// policy or none), so what a person is waiting for (the popup's first paint, a link, a page's presets)
// waits at most MANAGED_PROMPT_MS and goes on without the policy until the browser has it; what must
// not act without it (the welcome of an install the policy pushed, a key's region) waits for the read.

/** Enough for every answer once the browser has its policies (well under 15 ms measured); a blink otherwise. */
export const MANAGED_PROMPT_MS = 250;

/** The policy as the browser gives it, by key; Firefox rejects the read where it has no policy: none. */
export function readManaged(keys: string[] | null = null): Promise<Record<string, unknown>> {
  return Promise.resolve()
    .then(() => chrome.storage.managed.get(keys))
    .catch((): Record<string, unknown> => ({}));
}

/** `read`, or `instead` when the browser has not answered within `ms`. */
export function soon<T>(read: Promise<T>, instead: T, ms = MANAGED_PROMPT_MS): Promise<T> {
  return Promise.race([read, new Promise<T>((resolve) => setTimeout(() => resolve(instead), ms))]);
}
