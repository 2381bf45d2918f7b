import { describe, expect, it, vi } from 'vitest';
import { CONNECTION_CHECK_PATH, checkConnection } from './connection-check';
import { MESSAGES } from './failures';
import { apiBase } from './regions';
import { API_KEY, fakeFetch, hangingFetch } from '../../e2e/unit-fixtures/test-fetch';

describe('checkConnection', () => {
  it('GETs the tracking domains with the key and counts them', async () => {
    const { fetch, sent } = fakeFetch(200, { domains: [{ network_tracking_domain_id: 1 }, { network_tracking_domain_id: 2 }] });
    const result = await checkConnection({ baseUrl: apiBase('us'), apiKey: API_KEY, fetch });
    expect(result).toEqual({ ok: true, domains: 2 });
    expect(CONNECTION_CHECK_PATH).toBe('/networks/domains/tracking');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('https://api.eflow.team/v1/networks/domains/tracking');
    expect(sent[0]?.method).toBe('GET');
    expect(sent[0]?.body).toBeUndefined();
    expect(sent[0]?.headers).toEqual({ 'X-Eflow-Api-Key': API_KEY, Accept: 'application/json' });
  });

  it('uses the EU host for an EU base', async () => {
    const { fetch, sent } = fakeFetch(200, { domains: [] });
    expect(await checkConnection({ baseUrl: apiBase('eu'), apiKey: API_KEY, fetch })).toEqual({ ok: true, domains: 0 });
    expect(sent[0]?.url).toBe('https://api-eu.eflow.team/v1/networks/domains/tracking');
  });

  it.each([
    ['no domains field', { other: 1 }],
    ['domains not a list', { domains: 'many' }],
    ['a JSON null', null],
    ['a JSON list', [1, 2]],
  ])('a 200 with %s still proves the key (no count)', async (_name, body) => {
    const { fetch } = fakeFetch(200, body);
    expect(await checkConnection({ baseUrl: apiBase('us'), apiKey: API_KEY, fetch })).toEqual({ ok: true });
  });

  it.each([
    [401, 'unauthorized', MESSAGES.unauthorized],
    [403, 'forbidden', MESSAGES.forbidden],
    [429, 'rate-limited', MESSAGES.rateLimitGaveUp],
    [500, 'server', MESSAGES.server(500)],
  ])('a %d answer is %s', async (status, kind, message) => {
    const { fetch } = fakeFetch(status, { error: 'whatever' });
    expect(await checkConnection({ baseUrl: apiBase('us'), apiKey: API_KEY, fetch, sleep: async () => {} })).toEqual({
      ok: false,
      kind,
      message,
    });
  });

  it('a 200 that is not JSON is bad-response', async () => {
    const { fetch } = fakeFetch(200, '<html>login</html>');
    expect(await checkConnection({ baseUrl: apiBase('us'), apiKey: API_KEY, fetch })).toEqual({
      ok: false,
      kind: 'bad-response',
      message: MESSAGES.badResponse,
    });
  });

  it('no network is network', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof globalThis.fetch;
    expect(await checkConnection({ baseUrl: apiBase('us'), apiKey: API_KEY, fetch })).toEqual({
      ok: false,
      kind: 'network',
      message: MESSAGES.network,
    });
  });

  it('no answer is timeout', async () => {
    const { fetch } = hangingFetch();
    expect(await checkConnection({ baseUrl: apiBase('us'), apiKey: API_KEY, fetch, timeoutMs: 20 })).toEqual({
      ok: false,
      kind: 'timeout',
      message: MESSAGES.timeout,
    });
  });
});
