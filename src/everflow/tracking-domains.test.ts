import { describe, expect, it } from 'vitest';
import { domainsFromResponse, isOnTrackingDomain } from './tracking-domains';

const DOMAINS = ['trk.example-trk.com', 'trk.acme.example', 'plain.example-trk.com'];

describe('isOnTrackingDomain', () => {
  it('a redirect link on one of the domains is on it, http or https, with a path and parameters', () => {
    expect(isOnTrackingDomain('https://trk.example-trk.com/28KL6/2CTPL/?sub1=a', DOMAINS)).toBe(true);
    expect(isOnTrackingDomain('http://plain.example-trk.com/28KL6/2CTPL/', DOMAINS)).toBe(true);
    expect(isOnTrackingDomain('https://TRK.Acme.Example./x/', DOMAINS)).toBe(true);
  });

  it('the advertiser’s own address is not', () => {
    expect(isOnTrackingDomain('https://shop.direct-deals.example/?oid=61&affid=7', DOMAINS)).toBe(false);
  });

  it('a look-alike host is not: a subdomain, a longer name, the domain in the path or query', () => {
    expect(isOnTrackingDomain('https://evil.trk.example-trk.com/x/', DOMAINS)).toBe(false);
    expect(isOnTrackingDomain('https://trk.example-trk.com.evil.example/x/', DOMAINS)).toBe(false);
    expect(isOnTrackingDomain('https://evil.example/trk.example-trk.com/', DOMAINS)).toBe(false);
    expect(isOnTrackingDomain('https://evil.example/?d=trk.example-trk.com', DOMAINS)).toBe(false);
    expect(isOnTrackingDomain('https://trk.example-trk.com@evil.example/', DOMAINS)).toBe(false);
  });

  it('domains listed with a scheme or path still match; nothing matches an empty list or junk', () => {
    expect(isOnTrackingDomain('https://trk.example-trk.com/x/', ['https://trk.example-trk.com/'])).toBe(true);
    expect(isOnTrackingDomain('https://trk.example-trk.com/x/', [])).toBe(false);
    expect(isOnTrackingDomain('not a url', DOMAINS)).toBe(false);
  });
});

describe('domainsFromResponse', () => {
  it('reads every listed domain, whatever its status, and skips entries without a url', () => {
    const body = {
      domains: [
        { network_tracking_domain_id: 1, url: 'trk.example-trk.com', domain_status: 'active' },
        { network_tracking_domain_id: 4, url: 'Old.Example-trk.com', domain_status: 'inactive' },
        { network_tracking_domain_id: 9 },
        null,
      ],
    };
    expect(domainsFromResponse(body)).toStrictEqual(['trk.example-trk.com', 'old.example-trk.com']);
  });

  it('is undefined when the list is missing', () => {
    expect(domainsFromResponse({})).toBeUndefined();
    expect(domainsFromResponse(null)).toBeUndefined();
    expect(domainsFromResponse({ domains: [] })).toStrictEqual([]);
  });
});
