import { afterEach, describe, expect, it, vi } from 'vitest';
import { MESSAGES, TIMEOUT_SECONDS } from './failures';
import { MAX_ATTEMPTS, MAX_RATE_LIMIT_WAIT_MS, ServerTrouble, callEverflow, throttleWaitMs, retryDelayMs, type Connection } from './http';
import { API_KEY, BASE_URL, expectSafeMessage, fakeFetch, hangingFetch } from '../../e2e/unit-fixtures/test-fetch';

/** Waits are recorded, not slept, so retry tests are instant and can assert the delays. */
let slept: number[] = [];
const sleep = async (ms: number) => {
  slept.push(ms);
};

function connection(fetch: typeof globalThis.fetch, extra: Partial<Connection> = {}): Connection {
  return { baseUrl: BASE_URL, apiKey: API_KEY, fetch, sleep, ...extra };
}
const baseConnection = connection;

afterEach(() => {
  slept = [];
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('callEverflow: the request', () => {
  it('POSTs JSON with the key header to baseUrl + path', async () => {
    const { fetch, sent } = fakeFetch(200, { ok: 1 });
    await callEverflow(connection(fetch), 'POST', '/networks/x', { a: 1, b: 'two' });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('https://api.eflow.team/v1/networks/x');
    expect(sent[0]?.method).toBe('POST');
    expect(sent[0]?.headers).toEqual({
      'X-Eflow-Api-Key': API_KEY,
      Accept: 'application/json',
      'Content-Type': 'application/json',
    });
    expect(sent[0]?.body).toBe('{"a":1,"b":"two"}');
    expect(sent[0]?.init.credentials).toBe('omit');
    expect(sent[0]?.init.cache).toBe('no-store');
    expect(sent[0]?.init.redirect).toBe('manual');
    expect(sent[0]?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('sends a GET with no body and no Content-Type', async () => {
    const { fetch, sent } = fakeFetch(200, {});
    await callEverflow(connection(fetch), 'GET', '/networks/y');
    expect(sent[0]?.method).toBe('GET');
    expect(sent[0]?.body).toBeUndefined();
    expect(sent[0]?.headers).toEqual({ 'X-Eflow-Api-Key': API_KEY, Accept: 'application/json' });
  });

  it('uses the global fetch when none is injected', async () => {
    const { fetch, sent } = fakeFetch(200, { hello: 'world' });
    vi.stubGlobal('fetch', fetch);
    const result = await callEverflow({ baseUrl: BASE_URL, apiKey: API_KEY }, 'GET', '/z');
    expect(result).toEqual({ ok: true, status: 200, body: { hello: 'world' } });
    expect(sent[0]?.url).toBe(`${BASE_URL}/z`);
  });
});

describe('callEverflow: success', () => {
  it('returns the parsed JSON of a 200', async () => {
    const { fetch } = fakeFetch(200, { url: 'https://t.example/1/2/', n: [1, 2] });
    expect(await callEverflow(connection(fetch), 'POST', '/p', {})).toEqual({
      ok: true,
      status: 200,
      body: { url: 'https://t.example/1/2/', n: [1, 2] },
    });
  });

  it('keeps the exact 2xx status', async () => {
    const { fetch } = fakeFetch(201, { created: true });
    expect(await callEverflow(connection(fetch), 'POST', '/p', {})).toEqual({ ok: true, status: 201, body: { created: true } });
  });

  it.each([
    ['HTML', '<html><body>Maintenance</body></html>'],
    ['plain text', 'OK'],
    ['truncated JSON', '{"url": "https://'],
    ['an empty body', undefined],
  ])('a 2xx with %s is bad-response', async (_name, body) => {
    const { fetch } = fakeFetch(200, body);
    const result = await callEverflow(connection(fetch), 'GET', '/p');
    expect(result).toEqual({ ok: false, kind: 'bad-response', message: MESSAGES.badResponse });
  });
});

describe('callEverflow: HTTP errors', () => {
  const cases: [string, number, unknown, string, string][] = [
    ['400 {"error"}', 400, { error: 'Invalid parameters.' }, 'rejected', 'Everflow: “Invalid parameters.”'],
    ['400 {"Error"}', 400, { Error: 'Affiliate cannot run offer' }, 'rejected', 'Everflow: “Affiliate cannot run offer”'],
    ['400 without a body', 400, undefined, 'rejected', MESSAGES.rejected('error 400')],
    ['400 with a non-JSON body', 400, 'Bad Request', 'rejected', MESSAGES.rejected('error 400')],
    ['400 with an object as error', 400, { error: { code: 7 } }, 'rejected', MESSAGES.rejected('error 400')],
    ['401', 401, { error: 'Unauthorized' }, 'unauthorized', MESSAGES.unauthorized],
    ['403', 403, { error: 'out of realm' }, 'forbidden', MESSAGES.forbidden],
    ['404', 404, undefined, 'rejected', MESSAGES.rejected('error 404')],
    ['422', 422, { message: 'Offer URL does not belong to offer' }, 'rejected', MESSAGES.rejected('“Offer URL does not belong to offer”')],
    // A 429 that never lifts: retried for about a minute (see "retries"), then given up on plainly.
    ['429', 429, { error: 'Too many requests' }, 'rate-limited', MESSAGES.rateLimitGaveUp],
    ['500 with an HTML body', 500, '<html><h1>Internal Server Error</h1><pre>at Foo.bar</pre></html>', 'server', MESSAGES.server(500)],
    ['502', 502, undefined, 'server', 'Everflow is having trouble (error 502); try again in a few minutes.'],
    ['503 with JSON', 503, { error: 'down for maintenance' }, 'server', MESSAGES.server(503)],
  ];

  it.each(cases)('%s → %s', async (_name, status, body, kind, message) => {
    const { fetch } = fakeFetch(status, body);
    const result = await callEverflow(connection(fetch), 'POST', '/p', { a: 1 });
    // A refusal leads with Everflow's words; the line on what to do comes after it.
    expect(result).toEqual({ ok: false, kind, message, ...(kind === 'rejected' ? { hint: MESSAGES.rejectedHint } : {}) });
    if (!result.ok) expectSafeMessage(result.message);
  });

  it('cuts the API key out of an error Everflow echoes back', async () => {
    const { fetch } = fakeFetch(400, { error: `API key ${API_KEY} has no access to offer 12 (${API_KEY})` });
    const result = await callEverflow(connection(fetch), 'POST', '/p', {});
    expect(result).toEqual({
      ok: false,
      kind: 'rejected',
      message: MESSAGES.rejected('“API key [key] has no access to offer 12 ([key])”'),
      hint: MESSAGES.rejectedHint,
    });
    if (!result.ok) expectSafeMessage(result.message);
  });

  it('never shows markup or JSON from a 4xx body other than the quoted error text', async () => {
    const { fetch } = fakeFetch(404, '<!doctype html><html><title>404</title></html>');
    const result = await callEverflow(connection(fetch), 'GET', '/p');
    expect(result).toEqual({ ok: false, kind: 'rejected', message: MESSAGES.rejected('error 404'), hint: MESSAGES.rejectedHint });
    if (!result.ok) expectSafeMessage(result.message);
  });
});

/** What a browser's fetch gives for a redirect with `redirect: 'manual'`: no status, no headers, no body. */
const opaqueRedirect = () =>
  vi.fn(async () => ({
    type: 'opaqueredirect',
    ok: false,
    status: 0,
    headers: new Headers(),
    text: async () => '',
  })) as unknown as typeof fetch;

describe('callEverflow: a redirect', () => {
  it.each([301, 302, 303, 307, 308])('a %i is never followed: its own sentence, no retry', async (status) => {
    const { fetch, sent } = fakeFetch(status, undefined, { Location: 'https://evil.example/steal' });
    const result = await callEverflow(connection(fetch), 'POST', '/p', {});
    expect(result).toStrictEqual({ ok: false, kind: 'bad-response', message: MESSAGES.redirected });
    expect(sent.map((request) => request.url)).toStrictEqual([`${BASE_URL}/p`]);
    expect(slept).toStrictEqual([]);
    if (!result.ok) expectSafeMessage(result.message);
  });

  it('a browser’s opaque redirect is told apart from being offline', async () => {
    const redirected = await callEverflow(connection(opaqueRedirect()), 'GET', '/p');
    expect(redirected).toStrictEqual({ ok: false, kind: 'bad-response', message: MESSAGES.redirected });
    const offline = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await callEverflow(connection(offline), 'GET', '/p')).toStrictEqual({ ok: false, kind: 'network', message: MESSAGES.network });
    expect(MESSAGES.redirected).toBe(
      'Everflow answered with a redirect to another address, which the extension does not follow (your API key was not sent there); try again later, and report it if it keeps happening.',
    );
  });

  it('with Node’s own fetch, a real redirect is not followed and the key is not sent on', async () => {
    const { createServer } = await import('node:http');
    const seen: { path: string | undefined; key: string | string[] | undefined }[] = [];
    const server = createServer((request, response) => {
      seen.push({ path: request.url, key: request.headers['x-eflow-api-key'] });
      if (request.url === '/v1/p') response.writeHead(307, { Location: '/elsewhere' }).end();
      else response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"url":"https://t.example/"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const result = await callEverflow({ baseUrl: `http://127.0.0.1:${port}/v1`, apiKey: API_KEY, sleep }, 'POST', '/p', {});
      expect(result).toStrictEqual({ ok: false, kind: 'bad-response', message: MESSAGES.redirected });
      expect(seen).toStrictEqual([{ path: '/v1/p', key: API_KEY }]);
    } finally {
      server.close();
    }
  });
});

describe('callEverflow: network trouble', () => {
  it('a rejected fetch is network', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError(`Failed to fetch ${API_KEY}`);
    }) as unknown as typeof globalThis.fetch;
    const result = await callEverflow(connection(fetch), 'GET', '/p');
    expect(result).toEqual({ ok: false, kind: 'network', message: MESSAGES.network });
    if (!result.ok) expectSafeMessage(result.message);
  });

  it('a body that fails to arrive is network', async () => {
    const fetch = vi.fn(async () => ({
      ok: true,
      status: 200,
      text: async () => {
        throw new TypeError('terminated');
      },
    })) as unknown as typeof globalThis.fetch;
    expect(await callEverflow(connection(fetch), 'GET', '/p')).toEqual({ ok: false, kind: 'network', message: MESSAGES.network });
  });

  it('a fetch that never answers times out after timeoutMs and is aborted', async () => {
    const { fetch, signal } = hangingFetch();
    const started = Date.now();
    const result = await callEverflow(connection(fetch, { timeoutMs: 20 }), 'GET', '/p');
    expect(result).toEqual({ ok: false, kind: 'timeout', message: MESSAGES.timeout });
    expect(signal()?.aborted).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    if (!result.ok) expectSafeMessage(result.message);
  });

  it(`times out after ${TIMEOUT_SECONDS} seconds by default, not before`, async () => {
    vi.useFakeTimers();
    const { fetch, signal } = hangingFetch();
    let settled: unknown;
    const pending = callEverflow(connection(fetch), 'GET', '/p').then((r) => (settled = r));
    await vi.advanceTimersByTimeAsync(TIMEOUT_SECONDS * 1000 - 1);
    expect(settled).toBeUndefined();
    expect(signal()?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(settled).toEqual({ ok: false, kind: 'timeout', message: MESSAGES.timeout });
    expect(MESSAGES.timeout).toContain(`${TIMEOUT_SECONDS} seconds`);
  });

  it('a quick answer clears its timer (no abort afterwards)', async () => {
    vi.useFakeTimers();
    const { fetch, sent } = fakeFetch(200, {});
    await callEverflow(connection(fetch, { timeoutMs: 50 }), 'GET', '/p');
    expect(vi.getTimerCount()).toBe(0);
    expect(sent[0]?.init.signal?.aborted).toBe(false);
  });
});

/** A fetch that answers each call with the next of `answers` (the last one repeats). */
function scriptedFetch(answers: { status: number; body?: unknown; headers?: Record<string, string> }[]) {
  let calls = 0;
  const fetch = vi.fn(async () => {
    const answer = answers[Math.min(calls++, answers.length - 1)]!;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: answer.headers ?? {},
    });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls: () => calls };
}

const offlineFetch = () =>
  vi.fn(async () => {
    throw new TypeError('Failed to fetch');
  }) as unknown as typeof globalThis.fetch;

describe('callEverflow: retries', () => {
  it.each([429, 500, 502, 503, 504])('retries a %i and returns the later success', async (status) => {
    const { fetch, calls } = scriptedFetch([{ status }, { status: 200, body: { url: 'https://x.example/' } }]);
    const result = await callEverflow(connection(fetch), 'POST', '/p', {});
    expect(result).toEqual({ ok: true, status: 200, body: { url: 'https://x.example/' } });
    expect(calls()).toBe(2);
    expect(slept).toHaveLength(1);
  });

  it('a 429 without Retry-After is retried with waits growing to the 30-second window, for two windows, saying each wait', async () => {
    const { fetch, calls } = scriptedFetch([{ status: 429 }]);
    const waits: number[] = [];
    const result = await callEverflow(connection(fetch, { onWait: (ms) => waits.push(ms) }), 'POST', '/p', {});
    expect(result).toEqual({ ok: false, kind: 'rate-limited', message: MESSAGES.rateLimitGaveUp });
    expect(slept).toEqual([1000, 2000, 4000, 8000, 16000, 30000]);
    // Bounded: the person's whole wait stays within two windows and a little.
    expect(slept.reduce((a, b) => a + b)).toBeLessThanOrEqual(MAX_RATE_LIMIT_WAIT_MS);
    expect(waits).toEqual(slept);
    expect(calls()).toBe(7);
  });

  it('gives up after three attempts with the plain message for the last failure', async () => {
    const { fetch, calls } = scriptedFetch([{ status: 503 }]);
    const result = await callEverflow(connection(fetch), 'POST', '/p', {});
    expect(result).toEqual({ ok: false, kind: 'server', message: MESSAGES.server(503) });
    expect(calls()).toBe(MAX_ATTEMPTS);
    expect(MAX_ATTEMPTS).toBe(3);
    expect(slept).toHaveLength(2);
    // Exponential backoff: the second wait is about twice the first.
    expect(slept[0]).toBeGreaterThanOrEqual(400);
    expect(slept[1]).toBeGreaterThanOrEqual(800);
  });

  it.each([400, 401, 403, 404, 422])('never retries a %i', async (status) => {
    const { fetch, calls } = scriptedFetch([
      { status, body: { error: 'no' } },
      { status: 200, body: { url: 'https://x.example/' } },
    ]);
    const result = await callEverflow(connection(fetch), 'POST', '/p', {});
    expect(result.ok).toBe(false);
    expect(calls()).toBe(1);
    expect(slept).toEqual([]);
  });

  it('never retries a network failure or a timeout', async () => {
    const failing = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof globalThis.fetch;
    await callEverflow(connection(failing), 'GET', '/never-failed-before');
    expect(failing).toHaveBeenCalledTimes(1);
    const { fetch: hanging, mock } = hangingFetch();
    await callEverflow(connection(hanging, { timeoutMs: 10 }), 'GET', '/p');
    expect(mock).toHaveBeenCalledTimes(1);
  });

  it('a request Chrome holds back after 5xx answers (its anti-DDoS throttling) is Everflow’s trouble: waited out and retried', async () => {
    // The browser's one memory of Everflow's trouble, as the background keeps it for every connection.
    const serverTrouble = new ServerTrouble();
    const remembering = (fetch: typeof globalThis.fetch, extra: Partial<Connection> = {}) =>
      baseConnection(fetch, { serverTrouble, ...extra });
    let calls = 0;
    // Three 500s, then Chrome refuses to send (fetch fails as if offline), then Everflow answers.
    const fetch = vi.fn(async () => {
      calls++;
      if (calls <= 3) return new Response('{}', { status: 500 });
      if (calls === 4) throw new TypeError('Failed to fetch');
      return new Response('{"url":"x"}');
    }) as unknown as typeof globalThis.fetch;
    const first = await callEverflow(remembering(fetch), 'POST', '/throttled', {});
    expect(first).toEqual({ ok: false, kind: 'server', message: MESSAGES.server(500) });
    slept = [];
    // The person tries again at once: not "check your internet connection", and the link comes.
    const second = await callEverflow(remembering(fetch), 'POST', '/throttled', {});
    expect(second).toEqual({ ok: true, status: 200, body: { url: 'x' } });
    expect(slept).toEqual([throttleWaitMs(3)]);
    expect(throttleWaitMs(3)).toBeGreaterThanOrEqual(700);
    // Fewer than three 5xx in a row, another endpoint, or one that answered since: offline is offline.
    const twice = vi.fn(async () => new Response('{}', { status: 503 })) as unknown as typeof globalThis.fetch;
    await callEverflow(remembering(twice, { maxAttempts: 2 }), 'POST', '/twice', {});
    expect(await callEverflow(remembering(offlineFetch()), 'POST', '/twice', {})).toEqual({
      ok: false,
      kind: 'network',
      message: MESSAGES.network,
    });
    const offline = offlineFetch();
    expect(await callEverflow(remembering(offline), 'POST', '/throttled', {})).toEqual({
      ok: false,
      kind: 'network',
      message: MESSAGES.network,
    });
    expect(await callEverflow(remembering(offline), 'POST', '/elsewhere', {})).toEqual({
      ok: false,
      kind: 'network',
      message: MESSAGES.network,
    });
    // A connection that keeps no memory of Everflow's answers cannot tell: offline.
    let forgetful = 0;
    const unremembered = vi.fn(async () => {
      forgetful++;
      if (forgetful <= 3) return new Response('{}', { status: 500 });
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof globalThis.fetch;
    await callEverflow(baseConnection(unremembered, { maxAttempts: 1 }), 'POST', '/forgetful', {});
    await callEverflow(baseConnection(unremembered, { maxAttempts: 1 }), 'POST', '/forgetful', {});
    await callEverflow(baseConnection(unremembered, { maxAttempts: 1 }), 'POST', '/forgetful', {});
    expect(await callEverflow(baseConnection(unremembered), 'POST', '/forgetful', {})).toEqual({
      ok: false,
      kind: 'network',
      message: MESSAGES.network,
    });
  });

  it('waits as long as Retry-After says', async () => {
    const { fetch } = scriptedFetch([
      { status: 429, headers: { 'Retry-After': '2' } },
      { status: 200, body: {} },
    ]);
    await callEverflow(connection(fetch), 'GET', '/p');
    expect(slept).toEqual([2000]);
  });

  it('does not hold the person for a Retry-After beyond the limit', async () => {
    const { fetch, calls } = scriptedFetch([
      { status: 429, headers: { 'Retry-After': '60' } },
      { status: 200, body: {} },
    ]);
    const result = await callEverflow(connection(fetch), 'GET', '/p');
    expect(result).toEqual({ ok: false, kind: 'rate-limited', message: MESSAGES.rateLimited });
    expect(calls()).toBe(1);
  });

  it('maxAttempts: 1 turns retries off', async () => {
    const { fetch, calls } = scriptedFetch([{ status: 503 }]);
    await callEverflow(connection(fetch, { maxAttempts: 1 }), 'GET', '/p');
    expect(calls()).toBe(1);
  });
});

const headers = (init: Record<string, string>) => new Headers(init);
const noJitter = () => 0;

describe('retryDelayMs', () => {
  it('reads Retry-After in seconds', () => expect(retryDelayMs(1, headers({ 'Retry-After': '3' }))).toBe(3000));
  it('reads Retry-After as an HTTP date', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(retryDelayMs(1, headers({ 'Retry-After': 'Tue, 24 Nov 2026 10:00:05 GMT' }), now)).toBe(5000);
  });
  it('treats a Retry-After in the past as "now"', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(retryDelayMs(1, headers({ 'Retry-After': 'Tue, 24 Nov 2026 09:00:00 GMT' }), now)).toBe(0);
  });
  it('refuses to wait beyond the limit', () => expect(retryDelayMs(1, headers({ 'Retry-After': '11' }))).toBeUndefined());
  it('an empty rate-limit count alone says nothing of how long (a window may last 30 s): backoff', () =>
    expect(retryDelayMs(1, headers({ 'X-RateLimit-Limit': '30', 'X-RateLimit-Remaining': '0' }), 0, noJitter)).toBe(400));
  it('backs off exponentially otherwise', () => {
    expect(retryDelayMs(1, headers({}), 0, noJitter)).toBe(400);
    expect(retryDelayMs(2, headers({}), 0, noJitter)).toBe(800);
    expect(retryDelayMs(3, headers({}), 0, noJitter)).toBe(1600);
  });
  it('ignores a Retry-After it cannot read and backs off instead', () =>
    expect(retryDelayMs(2, headers({ 'Retry-After': 'soon' }), 0, noJitter)).toBe(800));
});

function recordingLimiter(grant = true) {
  const log: string[] = [];
  const limiter = {
    acquire: vi.fn(async (lane: string, options: { maxWaitMs?: number | undefined } = {}) => {
      log.push(`acquire ${lane} ${options.maxWaitMs ?? 'no limit'}`);
      return grant ? { release: () => log.push('release') } : undefined;
    }),
    backOff: vi.fn((ms: number) => log.push(`backOff ${ms}`)),
    strike: vi.fn(() => 1000),
  };
  return { limiter, log };
}

describe('callEverflow: the shared pace', () => {
  it('waits for a turn before each attempt and frees it after, reporting a 429’s Retry-After', async () => {
    const { limiter, log } = recordingLimiter();
    let calls = 0;
    const fetch = vi.fn(async () => {
      log.push('fetch');
      return ++calls === 1 ? new Response('{}', { status: 429, headers: { 'Retry-After': '2' } }) : new Response('{"url":"x"}');
    }) as unknown as typeof globalThis.fetch;
    const result = await callEverflow(connection(fetch, { limiter, lane: 'bulk' }), 'POST', '/x', {});
    expect(result.ok).toBe(true);
    expect(log).toEqual(['acquire bulk no limit', 'fetch', 'backOff 2000', 'release', 'acquire bulk no limit', 'fetch', 'release']);
  });

  it('a person’s call is interactive by default and will not wait through a long pause', async () => {
    const { limiter, log } = recordingLimiter(false);
    const { fetch, sent } = fakeFetch(200, { ok: 1 });
    const result = await callEverflow(connection(fetch, { limiter }), 'GET', '/x');
    expect(log).toEqual(['acquire interactive 35000']);
    expect(sent).toHaveLength(0);
    expect(result).toEqual({ ok: false, kind: 'rate-limited', message: MESSAGES.rateLimited });
  });

  it('a 429 without Retry-After is a strike on the shared limiter (its pause grows)', async () => {
    const { limiter } = recordingLimiter();
    const { fetch } = fakeFetch(429, {}, { 'X-RateLimit-Remaining': '0' });
    await callEverflow(connection(fetch, { limiter, maxAttempts: 1 }), 'POST', '/x', {});
    expect(limiter.strike).toHaveBeenCalledTimes(1);
    expect(limiter.backOff).not.toHaveBeenCalled();
  });
});

function pausedLimiter(pauses: number[]) {
  const acquired: (number | undefined)[] = [];
  const limiter = {
    acquire: vi.fn(async (_lane: string, options: { maxWaitMs?: number | undefined } = {}) => {
      acquired.push(options.maxWaitMs);
      return { release: () => undefined };
    }),
    backOff: vi.fn(),
    strike: vi.fn(() => 1000),
    pausedForMs: vi.fn(() => pauses.shift() ?? 0),
  };
  return { limiter, acquired };
}

describe('callEverflow: a person waiting on the shared limiter', () => {
  it('a pause someone else’s 429 started is told to the person before they wait through it', async () => {
    const { limiter } = pausedLimiter([12_000]);
    const { fetch, sent } = fakeFetch(200, { url: 'x' });
    const waits: number[] = [];
    const result = await callEverflow(connection(fetch, { limiter, onWait: (ms) => waits.push(ms) }), 'POST', '/x', {});
    expect(result.ok).toBe(true);
    expect(waits).toEqual([12_000]);
    expect(sent).toHaveLength(1);
  });

  it('a pause too short to notice is not told', async () => {
    const { limiter } = pausedLimiter([100]);
    const { fetch } = fakeFetch(200, { url: 'x' });
    const waits: number[] = [];
    await callEverflow(connection(fetch, { limiter, onWait: (ms) => waits.push(ms) }), 'POST', '/x', {});
    expect(waits).toEqual([]);
  });

  it('pauses count against the person’s budget: past it, the call gives up plainly without sending', async () => {
    // 30 s paused before the first try, a 30-s wait after its 429, then another 30-s pause: past the budget.
    const { limiter, acquired } = pausedLimiter([30_000, 30_000]);
    let calls = 0;
    const fetch = vi.fn(async () =>
      ++calls === 1 ? new Response('{}', { status: 429 }) : new Response('{"url":"x"}'),
    ) as unknown as typeof globalThis.fetch;
    const waits: number[] = [];
    limiter.strike.mockReturnValue(30_000);
    const result = await callEverflow(connection(fetch, { limiter, onWait: (ms) => waits.push(ms) }), 'POST', '/x', {});
    expect(result).toEqual({ ok: false, kind: 'rate-limited', message: MESSAGES.rateLimitGaveUp });
    expect(waits).toEqual([30_000, 30_000]);
    expect(calls).toBe(1);
    expect(acquired[0]).toBeLessThanOrEqual(MAX_RATE_LIMIT_WAIT_MS);
  });
});

describe('callEverflow: a paused bulk row', () => {
  it('waits for its turn with the queue signal, so a pause stops the wait but not a request already sent', async () => {
    const { limiter } = recordingLimiter();
    const { fetch, sent } = fakeFetch(200, { url: 'x' });
    const signal = new AbortController().signal;
    const queueSignal = new AbortController().signal;
    await callEverflow(connection(fetch, { limiter, lane: 'bulk', signal, queueSignal }), 'POST', '/x', {});
    expect(limiter.acquire).toHaveBeenCalledWith('bulk', { signal: queueSignal, maxWaitMs: undefined });
    expect(sent[0]?.init.signal).not.toBe(queueSignal);
  });
});
