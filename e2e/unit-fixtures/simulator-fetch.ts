// The Everflow simulator (e2e/simulator/) behind a `fetch`, for unit tests: each request is handed to
// the simulator as its HTTPS server hands it, so its networks, keys, realms and regions are the contract
// and odd answers come from its per-test overrides (`sim.answer(…)`). Tests only.
import { vi } from 'vitest';
import { EverflowSimulator, type SimulatorOptions } from '../simulator/everflow';

/** A fetch answered by `sim`; an abort or a hang is a failed fetch. */
export function simulatorFetch(sim: EverflowSimulator): typeof fetch {
  return (async (url: string | URL | Request, init: RequestInit = {}) => {
    const reply = await sim.handle({
      method: init.method ?? 'GET',
      url: String(url),
      headers: { ...(init.headers as Record<string, string>) },
      rawBody: typeof init.body === 'string' ? init.body : null,
    });
    if (!('status' in reply)) throw new TypeError('Failed to fetch');
    return new Response(String(reply.body), { status: reply.status, headers: reply.headers });
  }) as typeof fetch;
}

/**
 * A fresh simulator (no rate limit unless asked) installed as the global `fetch` with vi.stubGlobal,
 * for code that calls Everflow without an injected fetch (the background). Undo with vi.unstubAllGlobals.
 */
export function stubSimulator(options: SimulatorOptions = {}): EverflowSimulator {
  const sim = new EverflowSimulator({ rateLimit: 'none', ...options });
  vi.stubGlobal('fetch', vi.fn(simulatorFetch(sim)));
  return sim;
}

/** Each request the simulator saw, as `METHOD host/path`. */
export const simulatorPaths = (sim: EverflowSimulator): string[] =>
  sim.requests.map((request) => `${request.method} ${new URL(request.url).host}${request.path}`);
