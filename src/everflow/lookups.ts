// Read-only look-ups that turn names into IDs for the pickers (offers, affiliates, smart links, an
// offer's tracking domains, URLs and creatives, and the network's traffic sources), and IDs back into
// names and statuses for the fields' notes (one offer, one affiliate). Shapes come from
// Everflow's docs only, so parsing is lenient: unknown fields are ignored, entries without an ID are
// skipped, and only a missing list is an error.
import { MESSAGES, failure, type Failure } from './failures';
import { cleanText, shortened } from './text';
import { callEverflow, type Connection } from './http';

export interface LookupOption {
  id: number;
  name: string;
  /** e.g. "active", "paused"; shown beside the name when Everflow gives it. */
  status?: string;
}

export type LookupResult = { ok: true; options: LookupOption[] } | Failure;

export const LOOKUP_KINDS = ['offers', 'affiliates', 'campaigns', 'trackingDomains', 'offerUrls', 'creatives', 'trafficSources'] as const;
export type LookupKind = (typeof LOOKUP_KINDS)[number];

/** Enough matches for a dropdown; a person refines the search rather than scrolls. */
export const MAX_OPTIONS = 20;
/**
 * Everflow documents no search for smart links: they are listed once (one page this long, far more
 * than a network keeps) and filtered here as the person types (`filterOptions`).
 */
export const MAX_LISTED = 500;
/** Kinds searched by listing everything once and filtering, rather than by Everflow's search. */
export const LISTED_KINDS: readonly LookupKind[] = ['campaigns'];
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
  campaigns: { list: 'campaigns', id: 'network_campaign_id', name: 'campaign_name', status: 'campaign_status' },
  trackingDomains: { list: 'domains', id: 'network_tracking_domain_id', name: 'url', status: 'domain_status' },
  offerUrls: { list: 'urls', id: 'network_offer_url_id', name: 'name', status: 'url_status' },
  creatives: { list: 'creatives', id: 'network_offer_creative_id', name: 'name', status: 'creative_status' },
  trafficSources: { list: 'traffic_sources', id: 'network_traffic_source_id', name: 'name' },
};

const clean = (value: unknown): string => (typeof value === 'string' ? shortened(cleanText(value), MAX_NAME) : '');

/** The options in a 200 answer, or undefined when the list itself is missing. */
export function parseOptions(body: unknown, shape: ListShape, max = MAX_OPTIONS): LookupOption[] | undefined {
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
    if (options.length >= max) break;
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
    case 'campaigns':
      return { method: 'GET', path: `/networks/campaigns?page=1&page_size=${MAX_LISTED}` };
    case 'trackingDomains':
      return { method: 'GET', path: '/networks/domains/tracking' };
    case 'offerUrls':
      return { method: 'GET', path: `/networks/offerurls?filter=${encodeURIComponent(`network_offer_id=${offerId ?? 0}`)}` };
    case 'creatives':
      // The documented search: the offer's ID as a string, and only active creatives.
      return {
        method: 'POST',
        path: `/networks/creativestable${page}`,
        body: {
          search_terms: [
            { search_type: 'network_offer_id', value: String(offerId ?? 0) },
            { search_type: 'creative_status', value: 'active' },
          ],
        },
      };
    case 'trafficSources':
      return { method: 'GET', path: '/networks/trafficsource' };
  }
}

/** Where an option stands in the list: what a link can use first, what it cannot left out (undefined). */
type Entry = Record<string, unknown>;
const ACTIVE = 'active';

/**
 * Keeps only what a link for this offer and affiliate can use (Everflow refuses the rest with a 400):
 * offers and affiliates active first (others after, their status shown; deleted offers left out),
 * active and assignable tracking domains, active offer URLs open to the affiliate, active creatives of
 * the offer. `entries` are the raw list items, read leniently.
 */
export function usable(
  kind: LookupKind,
  entries: Entry[],
  scope: { offerId?: number | undefined; affiliateId?: number | undefined } = {},
): Entry[] {
  switch (kind) {
    case 'offers':
    case 'affiliates':
    case 'campaigns': {
      const status = SHAPES[kind].status!;
      const kept = entries.filter((entry) => entry[status] !== 'deleted');
      return [...kept.filter((entry) => entry[status] === ACTIVE), ...kept.filter((entry) => entry[status] !== ACTIVE)];
    }
    case 'trackingDomains':
      return entries.filter(
        (entry) => (entry.domain_status === undefined || entry.domain_status === ACTIVE) && entry.is_unassignable !== true,
      );
    case 'offerUrls':
      return entries.filter((entry) => {
        if (entry.url_status !== undefined && entry.url_status !== ACTIVE) return false;
        if (scope.offerId !== undefined && entry.network_offer_id !== undefined && entry.network_offer_id !== scope.offerId) return false;
        if (entry.is_apply_specific_affiliates !== true) return true;
        const allowed = Array.isArray(entry.network_affiliate_ids) ? entry.network_affiliate_ids : [];
        return scope.affiliateId !== undefined && allowed.includes(scope.affiliateId);
      });
    case 'creatives':
      // Should Everflow ignore the search, another offer's creative must still never be offered.
      return entries.filter(
        (entry) =>
          (entry.creative_status === undefined || entry.creative_status === ACTIVE) &&
          (scope.offerId === undefined || entry.network_offer_id === undefined || entry.network_offer_id === scope.offerId),
      );
    case 'trafficSources':
      return entries;
  }
}

const listOf = (body: unknown, list: string): unknown =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[list] : undefined;

/** The tracking domain IDs an affiliate uses (GET /networks/affiliates/{id}/trackingdomains), or none on any trouble. */
export async function affiliateDomainIds(connection: Connection, affiliateId: number): Promise<number[]> {
  const result = await callEverflow(
    { maxAttempts: 1, timeoutMs: 8000, ...connection },
    'GET',
    `/networks/affiliates/${affiliateId}/trackingdomains`,
  );
  const list = result.ok ? listOf(result.body, 'tracking_domains') : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    const id = typeof entry === 'object' && entry !== null ? (entry as Entry).network_tracking_domain_id : undefined;
    return typeof id === 'number' ? [id] : [];
  });
}

/** What an ID field names: an offer, a smart link (Everflow's campaign) or an affiliate (as in shared/names.ts). */
export const NAME_KINDS = ['offer', 'campaign', 'affiliate'] as const;
export type NameKind = (typeof NAME_KINDS)[number];
/** The kinds with an endpoint of their own for one item; smart links come from the cached list instead. */
export type OneKind = Exclude<NameKind, 'campaign'>;

const ONE: Record<OneKind, { path: string; shape: ListShape }> = {
  offer: { path: 'offers', shape: SHAPES.offers },
  affiliate: { path: 'affiliates', shape: SHAPES.affiliates },
};

/** GET /networks/offers/{id} or /networks/affiliates/{id}. */
export const oneRequestPath = (kind: OneKind, id: number) => `/networks/${ONE[kind].path}/${id}`;

/**
 * The name and status in a 200 answer for one offer or affiliate, or undefined when it names nothing:
 * no name, or another item's ID. Lenient like the lists: other fields are ignored, an absent ID is
 * taken as the one asked for.
 */
export function parseOne(body: unknown, kind: OneKind, id: number): LookupOption | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  const shape = ONE[kind].shape;
  if (record[shape.id] !== undefined && record[shape.id] !== id) return undefined;
  const name = clean(record[shape.name]);
  // Unlike a list entry, a nameless answer is not shown as "#id": the name would go into the history.
  if (!name) return undefined;
  const status = shape.status ? clean(record[shape.status]) : '';
  return { id, name, ...(status ? { status } : {}) };
}

/** One offer or affiliate by ID: `[option]`, or `[]` when Everflow has none by that ID (404). */
export async function lookupOne(connection: Connection, kind: OneKind, id: number): Promise<LookupResult> {
  // One attempt, like every look-up; a 404 is an answer here, not a failure.
  const result = await callEverflow(
    { maxAttempts: 1, timeoutMs: 8000, ...connection, acceptNotFound: true },
    'GET',
    oneRequestPath(kind, id),
  );
  if (!result.ok) return result;
  if (result.status === 404) return { ok: true, options: [] };
  const option = parseOne(result.body, kind, id);
  return option ? { ok: true, options: [option] } : failure('bad-response', MESSAGES.badResponse);
}

/** Shown beside the affiliate's own tracking domain. */
export const OWN_DOMAIN = 'the affiliate’s own';

export async function lookup(
  connection: Connection,
  kind: LookupKind,
  query: string,
  offerId?: number,
  affiliateId?: number,
): Promise<LookupResult> {
  const request = lookupRequest(kind, query, offerId);
  // One attempt and a short wait: a look-up only helps, so it never spends the rate limit on retries.
  const result = await callEverflow({ maxAttempts: 1, timeoutMs: 8000, ...connection }, request.method, request.path, request.body);
  if (!result.ok) return result;
  const list = listOf(result.body, SHAPES[kind].list);
  if (!Array.isArray(list)) return failure('bad-response', MESSAGES.badResponse);
  const entries = list.filter((entry): entry is Entry => typeof entry === 'object' && entry !== null);
  const max = LISTED_KINDS.includes(kind) ? MAX_LISTED : MAX_OPTIONS;
  const options = parseOptions({ [SHAPES[kind].list]: usable(kind, entries, { offerId, affiliateId }) }, SHAPES[kind], max);
  if (!options) return failure('bad-response', MESSAGES.badResponse);
  if (kind === 'trackingDomains' && affiliateId !== undefined) {
    const own = new Set(await affiliateDomainIds(connection, affiliateId));
    const marked = options.map((option) =>
      own.has(option.id) ? { ...option, status: option.status ? `${option.status}, ${OWN_DOMAIN}` : OWN_DOMAIN } : option,
    );
    return { ok: true, options: [...marked.filter((o) => own.has(o.id)), ...marked.filter((o) => !own.has(o.id))] };
  }
  return { ok: true, options };
}

/**
 * The listed options matching what the person typed, as a search would answer: every word in the
 * name, or the exact ID; at most MAX_OPTIONS, in list order (active first).
 */
export function filterOptions(options: readonly LookupOption[], query: string): LookupOption[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return options.slice(0, MAX_OPTIONS);
  return options
    .filter((option) => String(option.id) === query.trim() || words.every((word) => option.name.toLowerCase().includes(word)))
    .slice(0, MAX_OPTIONS);
}
