// Reads which offer or smart link, and which affiliate, an Everflow dashboard page is about, from its
// address alone.
// Only dashboard hosts count: *.everflowclient.io and the white-label domains the user added.
import { MAX_ID, type LinkTarget } from '../../everflow/link-fields';

/** At most one of offerId and campaignId (the smart link) is set: the one the address names last. */
export interface PageIds {
  offerId?: number;
  campaignId?: number;
  affiliateId?: number;
}

export const EVERFLOW_DASHBOARD_SUFFIX = 'everflowclient.io';
export const DASHBOARD_MATCH_PATTERN = `https://*.${EVERFLOW_DASHBOARD_SUFFIX}/*`;

const OFFER_SEGMENTS = new Set(['offers', 'offer']);
const AFFILIATE_SEGMENTS = new Set(['affiliates', 'affiliate', 'partners', 'partner']);
/** Smart links are Everflow's campaigns; dashboard versions have spelled their pages each way. */
const SMART_LINK_SEGMENTS = new Set(['smartlinks', 'smartlink', 'smart-links', 'smart-link', 'smart_links', 'campaigns', 'campaign']);
const OFFER_PARAMS = ['network_offer_id', 'offer_id'];
const SMART_LINK_PARAMS = ['network_campaign_id', 'campaign_id', 'smart_link_id', 'smartlink_id'];
const AFFILIATE_PARAMS = ['network_affiliate_id', 'affiliate_id'];
const MAX_URL = 4096;

/** A whole-number ID in Everflow's range, or undefined. */
export function toId(text: string | null | undefined): number | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (!/^\d{1,10}$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return value >= 1 && value <= MAX_ID ? value : undefined;
}

/** Lower-cased host name as a user may type it ("https://Links.Acme.com/x" → "links.acme.com"), or undefined. */
export function normaliseDomain(input: string): string | undefined {
  const text = input.trim().toLowerCase();
  if (text === '' || text.length > 253) return undefined;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `https://${text}`).hostname;
  } catch {
    return undefined;
  }
  // A real domain: dot-separated labels, no IP addresses, no bare single label.
  const labels = host.split('.');
  if (labels.length < 2 || labels.some((label) => !/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(label))) return undefined;
  if (/^\d+$/.test(labels[labels.length - 1]!)) return undefined;
  return host;
}

export function isDashboardHost(hostname: string, extraDomains: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  return host.endsWith(`.${EVERFLOW_DASHBOARD_SUFFIX}`) || extraDomains.includes(host);
}

/** Match patterns for every dashboard host, for host permissions and menu visibility. */
export function dashboardMatchPatterns(extraDomains: readonly string[]): string[] {
  return [DASHBOARD_MATCH_PATTERN, ...extraDomains.map((domain) => `https://${domain}/*`)];
}

function idsFrom(path: string, params: URLSearchParams, found: PageIds): void {
  const segments = path
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment).toLowerCase();
      } catch {
        return segment.toLowerCase();
      }
    });
  segments.forEach((segment, index) => {
    const id = toId(segments[index + 1]);
    if (id === undefined) return;
    // The last mention in the path wins: /affiliates/7/offers/42 is about offer 42 for affiliate 7,
    // and /smartlinks/5/offers/42 about offer 42.
    if (OFFER_SEGMENTS.has(segment)) setTarget(found, 'offerId', id);
    if (SMART_LINK_SEGMENTS.has(segment)) setTarget(found, 'campaignId', id);
    if (AFFILIATE_SEGMENTS.has(segment)) found.affiliateId = id;
  });
  // Only set IDs that were found: an `undefined` key would erase the outer path's ID when a hash route is merged in.
  if (found.offerId === undefined && found.campaignId === undefined) {
    const offerId = firstParam(params, OFFER_PARAMS);
    const campaignId = firstParam(params, SMART_LINK_PARAMS);
    // A query naming both is about the offer, as an offer page inside a smart link's screen would be.
    if (offerId !== undefined) found.offerId = offerId;
    else if (campaignId !== undefined) found.campaignId = campaignId;
  }
  const affiliateId = found.affiliateId ?? firstParam(params, AFFILIATE_PARAMS);
  if (affiliateId !== undefined) found.affiliateId = affiliateId;
}

/** A page is about one offer or one smart link: naming one forgets the other. */
function setTarget(found: PageIds, field: 'offerId' | 'campaignId', id: number): void {
  delete found[field === 'offerId' ? 'campaignId' : 'offerId'];
  found[field] = id;
}

function firstParam(params: URLSearchParams, names: readonly string[]): number | undefined {
  for (const name of names) {
    const id = toId(params.get(name));
    if (id !== undefined) return id;
  }
  return undefined;
}

/**
 * The offer or smart link, and the affiliate, a dashboard URL names, or null when the URL is not a dashboard page.
 * Looks at the path, the query, and a hash route (`#/offers/42`) as single-page apps use.
 */
export function readDashboardUrl(url: string | undefined, extraDomains: readonly string[] = []): PageIds | null {
  if (!url || url.length > MAX_URL) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || !isDashboardHost(parsed.hostname, extraDomains)) return null;
  const found: PageIds = {};
  idsFrom(parsed.pathname, parsed.searchParams, found);
  if (parsed.hash.startsWith('#/') || parsed.hash.startsWith('#!/')) {
    let route: URL;
    try {
      route = new URL(parsed.hash.replace(/^#!?/, ''), 'https://route.invalid');
    } catch {
      // A hash such as "#//[" is not a route; the outer path still counts.
      return found;
    }
    const fromHash: PageIds = {};
    idsFrom(route.pathname, route.searchParams, fromHash);
    // A hash route is what the app shows, so it wins over the outer path.
    if (fromHash.offerId !== undefined) setTarget(found, 'offerId', fromHash.offerId);
    if (fromHash.campaignId !== undefined) setTarget(found, 'campaignId', fromHash.campaignId);
    if (fromHash.affiliateId !== undefined) found.affiliateId = fromHash.affiliateId;
  }
  return found;
}

/** The offer or smart link a page names, if it names one. */
export function pageTarget(ids: PageIds | null | undefined): LinkTarget | undefined {
  if (ids?.campaignId !== undefined) return { type: 'smart', id: ids.campaignId };
  if (ids?.offerId !== undefined) return { type: 'offer', id: ids.offerId };
  return undefined;
}
