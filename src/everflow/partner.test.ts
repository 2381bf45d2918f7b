import { describe, expect, it } from 'vitest';
import { MESSAGES } from './failures';
import type { PartnerLinkInput } from './link-fields';
import { MAX_OPTIONS } from './lookups';
import {
  PARTNER_MESSAGES,
  generatePartnerLink,
  partnerLinkRequest,
  partnerOffer,
  partnerOfferUrls,
  partnerOffersPath,
  searchPartnerOffers,
} from './partner';
import { apiBase } from './regions';
import { KEY_IN_A_FIELD, LINK_REFUSALS, keyInFieldMessage } from './tracking-link';
import { API_KEY, BASE_URL, expectSafeMessage, fakeFetch } from '../../e2e/unit-fixtures/test-fetch';

const connection = (fetch: typeof globalThis.fetch) => ({ baseUrl: BASE_URL, apiKey: API_KEY, fetch, sleep: async () => {} });
const OFFER: PartnerLinkInput = { linkType: 'partner', offerId: 42 };
const LINK = 'https://trk.example-trk.com/7A/42B/';
const sentBody = (body: BodyInit | null | undefined) => JSON.parse(String(body)) as unknown;

describe('partnerLinkRequest', () => {
  it('asks for the default URL (0) with a GET when there are no subs', () => {
    expect(partnerLinkRequest(OFFER)).toStrictEqual({ method: 'GET', path: '/affiliates/offers/42/url/0' });
    expect(partnerLinkRequest({ ...OFFER, offerUrlId: 5 })).toStrictEqual({ method: 'GET', path: '/affiliates/offers/42/url/5' });
    // Subs left empty are no subs.
    expect(partnerLinkRequest({ ...OFFER, sub1: '', sub4: '' })).toStrictEqual({ method: 'GET', path: '/affiliates/offers/42/url/0' });
  });

  it('POSTs url_id and only the subs set when there are any, nothing else', () => {
    expect(partnerLinkRequest({ ...OFFER, sub1: 'news', sub2: '', sub5: 'x y' })).toStrictEqual({
      method: 'POST',
      path: '/affiliates/offers/42/trackingurl',
      body: { url_id: 0, sub1: 'news', sub5: 'x y' },
    });
    // What a network form left behind (a Source ID, a domain, a creative, flags) is never sent.
    const leftOver = { ...OFFER, offerUrlId: 9, sub3: 'c', sourceId: 'src', trackingDomainId: 3, creativeId: 4, encryptParameters: true };
    expect(partnerLinkRequest(leftOver as PartnerLinkInput)).toStrictEqual({
      method: 'POST',
      path: '/affiliates/offers/42/trackingurl',
      body: { url_id: 9, sub3: 'c' },
    });
  });
});

describe('generatePartnerLink', () => {
  it('GETs the offer’s URL with the key and reads tracking_url', async () => {
    const { fetch, sent } = fakeFetch(200, { tracking_url: LINK });
    expect(await generatePartnerLink(connection(fetch), OFFER)).toStrictEqual({ ok: true, url: LINK });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('https://api.eflow.team/v1/affiliates/offers/42/url/0');
    expect(sent[0]?.method).toBe('GET');
    expect(sent[0]?.body).toBeUndefined();
    expect(sent[0]?.headers).toEqual({ 'X-Eflow-Api-Key': API_KEY, Accept: 'application/json' });
  });

  it('reads url when the answer has no tracking_url (the docs disagree)', async () => {
    const { fetch } = fakeFetch(200, { url: LINK });
    expect(await generatePartnerLink(connection(fetch), OFFER)).toStrictEqual({ ok: true, url: LINK });
    // tracking_url wins; an empty one does not hide url.
    const both = fakeFetch(200, { tracking_url: LINK, url: 'https://other.example/' });
    expect(await generatePartnerLink(connection(both.fetch), OFFER)).toStrictEqual({ ok: true, url: LINK });
    const empty = fakeFetch(200, { tracking_url: '', url: LINK });
    expect(await generatePartnerLink(connection(empty.fetch), OFFER)).toStrictEqual({ ok: true, url: LINK });
  });

  it('POSTs the subs to …/trackingurl on the EU host for an EU key', async () => {
    const { fetch, sent } = fakeFetch(200, { tracking_url: `${LINK}?sub1=news` });
    const result = await generatePartnerLink({ baseUrl: apiBase('eu'), apiKey: API_KEY, fetch }, { ...OFFER, offerUrlId: 5, sub1: 'news' });
    expect(result).toStrictEqual({ ok: true, url: `${LINK}?sub1=news` });
    expect(sent[0]?.url).toBe('https://api-eu.eflow.team/v1/affiliates/offers/42/trackingurl');
    expect(sent[0]?.method).toBe('POST');
    expect(sent[0]?.headers['Content-Type']).toBe('application/json');
    expect(sentBody(sent[0]?.body)).toStrictEqual({ url_id: 5, sub1: 'news' });
  });

  it.each(['error', 'Error'])(
    'says Everflow’s own words, then what a partner can do, for an offer it may not run ({"%s": …})',
    async (field) => {
      const { fetch } = fakeFetch(400, { [field]: 'Affiliate 7 is not approved for offer 77.' });
      const result = await generatePartnerLink(connection(fetch), { ...OFFER, offerId: 77 });
      expect(result).toStrictEqual({
        ok: false,
        kind: 'rejected',
        message: 'Everflow: “Affiliate 7 is not approved for offer 77.”',
        hint: 'Ask the network to approve you for this offer, or choose another one.',
      });
      if (!result.ok) expectSafeMessage(result.message);
    },
  );

  it('points at the offer URL too when one was chosen', async () => {
    const { fetch } = fakeFetch(400, { error: 'Offer URL 6 is not active.' });
    const result = await generatePartnerLink(connection(fetch), { ...OFFER, offerUrlId: 6, sub2: 'b' });
    expect(result).toStrictEqual({
      ok: false,
      kind: 'rejected',
      message: 'Everflow: “Offer URL 6 is not active.”',
      hint: PARTNER_MESSAGES.rejectedUrlHint,
    });
    expect(PARTNER_MESSAGES.rejectedUrlHint).toBe(
      'Choose another offer URL (or none, for the offer’s default), or ask the network to approve you for this offer.',
    );
  });

  it('a 400 without words still names its status', async () => {
    const { fetch } = fakeFetch(400, '<html>Bad Request</html>');
    expect(await generatePartnerLink(connection(fetch), OFFER)).toStrictEqual({
      ok: false,
      kind: 'rejected',
      message: 'Everflow refused the request (error 400).',
      hint: PARTNER_MESSAGES.rejectedHint,
    });
  });

  it.each(['error', 'Error'])('a 403 “Out Of Realm” ({"%s": …}) says the key is not a partner key', async (field) => {
    const { fetch } = fakeFetch(403, { [field]: 'Out Of Realm' });
    const result = await generatePartnerLink(connection(fetch), OFFER);
    expect(result).toStrictEqual({
      ok: false,
      kind: 'forbidden',
      message:
        'This API key may not use Everflow’s partner API (it may be a network key); save the partner API key your network gave you on the options page.',
    });
    if (!result.ok) expectSafeMessage(result.message);
  });

  it('a 401 is unauthorized, as for every call', async () => {
    const { fetch } = fakeFetch(401, { error: 'No Authentication Method Found' });
    expect(await generatePartnerLink(connection(fetch), OFFER)).toStrictEqual({
      ok: false,
      kind: 'unauthorized',
      message: MESSAGES.unauthorized,
    });
  });

  it.each([
    ['no link at all', { message: 'ok' }, MESSAGES.badResponse],
    ['a javascript: link', { tracking_url: 'javascript:alert(1)' }, MESSAGES.badResponse],
    ['a relative link', { url: '/7A/42B/' }, MESSAGES.badResponse],
    ['a hidden character', { tracking_url: 'https://trk\u202Eexample.com/a/' }, MESSAGES.badResponse],
    ['user info', { tracking_url: 'https://trk.brand.com@evil.example/x' }, LINK_REFUSALS.userInfo],
    ['an IP host', { url: 'http://3232235777/' }, LINK_REFUSALS.ipAddress('192.168.1.1')],
    ['a link too long', { tracking_url: `https://t.example/${'a'.repeat(4096)}` }, LINK_REFUSALS.tooLong],
    ['the key', { tracking_url: `https://trk.example/a/?sub1=${encodeURIComponent(API_KEY)}` }, LINK_REFUSALS.holdsKey],
    ['the key in base64', { url: `https://trk.example/a/?q=${btoa(API_KEY)}` }, LINK_REFUSALS.holdsKey],
  ])('refuses a returned link with %s, as for a network link', async (_name, body, message) => {
    const { fetch } = fakeFetch(200, body);
    expect(await generatePartnerLink(connection(fetch), OFFER)).toStrictEqual({ ok: false, kind: 'bad-response', message });
  });

  it('accepts an http link (a tracking domain without SSL), as the URL parser writes it', async () => {
    const { fetch } = fakeFetch(200, { tracking_url: 'HTTP://GO.Nordlys-trk.example/7A/42B/' });
    expect(await generatePartnerLink(connection(fetch), OFFER)).toStrictEqual({ ok: true, url: 'http://go.nordlys-trk.example/7A/42B/' });
  });

  it.each([
    ['Sub 1', { sub1: API_KEY }],
    ['Sub 3', { sub3: `x-${encodeURIComponent(API_KEY)}` }],
    ['Sub 5', { sub5: btoa(API_KEY) }],
  ])('never sends a %s that holds the API key', async (label, values) => {
    const { fetch, sent } = fakeFetch(200, { tracking_url: LINK });
    const result = await generatePartnerLink(connection(fetch), { ...OFFER, ...values });
    const [field] = Object.keys(values);
    expect(result).toStrictEqual({
      ok: false,
      kind: 'invalid-input',
      message: KEY_IN_A_FIELD,
      fieldErrors: { [field!]: keyInFieldMessage(label) },
    });
    expect(sent).toHaveLength(0);
  });
});

const offer = (id: number, name: string, extra: Record<string, unknown> = {}) => ({
  network_offer_id: id,
  network_id: 1,
  name,
  offer_status: 'active',
  tracking_url: `https://trk.example/7A/${id}/`,
  ...extra,
});

describe('searchPartnerOffers', () => {
  it('searches the runnable offers, first page, with the query encoded', async () => {
    expect(partnerOffersPath('  Summer Sale & co ', false)).toBe(
      `/affiliates/offersrunnable?page=1&page_size=${MAX_OPTIONS}&search=Summer%20Sale%20%26%20co`,
    );
    expect(partnerOffersPath('42', true)).toBe(`/affiliates/alloffers?page=1&page_size=${MAX_OPTIONS}&search=42`);
    // Nothing typed: the first page, unsearched.
    expect(partnerOffersPath(' ', false)).toBe(`/affiliates/offersrunnable?page=1&page_size=${MAX_OPTIONS}`);

    const { fetch, sent } = fakeFetch(200, {
      offers: [offer(42, 'Summer Sale – US – CPA')],
      paging: { page: 1, page_size: 20, total_count: 1 },
    });
    expect(await searchPartnerOffers(connection(fetch), 'summer', { awaiting: false })).toStrictEqual({
      ok: true,
      options: [{ id: 42, name: 'Summer Sale – US – CPA', status: 'active' }],
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe(`https://api.eflow.team/v1/affiliates/offersrunnable?page=1&page_size=${MAX_OPTIONS}&search=summer`);
    expect(sent[0]?.method).toBe('GET');
  });

  it('with awaiting, lists every visible offer, those awaiting approval said so and after the runnable ones', async () => {
    const { fetch, sent } = fakeFetch(200, {
      // No paging object (as in a public capture of a real answer).
      offers: [
        offer(88, 'Polar Energy', { tracking_url: '', relationship: { offer_affiliate_status: 'pending' } }),
        offer(89, 'Baltic Books', {
          tracking_url: '',
          relationship: { total: 1, entries: [{ offer_affiliate_status: 'require_approval' }] },
        }),
        offer(42, 'Nordlicht Reisen', { relationship: { offer_affiliate_status: 'public' } }),
        offer(77, 'Aurora VIP', { relationship: [{ offer_affiliate_status: 'APPROVED' }] }),
        offer(90, 'Midnight Sun', { offer_status: 'paused', relationship: { offer_affiliate_status: 'public' } }),
        offer(91, 'Glacier Gear', { offer_status: 'deleted' }),
      ],
    });
    expect(await searchPartnerOffers(connection(fetch), '', { awaiting: true })).toStrictEqual({
      ok: true,
      options: [
        { id: 42, name: 'Nordlicht Reisen', status: 'active' },
        { id: 77, name: 'Aurora VIP', status: 'active' },
        { id: 88, name: 'Polar Energy', status: 'awaiting approval' },
        { id: 89, name: 'Baltic Books', status: 'awaiting approval' },
        { id: 90, name: 'Midnight Sun', status: 'paused' },
      ],
    });
    expect(sent[0]?.url).toBe(`https://api.eflow.team/v1/affiliates/alloffers?page=1&page_size=${MAX_OPTIONS}`);
  });

  it('reads leniently: names cleaned and bounded, entries without an ID skipped, at most a page', async () => {
    const many = Array.from({ length: 30 }, (_, i) => offer(i + 1, `Offer ${i + 1}`));
    const { fetch } = fakeFetch(200, {
      offers: [{ name: 'no id' }, 'junk', offer(5000, ` Spaced\u202E\n ${'x'.repeat(300)}`), offer(5001, ''), ...many],
    });
    const result = await searchPartnerOffers(connection(fetch), 'o', { awaiting: false });
    if (!result.ok) throw new Error(result.message);
    expect(result.options).toHaveLength(MAX_OPTIONS);
    expect(result.options[0]?.id).toBe(5000);
    expect(result.options[0]?.name).toMatch(/^Spaced x+$/);
    expect(result.options[0]?.name.length).toBeLessThanOrEqual(120);
    expect(result.options[1]).toStrictEqual({ id: 5001, name: '#5001', status: 'active' });
  });

  it.each([
    ['no offers list', { paging: {} }],
    ['offers not a list', { offers: 'many' }],
    ['a JSON list', [offer(1, 'a')]],
  ])('an answer with %s is bad-response', async (_name, body) => {
    const { fetch } = fakeFetch(200, body);
    expect(await searchPartnerOffers(connection(fetch), 'a', { awaiting: false })).toStrictEqual({
      ok: false,
      kind: 'bad-response',
      message: MESSAGES.badResponse,
    });
  });

  it.each(['error', 'Error'])('a network key ({"%s": "Out Of Realm"}) is told it is not a partner key', async (field) => {
    const { fetch } = fakeFetch(403, { [field]: 'Out Of Realm' });
    expect(await searchPartnerOffers(connection(fetch), 'a', { awaiting: true })).toStrictEqual({
      ok: false,
      kind: 'forbidden',
      message: PARTNER_MESSAGES.forbidden,
    });
  });

  it('tries once: a look-up never spends the rate limit on retries', async () => {
    const { fetch, sent } = fakeFetch(500, { error: 'oops' });
    expect(await searchPartnerOffers(connection(fetch), 'a', { awaiting: false })).toStrictEqual({
      ok: false,
      kind: 'server',
      message: MESSAGES.server(500),
    });
    expect(sent).toHaveLength(1);
  });
});

const offerUrl = (id: number, name: string, extra: Record<string, unknown> = {}) => ({
  network_offer_url_id: id,
  name,
  url_status: 'active',
  ...extra,
});

describe('partnerOfferUrls', () => {
  it.each([
    ['{total, entries}', (urls: unknown[]) => ({ total: urls.length, entries: urls })],
    ['a plain array', (urls: unknown[]) => urls],
  ])('lists the offer’s active URLs, nested as %s', async (_name, nest) => {
    const { fetch, sent } = fakeFetch(200, {
      ...offer(42, 'Summer Sale'),
      relationship: {
        offer_affiliate_status: 'public',
        urls: nest([
          offerUrl(5, 'Landing B'),
          offerUrl(6, 'Old landing', { url_status: 'paused' }),
          offerUrl(7, 'Other offer’s', { network_offer_id: 43 }),
          offerUrl(8, 'Mobile', { network_offer_id: 42 }),
        ]),
        creatives: [],
      },
    });
    expect(await partnerOfferUrls(connection(fetch), 42)).toStrictEqual({
      ok: true,
      options: [
        { id: 5, name: 'Landing B', status: 'active' },
        { id: 8, name: 'Mobile', status: 'active' },
      ],
    });
    expect(sent[0]?.url).toBe('https://api.eflow.team/v1/affiliates/offers/42');
    expect(sent[0]?.method).toBe('GET');
  });

  it('an offer without URLs of its own has none to choose', async () => {
    const { fetch } = fakeFetch(200, offer(42, 'Summer Sale', { relationship: { offer_affiliate_status: 'public' } }));
    expect(await partnerOfferUrls(connection(fetch), 42)).toStrictEqual({ ok: true, options: [] });
  });

  it('an offer the partner may not run says so, with what to do', async () => {
    const { fetch } = fakeFetch(400, { Error: 'Affiliate 7 is not approved for offer 77.' });
    expect(await partnerOfferUrls(connection(fetch), 77)).toStrictEqual({
      ok: false,
      kind: 'rejected',
      message: 'Everflow: “Affiliate 7 is not approved for offer 77.”',
      hint: PARTNER_MESSAGES.rejectedHint,
    });
  });

  it('an answer that is no offer is bad-response', async () => {
    const { fetch } = fakeFetch(200, ['x']);
    expect(await partnerOfferUrls(connection(fetch), 42)).toStrictEqual({ ok: false, kind: 'bad-response', message: MESSAGES.badResponse });
  });
});

describe('partnerOffer', () => {
  it('gives the offer’s name and status', async () => {
    const { fetch, sent } = fakeFetch(200, offer(42, 'Summer Sale – US – CPA', { relationship: { offer_affiliate_status: 'approved' } }));
    expect(await partnerOffer(connection(fetch), 42)).toStrictEqual({
      ok: true,
      options: [{ id: 42, name: 'Summer Sale – US – CPA', status: 'active' }],
    });
    expect(sent[0]?.url).toBe('https://api.eflow.team/v1/affiliates/offers/42');
  });

  it('says when the partner still awaits approval', async () => {
    const { fetch } = fakeFetch(200, offer(88, 'Polar Energy', { relationship: { offer_affiliate_status: 'pending' } }));
    expect(await partnerOffer(connection(fetch), 88)).toStrictEqual({
      ok: true,
      options: [{ id: 88, name: 'Polar Energy', status: 'awaiting approval' }],
    });
  });

  it('names nothing for an offer Everflow does not have (404)', async () => {
    const { fetch, sent } = fakeFetch(404, { error: 'Not found.' });
    expect(await partnerOffer(connection(fetch), 77)).toStrictEqual({ ok: true, options: [] });
    expect(sent).toHaveLength(1);
  });

  it.each(['error', 'Error'])(
    'an offer the partner may not run ({"%s": …} 400) is looked for among all it sees: awaiting approval, or nothing',
    async (field) => {
      const answers = [
        { status: 400, body: { [field]: 'Affiliate 7 is not approved for offer 88.' } },
        {
          status: 200,
          body: {
            offers: [
              // A search by ID may match more than the ID.
              offer(1880, 'Other'),
              offer(88, 'Polar Energy', { tracking_url: '', relationship: { offer_affiliate_status: 'pending' } }),
            ],
          },
        },
      ];
      const sent: string[] = [];
      const fetch = (async (url: string | URL | Request) => {
        sent.push(String(url));
        const { status, body } = answers[sent.length - 1] ?? { status: 500, body: {} };
        return new Response(JSON.stringify(body), { status });
      }) as typeof globalThis.fetch;
      expect(await partnerOffer(connection(fetch), 88)).toStrictEqual({
        ok: true,
        options: [{ id: 88, name: 'Polar Energy', status: 'awaiting approval' }],
      });
      expect(sent).toStrictEqual([
        'https://api.eflow.team/v1/affiliates/offers/88',
        `https://api.eflow.team/v1/affiliates/alloffers?page=1&page_size=${MAX_OPTIONS}&search=88`,
      ]);
      // Not among them (private, or blocked), or the search failing: nothing to name.
      answers[1] = { status: 200, body: { offers: [offer(1880, 'Other')] } };
      sent.length = 0;
      expect(await partnerOffer(connection(fetch), 88)).toStrictEqual({ ok: true, options: [] });
      answers[1] = { status: 429, body: { error: 'Too many requests.' } };
      sent.length = 0;
      expect(await partnerOffer(connection(fetch), 88)).toStrictEqual({ ok: true, options: [] });
    },
  );

  it('a network key is told it is not a partner key', async () => {
    const { fetch } = fakeFetch(403, { error: 'Out Of Realm' });
    expect(await partnerOffer(connection(fetch), 42)).toStrictEqual({ ok: false, kind: 'forbidden', message: PARTNER_MESSAGES.forbidden });
  });

  it.each([
    ['another offer', offer(43, 'Other')],
    ['no name', offer(42, '')],
  ])('an answer with %s is bad-response', async (_name, body) => {
    const { fetch } = fakeFetch(200, body);
    expect(await partnerOffer(connection(fetch), 42)).toStrictEqual({ ok: false, kind: 'bad-response', message: MESSAGES.badResponse });
  });
});
