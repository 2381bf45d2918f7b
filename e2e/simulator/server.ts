// The simulator as a real HTTPS endpoint: a local proxy that answers `CONNECT api.eflow.team:443` (and
// api-eu, and the demo's dashboard host) by terminating TLS itself with a throw-away self-signed
// certificate, then serves the request from the simulator. Every other CONNECT is refused, so a
// browser using it reaches nothing else. Chromium: --proxy-server=127.0.0.1:<port>
// --ignore-certificate-errors; Firefox: the proxy prefs and acceptInsecureCerts
// (../shared/extension-testing.md). The certificate is made at start with the system's openssl.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_HOSTS, type EverflowSimulator } from './everflow';

/** A page the proxy serves on a host of its own (e.g. the demo's dashboard). */
export type PageHandler = (
  url: URL,
) => { status?: number; contentType?: string; headers?: Record<string, string>; body: string } | undefined;

export interface SimulatorServer {
  port: number;
  /** Chromium flags that send the browser's HTTPS for the simulated hosts to this server. */
  chromiumArgs: string[];
  close(): Promise<void>;
}

export function selfSignedCertificate(hosts: string[]): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'elb-sim-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '2',
        '-subj',
        '/CN=Everflow simulator',
        '-addext',
        `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } catch {
    throw new Error('Could not make a certificate for the Everflow simulator: install openssl (apt-get install -y openssl).');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Starts the proxy. `simulator` is read on every request, so a test may swap it (a fresh network per test).
 */
export async function startSimulatorServer(
  simulator: () => EverflowSimulator,
  options: { port?: number; pages?: Record<string, PageHandler> } = {},
): Promise<SimulatorServer> {
  const pages = options.pages ?? {};
  const hosts = new Set<string>([...API_HOSTS, ...Object.keys(pages)]);
  const tls = selfSignedCertificate([...hosts]);
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A browser may reset a connection at any time (a page closed, a worker stopped, the test over):
    // an unheard socket error would end the whole test run.
    socket.on('error', () => undefined);
  };

  // A request cut off mid-body is simply not answered.
  const https = createHttpsServer(tls, (req, res) => void serve(req, res).catch(() => res.destroy()));
  https.on('secureConnection', track);
  https.on('tlsClientError', () => undefined);

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = (req.headers.host ?? '').replace(/:443$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const page = pages[host];
    if (page) {
      const answer = page(url);
      res.writeHead(answer?.status ?? (answer ? 200 : 404), {
        'content-type': answer?.contentType ?? 'text/html; charset=utf-8',
        ...answer?.headers,
      });
      res.end(answer?.body ?? 'Not found');
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
    const reply = await simulator().handle({ method: req.method ?? 'GET', url: url.toString(), headers, rawBody: raw === '' ? null : raw });
    if ('hang' in reply) return; // never answered: the client's own timeout must act
    if ('abort' in reply) {
      req.socket.destroy();
      return;
    }
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (res.destroyed) return;
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
  }

  const proxy = createHttpServer((_req, res) => {
    res.writeHead(403, { 'content-type': 'text/plain' }).end('This proxy only tunnels to the simulated Everflow hosts.');
  });
  proxy.on('connection', track);
  proxy.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    track(socket);
    const [host, port] = (req.url ?? '').split(':');
    if (!host || !hosts.has(host) || (port ?? '443') !== '443') {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    https.emit('connection', socket);
  });

  await new Promise<void>((resolve, reject) => {
    proxy.once('error', reject);
    proxy.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (proxy.address() as AddressInfo).port;
  return {
    port,
    chromiumArgs: [`--proxy-server=127.0.0.1:${port}`, '--ignore-certificate-errors'],
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all([new Promise((resolve) => proxy.close(resolve)), new Promise((resolve) => https.close(resolve))]);
    },
  };
}
