// Everflow's error answers (a status other than 2xx, and the body with it) as failures, its own
// sentence quoted where it gave one. Apart from failures.ts, which the pages load too: this needs the
// text cleaning and the key search, which only the background does.
import { MESSAGES, failure, type Failure } from './failures';
import { withoutKey } from './key-in-text';
import { cleanText, shortened } from './text';

const MAX_QUOTED = 160;

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
