// What a failed call ends in, and how whatever Everflow or the network did becomes one plain
// sentence: what happened, what to do. The UI shows `message`; code and tests branch on `kind`.
import { withoutKey } from './key-in-text';
import { cleanText, shortened } from './text';

export const FAILURE_KINDS = [
  'no-key',
  'invalid-input',
  'unauthorized',
  'forbidden',
  'rejected',
  'rate-limited',
  'server',
  'network',
  'timeout',
  'bad-response',
  /** The person stopped the request (Cancel); whatever Everflow answers afterwards is dropped. */
  'cancelled',
  /** The extension itself failed (e.g. its background did not answer). */
  'internal',
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export interface Failure {
  ok: false;
  kind: FailureKind;
  /** What happened: Everflow's own sentence when it gave one. */
  message: string;
  /** At most one short line on what to do, shown after the message when the message is Everflow's. */
  hint?: string;
  /** Per-field messages, for `invalid-input`. */
  fieldErrors?: Record<string, string>;
}

export function failure(kind: FailureKind, message: string, fieldErrors?: Record<string, string>): Failure {
  return fieldErrors ? { ok: false, kind, message, fieldErrors } : { ok: false, kind, message };
}

/** The whole failure as one line, for places with room for one (a notification, a CSV cell). */
export const failureText = (failed: Pick<Failure, 'message' | 'hint'>): string =>
  failed.hint ? `${failed.message} ${failed.hint}` : failed.message;

export const TIMEOUT_SECONDS = 15;
const MAX_QUOTED = 160;

export const MESSAGES = {
  noKey: 'No Everflow API key is saved yet; add one on the options page.',
  unauthorized: 'Everflow did not accept the saved API key (it may be mistyped or revoked); check it on the options page.',
  forbidden:
    'This API key is not allowed to do that; use a network API key (not an affiliate key) whose permissions include tracking links.',
  rateLimited: 'Everflow is receiving too many requests right now; wait a few seconds and try again.',
  rateLimitGaveUp:
    'Everflow’s rate limit was still reached after about a minute of waiting, so no link was made; try again in a few minutes.',
  network: 'Could not reach Everflow; check your internet connection and try again.',
  timeout: `Everflow did not answer within ${TIMEOUT_SECONDS} seconds; try again in a moment.`,
  badResponse: 'Everflow sent an answer the extension could not read; try again, and report it if it keeps happening.',
  redirected:
    'Everflow answered with a redirect to another address, which the extension does not follow (your API key was not sent there); try again later, and report it if it keeps happening.',
  server: (status: number) => `Everflow is having trouble (error ${status}); try again in a few minutes.`,
  /** Everflow's sentence leads; without one, its status code. */
  rejected: (detail: string) => (detail.startsWith('“') ? `Everflow: ${detail}` : `Everflow refused the request (${detail}).`),
  rejectedHint: 'Check the IDs and options, then try again.',
  cancelled: 'Cancelled: no link was copied.',
} as const;

/**
 * Everflow's own explanation from an error body, made safe to show: only a string from `error`,
 * `Error` or `message` counts (the sources disagree on the casing), control characters and markup
 * are not special, it is length-limited, and the key is cut out should Everflow ever echo it.
 */
export function everflowMessage(body: unknown, apiKey: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  // The first field that says something: a blank `error` must not hide a useful `Error` or `message`.
  for (const raw of [record.error, record.Error, record.message]) {
    if (typeof raw !== 'string') continue;
    const text = shortened(withoutKey(cleanText(raw), apiKey, '[key]'), MAX_QUOTED, '…');
    if (text === '') continue;
    return `“${text}”`;
  }
  return undefined;
}

/** Maps a non-2xx HTTP answer to a failure. `body` is the parsed JSON, or undefined when it was not JSON. */
export function failureForStatus(status: number, body: unknown, apiKey: string): Failure {
  if (status === 401) return failure('unauthorized', MESSAGES.unauthorized);
  if (status === 403) return failure('forbidden', MESSAGES.forbidden);
  if (status === 429) return failure('rate-limited', MESSAGES.rateLimited);
  if (status >= 500) return failure('server', MESSAGES.server(status));
  if (status >= 400) {
    return { ...failure('rejected', MESSAGES.rejected(everflowMessage(body, apiKey) ?? `error ${status}`)), hint: MESSAGES.rejectedHint };
  }
  return failure('bad-response', MESSAGES.badResponse);
}
