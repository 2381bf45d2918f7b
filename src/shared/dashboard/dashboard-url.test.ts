import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DASHBOARD_MATCH_PATTERN,
  EVERFLOW_DASHBOARD_SUFFIX,
  dashboardMatchPatterns,
  isDashboardHost,
  normaliseDomain,
  pageTarget,
  readDashboardUrl,
  toId,
  type PageIds,
} from './dashboard-url';
import { MAX_ID } from '../../everflow/link-fields';

const HOST = 'https://acme.everflowclient.io';
const EXTRA = ['links.acme.com'] as const;

describe('constants', () => {
  it('name the Everflow Control Center hosts', () => {
    expect(EVERFLOW_DASHBOARD_SUFFIX).toBe('everflowclient.io');
    expect(DASHBOARD_MATCH_PATTERN).toBe('https://*.everflowclient.io/*');
  });
});

describe('readDashboardUrl: pages that name an offer or an affiliate', () => {
  const cases: [url: string, expected: PageIds][] = [
    // Offers in the path, singular and plural, with and without a sub-page or trailing slash.
    [`${HOST}/offers/42/general`, { offerId: 42 }],
    [`${HOST}/offers/42`, { offerId: 42 }],
    [`${HOST}/offers/42/`, { offerId: 42 }],
    [`${HOST}/offer/42/`, { offerId: 42 }],
    [`${HOST}/offers/42/tracking-links?tab=1`, { offerId: 42 }],
    // Affiliates, also called partners.
    [`${HOST}/affiliates/913`, { affiliateId: 913 }],
    [`${HOST}/affiliate/913/`, { affiliateId: 913 }],
    [`${HOST}/partners/913/overview`, { affiliateId: 913 }],
    [`${HOST}/partner/7`, { affiliateId: 7 }],
    // Both, nested either way round; the last mention of each kind wins.
    [`${HOST}/affiliates/7/offers/42`, { offerId: 42, affiliateId: 7 }],
    [`${HOST}/offers/42/partners/7/`, { offerId: 42, affiliateId: 7 }],
    [`${HOST}/offers/1/offers/2`, { offerId: 2 }],
    // Query parameters; the network_ name wins over the plain one, whatever the order.
    [`${HOST}/reporting?offer_id=5`, { offerId: 5 }],
    [`${HOST}/?network_offer_id=6`, { offerId: 6 }],
    [`${HOST}/?offer_id=5&network_offer_id=6`, { offerId: 6 }],
    [`${HOST}/?network_offer_id=6&offer_id=5`, { offerId: 6 }],
    [`${HOST}/?affiliate_id=7&network_affiliate_id=8`, { affiliateId: 8 }],
    [`${HOST}/?network_affiliate_id=0&affiliate_id=7`, { affiliateId: 7 }],
    [`${HOST}/reporting?offer_id=5&affiliate_id=7`, { offerId: 5, affiliateId: 7 }],
    // The path wins over the query.
    [`${HOST}/offers/42?offer_id=5`, { offerId: 42 }],
    [`${HOST}/partners/9?network_affiliate_id=8&offer_id=5`, { offerId: 5, affiliateId: 9 }],
    // Hash routes, with and without the hashbang.
    [`${HOST}/#/offers/42`, { offerId: 42 }],
    [`${HOST}/#!/partners/9`, { affiliateId: 9 }],
    [`${HOST}/#/offers/42/`, { offerId: 42 }],
    [`${HOST}/#/reporting?offer_id=12&network_affiliate_id=3`, { offerId: 12, affiliateId: 3 }],
    // A hash route wins for what it names and keeps what it does not name.
    [`${HOST}/offers/1#/offers/2`, { offerId: 2 }],
    [`${HOST}/offers/42#/partners/9`, { offerId: 42, affiliateId: 9 }],
    [`${HOST}/?offer_id=5#/partners/9`, { offerId: 5, affiliateId: 9 }],
    [`${HOST}/?affiliate_id=7#/offers/42`, { offerId: 42, affiliateId: 7 }],
    // A hash that is not a route is ignored.
    [`${HOST}/offers/42#top`, { offerId: 42 }],
    [`${HOST}/offers/42#offers/7`, { offerId: 42 }],
    [`${HOST}/#offers/42`, {}],
    // A malformed hash route does not hide the outer path.
    [`${HOST}/offers/42#//[`, { offerId: 42 }],
    // Case and percent-encoding.
    [`${HOST}/Offers/42`, { offerId: 42 }],
    [`${HOST}/PARTNERS/9/Overview`, { affiliateId: 9 }],
    ['https://ACME.EverflowClient.IO/offers/42', { offerId: 42 }],
    [`${HOST}/offers/%34%32`, { offerId: 42 }],
    [`${HOST}/%6Fffers/42`, { offerId: 42 }],
    [`${HOST}/#/%6Fffers/%34%32`, { offerId: 42 }],
    [`${HOST}/?offer_id=%34%32`, { offerId: 42 }],
    [`${HOST}/offers/42%2F7`, {}],
    [`${HOST}/%E0%A4%A/offers/42`, { offerId: 42 }],
    // The largest ID there is, and leading zeros.
    [`${HOST}/offers/2147483647`, { offerId: 2147483647 }],
    [`${HOST}/offers/0042`, { offerId: 42 }],
  ];

  it.each(cases)('%s → %o', (url, expected) => {
    expect(readDashboardUrl(url)).toStrictEqual(expected);
  });
});

describe('readDashboardUrl: dashboard pages naming nothing', () => {
  it.each([
    `${HOST}/`,
    HOST,
    `${HOST}/dashboard`,
    `${HOST}/offers`,
    `${HOST}/offers/`,
    `${HOST}/offers/create`,
    `${HOST}/reporting/offer`,
    `${HOST}/#/`,
    `${HOST}/#top`,
    `${HOST}/?offer_id=&affiliate_id=`,
  ])('%s → {}', (url) => {
    expect(readDashboardUrl(url)).toStrictEqual({});
  });

  it.each([
    ['0', `${HOST}/offers/0`],
    ['2^31', `${HOST}/offers/2147483648`],
    ['eleven digits', `${HOST}/offers/12345678901`],
    ['a fraction', `${HOST}/offers/1.5`],
    ['a negative', `${HOST}/offers/-3`],
    ['letters', `${HOST}/offers/abc`],
    ['a number with a suffix', `${HOST}/offers/42abc`],
    ['an exponent', `${HOST}/offers/1e3`],
    ['a query 0', `${HOST}/?offer_id=0&affiliate_id=0`],
    ['a query 2^31', `${HOST}/?network_offer_id=2147483648`],
    ['a query fraction', `${HOST}/?offer_id=1.5&affiliate_id=-3`],
    ['a hash route 0', `${HOST}/#/offers/0`],
    ['a hash route abc', `${HOST}/#!/partners/abc`],
  ])('ignores an ID that is %s', (_, url) => {
    expect(readDashboardUrl(url)).toStrictEqual({});
  });

  it('ignores an out-of-range ID in the path but still reads a good one in the query', () => {
    expect(readDashboardUrl(`${HOST}/offers/0?offer_id=5`)).toStrictEqual({ offerId: 5 });
  });

  it('does not let an out-of-range hash ID erase the outer one', () => {
    expect(readDashboardUrl(`${HOST}/offers/42#/offers/0`)).toStrictEqual({ offerId: 42 });
  });
});

describe('readDashboardUrl: not a dashboard page', () => {
  it.each([
    ['another host', 'https://example.com/offers/42'],
    ['the apex, which is no network’s dashboard', 'https://everflowclient.io/offers/42'],
    ['a www host followed by another domain', 'https://www.everflowclient.io.evil.example/offers/42'],
    ['the suffix followed by another domain', 'https://everflowclient.io.evil.example/offers/42'],
    ['the suffix glued to another name', 'https://evileverflowclient.io/offers/42'],
    ['a network host followed by another domain', 'https://acme.everflowclient.io.evil.example/offers/42'],
    ['the dashboard host as user info', 'https://acme.everflowclient.io@evil.example/offers/42'],
    ['the dashboard host in the path', 'https://evil.example/acme.everflowclient.io/offers/42'],
    ['the dashboard URL in the query', 'https://evil.example/?next=https://acme.everflowclient.io/offers/42'],
    ['plain http', 'http://acme.everflowclient.io/offers/42'],
    ['ftp', 'ftp://acme.everflowclient.io/offers/42'],
    ['wss', 'wss://acme.everflowclient.io/offers/42'],
    ['javascript:', 'javascript:alert(1)//acme.everflowclient.io/offers/42'],
    ['data:', 'data:text/html,<a href="https://acme.everflowclient.io/offers/42">x</a>'],
    ['chrome-extension:', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/offers/42'],
    ['chrome:', 'chrome://newtab/'],
    ['about:blank', 'about:blank'],
    ['no scheme', 'acme.everflowclient.io/offers/42'],
    ['a relative path', '/offers/42'],
    ['garbage', 'not a url at all'],
    ['a bare scheme', 'https://'],
    ['whitespace', '   '],
    ['the empty string', ''],
  ])('%s → null', (_, url) => {
    expect(readDashboardUrl(url)).toBeNull();
  });

  it('returns null for undefined (a tab without a URL)', () => {
    expect(readDashboardUrl(undefined)).toBeNull();
  });

  it('reads a URL of exactly 4096 characters but not one of 4097', () => {
    const start = `${HOST}/offers/42?pad=`;
    const longest = start + 'x'.repeat(4096 - start.length);
    expect(longest).toHaveLength(4096);
    expect(readDashboardUrl(longest)).toStrictEqual({ offerId: 42 });
    expect(readDashboardUrl(`${longest}x`)).toBeNull();
  });
});

describe('readDashboardUrl: white-label domains', () => {
  it.each([
    ['https://links.acme.com/offers/42', { offerId: 42 }],
    ['https://LINKS.ACME.COM/partners/9', { affiliateId: 9 }],
    ['https://links.acme.com/#/offers/42', { offerId: 42 }],
    ['https://links.acme.com/', {}],
    // The Everflow hosts still count alongside them.
    [`${HOST}/offers/42`, { offerId: 42 }],
  ])('%s counts when added', (url, expected) => {
    expect(readDashboardUrl(url, EXTRA)).toStrictEqual(expected);
  });

  it.each([
    'https://sub.links.acme.com/offers/42',
    'https://links.acme.com.evil.example/offers/42',
    'https://acme.com/offers/42',
    'https://evil-links.acme.com/offers/42',
    'http://links.acme.com/offers/42',
  ])('%s does not count', (url) => {
    expect(readDashboardUrl(url, EXTRA)).toBeNull();
  });

  it('does not count a white-label domain nobody added', () => {
    expect(readDashboardUrl('https://links.acme.com/offers/42')).toBeNull();
    expect(readDashboardUrl('https://links.acme.com/offers/42', ['other.example'])).toBeNull();
  });
});

describe('toId', () => {
  it.each([
    ['42', 42],
    ['1', 1],
    [' 42 ', 42],
    ['0042', 42],
    ['2147483647', 2147483647],
  ] as const)('%j → %d', (text, expected) => {
    expect(toId(text)).toBe(expected);
  });

  it.each(['0', '2147483648', '9999999999', '12345678901', '1.5', '-3', '+5', 'abc', '42abc', '1e3', '4 2', '４２', '', '   '])(
    '%j → undefined',
    (text) => {
      expect(toId(text)).toBeUndefined();
    },
  );

  it('is undefined for null and undefined', () => {
    expect(toId(null)).toBeUndefined();
    expect(toId(undefined)).toBeUndefined();
  });

  it('agrees with MAX_ID', () => {
    expect(toId(String(MAX_ID))).toBe(MAX_ID);
    expect(toId(String(MAX_ID + 1))).toBeUndefined();
  });
});

describe('normaliseDomain', () => {
  it.each([
    ['links.acme.com', 'links.acme.com'],
    ['Links.Acme.com', 'links.acme.com'],
    ['https://links.acme.com/path', 'links.acme.com'],
    ['HTTPS://Links.Acme.com/offers/42?x=1#y', 'links.acme.com'],
    [' links.acme.com ', 'links.acme.com'],
    ['links.acme.com/', 'links.acme.com'],
    ['links.acme.com:8443', 'links.acme.com'],
    ['acme.co', 'acme.co'],
    ['my-links.acme.com', 'my-links.acme.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseDomain(input)).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['a single label', 'localhost'],
    ['an IPv4 address', '1.2.3.4'],
    ['an IPv6 address', '[::1]'],
    ['a numeric last label', 'acme.123'],
    ['an empty label', 'a..b'],
    ['a trailing dot', 'links.acme.com.'],
    ['a leading hyphen', '-a.com'],
    ['a trailing hyphen', 'a-.com'],
    ['an underscore', 'my_links.acme.com'],
    ['a space', 'has space.com'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a label over 63 characters', `${'a'.repeat(64)}.com`],
    ['over 253 characters', `${'a.'.repeat(127)}com`],
  ])('refuses %s', (_, input) => {
    expect(normaliseDomain(input)).toBeUndefined();
  });

  it('accepts a 63-character label', () => {
    const label = 'a'.repeat(63);
    expect(normaliseDomain(`${label}.com`)).toBe(`${label}.com`);
  });
});

describe('isDashboardHost', () => {
  it.each([
    ['acme.everflowclient.io', [], true],
    ['ACME.EverflowClient.IO', [], true],
    ['eu.acme.everflowclient.io', [], true],
    ['everflowclient.io', [], false],
    ['evileverflowclient.io', [], false],
    ['acme.everflowclient.io.evil.example', [], false],
    ['example.com', [], false],
    ['links.acme.com', [], false],
    ['links.acme.com', ['links.acme.com'], true],
    ['LINKS.ACME.COM', ['links.acme.com'], true],
    ['sub.links.acme.com', ['links.acme.com'], false],
    ['links.acme.com.evil.example', ['links.acme.com'], false],
    ['acme.com', ['links.acme.com'], false],
  ] as const)('%s with %j → %s', (host, extra, expected) => {
    expect(isDashboardHost(host, extra)).toBe(expected);
  });
});

describe('dashboardMatchPatterns', () => {
  it('is the Everflow pattern alone without white-label domains', () => {
    expect(dashboardMatchPatterns([])).toStrictEqual(['https://*.everflowclient.io/*']);
  });

  it('adds one https pattern per white-label domain, in order', () => {
    expect(dashboardMatchPatterns(['links.acme.com', 'portal.example.org'])).toStrictEqual([
      'https://*.everflowclient.io/*',
      'https://links.acme.com/*',
      'https://portal.example.org/*',
    ]);
  });
});

describe('properties', () => {
  // Built once while the file is collected: fast-check takes seconds to build its first web URL arbitrary,
  // which would otherwise count against a test's timeout.
  const webUrls = fc.webUrl({ withQueryParameters: true, withFragments: true, size: 'small' });
  const foreignDomains = fc.domain().filter((domain) => {
    const host = domain.toLowerCase();
    return !host.endsWith(`.${EVERFLOW_DASHBOARD_SUFFIX}`) && host !== 'links.acme.com';
  });
  const everflowUrlPiece = fc.string({
    unit: fc.constantFrom(
      '/',
      '\\',
      '[',
      ']',
      ':',
      '@',
      '%',
      '?',
      '&',
      '=',
      '#',
      '!',
      ' ',
      'offers',
      'partners',
      'offer_id',
      '42',
      '0',
      '-',
      '.',
    ),
    maxLength: 20,
  });

  it('readDashboardUrl never throws for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        readDashboardUrl(text);
        readDashboardUrl(text, EXTRA);
      }),
    );
  });

  it('readDashboardUrl never throws for arbitrary web URLs', () => {
    fc.assert(
      fc.property(webUrls, (url) => {
        readDashboardUrl(url);
      }),
    );
  });

  it('readDashboardUrl never throws for odd paths, queries and hash routes on a dashboard host', () => {
    fc.assert(
      fc.property(everflowUrlPiece, everflowUrlPiece, (path, hash) => {
        const found = readDashboardUrl(`${HOST}/${path}#/${hash}`);
        expect(found).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  const idText = fc.oneof(
    fc.integer({ min: -5, max: MAX_ID + 5 }).map(String),
    fc.constantFrom('0', '1', String(MAX_ID), String(MAX_ID + 1), '1.5', '-3', 'abc', '9999999999', '0042'),
    fc.string({ maxLength: 12 }),
  );
  const segment = fc.oneof(fc.constantFrom('offers', 'offer', 'affiliates', 'partners', 'partner', 'Offers', 'general'), idText);
  const dashboardUrl = fc
    .tuple(fc.array(segment, { maxLength: 6 }), idText, idText, fc.array(segment, { maxLength: 4 }), fc.constantFrom('#/', '#!/', '#'))
    .map(
      ([path, offer, affiliate, hash, marker]) =>
        `${HOST}/${path.map(encodeURIComponent).join('/')}?offer_id=${encodeURIComponent(offer)}` +
        `&network_affiliate_id=${encodeURIComponent(affiliate)}${marker}${hash.map(encodeURIComponent).join('/')}`,
    );

  it('every ID read is a whole number from 1 to MAX_ID, and no key is present without a value', () => {
    fc.assert(
      fc.property(dashboardUrl, (url) => {
        const found = readDashboardUrl(url);
        expect(found).not.toBeNull();
        for (const [key, value] of Object.entries(found!)) {
          expect(['offerId', 'affiliateId']).toContain(key);
          expect(Number.isInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(1);
          expect(value).toBeLessThanOrEqual(MAX_ID);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads back any valid offer and affiliate ID', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_ID }), fc.integer({ min: 1, max: MAX_ID }), (offer, affiliate) => {
        expect(readDashboardUrl(`${HOST}/partners/${affiliate}/offers/${offer}`)).toStrictEqual({ offerId: offer, affiliateId: affiliate });
        expect(readDashboardUrl(`${HOST}/#/offers/${offer}?affiliate_id=${affiliate}`)).toStrictEqual({
          offerId: offer,
          affiliateId: affiliate,
        });
      }),
    );
  });

  it('ignores any out-of-range whole number', () => {
    const outOfRange = fc.oneof(fc.integer({ min: -MAX_ID, max: 0 }), fc.integer({ min: MAX_ID + 1, max: Number.MAX_SAFE_INTEGER }));
    fc.assert(
      fc.property(outOfRange, (n) => {
        expect(readDashboardUrl(`${HOST}/offers/${n}?affiliate_id=${n}`)).toStrictEqual({});
      }),
    );
  });

  it('returns null for any host that is neither Everflow nor an added domain', () => {
    fc.assert(
      fc.property(foreignDomains, fc.constantFrom('/offers/42', '/partners/9', '/?offer_id=5', '/#/offers/42'), (domain, rest) => {
        expect(readDashboardUrl(`https://${domain}${rest}`, EXTRA)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

describe('readDashboardUrl: smart-link pages', () => {
  const cases: [url: string, expected: PageIds][] = [
    // However a dashboard version spells the page.
    [`${HOST}/smartlinks/12`, { campaignId: 12 }],
    [`${HOST}/smart-links/12/general`, { campaignId: 12 }],
    [`${HOST}/smartlink/12/`, { campaignId: 12 }],
    [`${HOST}/campaigns/12`, { campaignId: 12 }],
    [`${HOST}/Campaigns/12/reporting?x=1`, { campaignId: 12 }],
    [`${HOST}/smartlinks?network_campaign_id=12`, { campaignId: 12 }],
    [`${HOST}/#/smart-links/12`, { campaignId: 12 }],
    [`https://links.acme.com/smartlinks/12`, { campaignId: 12 }],
    // A page names one offer or one smart link: the last mention wins, the affiliate stays.
    [`${HOST}/smartlinks/12/offers/42`, { offerId: 42 }],
    [`${HOST}/offers/42/smartlinks/12`, { campaignId: 12 }],
    [`${HOST}/partners/7/smartlinks/12`, { campaignId: 12, affiliateId: 7 }],
    [`${HOST}/offers/42#/smartlinks/12`, { campaignId: 12 }],
    [`${HOST}/smartlinks/12#/offers/42`, { offerId: 42 }],
    // A query naming both is about the offer; a path beats any query.
    [`${HOST}/reports?network_campaign_id=12&network_offer_id=42`, { offerId: 42 }],
    [`${HOST}/smartlinks/12?network_offer_id=42`, { campaignId: 12 }],
  ];

  it.each(cases)('%s → %o', (url, expected) => {
    expect(readDashboardUrl(url, EXTRA)).toStrictEqual(expected);
  });

  it.each([`${HOST}/smartlinks/0`, `${HOST}/smartlinks/abc`, `${HOST}/campaigns/${MAX_ID + 1}`, 'https://example.com/smartlinks/12'])(
    '%s names no smart link',
    (url) => {
      expect(readDashboardUrl(url, EXTRA)?.campaignId).toBeUndefined();
    },
  );

  it('pageTarget says which kind the page is about', () => {
    expect(pageTarget(readDashboardUrl(`${HOST}/smartlinks/12`))).toStrictEqual({ type: 'smart', id: 12 });
    expect(pageTarget(readDashboardUrl(`${HOST}/offers/42`))).toStrictEqual({ type: 'offer', id: 42 });
    expect(pageTarget(readDashboardUrl(`${HOST}/partners/7`))).toBeUndefined();
    expect(pageTarget(null)).toBeUndefined();
  });
});
