// The simulator as a real HTTPS endpoint: a local proxy that answers `CONNECT api.eflow.team:443` (and
// api-eu, and the pages' hosts, e.g. the demo's dashboard) by terminating TLS itself with a throw-away
// self-signed certificate, then serves the request from the simulator. Every other CONNECT is refused,
// so a browser using it reaches nothing else. Chromium: --proxy-server=127.0.0.1:<port>
// --ignore-certificate-errors; Firefox: the proxy prefs and acceptInsecureCerts. The certificate is
// made at start with the system's openssl.
// Each tunnel offers what the simulator's `protocol` says when it opens: HTTP/2 with HTTP/1.1 as the
// fallback (ALPN h2, http/1.1), or HTTP/1.1 only. Requests are routed by their host (`:authority`), so
// a browser that coalesces both API hosts onto one HTTP/2 connection is still answered right.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { constants as http2, createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
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
 * Starts the proxy. `simulator` is read on every tunnel and request, so a test may swap it (a fresh
 * simulator per test) and choose its protocol before the browser connects.
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
  const handler = (req: IncomingMessage | Http2ServerRequest, res: ServerResponse | Http2ServerResponse) =>
    void serve(req, res).catch(() => (res as ServerResponse).destroy());
  const http1 = createHttpsServer(tls, handler);
  // Node's compatibility API: HTTP/2 requests come as (req, res) like HTTP/1.1 ones, and a client that
  // does not offer h2 gets HTTP/1.1 from the same server.
  const h2 = createSecureServer({ ...tls, allowHTTP1: true }, handler);
  for (const server of [http1, h2]) {
    server.on('secureConnection', track);
    server.on('tlsClientError', () => undefined);
  }
  h2.on('sessionError', () => undefined);

  async function serve(req: IncomingMessage | Http2ServerRequest, res: ServerResponse | Http2ServerResponse): Promise<void> {
    const host = String(req.headers[':authority'] ?? req.headers.host ?? '').replace(/:443$/, '');
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
    // HTTP/2's pseudo-headers (:method, :path…) are not headers a client sent.
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string' && !name.startsWith(':')) headers[name] = value;
    const reply = await simulator().handle({
      method: req.method ?? 'GET',
      url: url.toString(),
      headers,
      rawBody: raw === '' ? null : raw,
      httpVersion: req.httpVersion,
    });
    if ('hang' in reply) return; // never answered: the client's own timeout must act
    if ('abort' in reply) {
      // HTTP/2: this request's stream is reset (the connection carries others); HTTP/1.1: the connection.
      if ('stream' in res) res.stream.close(http2.NGHTTP2_INTERNAL_ERROR);
      else req.socket.destroy();
      return;
    }
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
    (simulator().protocol === 'http/1.1' ? http1 : h2).emit('connection', socket);
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
      await Promise.all([proxy, http1, h2].map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}
