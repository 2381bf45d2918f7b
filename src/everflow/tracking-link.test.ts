import { describe, expect, it } from 'vitest';
import { REDIRECT_LINK_FIELD, type LinkInput, type NetworkLinkInput } from './link-fields';
import { MESSAGES } from './failures';
import { apiBase } from './regions';
import { API_KEY, BASE_URL, expectSafeMessage, fakeFetch } from '../../e2e/unit-fixtures/test-fetch';
import {
  KEY_IN_A_FIELD,
  LINK_REFUSALS,
  TRACKING_LINK_PATHS,
  buildClickBody,
  generateTrackingLink,
  linkFromResponse,
} from './tracking-link';

const MINIMAL: LinkInput = { linkType: 'offer', offerId: 12, affiliateId: 34, encryptParameters: false, redirectLink: false };
const FULL: LinkInput = {
  linkType: 'offer',
  offerId: 1,
  affiliateId: 2,
  trackingDomainId: 3,
  offerUrlId: 4,
  creativeId: 5,
  trafficSourceId: 6,
  sourceId: 'newsletter',
  sub1: 's1',
  sub2: 's2',
  sub3: 's3',
  sub4: 's4',
  sub5: 's5',
  encryptParameters: true,
  redirectLink: true,
};

describe('buildClickBody', () => {
  it('sends only the two IDs, as numbers, for a minimal request', () => {
    expect(JSON.stringify(buildClickBody(MINIMAL))).toBe('{"network_offer_id":12,"network_affiliate_id":34}');
  });

  it('maps every field of a full request', () => {
    expect(buildClickBody(FULL)).toEqual({
      network_offer_id: 1,
      network_affiliate_id: 2,
      network_tracking_domain_id: 3,
      network_offer_url_id: 4,
      creative_id: 5,
      network_traffic_source_id: 6,
      source_id: 'newsletter',
      sub1: 's1',
      sub2: 's2',
      sub3: 's3',
      sub4: 's4',
      sub5: 's5',
      is_encrypt_parameters: true,
      is_redirect_link: true,
    });
  });

  it('uses REDIRECT_LINK_FIELD for the redirect flag', () => {
    expect(REDIRECT_LINK_FIELD).toBe('is_redirect_link');
    const body = buildClickBody({ ...MINIMAL, redirectLink: true });
    expect(body).toEqual({ network_offer_id: 12, network_affiliate_id: 34, [REDIRECT_LINK_FIELD]: true });
  });

  it('sends a flag only when it is true', () => {
    expect(buildClickBody({ ...MINIMAL, encryptParameters: true })).toEqual({
      network_offer_id: 12,
      network_affiliate_id: 34,
      is_encrypt_parameters: true,
    });
    const body = buildClickBody(MINIMAL);
    expect(Object.hasOwn(body, 'is_encrypt_parameters')).toBe(false);
    expect(Object.hasOwn(body, REDIRECT_LINK_FIELD)).toBe(false);
  });

  it('leaves out empty strings and absent values', () => {
    const body = buildClickBody({ ...MINIMAL, linkType: 'offer', sub1: '', sub2: 'x', sourceId: '', creativeId: undefined, offerUrlId: 9 });
    expect(body).toEqual({ network_offer_id: 12, network_affiliate_id: 34, network_offer_url_id: 9, sub2: 'x' });
  });

  it('keeps text exactly as given (JSON does the escaping)', () => {
    const body = buildClickBody({ ...MINIMAL, sub1: 'a&b=c "q" ü' });
    expect(JSON.stringify(body)).toBe('{"network_offer_id":12,"network_affiliate_id":34,"sub1":"a&b=c \\"q\\" ü"}');
  });
});

describe('linkFromResponse', () => {
  it.each([
    ['https://www.example-trk.com/28KL6/2CTPL/', 'https://www.example-trk.com/28KL6/2CTPL/'],
    ['https://www.example-trk.com/28KL6/2CTPL/?sub1=a&source_id=b', 'https://www.example-trk.com/28KL6/2CTPL/?sub1=a&source_id=b'],
    ['http://no-ssl.example/32HKQB8/2CTPL/?__efq=1XzZ', 'http://no-ssl.example/32HKQB8/2CTPL/?__efq=1XzZ'],
    // As the URL parser writes it: scheme and host in lower case.
    ['HTTPS://ADVERTISER.EXAMPLE/?oid=1&affid=51', 'https://advertiser.example/?oid=1&affid=51'],
    // A direction override (or a zero-width space) cannot hide in a link: it is escaped, visibly.
    ['https://trk.example/A/B/?sub1=\u202Eevil', 'https://trk.example/A/B/?sub1=%E2%80%AEevil'],
    ['https://trk.example/A\u200B/B/', 'https://trk.example/A%E2%80%8B/B/'],
    ['  https://t.example/a/b/\n', 'https://t.example/a/b/'],
    // A port, and an @ after the host (in the path or the query), are no user info.
    ['https://trk.example:8443/a/?email=a@b.example', 'https://trk.example:8443/a/?email=a@b.example'],
    ['https://trk.example/@brand/x', 'https://trk.example/@brand/x'],
    // A host that only starts with digits is a domain.
    ['https://123.example/a/', 'https://123.example/a/'],
  ])('accepts %j', (url, expected) => {
    expect(linkFromResponse({ url })).toStrictEqual({ ok: true, url: expected });
    expect(linkFromResponse({ url, other: 'ignored' })).toStrictEqual({ ok: true, url: expected });
  });

  it.each([
    ['javascript:', { url: 'javascript:alert(1)' }],
    ['javascript: with spaces', { url: '  javascript:alert(document.cookie)' }],
    ['data:', { url: 'data:text/html,<script>alert(1)</script>' }],
    ['ftp:', { url: 'ftp://files.example/x' }],
    ['file:', { url: 'file:///etc/passwd' }],
    ['chrome-extension:', { url: 'chrome-extension://abc/popup.html' }],
    ['relative path', { url: '/28KL6/2CTPL/' }],
    ['protocol-relative', { url: '//t.example/a/' }],
    ['bare host', { url: 't.example/a/' }],
    ['empty', { url: '' }],
    ['missing url', {}],
    ['other key', { link: 'https://t.example/' }],
    ['number', { url: 42 }],
    ['null url', { url: null }],
    ['object url', { url: { href: 'https://t.example/' } }],
    ['array url', { url: ['https://t.example/'] }],
    ['an inner newline', { url: 'https://t.example/a\nb/' }],
    ['an inner tab', { url: 'https://t.example/a\tb/' }],
    ['an inner space', { url: 'https://t.example/a b/' }],
    ['an inner control character', { url: 'https://t.example/a\u0000b/' }],
    ['no slashes', { url: 'http:t.example/a/' }],
    ['backslashes', { url: 'https:\\\\t.example/a/' }],
    ['no host', { url: 'https://' }],
    ['a direction override in the host', { url: 'https://trk\u202Eexample.com/a/' }],
    ['null body', null],
    ['string body', 'https://t.example/'],
    ['array body', ['https://t.example/']],
  ])('refuses %s as an answer it could not read', (_name, body) => {
    expect(linkFromResponse(body)).toStrictEqual({ ok: false, kind: 'bad-response', message: MESSAGES.badResponse });
  });

  it.each([
    ['a brand name as user info', 'https://trk.brand.com@evil.example/x'],
    ['a user name and password', 'https://user:pass@trk.example/a/'],
    ['a password alone', 'https://:pass@trk.example/a/'],
    ['an empty user info', 'https://@evil.example/a/'],
    ['an encoded-looking user info', 'http://trk.example%2Fa@evil.example/'],
  ])('refuses a link with user info: %s', (_name, url) => {
    const refused = linkFromResponse({ url });
    expect(refused).toStrictEqual({ ok: false, kind: 'bad-response', message: LINK_REFUSALS.userInfo });
    if (!refused.ok) expectSafeMessage(refused.message);
  });

  it.each([
    ['dotted IPv4', 'https://192.168.1.1/a/', '192.168.1.1'],
    ['decimal IPv4', 'http://3232235777/', '192.168.1.1'],
    ['hex IPv4', 'http://0xC0A80101/a/', '192.168.1.1'],
    ['octal IPv4', 'http://0300.0250.1.1/', '192.168.1.1'],
    ['short IPv4', 'http://127.1/', '127.0.0.1'],
    ['IPv4 with a trailing dot', 'http://10.0.0.1./', '10.0.0.1'],
    ['IPv6 loopback', 'http://[::1]/a/', '[::1]'],
    ['IPv4-mapped IPv6', 'https://[::ffff:192.168.1.1]:8080/', '[::ffff:c0a8:101]'],
  ])('refuses a link to an IP address: %s', (_name, url, host) => {
    const refused = linkFromResponse({ url });
    expect(refused).toStrictEqual({ ok: false, kind: 'bad-response', message: LINK_REFUSALS.ipAddress(host) });
    expect(LINK_REFUSALS.ipAddress(host)).toBe(
      `Everflow returned a link to a bare IP address (${host}) instead of a domain, so it was not copied; check the offer’s URL and tracking domain in Everflow.`,
    );
  });

  it('accepts a link up to 4096 characters, and says when it is longer', () => {
    const prefix = 'https://t.example/';
    const longest = prefix + 'a'.repeat(4096 - prefix.length);
    expect(linkFromResponse({ url: longest })).toStrictEqual({ ok: true, url: longest });
    expect(linkFromResponse({ url: `${longest}a` })).toStrictEqual({ ok: false, kind: 'bad-response', message: LINK_REFUSALS.tooLong });
    expect(LINK_REFUSALS.tooLong).toBe(
      'Everflow returned a link longer than 4,096 characters, so it was not copied; check the offer’s URL in Everflow.',
    );
  });

  it('reads the link from the fields asked for, the first that holds text winning; a network answer’s is `url`', () => {
    const link = 'https://t.example/a/';
    expect(linkFromResponse({ tracking_url: link })).toStrictEqual({ ok: false, kind: 'bad-response', message: MESSAGES.badResponse });
    const fields = ['tracking_url', 'url'];
    expect(linkFromResponse({ tracking_url: link, url: 'https://u.example/' }, fields)).toStrictEqual({ ok: true, url: link });
    expect(linkFromResponse({ tracking_url: ' ', url: link }, fields)).toStrictEqual({ ok: true, url: link });
    expect(linkFromResponse({ tracking_url: 42, url: link }, fields)).toStrictEqual({ ok: true, url: link });
    expect(linkFromResponse({ tracking_url: '' }, fields)).toStrictEqual({
      ok: false,
      kind: 'bad-response',
      message: MESSAGES.badResponse,
    });
  });

  it('says what was wrong in one sentence each', () => {
    expect(LINK_REFUSALS.userInfo).toBe(
      'Everflow returned a link that hides another address (user info before @), so it was not copied; check the offer’s URL and tracking domain in Everflow.',
    );
    for (const message of [LINK_REFUSALS.userInfo, LINK_REFUSALS.tooLong, LINK_REFUSALS.holdsKey, LINK_REFUSALS.ipAddress('10.0.0.1')]) {
      expectSafeMessage(message);
    }
  });
});

describe('generateTrackingLink', () => {
  const link = 'https://www.example-trk.com/28KL6/2CTPL/?sub1=s1';

  it('POSTs the click body to the tracking endpoint with the key and returns the link', async () => {
    const { fetch, sent } = fakeFetch(200, { url: link });
    const result = await generateTrackingLink({ baseUrl: BASE_URL, apiKey: API_KEY, fetch }, FULL);
    expect(result).toEqual({ ok: true, url: link });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('https://api.eflow.team/v1/networks/tracking/offers/clicks');
    expect(TRACKING_LINK_PATHS.offer).toBe('/networks/tracking/offers/clicks');
    expect(sent[0]?.method).toBe('POST');
    expect(sent[0]?.headers['X-Eflow-Api-Key']).toBe(API_KEY);
    expect(sent[0]?.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(String(sent[0]!.body))).toStrictEqual(
      JSON.parse(
        '{"network_offer_id":1,"network_affiliate_id":2,"network_tracking_domain_id":3,"network_offer_url_id":4,' +
          '"creative_id":5,"network_traffic_source_id":6,"source_id":"newsletter","sub1":"s1","sub2":"s2","sub3":"s3",' +
          '"sub4":"s4","sub5":"s5","is_encrypt_parameters":true,"is_redirect_link":true}',
      ),
    );
  });

  it('talks to the EU host when given the EU base', async () => {
    const { fetch, sent } = fakeFetch(200, { url: link });
    await generateTrackingLink({ baseUrl: apiBase('eu'), apiKey: API_KEY, fetch }, MINIMAL);
    expect(sent[0]?.url).toBe('https://api-eu.eflow.team/v1/networks/tracking/offers/clicks');
    expect(sent[0]?.body).toBe('{"network_offer_id":12,"network_affiliate_id":34}');
  });

  it.each([
    ['a javascript: link', { url: 'javascript:alert(1)' }],
    ['no url', { message: 'ok' }],
    ['a relative link', { url: '/a/b/' }],
  ])('a 200 with %s is bad-response', async (_name, body) => {
    const { fetch } = fakeFetch(200, body);
    const result = await generateTrackingLink({ baseUrl: BASE_URL, apiKey: API_KEY, fetch }, MINIMAL);
    expect(result).toEqual({ ok: false, kind: 'bad-response', message: MESSAGES.badResponse });
  });

  it.each([
    ['as typed', (key: string) => key],
    ['percent-encoded', (key: string) => encodeURIComponent(key)],
    ['in base64', (key: string) => btoa(key)],
  ])('refuses a link that holds the API key %s', async (_how, encode) => {
    const { fetch } = fakeFetch(200, { url: `https://trk.example/a/?sub1=${encode(API_KEY)}` });
    const result = await generateTrackingLink({ baseUrl: BASE_URL, apiKey: API_KEY, fetch }, MINIMAL);
    expect(result).toStrictEqual({ ok: false, kind: 'bad-response', message: LINK_REFUSALS.holdsKey });
    if (!result.ok) expectSafeMessage(result.message);
  });

  it.each([
    ['Sub 1', { sub1: API_KEY }],
    ['Source ID', { sourceId: `x-${encodeURIComponent(API_KEY)}` }],
    ['Sub 5', { sub5: btoa(API_KEY) }],
  ])('never sends a %s that holds the API key: it would be in the link and in Everflow’s reports', async (label, values) => {
    const { fetch, sent } = fakeFetch(200, { url: link });
    const result = await generateTrackingLink({ baseUrl: BASE_URL, apiKey: API_KEY, fetch }, { ...MINIMAL, ...values });
    const message = `${label} holds your API key, which must never go into a link (nor into Everflow’s reports); remove it and try again.`;
    const [field] = Object.keys(values);
    expect(result).toStrictEqual({ ok: false, kind: 'invalid-input', message: KEY_IN_A_FIELD, fieldErrors: { [field!]: message } });
    expect(sent).toHaveLength(0);
    if (!result.ok) expectSafeMessage(result.message);
  });

  it('refuses a link that hides another address, naming what was wrong', async () => {
    const { fetch } = fakeFetch(200, { url: 'https://trk.brand.com@evil.example/x' });
    const result = await generateTrackingLink({ baseUrl: BASE_URL, apiKey: API_KEY, fetch }, MINIMAL);
    expect(result).toStrictEqual({ ok: false, kind: 'bad-response', message: LINK_REFUSALS.userInfo });
  });

  it('passes an Everflow refusal through with its reason', async () => {
    const { fetch } = fakeFetch(400, { Error: 'Affiliate 34 cannot run offer 12' });
    const result = await generateTrackingLink({ baseUrl: BASE_URL, apiKey: API_KEY, fetch }, MINIMAL);
    expect(result).toEqual({
      ok: false,
      kind: 'rejected',
      message: MESSAGES.rejected('“Affiliate 34 cannot run offer 12”'),
      hint: MESSAGES.rejectedHint,
    });
    if (!result.ok) expectSafeMessage(result.message);
  });

  it('passes a bad key through as unauthorized', async () => {
    const { fetch } = fakeFetch(401, undefined);
    const result = await generateTrackingLink({ baseUrl: BASE_URL, apiKey: API_KEY, fetch }, MINIMAL);
    expect(result).toEqual({ ok: false, kind: 'unauthorized', message: MESSAGES.unauthorized });
  });
});

describe('smart links', () => {
  const SMART: LinkInput = {
    linkType: 'smart',
    campaignId: 5,
    affiliateId: 7,
    sub1: 'news',
    encryptParameters: false,
    redirectLink: false,
  };
  const link = 'https://www.example-trk.com/SMRT5/2CTPL/?sub1=news';

  it('sends the smart link and affiliate, never an offer, offer URL or creative', () => {
    // What the person typed for an offer link stays in the form; a smart link's request never carries it.
    const typedForOffers = { ...SMART, offerId: 42, offerUrlId: 4, creativeId: 9, trackingDomainId: 3 } as NetworkLinkInput;
    expect(buildClickBody(typedForOffers)).toStrictEqual({
      network_campaign_id: 5,
      network_affiliate_id: 7,
      network_tracking_domain_id: 3,
      sub1: 'news',
    });
  });

  it('POSTs to the campaigns endpoint and says when some offers are closed to the affiliate', async () => {
    const closed = fakeFetch(200, { url: link, can_affiliate_run_all_offers: false });
    expect(await generateTrackingLink({ baseUrl: BASE_URL, apiKey: API_KEY, fetch: closed.fetch }, SMART)).toStrictEqual({
      ok: true,
      url: link,
      someOffersClosed: true,
    });
    expect(closed.sent[0]?.url).toBe('https://api.eflow.team/v1/networks/tracking/campaigns/clicks');
    expect(JSON.parse(String(closed.sent[0]!.body))).toStrictEqual({ network_campaign_id: 5, network_affiliate_id: 7, sub1: 'news' });

    const open = fakeFetch(200, { url: link, can_affiliate_run_all_offers: true });
    expect(await generateTrackingLink({ baseUrl: BASE_URL, apiKey: API_KEY, fetch: open.fetch }, SMART)).toStrictEqual({
      ok: true,
      url: link,
    });
    // A missing or odd value is not read as "closed": only Everflow's explicit false is.
    const odd = fakeFetch(200, { url: link, can_affiliate_run_all_offers: 'no' });
    expect(await generateTrackingLink({ baseUrl: BASE_URL, apiKey: API_KEY, fetch: odd.fetch }, SMART)).toStrictEqual({
      ok: true,
      url: link,
    });
  });
});
