// Test helpers shared by the everflow/*.test.ts files: a recording fake `fetch` and a message check.
// Imported by tests only; never by the extension.
import { expect, vi } from 'vitest';

export const API_KEY = 'k3y-SECRET-0123456789abcdef';
export const BASE_URL = 'https://api.eflow.team/v1';

export interface SentRequest {
  url: string;
  method: string | undefined;
  headers: Record<string, string>;
  body: BodyInit | null | undefined;
  init: RequestInit;
}

/** A fake fetch that answers every call with `status` and `body` (a string is sent as-is, anything else as JSON). */
export function fakeFetch(status: number, body?: unknown, headers: Record<string, string> = {}) {
  const sent: SentRequest[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init: RequestInit = {}) => {
    sent.push({
      url: String(url),
      method: init.method,
      headers: { ...(init.headers as Record<string, string>) },
      body: init.body,
      init,
    });
    const text = body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, mock: fetch, sent };
}

/** A fetch that never answers, but rejects with an AbortError once its signal is aborted, like the real one. */
export function hangingFetch() {
  let seenSignal: AbortSignal | undefined;
  const fetch = vi.fn(
    (_url: string | URL | Request, init: RequestInit = {}) =>
      new Promise<Response>((_resolve, reject) => {
        const signal = init.signal ?? undefined;
        seenSignal = signal;
        signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
      }),
  );
  return { fetch: fetch as unknown as typeof globalThis.fetch, mock: fetch, signal: () => seenSignal };
}

/** What any message shown to a person must never contain. */
export function expectSafeMessage(message: string, apiKey = API_KEY): void {
  expect(message.length).toBeGreaterThan(10);
  expect(message).not.toContain(apiKey);
  expect(message).not.toContain('undefined');
  expect(message).not.toContain('null');
  expect(message).not.toContain('[object Object]');
  expect(message).not.toContain('NaN');
  expect(message).not.toMatch(/\n\s*at /); // stack trace
  expect(message).not.toMatch(/Error:/);
  expect(message).not.toMatch(/<\/?[a-z]/i); // raw HTML
  expect(message).not.toMatch(/[{}]/); // raw JSON
}
