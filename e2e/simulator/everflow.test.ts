import { describe, expect, it } from 'vitest';
import { REDIRECT_LINK_FIELD } from '../../src/everflow/link-fields';
import { EverflowSimulator, type Reply } from './everflow';
import { AFFILIATE_SALT, OFFER_SALT, decodeId, encodeId, redirectLink } from './links';
import { EU_KEY, PARTNER_KEY, SECOND_NETWORK_KEY, US_KEY } from './network';
import { FixedWindow, TokenBucket } from './rate-limit';

const US = 'https://api.eflow.team/v1';
const EU = 'https://api-eu.eflow.team/v1';

function call(sim: EverflowSimulator, method: string, url: string, body?: unknown, key = US_KEY) {
  return sim.handle({
    method,
    url,
    headers: { 'X-Eflow-Api-Key': key, 'content-type': 'application/json' },
    rawBody: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
  }) as Promise<Extract<Reply, { status: number }>>;
}
const bodyOf = (reply: Extract<Reply, { status: number }>) => JSON.parse(String(reply.body)) as Record<string, unknown>;
const link = (sim: EverflowSimulator, body: unknown) => call(sim, 'POST', `${US}/networks/tracking/offers/clicks`, body);

describe('auth', () => {
  it('401 for an unknown key or no key, with a single error field', async () => {
    const sim = new EverflowSimulator({ rateLimit: 'none' });
    const reply = await call(sim, 'GET', `${US}/networks/domains/tracking`, undefined, 'nope');
    expect(reply.status).toBe(401);
    expect(Object.keys(bodyOf(reply))).toEqual(['error']);
  });
  it('a key works only in its own region', async () => {
    const sim = new EverflowSimulator({ rateLimit: 'none' });
    expect((await call(sim, 'GET', `${EU}/networks/domains/tracking`, undefined, US_KEY)).status).toBe(401);
    expect((await call(sim, 'GET', `${EU}/networks/domains/tracking`, undefined, EU_KEY)).status).toBe(200);
  });
  it('403 for a partner key on a network endpoint, and for a network key on the affiliate API', async () => {
    const sim = new EverflowSimulator({ rateLimit: 'none' });
    const reply = await call(sim, 'GET', `${US}/networks/domains/tracking`, undefined, PARTNER_KEY);
    expect(reply.status).toBe(403);
    expect(bodyOf(reply)).toEqual({ error: 'Out Of Realm' });
    expect((await call(sim, 'GET', `${US}/affiliates/offers/42/url/0`)).status).toBe(403);
    const partner = await call(sim, 'GET', `${US}/affiliates/offers/42/url/0`, undefined, PARTNER_KEY);
    expect(partner.status).toBe(200);
    expect(bodyOf(partner).tracking_url).toMatch(/^https:\/\/trk\.example-trk\.com\//);
  });
});

describe('tracking links', () => {
  const sim = new EverflowSimulator({ rateLimit: 'none' });
  it('a redirect link on the offer’s default domain with subs then source_id as query parameters', async () => {
    const reply = await link(sim, { network_offer_id: 42, network_affiliate_id: 7, source_id: 'news', sub1: 'spring', sub3: 'c' });
    expect(reply.status).toBe(200);
    expect(bodyOf(reply)).toEqual({
      url: `https://trk.example-trk.com/${encodeId(7, AFFILIATE_SALT)}/${encodeId(42, OFFER_SALT)}/?sub1=spring&sub3=c&source_id=news`,
    });
    expect(decodeId(encodeId(42, OFFER_SALT), OFFER_SALT)).toBe(42);
  });
  it('the chosen domain, http:// on the one without SSL, and the affiliate’s own domain by default', async () => {
    expect(bodyOf(await link(sim, { network_offer_id: 42, network_affiliate_id: 7, network_tracking_domain_id: 3 })).url).toMatch(
      /^https:\/\/trk\.acme\.example\//,
    );
    expect(bodyOf(await link(sim, { network_offer_id: 42, network_affiliate_id: 7, network_tracking_domain_id: 6 })).url).toMatch(
      /^http:\/\/plain\.example-trk\.com\//,
    );
    expect(bodyOf(await link(sim, { network_offer_id: 42, network_affiliate_id: 913 })).url).toMatch(/^https:\/\/trk\.acme\.example\//);
  });
  it('?__efq= when the parameters are encrypted', async () => {
    const url = String(
      bodyOf(await link(sim, { network_offer_id: 42, network_affiliate_id: 7, sub1: 'a', is_encrypt_parameters: true })).url,
    );
    expect(url).toMatch(/\/\?__efq=[A-Za-z0-9_-]+$/);
    expect(url).not.toContain('sub1');
  });
  it('the advertiser’s URL for a direct-linking offer, unless a redirect link is forced', async () => {
    expect(bodyOf(await link(sim, { network_offer_id: 61, network_affiliate_id: 7, sub1: 'x' })).url).toBe(
      'https://shop.direct-deals.example/?oid=61&affid=7&sub1=x',
    );
    expect(REDIRECT_LINK_FIELD).toBe('is_redirect_link');
    const forced = await link(sim, { network_offer_id: 61, network_affiliate_id: 7, [REDIRECT_LINK_FIELD]: true });
    expect(bodyOf(forced).url).toBe(redirectLink({ domain: 'trk.example-trk.com', ssl: true, affiliateId: 7, offerId: 61 }));
  });
  it.each([
    ['an unknown field', { network_offer_id: 42, network_affiliate_id: 7, sub6: 'x' }, 'unknown field "sub6"'],
    ['an ID as a string', { network_offer_id: '42', network_affiliate_id: 7 }, '"network_offer_id" must be an integer'],
    ['a fractional ID', { network_offer_id: 42.5, network_affiliate_id: 7 }, 'must be an integer'],
    ['a sub as a number', { network_offer_id: 42, network_affiliate_id: 7, sub1: 5 }, '"sub1" must be a string'],
    ['a flag as a string', { network_offer_id: 42, network_affiliate_id: 7, is_encrypt_parameters: 'true' }, 'must be a boolean'],
    ['no affiliate', { network_offer_id: 42 }, '"network_affiliate_id" is required'],
    ['an unknown offer', { network_offer_id: 5, network_affiliate_id: 7 }, 'Offer 5 does not exist'],
    ['a paused offer', { network_offer_id: 1843, network_affiliate_id: 7 }, 'not active'],
    ['an inactive affiliate', { network_offer_id: 42, network_affiliate_id: 914 }, 'Affiliate 914 is not active'],
    ['a private offer for an affiliate not approved', { network_offer_id: 77, network_affiliate_id: 8 }, 'not approved for offer 77'],
    ['another offer’s URL', { network_offer_id: 42, network_affiliate_id: 7, network_offer_url_id: 12 }, 'does not belong to offer 42'],
    ['a paused offer URL', { network_offer_id: 42, network_affiliate_id: 7, network_offer_url_id: 22 }, 'not active'],
    [
      'an offer URL limited to another affiliate',
      { network_offer_id: 42, network_affiliate_id: 7, network_offer_url_id: 23 },
      'not available to affiliate 7',
    ],
    ['another offer’s creative', { network_offer_id: 42, network_affiliate_id: 7, creative_id: 58 }, 'does not belong to offer 42'],
    ['a paused creative', { network_offer_id: 42, network_affiliate_id: 7, creative_id: 56 }, 'not active'],
    ['an inactive domain', { network_offer_id: 42, network_affiliate_id: 7, network_tracking_domain_id: 4 }, 'not active'],
    ['an unassignable domain', { network_offer_id: 42, network_affiliate_id: 7, network_tracking_domain_id: 5 }, 'cannot be assigned'],
    ['an unknown traffic source', { network_offer_id: 42, network_affiliate_id: 7, network_traffic_source_id: 77 }, 'does not exist'],
    ['a body that is not JSON', 'offer=42', 'must be a JSON object'],
  ])('400 {"error"} for %s', async (_name, body, message) => {
    const reply = await link(sim, body);
    expect(reply.status).toBe(400);
    expect(Object.keys(bodyOf(reply))).toEqual(['error']);
    expect(bodyOf(reply).error).toContain(message);
  });
  it('accepts a private offer for an approved affiliate, an open URL and an active creative of the offer', async () => {
    expect((await link(sim, { network_offer_id: 77, network_affiliate_id: 7 })).status).toBe(200);
    expect((await link(sim, { network_offer_id: 42, network_affiliate_id: 913, network_offer_url_id: 23, creative_id: 55 })).status).toBe(
      200,
    );
  });
  it('smart links answer the url and whether the affiliate can run all offers behind it', async () => {
    const open = await call(sim, 'POST', `${US}/networks/tracking/campaigns/clicks`, { network_campaign_id: 6, network_affiliate_id: 7 });
    expect(bodyOf(open)).toMatchObject({ can_affiliate_run_all_offers: true });
    const some = await call(sim, 'POST', `${US}/networks/tracking/campaigns/clicks`, {
      network_campaign_id: 6,
      network_affiliate_id: 8,
      sub1: 'x',
    });
    expect(bodyOf(some)).toMatchObject({ can_affiliate_run_all_offers: false });
    expect(String(bodyOf(some).url)).toMatch(/^https:\/\/trk\.example-trk\.com\/.+\?sub1=x$/);
    const creative = await call(sim, 'POST', `${US}/networks/tracking/campaigns/clicks`, {
      network_campaign_id: 6,
      network_affiliate_id: 7,
      creative_id: 55,
    });
    expect(creative.status).toBe(400);
    const list = bodyOf(await call(sim, 'GET', `${US}/networks/campaigns?page=1&page_size=50`));
    expect(list.campaigns).toContainEqual(
      expect.objectContaining({ network_campaign_id: 5, campaign_name: 'Summer smart link', campaign_status: 'active' }),
    );
  });
  it('refuses a smart link it does not know, or one that is paused, with its reason', async () => {
    const unknown = await call(sim, 'POST', `${US}/networks/tracking/campaigns/clicks`, {
      network_campaign_id: 404,
      network_affiliate_id: 7,
    });
    expect([unknown.status, bodyOf(unknown)]).toStrictEqual([400, { error: 'Smart link 404 does not exist.' }]);
    const paused = await call(sim, 'POST', `${US}/networks/tracking/campaigns/clicks`, { network_campaign_id: 8, network_affiliate_id: 7 });
    expect([paused.status, bodyOf(paused)]).toStrictEqual([400, { error: 'Smart link 8 is paused.' }]);
  });
});

describe('look-ups', () => {
  const sim = new EverflowSimulator({ rateLimit: 'none' });
  it('offerstable searches names and IDs, filters by status, and pages', async () => {
    const reply = bodyOf(
      await call(sim, 'POST', `${US}/networks/offerstable?page=1&page_size=20`, { search_terms: [{ search_type: 'name', value: 'acme' }] }),
    );
    expect((reply.offers as { network_offer_id: number }[]).map((o) => o.network_offer_id)).toEqual([1842, 1843, 1844]);
    expect(reply.paging).toEqual({ page: 1, page_size: 20, total_count: 3 });
    const active = bodyOf(
      await call(sim, 'POST', `${US}/networks/offerstable`, {
        search_terms: [{ search_type: 'name', value: 'acme' }],
        filters: { offer_status: 'active' },
      }),
    );
    expect((active.offers as unknown[]).length).toBe(1);
    expect((await call(sim, 'POST', `${US}/networks/offerstable`, { query: 'acme' })).status).toBe(400);
  });
  it('creativestable: the documented search_terms by offer (ID as a string) and status; the undocumented filter is ignored', async () => {
    const byOffer = bodyOf(
      await call(sim, 'POST', `${US}/networks/creativestable`, {
        search_terms: [
          { search_type: 'network_offer_id', value: '42' },
          { search_type: 'creative_status', value: 'active' },
        ],
      }),
    );
    expect((byOffer.creatives as { network_offer_creative_id: number }[]).map((c) => c.network_offer_creative_id)).toEqual([55, 57]);
    expect(
      (await call(sim, 'POST', `${US}/networks/creativestable`, { search_terms: [{ search_type: 'network_offer_id', value: 42 }] })).status,
    ).toBe(400);
    const ignored = bodyOf(await call(sim, 'POST', `${US}/networks/creativestable`, { filters: { network_offer_id: 42 } }));
    expect((ignored.creatives as unknown[]).length).toBe(5);
  });
  it('offer URLs by offer, domains, an affiliate’s domains, traffic sources, one offer', async () => {
    const urls = bodyOf(await call(sim, 'GET', `${US}/networks/offerurls?filter=${encodeURIComponent('network_offer_id=42')}`));
    expect((urls.urls as { network_offer_url_id: number }[]).map((u) => u.network_offer_url_id)).toEqual([21, 22, 23, 24]);
    const domains = bodyOf(await call(sim, 'GET', `${US}/networks/domains/tracking`));
    expect(domains.domains).toContainEqual(expect.objectContaining({ network_tracking_domain_id: 5, is_unassignable: true }));
    const own = bodyOf(await call(sim, 'GET', `${US}/networks/affiliates/913/trackingdomains`));
    expect(own.tracking_domains).toEqual([
      expect.objectContaining({
        network_tracking_domain_id: 3,
        relationship: { tracking_domain: expect.objectContaining({ url: 'trk.acme.example' }) },
      }),
    ]);
    expect(bodyOf(await call(sim, 'GET', `${US}/networks/trafficsource`)).traffic_sources).toHaveLength(2);
    expect(bodyOf(await call(sim, 'GET', `${US}/networks/offers/61`))).toMatchObject({
      network_offer_id: 61,
      destination_url: 'https://shop.direct-deals.example/',
    });
    expect((await call(sim, 'GET', `${US}/networks/offers/5`)).status).toBe(404);
  });
});

describe('one offer, one affiliate (GET by ID)', () => {
  const sim = new EverflowSimulator({ rateLimit: 'none' });
  it('an offer with its name and status, paused and deleted ones too, without the seed’s bookkeeping', async () => {
    const paused = await call(sim, 'GET', `${US}/networks/offers/1843`);
    expect(paused.status).toBe(200);
    expect(bodyOf(paused)).toMatchObject({
      network_offer_id: 1843,
      name: 'Acme Boots – EU – CPL',
      offer_status: 'paused',
      visibility: 'public',
    });
    expect(bodyOf(paused)).not.toHaveProperty('approved');
    expect(bodyOf(await call(sim, 'GET', `${US}/networks/offers/1844`))).toMatchObject({ offer_status: 'deleted' });
  });
  it('an affiliate with its account status, listed or numbered', async () => {
    expect(bodyOf(await call(sim, 'GET', `${US}/networks/affiliates/914`))).toMatchObject({
      network_affiliate_id: 914,
      name: 'Jolly Media Old',
      account_status: 'inactive',
    });
    expect(bodyOf(await call(sim, 'GET', `${US}/networks/affiliates/100005`))).toMatchObject({
      network_affiliate_id: 100005,
      account_status: 'active',
    });
  });
  it('404 {"error"} for an ID the network does not have', async () => {
    for (const path of ['offers/5', 'affiliates/10', 'offers/0']) {
      const reply = await call(sim, 'GET', `${US}/networks/${path}`);
      expect(reply.status).toBe(404);
      expect(Object.keys(bodyOf(reply))).toEqual(['error']);
    }
  });
  it('refuses what Everflow would: another method, a partner key, no key', async () => {
    expect((await call(sim, 'POST', `${US}/networks/offers/42`, {})).status).toBe(404);
    expect((await call(sim, 'DELETE', `${US}/networks/affiliates/7`)).status).toBe(404);
    expect((await call(sim, 'GET', `${US}/networks/offers/42`, undefined, PARTNER_KEY)).status).toBe(403);
    expect((await call(sim, 'GET', `${US}/networks/affiliates/7`, undefined, 'nope')).status).toBe(401);
  });
});

describe('rate limits', () => {
  it('token bucket: bursts of 50, then 30 a second', () => {
    const bucket = new TokenBucket();
    let allowed = 0;
    for (let i = 0; i < 60; i++) if (bucket.take(0).allowed) allowed++;
    expect(allowed).toBe(50);
    for (let i = 0; i < 40; i++) if (bucket.take(1000).allowed) allowed++;
    expect(allowed).toBe(80);
  });
  it('other users of the network share the bucket', () => {
    const bucket = new TokenBucket();
    bucket.others = 22;
    let allowed = 0;
    for (let t = 0; t <= 10_000; t += 10) if (bucket.take(t).allowed) allowed++;
    // The burst, then the 8 a second the others leave.
    expect(allowed).toBeGreaterThanOrEqual(50 + 78);
    expect(allowed).toBeLessThanOrEqual(50 + 81);
  });
  it('30/s over a 30-second window: 900, then 429 until the window resets', () => {
    const window = new FixedWindow(30);
    let allowed = 0;
    for (let i = 0; i < 1000; i++) if (window.take(i * 10).allowed) allowed++;
    expect(allowed).toBe(900);
    expect(window.take(29_999).allowed).toBe(false);
    expect(window.take(30_000).allowed).toBe(true);
  });
  it('20/s over 30 s: 600 per window', () => {
    const window = new FixedWindow(20);
    let allowed = 0;
    for (let i = 0; i < 700; i++) if (window.take(i).allowed) allowed++;
    expect(allowed).toBe(600);
  });
  it('answers 429 {"error"} with X-RateLimit headers and no Retry-After, per network', async () => {
    let now = 0;
    const sim = new EverflowSimulator({ rateLimit: 'window20', now: () => now });
    const replies = [];
    for (let i = 0; i < 601; i++) replies.push(await call(sim, 'GET', `${US}/networks/trafficsource`));
    const last = replies.at(-1)!;
    expect(last.status).toBe(429);
    expect(Object.keys(bodyOf(last))).toEqual(['error']);
    expect(last.headers).toMatchObject({ 'X-RateLimit-Limit': '600', 'X-RateLimit-Remaining': '0' });
    expect(Object.keys(last.headers).map((h) => h.toLowerCase())).not.toContain('retry-after');
    expect(replies[0]!.headers['X-RateLimit-Remaining']).toBe('599');
    expect(sim.throttled).toBe(1);
    // The same network's key on the EU host shares the counter; another network has its own.
    expect((await call(sim, 'GET', `${EU}/networks/trafficsource`, undefined, EU_KEY)).status).toBe(429);
    expect((await call(sim, 'GET', `${EU}/networks/trafficsource`, undefined, SECOND_NETWORK_KEY)).status).toBe(200);
    now = 30_000;
    expect((await call(sim, 'GET', `${US}/networks/trafficsource`)).status).toBe(200);
  });
  it('a preset: the window others used up resets a given time after the next request', async () => {
    let now = 1_000;
    const sim = new EverflowSimulator({ rateLimit: 'window20', now: () => now });
    sim.shareLimit(0, { spent: true, resetsInMs: 2_500 });
    expect((await call(sim, 'GET', `${US}/networks/trafficsource`)).status).toBe(429);
    now = 3_499;
    expect((await call(sim, 'GET', `${US}/networks/trafficsource`)).status).toBe(429);
    now = 3_500;
    expect((await call(sim, 'GET', `${US}/networks/trafficsource`)).status).toBe(200);
    // Without the preset, the used-up window lasts a whole 30 seconds.
    sim.shareLimit(0, { spent: true });
    now = 10_000;
    expect((await call(sim, 'GET', `${US}/networks/trafficsource`)).status).toBe(429);
    now = 39_999;
    expect((await call(sim, 'GET', `${US}/networks/trafficsource`)).status).toBe(429);
    now = 40_000;
    expect((await call(sim, 'GET', `${US}/networks/trafficsource`)).status).toBe(200);
  });
});

describe('overrides and records', () => {
  it('records every request; an override answers, undefined falls through, simulate() restores', async () => {
    const sim = new EverflowSimulator({ rateLimit: 'none' });
    sim.answer((request) => (request.path.endsWith('/trafficsource') ? { status: 500, json: { error: 'boom' } } : undefined));
    expect((await call(sim, 'GET', `${US}/networks/trafficsource`)).status).toBe(500);
    expect((await link(sim, { network_offer_id: 42, network_affiliate_id: 7 })).status).toBe(200);
    sim.answer({ hang: true });
    expect(await sim.handle({ method: 'GET', url: `${US}/networks/trafficsource`, headers: {}, rawBody: null })).toEqual({ hang: true });
    sim.simulate();
    expect((await call(sim, 'GET', `${US}/networks/trafficsource`)).status).toBe(200);
    expect(sim.requests).toHaveLength(4);
    expect(sim.linkRequests).toHaveLength(1);
    expect(sim.log(42, 7)).toEqual({ requests: 1, accepted: 1, links: 1 });
  });
});
