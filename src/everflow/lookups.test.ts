import { describe, expect, it } from 'vitest';
import { MESSAGES } from './failures';
import {
  MAX_OPTIONS,
  OWN_DOMAIN,
  SHAPES,
  filterOptions,
  lookup,
  lookupOne,
  lookupRequest,
  parseOne,
  parseOptions,
  usable,
} from './lookups';
import { API_KEY, BASE_URL, fakeFetch } from '../../e2e/unit-fixtures/test-fetch';

const connection = (fetch: typeof globalThis.fetch) => ({ baseUrl: BASE_URL, apiKey: API_KEY, fetch, sleep: async () => {} });

describe('lookupRequest', () => {
  it('searches offers and affiliates by name with a bounded page', () => {
    expect(lookupRequest('offers', 'acme')).toStrictEqual({
      method: 'POST',
      path: `/networks/offerstable?page=1&page_size=${MAX_OPTIONS}`,
      body: { search_terms: [{ search_type: 'name', value: 'acme' }] },
    });
    expect(lookupRequest('affiliates', 'Jo')).toStrictEqual({
      method: 'POST',
      path: `/networks/affiliatestable?page=1&page_size=${MAX_OPTIONS}`,
      body: { search_terms: [{ search_type: 'name', value: 'Jo' }] },
    });
  });

  it('scopes offer URLs and creatives to the chosen offer', () => {
    expect(lookupRequest('offerUrls', '', 42)).toStrictEqual({ method: 'GET', path: '/networks/offerurls?filter=network_offer_id%3D42' });
    expect(lookupRequest('creatives', '', 42)).toStrictEqual({
      method: 'POST',
      path: `/networks/creativestable?page=1&page_size=${MAX_OPTIONS}`,
      body: {
        search_terms: [
          { search_type: 'network_offer_id', value: '42' },
          { search_type: 'creative_status', value: 'active' },
        ],
      },
    });
  });

  it('reads the network-wide lists with a GET', () => {
    expect(lookupRequest('trackingDomains', '')).toStrictEqual({ method: 'GET', path: '/networks/domains/tracking' });
    expect(lookupRequest('trafficSources', '')).toStrictEqual({ method: 'GET', path: '/networks/trafficsource' });
  });
});

describe('parseOptions', () => {
  it('keeps id, name and status and ignores everything else', () => {
    const body = {
      offers: [
        { network_offer_id: 1842, name: 'Acme Shoes – US – CPA', offer_status: 'active', payout: 3, extra: { a: 1 } },
        { network_offer_id: 7, name: '  Spaced \n name ', offer_status: 'paused' },
      ],
      paging: { page: 1 },
    };
    expect(parseOptions(body, SHAPES.offers)).toStrictEqual([
      { id: 1842, name: 'Acme Shoes – US – CPA', status: 'active' },
      { id: 7, name: 'Spaced name', status: 'paused' },
    ]);
  });

  it('skips entries without a usable ID and names nameless ones by ID', () => {
    const body = {
      affiliates: [
        { name: 'no id' },
        { network_affiliate_id: '5', name: 'string id' },
        { network_affiliate_id: 0 },
        'junk',
        null,
        { network_affiliate_id: 9 },
      ],
    };
    expect(parseOptions(body, SHAPES.affiliates)).toStrictEqual([{ id: 9, name: '#9' }]);
  });

  it('caps the list and the names', () => {
    const offers = Array.from({ length: 50 }, (_, i) => ({ network_offer_id: i + 1, name: 'x'.repeat(500) }));
    const parsed = parseOptions({ offers }, SHAPES.offers)!;
    expect(parsed).toHaveLength(MAX_OPTIONS);
    expect(parsed[0]!.name).toHaveLength(120);
  });

  it('is undefined when the list is missing or not a list', () => {
    expect(parseOptions({}, SHAPES.offers)).toBeUndefined();
    expect(parseOptions({ offers: 'x' }, SHAPES.offers)).toBeUndefined();
    expect(parseOptions(null, SHAPES.offers)).toBeUndefined();
  });

  it('reads each list under its own key and fields', () => {
    expect(
      parseOptions(
        { domains: [{ network_tracking_domain_id: 3, url: 'trk.example.com', domain_status: 'active' }] },
        SHAPES.trackingDomains,
      ),
    ).toStrictEqual([{ id: 3, name: 'trk.example.com', status: 'active' }]);
    expect(parseOptions({ traffic_sources: [{ network_traffic_source_id: 4, name: 'Email' }] }, SHAPES.trafficSources)).toStrictEqual([
      { id: 4, name: 'Email' },
    ]);
    expect(
      parseOptions({ creatives: [{ network_offer_creative_id: 8, name: 'Banner', creative_status: 'active' }] }, SHAPES.creatives),
    ).toStrictEqual([{ id: 8, name: 'Banner', status: 'active' }]);
    expect(parseOptions({ urls: [{ network_offer_url_id: 2, name: 'Landing B', url_status: 'active' }] }, SHAPES.offerUrls)).toStrictEqual([
      { id: 2, name: 'Landing B', status: 'active' },
    ]);
  });
});

describe('lookup', () => {
  it('calls Everflow once and returns the options', async () => {
    const { fetch, sent } = fakeFetch(200, { offers: [{ network_offer_id: 1, name: 'One', offer_status: 'active' }] });
    expect(await lookup(connection(fetch), 'offers', 'one')).toStrictEqual({
      ok: true,
      options: [{ id: 1, name: 'One', status: 'active' }],
    });
    expect(sent[0]!.url).toBe(`${BASE_URL}/networks/offerstable?page=1&page_size=${MAX_OPTIONS}`);
    expect(sent[0]!.body).toBe('{"search_terms":[{"search_type":"name","value":"one"}]}');
  });

  it('never retries: a 429 is one request and a plain failure', async () => {
    const { fetch, sent } = fakeFetch(429, {});
    expect(await lookup(connection(fetch), 'offers', 'x')).toStrictEqual({
      ok: false,
      kind: 'rate-limited',
      message: MESSAGES.rateLimited,
    });
    expect(sent).toHaveLength(1);
  });

  it('a 403 (no permission for the endpoint) is a plain failure', async () => {
    const { fetch } = fakeFetch(403, { error: 'forbidden' });
    expect(await lookup(connection(fetch), 'affiliates', 'x')).toMatchObject({ ok: false, kind: 'forbidden' });
  });

  it('a 200 without the list is a bad response', async () => {
    const { fetch } = fakeFetch(200, { something: [] });
    expect(await lookup(connection(fetch), 'offers', 'x')).toStrictEqual({
      ok: false,
      kind: 'bad-response',
      message: MESSAGES.badResponse,
    });
  });

  it('a cancelled look-up sends nothing more and resolves', async () => {
    const { fetch, sent } = fakeFetch(200, { offers: [] });
    const controller = new AbortController();
    controller.abort();
    const result = await lookup({ ...connection(fetch), signal: controller.signal }, 'offers', 'x');
    expect(result.ok).toBe(false);
    expect(sent).toHaveLength(0);
  });
});

describe('usable: only what a link for this offer and affiliate can use', () => {
  it('offers: active first, deleted left out', () => {
    const offers = [
      { network_offer_id: 1, offer_status: 'paused' },
      { network_offer_id: 2, offer_status: 'deleted' },
      { network_offer_id: 3, offer_status: 'active' },
    ];
    expect(usable('offers', offers).map((o) => o.network_offer_id)).toEqual([3, 1]);
  });
  it('tracking domains: active and assignable', () => {
    const domains = [
      { network_tracking_domain_id: 1, domain_status: 'active', is_unassignable: false },
      { network_tracking_domain_id: 2, domain_status: 'inactive' },
      { network_tracking_domain_id: 3, domain_status: 'active', is_unassignable: true },
    ];
    expect(usable('trackingDomains', domains).map((d) => d.network_tracking_domain_id)).toEqual([1]);
  });
  it('offer URLs: active, of the offer, open to the affiliate', () => {
    const urls = [
      { network_offer_url_id: 1, network_offer_id: 42, url_status: 'active' },
      { network_offer_url_id: 2, network_offer_id: 42, url_status: 'paused' },
      {
        network_offer_url_id: 3,
        network_offer_id: 42,
        url_status: 'active',
        is_apply_specific_affiliates: true,
        network_affiliate_ids: [913],
      },
      { network_offer_url_id: 4, network_offer_id: 43, url_status: 'active' },
    ];
    expect(usable('offerUrls', urls, { offerId: 42, affiliateId: 7 }).map((u) => u.network_offer_url_id)).toEqual([1]);
    expect(usable('offerUrls', urls, { offerId: 42, affiliateId: 913 }).map((u) => u.network_offer_url_id)).toEqual([1, 3]);
  });
  it('creatives: active ones of the offer, even if Everflow ignored the search', () => {
    const creatives = [
      { network_offer_creative_id: 1, network_offer_id: 42, creative_status: 'active' },
      { network_offer_creative_id: 2, network_offer_id: 42, creative_status: 'paused' },
      { network_offer_creative_id: 3, network_offer_id: 43, creative_status: 'active' },
    ];
    expect(usable('creatives', creatives, { offerId: 42 }).map((c) => c.network_offer_creative_id)).toEqual([1]);
  });
  it('marks and lists first the affiliate’s own tracking domain', async () => {
    const answers: Record<string, unknown> = {
      '/networks/domains/tracking': {
        domains: [
          { network_tracking_domain_id: 1, url: 'a.example', domain_status: 'active' },
          { network_tracking_domain_id: 3, url: 'b.example', domain_status: 'active' },
        ],
      },
      '/networks/affiliates/913/trackingdomains': { tracking_domains: [{ network_tracking_domain_id: 3 }] },
    };
    const fetch = (async (url: string) =>
      new Response(JSON.stringify(answers[new URL(url).pathname.replace('/v1', '')]))) as unknown as typeof globalThis.fetch;
    const result = await lookup(connection(fetch), 'trackingDomains', '', 42, 913);
    expect(result).toEqual({
      ok: true,
      options: [
        { id: 3, name: 'b.example', status: `active, ${OWN_DOMAIN}` },
        { id: 1, name: 'a.example', status: 'active' },
      ],
    });
  });
});

describe('smart links', () => {
  it('are listed with one GET of a long page, active first, deleted left out', async () => {
    expect(lookupRequest('campaigns', 'anything')).toStrictEqual({ method: 'GET', path: '/networks/campaigns?page=1&page_size=500' });
    const entries = [
      { network_campaign_id: 8, campaign_name: 'Winter', campaign_status: 'paused' },
      { network_campaign_id: 5, campaign_name: 'Summer', campaign_status: 'active' },
      { network_campaign_id: 9, campaign_name: 'Gone', campaign_status: 'deleted' },
    ];
    expect(parseOptions({ campaigns: usable('campaigns', entries) }, SHAPES.campaigns)).toStrictEqual([
      { id: 5, name: 'Summer', status: 'active' },
      { id: 8, name: 'Winter', status: 'paused' },
    ]);
  });

  it('filterOptions keeps options with every typed word in the name, or the exact ID, at most MAX_OPTIONS', () => {
    const options = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, name: `Smart link ${i + 1}${i % 2 ? ' EU' : ''}` }));
    expect(filterOptions(options, 'eu 1').map((o) => o.id)).toStrictEqual([10, 12, 14, 16, 18]);
    expect(filterOptions(options, '7').map((o) => o.id)).toStrictEqual([7, 17, 27]);
    expect(filterOptions(options, 'smart')).toHaveLength(MAX_OPTIONS);
    expect(filterOptions(options, 'nothing')).toStrictEqual([]);
  });
});

describe('one offer or affiliate by ID', () => {
  it('reads the name and status of a documented answer and ignores everything else', () => {
    const offer = {
      network_offer_id: 1843,
      network_advertiser_id: 3,
      name: 'Acme Boots – EU – CPL',
      offer_status: 'paused',
      visibility: 'public',
      relationship: {},
    };
    expect(parseOne(offer, 'offer', 1843)).toStrictEqual({ id: 1843, name: 'Acme Boots – EU – CPL', status: 'paused' });
    const affiliate = {
      network_affiliate_id: 914,
      name: ' Jolly\u202e Media Old ',
      account_status: 'inactive',
      network_traffic_source_id: 4,
    };
    expect(parseOne(affiliate, 'affiliate', 914)).toStrictEqual({ id: 914, name: 'Jolly Media Old', status: 'inactive' });
  });

  it('takes an answer without the ID as the one asked for, and one without a status as it is', () => {
    expect(parseOne({ name: 'Summer Sale' }, 'offer', 42)).toStrictEqual({ id: 42, name: 'Summer Sale' });
  });

  it('names nothing when the answer is for another ID, has no name, or is not an object', () => {
    expect(parseOne({ network_offer_id: 43, name: 'Other' }, 'offer', 42)).toBeUndefined();
    expect(parseOne({ network_offer_id: '42', name: 'String ID' }, 'offer', 42)).toBeUndefined();
    expect(parseOne({ network_offer_id: 42, offer_status: 'active' }, 'offer', 42)).toBeUndefined();
    expect(parseOne({ network_offer_id: 42, name: '   ' }, 'offer', 42)).toBeUndefined();
    for (const body of [null, 'Summer', [{ network_offer_id: 42, name: 'In a list' }], { url: 'https://trk.example/' }]) {
      expect(parseOne(body, 'offer', 42)).toBeUndefined();
    }
  });

  it('asks GET /networks/offers/{id} and /networks/affiliates/{id} once', async () => {
    const offer = fakeFetch(200, { network_offer_id: 42, name: 'Summer Sale', offer_status: 'active' });
    expect(await lookupOne(connection(offer.fetch), 'offer', 42)).toStrictEqual({
      ok: true,
      options: [{ id: 42, name: 'Summer Sale', status: 'active' }],
    });
    expect(offer.sent.map((request) => [request.method, request.url])).toStrictEqual([['GET', `${BASE_URL}/networks/offers/42`]]);
    const affiliate = fakeFetch(200, { network_affiliate_id: 7, name: 'Sunrise Media', account_status: 'active' });
    expect(await lookupOne(connection(affiliate.fetch), 'affiliate', 7)).toMatchObject({
      ok: true,
      options: [{ id: 7, name: 'Sunrise Media' }],
    });
    expect(affiliate.sent[0]!.url).toBe(`${BASE_URL}/networks/affiliates/7`);
  });

  it('a 404 means Everflow has none by that ID: an answer with no option, not a failure', async () => {
    const { fetch, sent } = fakeFetch(404, { error: 'Offer not found.' });
    expect(await lookupOne(connection(fetch), 'offer', 5)).toStrictEqual({ ok: true, options: [] });
    expect(sent).toHaveLength(1);
  });

  it('other refusals and unreadable answers are failures, never retried', async () => {
    const limited = fakeFetch(429, {});
    expect(await lookupOne(connection(limited.fetch), 'offer', 42)).toMatchObject({ ok: false, kind: 'rate-limited' });
    expect(limited.sent).toHaveLength(1);
    expect(await lookupOne(connection(fakeFetch(400, { error: 'Invalid id.' }).fetch), 'offer', 42)).toMatchObject({
      ok: false,
      kind: 'rejected',
    });
    expect(await lookupOne(connection(fakeFetch(200, { url: 'https://trk.example/' }).fetch), 'affiliate', 7)).toStrictEqual({
      ok: false,
      kind: 'bad-response',
      message: MESSAGES.badResponse,
    });
  });
});
