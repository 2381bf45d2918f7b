import { request } from 'node:http';
import { connect } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { EverflowSimulator } from './everflow';
import { US_KEY } from './network';
import { startSimulatorServer } from './server';

/** One HTTPS request through the proxy, the way a browser sends it: CONNECT, then TLS to the host. */
function viaProxy(
  port: number,
  host: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ connect: number; status?: number; body?: string }> {
  return new Promise((resolve, reject) => {
    const tunnel = request({ host: '127.0.0.1', port, method: 'CONNECT', path: `${host}:443` });
    tunnel.on('connect', (res, socket) => {
      if (res.statusCode !== 200) return resolve({ connect: res.statusCode ?? 0 });
      const tls = connect({ socket, servername: host, rejectUnauthorized: false }, () => {
        tls.write(
          `GET ${path} HTTP/1.1\r\nHost: ${host}\r\n${Object.entries(headers)
            .map(([k, v]) => `${k}: ${v}\r\n`)
            .join('')}Connection: close\r\n\r\n`,
        );
      });
      let text = '';
      tls.on('data', (chunk) => (text += chunk));
      tls.on('end', () =>
        resolve({ connect: 200, status: Number(text.split(' ')[1]), body: text.split('\r\n\r\n').slice(1).join('\r\n\r\n') }),
      );
      tls.on('error', reject);
    });
    tunnel.on('error', reject);
    tunnel.end();
  });
}

describe('the HTTPS proxy', async () => {
  const sim = new EverflowSimulator({ rateLimit: 'none' });
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
});
