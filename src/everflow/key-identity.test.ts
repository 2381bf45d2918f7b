// Against the Everflow simulator (e2e/simulator/), reached through an injected fetch: its networks,
// network and partner keys, realms and regions are the contract; odd answers come from its overrides.
import { describe, expect, it } from 'vitest';
import { MESSAGES } from './failures';
import type { Connection } from './http';
import { IDENTITY_MESSAGES, identifyInEitherRegion, identifyKey } from './key-identity';
import { apiBase, type Region } from './regions';
import { EverflowSimulator, type Answer, type RecordedRequest } from '../../e2e/simulator/everflow';
import { EU_KEY, PARTNER_KEY, PARTNER_KEYS, SECOND_NETWORK_KEY, US_KEY } from '../../e2e/simulator/network';
import type { ErrorField } from '../../e2e/simulator/replies';
import { expectSafeMessage } from '../../e2e/unit-fixtures/test-fetch';
import { simulatorFetch, simulatorPaths } from '../../e2e/unit-fixtures/simulator-fetch';

const UNKNOWN_KEY = 'efk_live_Unknown0000000000000000';

function setUp(options: ConstructorParameters<typeof EverflowSimulator>[0] = {}) {
  const sim = new EverflowSimulator({ rateLimit: 'none', ...options });
  const connectionFor =
    (apiKey: string) =>
    (region: Region): Connection => ({ baseUrl: apiBase(region), apiKey, fetch: simulatorFetch(sim), sleep: async () => {} });
  const paths = () => simulatorPaths(sim);
  return { sim, connectionFor, paths };
}

/** Overrides the answers to `paths` (the rest simulated). */
const override =
  (answers: Record<string, Answer>) =>
  (request: RecordedRequest): Answer | undefined =>
    answers[request.path];

describe('identifyKey', () => {
  it('a network key: its network info, from GET /networks alone', async () => {
    const { connectionFor, paths } = setUp();
    expect(await identifyKey(connectionFor(US_KEY)('us'))).toStrictEqual({
      kind: 'network',
      networkId: 1,
      name: 'Acme Performance',
      identifier: 'acme',
      displayedName: 'Acme Performance Network',
    });
    expect(paths()).toStrictEqual(['GET api.eflow.team/v1/networks']);
  });

  it('tries GET /networks/info once when /networks is not there (404)', async () => {
    const { connectionFor, paths } = setUp({ networkInfoPaths: ['/v1/networks/info'] });
    expect(await identifyKey(connectionFor(US_KEY)('us'))).toMatchObject({ kind: 'network', networkId: 1, identifier: 'acme' });
    expect(paths()).toStrictEqual(['GET api.eflow.team/v1/networks', 'GET api.eflow.team/v1/networks/info']);
  });

  it('when neither answers, says it could not read Everflow’s answer', async () => {
    const { connectionFor, paths } = setUp({ networkInfoPaths: [] });
    expect(await identifyKey(connectionFor(US_KEY)('us'))).toStrictEqual({
      ok: false,
      kind: 'bad-response',
      message: MESSAGES.badResponse,
    });
    expect(paths()).toHaveLength(2);
  });

  it.each<ErrorField>(['error', 'Error'])(
    'a partner key ("Out Of Realm" spelled {"%s": …}): the partner and its network',
    async (errorField) => {
      const { connectionFor, paths } = setUp({ errorField });
      expect(await identifyKey(connectionFor(PARTNER_KEY)('us'))).toStrictEqual({
        kind: 'partner',
        networkId: 1,
        networkName: 'Acme Performance',
        partnerId: 7,
        partnerName: 'Sunrise Media',
      });
      expect(paths()).toStrictEqual([
        'GET api.eflow.team/v1/networks',
        'GET api.eflow.team/v1/affiliates',
        'GET api.eflow.team/v1/affiliates/network',
      ]);
    },
  );

  it.each<ErrorField>(['error', 'Error'])('a key refused on both realms ({"%s": …}) is refused in one sentence', async (field) => {
    const { sim, connectionFor, paths } = setUp();
    const forbidden: Answer = { status: 403, json: { [field]: 'Out Of Realm' } };
    sim.answer(override({ '/v1/networks': forbidden, '/v1/affiliates': forbidden }));
    const result = await identifyKey(connectionFor(US_KEY)('us'));
    expect(result).toStrictEqual({
      ok: false,
      kind: 'forbidden',
      message:
        'Everflow knows this API key but lets it read neither a network’s details nor a partner’s, so the extension cannot tell whose key it is; check the key’s permissions in Everflow (Control Center, Security), or ask your network for a partner API key.',
    });
    if ('ok' in result) expectSafeMessage(result.message);
    expect(paths()).toStrictEqual(['GET api.eflow.team/v1/networks', 'GET api.eflow.team/v1/affiliates']);
  });

  it('a 403 on the partner’s network alone is refused the same way', async () => {
    const { sim, connectionFor } = setUp();
    sim.answer(override({ '/v1/affiliates/network': { status: 403, json: { error: 'Out Of Realm' } } }));
    expect(await identifyKey(connectionFor(PARTNER_KEY)('us'))).toStrictEqual({
      ok: false,
      kind: 'forbidden',
      message: IDENTITY_MESSAGES.neitherRealm,
    });
  });

  it('a key Everflow does not know is unauthorized, and nothing else is asked', async () => {
    const { connectionFor, paths } = setUp();
    expect(await identifyKey(connectionFor(UNKNOWN_KEY)('us'))).toStrictEqual({
      ok: false,
      kind: 'unauthorized',
      message: MESSAGES.unauthorized,
    });
    expect(paths()).toStrictEqual(['GET api.eflow.team/v1/networks']);
  });

  it('other trouble on the partner side is said as usual', async () => {
    const { sim, connectionFor } = setUp();
    sim.answer(override({ '/v1/affiliates/network': { status: 500, json: { error: 'oops' } } }));
    expect(await identifyKey(connectionFor(PARTNER_KEY)('us'))).toStrictEqual({ ok: false, kind: 'server', message: MESSAGES.server(500) });
  });

  it('cleans and bounds names, keeps an identifier only when it is a dashboard subdomain', async () => {
    const { sim, connectionFor } = setUp();
    const info = (json: Record<string, unknown>): void => sim.answer(override({ '/v1/networks': { json } }));
    info({ network_id: 5, name: ` Acme\u202E \n${'x'.repeat(300)}`, identifier: ' Acme-Net ', displayed_name: '\u200B' });
    const cleaned = await identifyKey(connectionFor(US_KEY)('us'));
    expect(cleaned).toMatchObject({ kind: 'network', networkId: 5, identifier: 'acme-net' });
    if (!('ok' in cleaned) && cleaned.kind === 'network') {
      expect(cleaned.name).toMatch(/^Acme x+$/);
      expect(cleaned.name.length).toBeLessThanOrEqual(120);
      expect(cleaned).not.toHaveProperty('displayedName');
    }
    for (const identifier of ['evil.example/x', 'a b', '-acme', 'ac\u200Bme', 'x'.repeat(64), 42]) {
      info({ network_id: 5, name: 'Acme', identifier });
      expect(await identifyKey(connectionFor(US_KEY)('us'))).toStrictEqual({ kind: 'network', networkId: 5, name: 'Acme' });
    }
    // No name: the displayed one, else the ID.
    info({ network_id: 5, displayed_name: 'Acme Shown' });
    expect(await identifyKey(connectionFor(US_KEY)('us'))).toStrictEqual({
      kind: 'network',
      networkId: 5,
      name: 'Acme Shown',
      displayedName: 'Acme Shown',
    });
    info({ network_id: 5 });
    expect(await identifyKey(connectionFor(US_KEY)('us'))).toStrictEqual({ kind: 'network', networkId: 5, name: 'Network 5' });
  });

  it.each([
    ['no network_id', { name: 'Acme' }],
    ['a network_id that is no ID', { network_id: '5', name: 'Acme' }],
    ['a zero network_id', { network_id: 0, name: 'Acme' }],
    ['a list', [{ network_id: 5 }]],
  ])('network info with %s is bad-response', async (_name, json) => {
    const { sim, connectionFor } = setUp();
    sim.answer(override({ '/v1/networks': { json } }));
    expect(await identifyKey(connectionFor(US_KEY)('us'))).toStrictEqual({
      ok: false,
      kind: 'bad-response',
      message: MESSAGES.badResponse,
    });
  });

  it('a partner: the network ID from either answer, names cleaned or, when missing, the IDs', async () => {
    const { sim, connectionFor } = setUp();
    sim.answer(
      override({
        '/v1/affiliates': { json: { network_affiliate_id: 7, network_id: 3, name: '\u0007Sunrise\u200B Media ' } },
        '/v1/affiliates/network': { json: { logo_url: 'https://x.example/logo.png' } },
      }),
    );
    expect(await identifyKey(connectionFor(PARTNER_KEY)('us'))).toStrictEqual({
      kind: 'partner',
      networkId: 3,
      networkName: 'Network 3',
      partnerId: 7,
      partnerName: 'Sunrise Media',
    });
    sim.answer(
      override({ '/v1/affiliates': { json: { network_affiliate_id: 7 } }, '/v1/affiliates/network': { json: { network_id: 3 } } }),
    );
    expect(await identifyKey(connectionFor(PARTNER_KEY)('us'))).toMatchObject({ networkId: 3, partnerName: 'Partner 7' });
  });

  it.each([
    ['no partner ID', { name: 'Sunrise' }, { network_id: 1 }],
    ['no network ID anywhere', { network_affiliate_id: 7 }, { name: 'Acme' }],
  ])('a partner answer with %s is bad-response', async (_name, self, network) => {
    const { sim, connectionFor } = setUp();
    sim.answer(override({ '/v1/affiliates': { json: self }, '/v1/affiliates/network': { json: network } }));
    expect(await identifyKey(connectionFor(PARTNER_KEY)('us'))).toStrictEqual({
      ok: false,
      kind: 'bad-response',
      message: MESSAGES.badResponse,
    });
  });
});

describe('identifyInEitherRegion', () => {
  it('the preferred region knows the key: the other is not asked', async () => {
    const { connectionFor, paths } = setUp();
    expect(await identifyInEitherRegion(connectionFor(SECOND_NETWORK_KEY), 'eu')).toStrictEqual({
      ok: true,
      identity: { kind: 'network', networkId: 2, name: 'Nordlys Media', identifier: 'nordlys', displayedName: 'Nordlys Media Partners' },
      region: 'eu',
      triedOther: false,
    });
    expect(paths()).toStrictEqual(['GET api-eu.eflow.team/v1/networks']);
  });

  it('a 401 in the preferred region: the other region, once', async () => {
    const { connectionFor, paths } = setUp();
    expect(await identifyInEitherRegion(connectionFor(EU_KEY), 'us')).toMatchObject({
      ok: true,
      identity: { kind: 'network', networkId: 1 },
      region: 'eu',
      triedOther: true,
    });
    expect(paths()).toStrictEqual(['GET api.eflow.team/v1/networks', 'GET api-eu.eflow.team/v1/networks']);
  });

  it('finds an EU partner key from the US too', async () => {
    const { connectionFor } = setUp();
    expect(await identifyInEitherRegion(connectionFor(PARTNER_KEYS.second[12]), 'us')).toStrictEqual({
      ok: true,
      identity: { kind: 'partner', networkId: 2, networkName: 'Nordlys Media', partnerId: 12, partnerName: expect.any(String) as string },
      region: 'eu',
      triedOther: true,
    });
  });

  it.each<ErrorField>(['error', 'Error'])('a 401 in both ({"%s": …}) is one sentence naming both regions', async (errorField) => {
    const { connectionFor, paths } = setUp({ errorField });
    const result = await identifyInEitherRegion(connectionFor(UNKNOWN_KEY), 'eu');
    expect(result).toStrictEqual({
      ok: false,
      kind: 'unauthorized',
      message:
        'Neither Everflow’s United States nor its Europe region accepted this API key (it may be mistyped or revoked); check it, or make a new one in Everflow.',
    });
    if (!result.ok) expectSafeMessage(result.message, UNKNOWN_KEY);
    expect(paths()).toStrictEqual(['GET api-eu.eflow.team/v1/networks', 'GET api.eflow.team/v1/networks']);
  });

  it('other trouble in the preferred region is said, without asking the other', async () => {
    const { sim, connectionFor, paths } = setUp();
    sim.answer({ abort: true });
    expect(await identifyInEitherRegion(connectionFor(US_KEY), 'us')).toStrictEqual({
      ok: false,
      kind: 'network',
      message: MESSAGES.network,
    });
    expect(paths()).toStrictEqual(['GET api.eflow.team/v1/networks']);
  });

  it('other trouble in the other region is what is said: it is news of the key there', async () => {
    const { sim, connectionFor } = setUp();
    sim.answer((request) =>
      new URL(request.url).host === 'api-eu.eflow.team' ? { status: 403, json: { Error: 'Out Of Realm' } } : undefined,
    );
    expect(await identifyInEitherRegion(connectionFor(EU_KEY), 'us')).toStrictEqual({
      ok: false,
      kind: 'forbidden',
      message: IDENTITY_MESSAGES.neitherRealm,
    });
  });
});
