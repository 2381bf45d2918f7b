// One Everflow call: auth header, JSON body, timeout, retries of passing trouble, and every way it
// can fail mapped to a Failure. Pure apart from `fetch` and `sleep`, which callers may inject;
// nothing here touches chrome.* or storage.
import { failureForStatus } from './error-answers';
import { MESSAGES, TIMEOUT_SECONDS, failure, type Failure } from './failures';
import { RATE_LIMIT_WINDOW_MS, escalatingWaitMs, type Lane, type RateLimiter } from './rate-limiter';

export interface Connection {
  /** e.g. https://api.eflow.team/v1 */
  baseUrl: string;
  apiKey: string;
  /** The person's other keys (their other accounts'): never sent in a link's fields either. */
  otherKeys?: readonly string[];
  fetch?: typeof fetch;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Attempts in all, including the first; 1 turns retries off. */
  maxAttempts?: number;
  /** Cancels the call (e.g. a search superseded by the next keystroke); the result is then discarded. */
  signal?: AbortSignal;
  /** Stops only the wait for a turn (a bulk job paused); a request already sent goes on. */
  queueSignal?: AbortSignal;
  /** Paces every call (shared by all callers); each attempt waits for its turn. */
  limiter?: Pick<RateLimiter, 'acquire' | 'backOff'> & Partial<Pick<RateLimiter, 'strike' | 'calm' | 'pausedForMs'>>;
  /** Told before each wait for Everflow's rate limit (e.g. to show "trying again in N s"). */
  onWait?: (ms: number) => void;
  /** Whose call this is: people go before bulk rows. Default 'interactive'. */
  lane?: Lane;
  /** A 404 is an answer ("there is no such offer"), given as `{ ok: true, status: 404 }`, not a failure. */
  acceptNotFound?: boolean;
  /** What Everflow's recent 5xx answers make Chrome do (see ServerTrouble); shared by every connection of the browser. */
  serverTrouble?: ServerTrouble;
}

export type CallResult = { ok: true; status: number; body: unknown } | Failure;

/** Rate limiting and server trouble pass (Everflow's docs: retry 429 and 500 with backoff); the rest would fail the same way again. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);
/** A person's call keeps trying through 429s this long in all (two of Everflow's 30-second windows), with a visible countdown. */
export const MAX_RATE_LIMIT_WAIT_MS = 2 * RATE_LIMIT_WINDOW_MS + 5_000;
export const MAX_ATTEMPTS = 3;
/** Longer waits than this are not worth holding a person for: give up and say so instead. */
export const MAX_RETRY_WAIT_MS = 10_000;
const BACKOFF_BASE_MS = 400;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Chrome's anti-DDoS throttling of extension requests (chromium.org/throttling): after three 5xx in a
 * row for one URL (two are let pass), Chrome refuses further requests to it for a while (up to 700 ms
 * at first, ×1.4 after each further 5xx) without sending them, and fetch fails as if offline. So a
 * request that fails to go out right after such answers is Everflow's trouble, not the person's
 * connection: say so, and wait it out. Found by the 500 spec: a second click right after three 500s
 * said "Could not reach Everflow" without any request reaching it.
 * The memory of those answers belongs to whoever keeps the connections (the background, one for the
 * browser, as Chrome's throttling is); a connection without one treats every failure to send as offline.
 */
export class ServerTrouble {
  private readonly byEndpoint = new Map<string, { inARow: number; status: number; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Everflow answered `status` at `endpoint` (the URL without its query). */
  answered(endpoint: string, status: number): void {
    if (status < 500) {
      this.byEndpoint.delete(endpoint);
      return;
    }
    const before = this.byEndpoint.get(endpoint);
    this.byEndpoint.set(endpoint, { inARow: (before?.inARow ?? 0) + 1, status, at: this.now() });
  }

  /** When a request to `endpoint` could not go out: the 5xx Chrome is likely holding it back for, and how many came in a row. */
  throttledBy(endpoint: string): { status: number; inARow: number } | undefined {
    const trouble = this.byEndpoint.get(endpoint);
    if (!trouble || trouble.inARow <= THROTTLE_IGNORED_ERRORS || this.now() - trouble.at >= THROTTLE_MEMORY_MS) return undefined;
    return trouble;
  }
}

const THROTTLE_MEMORY_MS = 2 * 60_000;
/** Chrome lets this many 5xx in a row pass before it starts holding requests back. */
const THROTTLE_IGNORED_ERRORS = 2;
export function throttleWaitMs(inARow: number): number {
  return Math.min(MAX_RETRY_WAIT_MS, Math.ceil(700 * 1.4 ** Math.max(0, inARow - 3)) + 100);
}

/**
 * How long Everflow asked us to wait, if it did: Retry-After (seconds or an HTTP date) wins; an empty
 * rate-limit bucket means "next second" (Everflow's limit is per second).
 */
export function serverWaitMs(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    const ms = /^\d+(\.\d+)?$/.test(retryAfter) ? Number(retryAfter) * 1000 : Date.parse(retryAfter) - now;
    if (Number.isFinite(ms)) return Math.max(0, Math.ceil(ms));
  }
  return undefined;
}

/**
 * How long to wait before attempt `attempt + 1`, or undefined when waiting is not worth it: what
 * Everflow asked for (up to MAX_RETRY_WAIT_MS), else exponential backoff with a little jitter.
 */
export function retryDelayMs(attempt: number, headers: Headers, now = Date.now(), random = Math.random): number | undefined {
  const asked = serverWaitMs(headers, now);
  if (asked !== undefined) return asked <= MAX_RETRY_WAIT_MS ? asked : undefined;
  return BACKOFF_BASE_MS * 2 ** (attempt - 1) + Math.floor(random() * 100);
}

type Attempt = { result: CallResult; retryAfterMs?: number | undefined; rateLimited?: boolean; pausedMs?: number };

/** A pause shorter than this is not worth a line on screen. */
export const REPORTED_WAIT_MS = 500;

async function attemptOnce(
  connection: Connection,
  attempt: number,
  method: string,
  path: string,
  body: unknown,
  budgetMs: number,
): Promise<Attempt> {
  const lane = connection.lane ?? 'interactive';
  // The limiter is paused (a 429, maybe someone else's): a person is told how long, and kept
  // waiting only within what is left of their budget; bulk rows just wait their turn.
  const pausedMs = lane === 'interactive' ? (connection.limiter?.pausedForMs?.() ?? 0) : 0;
  if (pausedMs > budgetMs) return { result: failure('rate-limited', MESSAGES.rateLimited), pausedMs: 0 };
  if (pausedMs >= REPORTED_WAIT_MS) connection.onWait?.(pausedMs);
  const permit = await connection.limiter?.acquire(lane, {
    signal: connection.queueSignal ?? connection.signal,
    maxWaitMs: lane === 'interactive' ? Math.max(REPORTED_WAIT_MS, Math.min(RATE_LIMIT_WINDOW_MS + 5_000, budgetMs)) : undefined,
  });
  if (connection.limiter && !permit) {
    return {
      result: connection.signal?.aborted ? failure('network', MESSAGES.network) : failure('rate-limited', MESSAGES.rateLimited),
      pausedMs,
    };
  }
  try {
    return { ...(await fetchOnce(connection, attempt, method, path, body)), pausedMs: pausedMs >= REPORTED_WAIT_MS ? pausedMs : 0 };
  } finally {
    permit?.release();
  }
}

async function fetchOnce(connection: Connection, attempt: number, method: string, path: string, body: unknown): Promise<Attempt> {
  const doFetch = connection.fetch ?? globalThis.fetch.bind(globalThis);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), connection.timeoutMs ?? TIMEOUT_SECONDS * 1000);
  const url = `${connection.baseUrl}${path}`;
  const endpoint = url.split('?')[0]!;
  const cancel = () => timeout.abort();
  connection.signal?.addEventListener('abort', cancel);
  try {
    if (connection.signal?.aborted) throw new Error('cancelled');
    const headers: Record<string, string> = { 'X-Eflow-Api-Key': connection.apiKey, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await doFetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: timeout.signal,
      // Everflow needs no cookies; never send the browser's.
      credentials: 'omit',
      cache: 'no-store',
      // A followed redirect would carry X-Eflow-Api-Key to the new address (the Fetch rules keep custom
      // headers), so none is. 'manual' rather than 'error': 'error' rejects exactly as being offline
      // does, while 'manual' answers with an opaque redirect, so the person can be told which it was.
      redirect: 'manual',
    });
    if (isRedirect(response)) {
      connection.serverTrouble?.answered(endpoint, response.status);
      return { result: failure('bad-response', MESSAGES.redirected) };
    }
    const text = await response.text();
    const json = parseJson(text);
    connection.serverTrouble?.answered(endpoint, response.status);
    if (response.status === 404 && connection.acceptNotFound) return { result: { ok: true, status: 404, body: json } };
    if (!response.ok) {
      const result = failureForStatus(response.status, json, connection.apiKey);
      if (response.status === 429) {
        // Everyone else sharing the limiter waits too: the limit at Everflow is shared. Without
        // Retry-After the waits grow up to the 30-second window instead of knocking on a closed one.
        const asked = serverWaitMs(response.headers);
        if (asked !== undefined) connection.limiter?.backOff(asked);
        // Longer than a whole window is not worth holding anyone for.
        if (asked !== undefined && asked > RATE_LIMIT_WINDOW_MS) return { result };
        const wait = asked ?? connection.limiter?.strike?.() ?? escalatingWaitMs(attempt);
        return { result, retryAfterMs: wait, rateLimited: true };
      }
      const retryAfterMs = RETRYABLE_STATUSES.has(response.status) ? retryDelayMs(attempt, response.headers) : undefined;
      return { result, retryAfterMs };
    }
    connection.limiter?.calm?.();
    if (json === undefined) return { result: failure('bad-response', MESSAGES.badResponse) };
    return { result: { ok: true, status: response.status, body: json } };
  } catch {
    if (timeout.signal.aborted) return { result: failure('timeout', MESSAGES.timeout) };
    // Chrome held the request back after Everflow's 5xx answers: Everflow's trouble, retried as such.
    const trouble = connection.signal?.aborted ? undefined : connection.serverTrouble?.throttledBy(endpoint);
    if (trouble) {
      return { result: failureForStatus(trouble.status, undefined, connection.apiKey), retryAfterMs: throttleWaitMs(trouble.inARow) };
    }
    // Otherwise fetch rejects only for network trouble or our own abort; neither detail helps the user.
    // Neither is retried: a hang already cost 15 s, and offline stays offline for a while.
    return { result: failure('network', MESSAGES.network) };
  } finally {
    clearTimeout(timer);
    connection.signal?.removeEventListener('abort', cancel);
  }
}

export async function callEverflow(connection: Connection, method: 'GET' | 'POST', path: string, body?: unknown): Promise<CallResult> {
  const attempts = Math.max(1, connection.maxAttempts ?? MAX_ATTEMPTS);
  const sleep = connection.sleep ?? realSleep;
  // A person's call waits for Everflow's rate limit this long at most, in all.
  let budget = attempts > 1 ? MAX_RATE_LIMIT_WAIT_MS : RATE_LIMIT_WINDOW_MS + 5_000;
  let waited = false;
  for (let attempt = 1; ; attempt++) {
    const { result, retryAfterMs, rateLimited, pausedMs = 0 } = await attemptOnce(connection, attempt, method, path, body, budget);
    budget -= pausedMs;
    // Only a call that keeps trying (a person's) gives up with "after about a minute".
    waited ||= pausedMs > 0 && attempts > 1;
    if (!result.ok && result.kind === 'rate-limited' && waited && retryAfterMs === undefined)
      return failure('rate-limited', MESSAGES.rateLimitGaveUp);
    if (result.ok || retryAfterMs === undefined || connection.signal?.aborted) return result;
    if (rateLimited && attempts > 1) {
      // A 429 is retried for as long as two windows take, whatever the attempt count: the link comes.
      if (retryAfterMs > budget) return waited ? failure('rate-limited', MESSAGES.rateLimitGaveUp) : result;
      budget -= retryAfterMs;
      waited = true;
      connection.onWait?.(retryAfterMs);
    } else if (attempt >= attempts || retryAfterMs > MAX_RETRY_WAIT_MS) {
      return result;
    }
    await sleep(retryAfterMs);
  }
}

/** A browser gives an opaque redirect (status 0); other fetch implementations give the 3xx answer itself. */
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const isRedirect = (response: Response) => response.type === 'opaqueredirect' || REDIRECT_STATUSES.has(response.status);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
