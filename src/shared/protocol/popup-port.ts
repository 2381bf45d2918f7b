// The popup holds a port with this name open, so the background knows whether anyone will see a
// reply, and the background pushes what the popup should show meanwhile over it (the popup never
// polls). Its own module, with plain types and no schemas, so the popup does not load the whole
// message protocol for it.
export const POPUP_PORT = 'popup';

/** Background → popup, over the port: each message's fields. The one list for this direction. */
export interface ToPopup {
  /** The popup's link waits for Everflow's rate limit: `seconds` until the next try (0: trying now). */
  rateLimitWait: { seconds: number };
  /**
   * The link made at `at` could not be kept (storage full). The popup gets its link before the
   * history and the other writes are done; this follows when one of them fails.
   */
  linkUnsaved: { url: string; at: number };
}

export type PopupMessage = { [K in keyof ToPopup]: { type: K } & ToPopup[K] }[keyof ToPopup];

/** A pushed message the popup understands (the port carries only the background's own messages, but a stale worker may differ). */
export function isPopupMessage(raw: unknown): raw is PopupMessage {
  if (typeof raw !== 'object' || raw === null) return false;
  const message = raw as { type?: unknown; seconds?: unknown; url?: unknown; at?: unknown };
  if (message.type === 'linkUnsaved') return typeof message.url === 'string' && typeof message.at === 'number';
  return message.type === 'rateLimitWait' && typeof message.seconds === 'number' && Number.isFinite(message.seconds);
}

/** The status line while a link waits for Everflow's rate limit (the popup's line, the badge's title). */
export function rateLimitWaitText(seconds: number): string {
  return seconds > 0
    ? `Everflow’s rate limit is reached; trying again in ${Math.ceil(seconds)} s.`
    : 'Everflow’s rate limit is reached; trying again now.';
}
