// Read-only look-ups that turn names into IDs for the pickers: offers, affiliates, and an offer's
// tracking domains, URLs and creatives, and the network's traffic sources. Shapes come from
// Everflow's docs only, so parsing is lenient: unknown fields are ignored, entries without an ID are
// skipped, and only a missing list is an error.
import { MESSAGES, failure, type Failure } from './failures';
import { callEverflow, type Connection } from './http';

export interface LookupOption {
  id: number;
  name: string;
  /** e.g. "active", "paused"; shown beside the name when Everflow gives it. */
  status?: string;
}

export type LookupResult = { ok: true; options: LookupOption[] } | Failure;

export const LOOKUP_KINDS = ['offers', 'affiliates', 'trackingDomains', 'offerUrls', 'creatives', 'trafficSources'] as const;
export type LookupKind = (typeof LOOKUP_KINDS)[number];

/** Enough matches for a dropdown; a person refines the search rather than scrolls. */
export const MAX_OPTIONS = 20;
const MAX_NAME = 120;

interface ListShape {
  list: string;
  id: string;
  name: string;
  status?: string;
}

export const SHAPES: Record<LookupKind, ListShape> = {
  offers: { list: 'offers', id: 'network_offer_id', name: 'name', status: 'offer_status' },
  affiliates: { list: 'affiliates', id: 'network_affiliate_id', name: 'name', status: 'account_status' },
  trackingDomains: { list: 'domains', id: 'network_tracking_domain_id', name: 'url', status: 'domain_status' },
  offerUrls: { list: 'urls', id: 'network_offer_url_id', name: 'name', status: 'url_status' },
  creatives: { list: 'creatives', id: 'network_offer_creative_id', name: 'name', status: 'creative_status' },
  trafficSources: { list: 'traffic_sources', id: 'network_traffic_source_id', name: 'name' },
};

const clean = (value: unknown): string =>
  typeof value === 'string' ? value.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME) : '';

/** The options in a 200 answer, or undefined when the list itself is missing. */
export function parseOptions(body: unknown, shape: ListShape): LookupOption[] | undefined {
  const list = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[shape.list] : undefined;
  if (!Array.isArray(list)) return undefined;
  const options: LookupOption[] = [];
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null) continue;
    const record = entry as Record<string, unknown>;
    const id = record[shape.id];
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > 2147483647) continue;
    const status = shape.status ? clean(record[shape.status]) : '';
    options.push({ id, name: clean(record[shape.name]) || `#${id}`, ...(status ? { status } : {}) });
    if (options.length >= MAX_OPTIONS) break;
  }
  return options;
}

const search = (value: string) => ({ search_terms: [{ search_type: 'name', value }] });

/** Method, path and body for one look-up. `query` is the typed text; `offerId` scopes offer-bound lists. */
export function lookupRequest(kind: LookupKind, query: string, offerId?: number): { method: 'GET' | 'POST'; path: string; body?: unknown } {
  const page = `?page=1&page_size=${MAX_OPTIONS}`;
  switch (kind) {
    case 'offers':
      return { method: 'POST', path: `/networks/offerstable${page}`, body: search(query) };
    case 'affiliates':
      return { method: 'POST', path: `/networks/affiliatestable${page}`, body: search(query) };
    case 'trackingDomains':
      return { method: 'GET', path: '/networks/domains/tracking' };
    case 'offerUrls':
      return { method: 'GET', path: `/networks/offerurls?filter=${encodeURIComponent(`network_offer_id=${offerId ?? 0}`)}` };
    case 'creatives':
      return { method: 'POST', path: `/networks/creativestable${page}`, body: { filters: { network_offer_id: offerId ?? 0 } } };
    case 'trafficSources':
      return { method: 'GET', path: '/networks/trafficsource' };
  }
}

export async function lookup(connection: Connection, kind: LookupKind, query: string, offerId?: number): Promise<LookupResult> {
  const request = lookupRequest(kind, query, offerId);
  // One attempt and a short wait: a look-up only helps, so it never spends the rate limit on retries.
  const result = await callEverflow({ maxAttempts: 1, timeoutMs: 8000, ...connection }, request.method, request.path, request.body);
  if (!result.ok) return result;
  const options = parseOptions(result.body, SHAPES[kind]);
  return options ? { ok: true, options } : failure('bad-response', MESSAGES.badResponse);
}
