// What a failed call ends in, and the plain sentence for each way it can fail: what happened, what to
// do. The UI shows `message`; code and tests branch on `kind`. How Everflow's own error answers become
// one is in error-answers.ts.

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
