import { request } from 'node:http';
import { connect as http2Connect, type ClientHttp2Session } from 'node:http2';
import { connect, type TLSSocket } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { EverflowSimulator, answerTimeMs } from './everflow';
import { US_KEY } from './network';
import { startSimulatorServer } from './server';

/** A tunnel through the proxy (CONNECT host:443), then TLS to the host offering `alpn`, as a browser does. */
function tunnel(port: number, host: string, alpn: string[] = ['http/1.1']): Promise<{ connect: number; tls?: TLSSocket }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'CONNECT', path: `${host}:443` });
    req.on('connect', (res, socket) => {
      if (res.statusCode !== 200) return resolve({ connect: res.statusCode ?? 0 });
      const tls = connect({ socket, servername: host, rejectUnauthorized: false, ALPNProtocols: alpn }, () =>
        resolve({ connect: 200, tls }),
      );
      tls.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** One HTTP/1.1 request through the proxy. */
async function viaProxy(
  port: number,
  host: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ connect: number; status?: number; body?: string }> {
  const { connect: status, tls } = await tunnel(port, host);
  if (!tls) return { connect: status };
  return new Promise((resolve, reject) => {
    tls.write(
      `GET ${path} HTTP/1.1\r\nHost: ${host}\r\n${Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')}Connection: close\r\n\r\n`,
    );
    let text = '';
    tls.on('data', (chunk) => (text += chunk));
    tls.on('end', () =>
      resolve({ connect: 200, status: Number(text.split(' ')[1]), body: text.split('\r\n\r\n').slice(1).join('\r\n\r\n') }),
    );
    tls.on('error', reject);
  });
}

/** An HTTP/2 session through the proxy, or the protocol the server chose instead. */
async function h2Session(port: number, host: string): Promise<{ alpn: string | false | null; session?: ClientHttp2Session }> {
  const { tls } = await tunnel(port, host, ['h2', 'http/1.1']);
  if (tls!.alpnProtocol !== 'h2') {
    tls!.destroy();
    return { alpn: tls!.alpnProtocol };
  }
  return { alpn: 'h2', session: http2Connect(`https://${host}`, { createConnection: () => tls! }) };
}

function h2Get(session: ClientHttp2Session, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const stream = session.request({ ':method': 'GET', ':path': path, ...headers });
    let status = 0;
    let body = '';
    stream.on('response', (h) => (status = Number(h[':status'])));
    stream.on('data', (chunk) => (body += chunk));
    stream.on('end', () => resolve({ status, body }));
    stream.on('error', reject);
    stream.end();
  });
}

describe('the HTTPS proxy', async () => {
  let sim = new EverflowSimulator({ rateLimit: 'none' });
  const server = await startSimulatorServer(() => sim, { pages: { 'demo.everflowclient.io': () => ({ body: '<h1>Offer</h1>' }) } });
  afterAll(() => server.close());

  it('terminates TLS for api.eflow.team and answers from the simulator', async () => {
    const reply = await viaProxy(server.port, 'api.eflow.team', '/v1/networks/trafficsource', { 'X-Eflow-Api-Key': US_KEY });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('traffic_sources');
    expect(sim.requests.at(-1)).toMatchObject({
      method: 'GET',
      url: 'https://api.eflow.team/v1/networks/trafficsource',
      headers: { 'x-eflow-api-key': US_KEY },
      httpVersion: '1.1',
    });
  });
  it('serves the pages it was given on their own host', async () => {
    expect((await viaProxy(server.port, 'demo.everflowclient.io', '/offers/42')).body).toContain('<h1>Offer</h1>');
  });
  it('refuses every other host', async () => {
    expect((await viaProxy(server.port, 'example.com', '/')).connect).toBe(403);
  });
  it('lists the Chromium flags that use it', () => {
    expect(server.chromiumArgs).toEqual([`--proxy-server=127.0.0.1:${server.port}`, '--ignore-certificate-errors']);
  });

  it('speaks HTTP/2 by default, both API hosts on one connection, and records the version', async () => {
    sim = new EverflowSimulator({ rateLimit: 'none' });
    const { alpn, session } = await h2Session(server.port, 'api.eflow.team');
    expect(alpn).toBe('h2');
    const us = await h2Get(session!, '/v1/networks/trafficsource', { 'x-eflow-api-key': US_KEY });
    // A browser may coalesce both hosts onto one connection: the host of each request decides.
    const eu = await h2Get(session!, '/v1/networks/trafficsource', { ':authority': 'api-eu.eflow.team', 'x-eflow-api-key': US_KEY });
    session!.close();
    expect([us.status, eu.status]).toStrictEqual([200, 401]);
    expect(sim.requests.map((r) => [r.url, r.httpVersion])).toStrictEqual([
      ['https://api.eflow.team/v1/networks/trafficsource', '2.0'],
      ['https://api-eu.eflow.team/v1/networks/trafficsource', '2.0'],
    ]);
    // No pseudo-headers among the recorded ones.
    expect(Object.keys(sim.requests[0]!.headers).filter((name) => name.startsWith(':'))).toStrictEqual([]);
  });

  it('offers only HTTP/1.1 when the simulator says so', async () => {
    sim = new EverflowSimulator({ rateLimit: 'none', protocol: 'http/1.1' });
    const { alpn } = await h2Session(server.port, 'api.eflow.team');
    expect(alpn).toBe('http/1.1');
  });

  it('over HTTP/2, an aborted answer resets its own stream; the connection carries on', async () => {
    sim = new EverflowSimulator({ rateLimit: 'none' });
    sim.answer((r) => (r.path.endsWith('/trafficsource') ? { abort: true } : undefined));
    const { session } = await h2Session(server.port, 'api.eflow.team');
    await expect(h2Get(session!, '/v1/networks/trafficsource', { 'x-eflow-api-key': US_KEY })).rejects.toThrow();
    expect((await h2Get(session!, '/v1/networks/domains/tracking', { 'x-eflow-api-key': US_KEY })).status).toBe(200);
    session!.close();
  });

  it('answers after the latency asked for, many at once over one connection, and records how many it held', async () => {
    sim = new EverflowSimulator({ rateLimit: 'none', latency: { ms: 150, jitterMs: 50 } });
    const { session } = await h2Session(server.port, 'api.eflow.team');
    const started = Date.now();
    const replies = await Promise.all(
      Array.from({ length: 12 }, () => h2Get(session!, '/v1/networks/trafficsource', { 'x-eflow-api-key': US_KEY })),
    );
    const took = Date.now() - started;
    session!.close();
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(took).toBeGreaterThanOrEqual(100);
    for (const r of sim.requests) expect(r.answeredAt! - r.at).toBeGreaterThanOrEqual(99);
    expect(sim.peakInFlight()).toBe(12);
  });
});

describe('answer times', () => {
  it('the latency, give or take the jitter, evenly, never below 0', () => {
    expect(answerTimeMs(undefined)).toBe(0);
    expect([0, 0.5, 1].map((r) => answerTimeMs({ ms: 300, jitterMs: 50 }, () => r))).toStrictEqual([250, 300, 350]);
    expect(answerTimeMs({ ms: 20, jitterMs: 50 }, () => 0)).toBe(0);
    expect(answerTimeMs({ ms: 300 })).toBe(300);
  });
  it('peakInFlight counts what arrived and was not yet answered; a hang stays open', () => {
    let now = 0;
    const sim = new EverflowSimulator({ rateLimit: 'none', now: () => now });
    sim.answer({ hang: true });
    void sim.handle({ method: 'GET', url: 'https://api.eflow.team/v1/networks', headers: {}, rawBody: null });
    now = 10;
    void sim.handle({ method: 'GET', url: 'https://api.eflow.team/v1/networks', headers: {}, rawBody: null });
    expect(sim.peakInFlight()).toBe(2);
    expect(sim.requests.map((r) => r.answeredAt)).toStrictEqual([undefined, undefined]);
  });
});
