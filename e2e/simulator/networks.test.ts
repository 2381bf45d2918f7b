// The simulator's several networks, network info, partner (affiliate) keys and the Affiliate API,
// and Everflow's two error-body spellings: the contract in docs/simulator.md.
import { describe, expect, it } from 'vitest';
import { EverflowSimulator, type Reply } from './everflow';
import { directLink, redirectLink } from './links';
import {
  EU_KEY,
  FIRST_NETWORK_ID,
  PARTNER_KEY,
  PARTNER_KEYS,
  PRIMARY_DOMAIN,
  SECOND_NETWORK_ID,
  SECOND_NETWORK_KEY,
  SECOND_NETWORK_OTHER_KEY,
  SECOND_PRIMARY_DOMAIN,
  US_KEY,
} from './network';
import type { RateLimitModel } from './rate-limit';

const US = 'https://api.eflow.team/v1';
const EU = 'https://api-eu.eflow.team/v1';
type Answered = Extract<Reply, { status: number }>;

function call(sim: EverflowSimulator, method: string, url: string, key: string, body?: unknown): Promise<Answered> {
  return sim.handle({
    method,
    url,
    headers: { 'X-Eflow-Api-Key': key, 'content-type': 'application/json' },
    rawBody: body === undefined ? null : JSON.stringify(body),
  }) as Promise<Answered>;
}
const get = (sim: EverflowSimulator, url: string, key: string) => call(sim, 'GET', url, key);
const bodyOf = (reply: Answered) => JSON.parse(String(reply.body)) as Record<string, unknown>;
const ids = (reply: Answered) => (bodyOf(reply).offers as { network_offer_id: number }[]).map((o) => o.network_offer_id);
const open = (rateLimit: RateLimitModel = 'none') => new EverflowSimulator({ rateLimit });

describe('several networks', () => {
  it('the second network’s key answers only on the EU host, with its own offers, affiliates and links', async () => {
    const sim = open();
    expect((await get(sim, `${US}/networks/offers/42`, SECOND_NETWORK_KEY)).status).toBe(401);
    expect(bodyOf(await get(sim, `${EU}/networks/offers/42`, SECOND_NETWORK_KEY))).toMatchObject({ name: 'Nordlicht Reisen – DE – CPA' });
    expect(bodyOf(await get(sim, `${EU}/networks/offers/42`, EU_KEY))).toMatchObject({ name: 'Summer Sale – US – CPA' });
    expect(bodyOf(await get(sim, `${EU}/networks/affiliates/7`, SECOND_NETWORK_KEY))).toMatchObject({ name: 'Fjordlys Media' });
    const link = await call(sim, 'POST', `${EU}/networks/tracking/offers/clicks`, SECOND_NETWORK_KEY, {
      network_offer_id: 42,
      network_affiliate_id: 7,
      sub1: 'x',
    });
    // Its primary tracking domain has no SSL: an http:// link.
    expect(bodyOf(link).url).toBe(
      redirectLink({ domain: SECOND_PRIMARY_DOMAIN, ssl: false, affiliateId: 7, offerId: 42, params: { sub1: 'x' } }),
    );
  });

  it('each network knows only its own IDs', async () => {
    const sim = open();
    expect((await get(sim, `${EU}/networks/offers/1842`, SECOND_NETWORK_KEY)).status).toBe(404);
    expect((await get(sim, `${US}/networks/offers/88`, US_KEY)).status).toBe(404);
    const refused = await call(sim, 'POST', `${EU}/networks/tracking/offers/clicks`, SECOND_NETWORK_KEY, {
      network_offer_id: 42,
      network_affiliate_id: 913,
    });
    expect([refused.status, bodyOf(refused)]).toStrictEqual([400, { error: 'Affiliate 913 does not exist.' }]);
  });

  it('two keys of a network share its limit; another network counts apart', async () => {
    let now = 0;
    const sim = new EverflowSimulator({ rateLimit: 'window20', now: () => now });
    for (let i = 0; i < 300; i++) {
      expect((await get(sim, `${EU}/networks/trafficsource`, SECOND_NETWORK_KEY)).status).toBe(200);
      expect((await get(sim, `${EU}/networks/trafficsource`, SECOND_NETWORK_OTHER_KEY)).status).toBe(200);
    }
    expect((await get(sim, `${EU}/networks/trafficsource`, SECOND_NETWORK_OTHER_KEY)).status).toBe(429);
    expect((await get(sim, `${US}/networks/trafficsource`, US_KEY)).status).toBe(200);
    now = 30_000;
    expect((await get(sim, `${EU}/networks/trafficsource`, SECOND_NETWORK_KEY)).status).toBe(200);
  });

  it('a network may have a rate-limit model of its own', async () => {
    const sim = open('none');
    sim.networkWith(SECOND_NETWORK_ID).rateLimit = 'window20';
    const statuses = [];
    for (let i = 0; i < 601; i++) statuses.push((await get(sim, `${EU}/networks/trafficsource`, SECOND_NETWORK_KEY)).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    for (let i = 0; i < 601; i++) expect((await get(sim, `${US}/networks/trafficsource`, US_KEY)).status).toBe(200);
  });

  it('records which network each request was for, and keeps row logs apart', async () => {
    const sim = open();
    await call(sim, 'POST', `${EU}/networks/tracking/offers/clicks`, SECOND_NETWORK_KEY, { network_offer_id: 42, network_affiliate_id: 7 });
    await call(sim, 'POST', `${US}/networks/tracking/offers/clicks`, US_KEY, { network_offer_id: 42, network_affiliate_id: 7 });
    await get(sim, `${US}/networks/trafficsource`, 'nope');
    expect(sim.requests.map((r) => r.networkId)).toStrictEqual([SECOND_NETWORK_ID, FIRST_NETWORK_ID, undefined]);
    expect(sim.log(42, 7)).toStrictEqual({ requests: 2, accepted: 2, links: 2 });
    expect(sim.log(42, 7, SECOND_NETWORK_ID)).toStrictEqual({ requests: 1, accepted: 1, links: 1 });
  });
});

describe('network info', () => {
  it('GET /v1/networks answers the network of the key', async () => {
    const sim = open();
    expect(bodyOf(await get(sim, `${US}/networks`, US_KEY))).toStrictEqual({
      network_id: FIRST_NETWORK_ID,
      name: 'Acme Performance',
      identifier: 'acme',
      displayed_name: 'Acme Performance Network',
      account_status: 'active',
      timezone_id: 80,
      currency_id: 'USD',
    });
    expect(bodyOf(await get(sim, `${EU}/networks`, SECOND_NETWORK_KEY))).toMatchObject({
      network_id: SECOND_NETWORK_ID,
      identifier: 'nordlys',
      currency_id: 'EUR',
    });
    expect(await get(sim, `${US}/networks`, PARTNER_KEY)).toMatchObject({ status: 403 });
  });

  it('/v1/networks/info answers only when a test says so (the newer docs’ name), alone or beside /v1/networks', async () => {
    const sim = open();
    expect((await get(sim, `${US}/networks/info`, US_KEY)).status).toBe(404);
    sim.networkInfoPaths = ['/v1/networks/info'];
    expect((await get(sim, `${US}/networks`, US_KEY)).status).toBe(404);
    expect(bodyOf(await get(sim, `${US}/networks/info`, US_KEY))).toMatchObject({ identifier: 'acme' });
    sim.networkInfoPaths = ['/v1/networks', '/v1/networks/info'];
    expect((await get(sim, `${US}/networks`, US_KEY)).status).toBe(200);
    expect((await get(sim, `${US}/networks/info`, US_KEY)).status).toBe(200);
  });
});

const first = (id: keyof typeof PARTNER_KEYS.first) => PARTNER_KEYS.first[id];
const second = (id: keyof typeof PARTNER_KEYS.second) => PARTNER_KEYS.second[id];
/** A partner's link in the first network, on its primary domain. */
const partnerLink = (offerId: number, affiliateId: number, params = {}) =>
  redirectLink({ domain: PRIMARY_DOMAIN, ssl: true, affiliateId, offerId, params });

describe('partner keys and the Affiliate API', () => {
  const sim = open();

  it('a partner key works only on /v1/affiliates/…, a network key only on /v1/networks/… (403 "Out Of Realm")', async () => {
    expect(PARTNER_KEYS.first[7]).toBe(PARTNER_KEY);
    for (const [url, key] of [
      [`${US}/networks/offers/42`, PARTNER_KEY],
      [`${US}/affiliates`, US_KEY],
      [`${US}/affiliates/offersrunnable`, US_KEY],
      [`${EU}/affiliates/network`, SECOND_NETWORK_KEY],
    ] as const) {
      const reply = await get(sim, url, key);
      expect([reply.status, bodyOf(reply)]).toStrictEqual([403, { error: 'Out Of Realm' }]);
    }
    // The second network's partner keys are EU keys.
    expect((await get(sim, `${US}/affiliates`, second(7))).status).toBe(401);
  });

  it('GET /v1/affiliates is the partner itself, GET /v1/affiliates/network its network', async () => {
    expect(bodyOf(await get(sim, `${US}/affiliates`, PARTNER_KEY))).toStrictEqual({
      network_affiliate_id: 7,
      network_id: FIRST_NETWORK_ID,
      name: 'Sunrise Media',
      account_status: 'active',
    });
    expect(bodyOf(await get(sim, `${EU}/affiliates`, second(7)))).toMatchObject({ network_id: SECOND_NETWORK_ID, name: 'Fjordlys Media' });
    expect(bodyOf(await get(sim, `${EU}/affiliates/network`, second(12)))).toStrictEqual({
      network_id: SECOND_NETWORK_ID,
      name: 'Nordlys Media',
      logo_url: 'https://nordlys.everflowclient.io/logo.png',
      favicon_url: 'https://nordlys.everflowclient.io/favicon.ico',
    });
  });

  it('offersrunnable: the offers this partner may run, with their tracking links, searched and paged (50 a page)', async () => {
    const runnable = await get(sim, `${US}/affiliates/offersrunnable`, PARTNER_KEY);
    // Offer 77 is private and 7 is approved; 1843 is paused, 1844 deleted.
    expect(ids(runnable)).toStrictEqual([1, 9, 42, 43, 44, 61, 77, 99, 1842, 2_147_483_647]);
    expect(bodyOf(runnable).paging).toStrictEqual({ page: 1, page_size: 50, total_count: 10 });
    expect((bodyOf(runnable).offers as unknown[])[2]).toStrictEqual({
      network_offer_id: 42,
      network_id: FIRST_NETWORK_ID,
      name: 'Summer Sale – US – CPA',
      offer_status: 'active',
      visibility: 'public',
      tracking_url: partnerLink(42, 7),
      relationship: { offer_affiliate_status: 'public' },
    });
    expect(ids(await get(sim, `${US}/affiliates/offersrunnable?search=acme`, PARTNER_KEY))).toStrictEqual([1842]);
    expect(ids(await get(sim, `${US}/affiliates/offersrunnable?search=42`, PARTNER_KEY))).toStrictEqual([42]);
    const paged = await get(sim, `${US}/affiliates/offersrunnable?page=2&page_size=4`, PARTNER_KEY);
    expect([ids(paged), bodyOf(paged).paging]).toStrictEqual([[44, 61, 77, 99], { page: 2, page_size: 4, total_count: 10 }]);
    // Partner 8 is not approved for the private offer.
    expect(ids(await get(sim, `${US}/affiliates/offersrunnable`, first(8)))).not.toContain(77);
  });

  it('alloffers: also offers awaiting approval, with the partner’s status, and by category', async () => {
    const all = bodyOf(await get(sim, `${EU}/affiliates/alloffers`, second(7))).offers as {
      network_offer_id: number;
      offer_status: string;
      tracking_url: string;
      relationship: { offer_affiliate_status: string };
    }[];
    // 77 is private (not approved), 91 deleted: not shown.
    expect(all.map((o) => [o.network_offer_id, o.relationship.offer_affiliate_status, o.offer_status])).toStrictEqual([
      [42, 'public', 'active'],
      [43, 'public', 'active'],
      [61, 'public', 'active'],
      [88, 'pending', 'active'],
      [89, 'require_approval', 'active'],
      [90, 'public', 'paused'],
    ]);
    expect(all.find((o) => o.network_offer_id === 88)!.tracking_url).toBe('');
    const approved = bodyOf(await get(sim, `${EU}/affiliates/alloffers`, second(12))).offers as typeof all;
    expect(approved.filter((o) => o.relationship.offer_affiliate_status === 'approved').map((o) => o.network_offer_id)).toStrictEqual([
      77, 88,
    ]);
    expect(ids(await get(sim, `${EU}/affiliates/alloffers?category_id=5`, second(7)))).toStrictEqual([43, 89]);
  });

  it('offersrunnable/ids: the IDs alone; a field the docs do not show is refused', async () => {
    expect(bodyOf(await call(sim, 'POST', `${EU}/affiliates/offersrunnable/ids`, second(7)))).toStrictEqual({ offer_ids: [42, 43, 61] });
    expect(bodyOf(await call(sim, 'POST', `${EU}/affiliates/offersrunnable/ids`, second(7), { filters: {} }))).toStrictEqual({
      offer_ids: [42, 43, 61],
    });
    expect((await call(sim, 'POST', `${EU}/affiliates/offersrunnable/ids`, second(7), { offer_status: 'active' })).status).toBe(400);
  });

  it('one offer: its tracking link and relationship, URLs as {total, entries} and creatives as a plain array', async () => {
    const offer = bodyOf(await get(sim, `${US}/affiliates/offers/42`, PARTNER_KEY));
    expect(offer).toMatchObject({ network_offer_id: 42, tracking_url: partnerLink(42, 7) });
    // URL 22 is paused, 23 is only for Jolly Media, 24 deleted; creative 56 is paused, 57 private.
    expect(offer.relationship).toStrictEqual({
      offer_affiliate_status: 'public',
      urls: { total: 1, entries: [{ network_offer_url_id: 21, name: 'Sale landing', url_status: 'active' }] },
      creatives: [{ network_offer_creative_id: 55, name: 'Sale banner 300×250', creative_type: 'image', creative_status: 'active' }],
    });
    expect((bodyOf(await get(sim, `${US}/affiliates/offers/42`, first(913))).relationship as { urls: unknown }).urls).toMatchObject({
      total: 2,
    });
  });

  it.each([
    ['a paused offer', 1843, PARTNER_KEY, 'Offer 1843 is not active.'],
    ['a private offer the partner is not approved for', 77, PARTNER_KEYS.first[8], 'Affiliate 8 is not approved for offer 77.'],
    ['an offer it does not exist', 5, PARTNER_KEY, 'Offer 5 does not exist.'],
  ])('400 for %s, on the offer, its URL and its tracking link', async (_name, offerId, key, message) => {
    for (const reply of [
      await get(sim, `${US}/affiliates/offers/${offerId}`, key),
      await get(sim, `${US}/affiliates/offers/${offerId}/url/0`, key),
      await call(sim, 'POST', `${US}/affiliates/offers/${offerId}/trackingurl`, key, { url_id: 0 }),
    ]) {
      expect([reply.status, bodyOf(reply)]).toStrictEqual([400, { error: message }]);
    }
  });

  it('400 for an offer awaiting the network’s approval (second network, offer 88)', async () => {
    expect((await get(sim, `${EU}/affiliates/offers/88/url/0`, second(7))).status).toBe(400);
    expect((await get(sim, `${EU}/affiliates/offers/88/url/0`, second(12))).status).toBe(200);
  });

  it('offers/{id}/url/{urlId}: the default URL for 0, another URL of the offer, {tracking_url} or {url} as a test chooses', async () => {
    const local = open();
    expect(bodyOf(await get(local, `${US}/affiliates/offers/42/url/0`, PARTNER_KEY))).toStrictEqual({ tracking_url: partnerLink(42, 7) });
    expect((await get(local, `${US}/affiliates/offers/42/url/21`, PARTNER_KEY)).status).toBe(200);
    for (const [urlId, message] of [
      [22, 'Offer URL 22 is not active.'],
      [23, 'Offer URL 23 is not available to affiliate 7.'],
      [12, 'Offer URL 12 does not belong to offer 42.'],
    ] as const) {
      expect(bodyOf(await get(local, `${US}/affiliates/offers/42/url/${urlId}`, PARTNER_KEY))).toStrictEqual({ error: message });
    }
    local.partnerUrlField = 'url';
    expect(bodyOf(await get(local, `${US}/affiliates/offers/42/url/0`, PARTNER_KEY))).toStrictEqual({ url: partnerLink(42, 7) });
  });

  it('an offer URL changes the link as on the network endpoint: a direct-linking offer goes to that URL', async () => {
    expect(bodyOf(await get(sim, `${EU}/affiliates/offers/61/url/0`, second(7))).tracking_url).toBe(
      directLink('https://sauna.example/', 61, 7),
    );
    expect(bodyOf(await get(sim, `${EU}/affiliates/offers/61/url/34`, second(7))).tracking_url).toBe(
      directLink('https://sauna.example/winter', 61, 7),
    );
    const network = await call(sim, 'POST', `${EU}/networks/tracking/offers/clicks`, SECOND_NETWORK_KEY, {
      network_offer_id: 61,
      network_affiliate_id: 7,
      network_offer_url_id: 34,
    });
    expect(bodyOf(network).url).toBe(directLink('https://sauna.example/winter', 61, 7));
  });

  it('trackingurl: url_id and sub1…sub5 only; the link on the partner’s own domain, or the network’s', async () => {
    const made = await call(sim, 'POST', `${US}/affiliates/offers/42/trackingurl`, PARTNER_KEY, { url_id: 0, sub1: 'spring', sub3: 'c' });
    expect(bodyOf(made)).toStrictEqual({ tracking_url: partnerLink(42, 7, { sub1: 'spring', sub3: 'c' }) });
    for (const [body, message] of [
      [{ url_id: 0, source_id: 'news' }, 'Invalid parameters: unknown field "source_id".'],
      [{ is_encrypt_parameters: true }, 'Invalid parameters: unknown field "is_encrypt_parameters".'],
      [{ network_tracking_domain_id: 3 }, 'Invalid parameters: unknown field "network_tracking_domain_id".'],
      [{ url_id: '0' }, 'Invalid parameters: "url_id" must be an integer.'],
      [{ sub2: 7 }, 'Invalid parameters: "sub2" must be a string.'],
    ] as const) {
      const refused = await call(sim, 'POST', `${US}/affiliates/offers/42/trackingurl`, PARTNER_KEY, body);
      expect([refused.status, bodyOf(refused)]).toStrictEqual([400, { error: message }]);
    }
    // Partner 913 has a tracking domain of its own; the second network's primary domain has no SSL.
    expect(bodyOf(await call(sim, 'POST', `${US}/affiliates/offers/42/trackingurl`, first(913), {})).tracking_url).toMatch(
      /^https:\/\/trk\.acme\.example\//,
    );
    expect(bodyOf(await call(sim, 'POST', `${EU}/affiliates/offers/42/trackingurl`, second(7), {})).tracking_url).toMatch(
      /^http:\/\/go\.nordlys-trk\.example\//,
    );
    expect(bodyOf(await call(sim, 'POST', `${EU}/affiliates/offers/42/trackingurl`, second(12), {})).tracking_url).toMatch(
      /^https:\/\/secure\.nordlys-trk\.example\//,
    );
  });

  it('another method or an unknown path is 404', async () => {
    expect((await call(sim, 'POST', `${US}/affiliates/offers/42/url/0`, PARTNER_KEY, {})).status).toBe(404);
    expect((await get(sim, `${US}/affiliates/offers/42/trackingurl`, PARTNER_KEY)).status).toBe(404);
    expect((await get(sim, `${US}/affiliates/reporting`, PARTNER_KEY)).status).toBe(404);
  });

  it('partner keys have their own limit per network: bursts of 20, then 5 a second, apart from network keys', async () => {
    let now = 0;
    const limited = new EverflowSimulator({ rateLimit: 'bucket', now: () => now });
    const statuses = [];
    // Two partners of the same network spend one bucket.
    for (let i = 0; i < 11; i++) statuses.push((await get(limited, `${US}/affiliates`, first(7))).status);
    for (let i = 0; i < 11; i++) statuses.push((await get(limited, `${US}/affiliates`, first(8))).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    const refused = await get(limited, `${US}/affiliates`, PARTNER_KEY);
    expect(refused.headers).toMatchObject({ 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '0' });
    expect((await get(limited, `${US}/networks/trafficsource`, US_KEY)).status).toBe(200);
    expect((await get(limited, `${EU}/affiliates`, second(7))).status).toBe(200);
    now = 1000;
    let again = 0;
    for (let i = 0; i < 10; i++) if ((await get(limited, `${US}/affiliates`, PARTNER_KEY)).status === 200) again++;
    expect(again).toBe(5);
  });
});

describe('error bodies: {"error"} as the docs show, or {"Error"} as client libraries read', () => {
  it('chosen for the whole simulator, or for one network', async () => {
    const sim = open();
    expect(bodyOf(await get(sim, `${US}/networks/offers/5`, US_KEY))).toStrictEqual({ error: 'Offer not found.' });
    sim.networkWith(SECOND_NETWORK_ID).errorField = 'Error';
    expect(bodyOf(await get(sim, `${EU}/networks/offers/5`, SECOND_NETWORK_KEY))).toStrictEqual({ Error: 'Offer not found.' });
    expect(bodyOf(await get(sim, `${EU}/affiliates/offers/77`, PARTNER_KEYS.second[7]))).toStrictEqual({
      Error: 'Affiliate 7 is not approved for offer 77.',
    });
    expect(bodyOf(await get(sim, `${US}/networks/offers/5`, US_KEY))).toStrictEqual({ error: 'Offer not found.' });
    sim.errorField = 'Error';
    expect(bodyOf(await get(sim, `${US}/networks/offers/5`, 'nope'))).toStrictEqual({ Error: 'No Authentication Method Found' });
    expect(bodyOf(await get(sim, `${US}/networks/offers/5`, US_KEY))).toStrictEqual({ Error: 'Offer not found.' });
  });

  it('429s and 403s follow the choice too', async () => {
    const sim = new EverflowSimulator({ rateLimit: 'bucket', errorField: 'Error', now: () => 0 });
    sim.shareLimit(0, { spent: true });
    expect(bodyOf(await get(sim, `${US}/networks/trafficsource`, US_KEY))).toStrictEqual({ Error: 'You have exceeded the rate limit.' });
    expect(bodyOf(await get(sim, `${US}/networks/trafficsource`, PARTNER_KEY))).toStrictEqual({ Error: 'Out Of Realm' });
  });
});
