// The Affiliate (partner) API (/v1/affiliates/…), for a partner's own key: its tracking link to an
// offer, and the look-ups its pickers and the names beside IDs need (the offers it may run or see, an
// offer's URLs, one offer). Shapes come from Everflow's docs only (developers.everflow.io:
// api-reference/get-affiliatesoffersrunnable, get-affiliatesalloffers, get-affiliatesofferurl,
// post-affiliatesoffertrackingurl), so parsing is lenient, as in lookups.ts.
import { MESSAGES, failure, type Failure } from './failures';
import { callEverflow, type Connection } from './http';
import { fieldsFor, textOf, type LinkField, type PartnerLinkInput } from './link-fields';
import { MAX_OPTIONS, SHAPES, parseOne, parseOptions, type LookupResult } from './lookups';
import { checkedLink, keyInInput, type TrackingLink } from './tracking-link';

export const PARTNER_PATHS = {
  /** The partner itself: `network_affiliate_id`, `name`, `account_status`. */
  self: '/affiliates',
  /** Its network: `network_id`, `name`. */
  network: '/affiliates/network',
  runnable: '/affiliates/offersrunnable',
  /** Also the offers that need approval. */
  all: '/affiliates/alloffers',
  offer: (offerId: number) => `/affiliates/offers/${offerId}`,
  /** URL 0 is the offer's default URL. */
  offerUrl: (offerId: number, urlId: number) => `/affiliates/offers/${offerId}/url/${urlId}`,
  trackingUrl: (offerId: number) => `/affiliates/offers/${offerId}/trackingurl`,
} as const;

/** Where a partner's link answer carries the link: the newer docs say `tracking_url`, the current reference page `url`. */
export const PARTNER_LINK_FIELDS = ['tracking_url', 'url'] as const;

export const PARTNER_MESSAGES = {
  /** A 403 on /v1/affiliates/… ("Out Of Realm"): the key belongs to the Network API. */
  forbidden:
    'This API key may not use Everflow’s partner API (it may be a network key); save the partner API key your network gave you on the options page.',
  /** After Everflow's own words on a 400: the usual reason is an offer the partner may not run. */
  rejectedHint: 'Ask the network to approve you for this offer, or choose another one.',
  /** …and when an offer URL was chosen, it may be the URL that Everflow refused. */
  rejectedUrlHint: 'Choose another offer URL (or none, for the offer’s default), or ask the network to approve you for this offer.',
  /** The status shown beside an offer the partner has yet to be approved for. */
  awaitingApproval: 'awaiting approval',
} as const;

/** The subs of a partner's link, as its request sends them (Everflow's own names, sub1…sub5). */
const SUB_FIELDS = fieldsFor('partner').filter((field): field is Extract<LinkField, { kind: 'text' }> => field.kind === 'text');

export type PartnerLinkRequest = { method: 'GET'; path: string } | { method: 'POST'; path: string; body: Record<string, number | string> };

/**
 * The call for a partner's link: without subs, GET …/url/{urlId}; with any, POST …/trackingurl with
 * `url_id` and the subs set, and nothing else (the docs list no other field).
 */
export function partnerLinkRequest(input: PartnerLinkInput): PartnerLinkRequest {
  const urlId = input.offerUrlId ?? 0;
  const subs: Record<string, string> = {};
  for (const field of SUB_FIELDS) {
    const value = textOf(input, field.name);
    if (value !== undefined && value !== '') subs[field.param] = value;
  }
  if (Object.keys(subs).length === 0) return { method: 'GET', path: PARTNER_PATHS.offerUrl(input.offerId, urlId) };
  return { method: 'POST', path: PARTNER_PATHS.trackingUrl(input.offerId), body: { url_id: urlId, ...subs } };
}

/**
 * A failed Affiliate API call, said for a partner: a 403 means the key is not a partner key, and a
 * 400 (Everflow's words kept first) usually an offer the partner may not run.
 */
function forPartner(failed: Failure, hint: string = PARTNER_MESSAGES.rejectedHint): Failure {
  if (failed.kind === 'forbidden') return failure('forbidden', PARTNER_MESSAGES.forbidden);
  return failed.kind === 'rejected' ? { ...failed, hint } : failed;
}

/** The partner's own tracking link to an offer (the affiliate is the partner itself). */
export async function generatePartnerLink(connection: Connection, input: PartnerLinkInput): Promise<TrackingLink | Failure> {
  const refused = keyInInput(input, [connection.apiKey, ...(connection.otherKeys ?? [])]);
  if (refused) return refused;
  const request = partnerLinkRequest(input);
  const result = await callEverflow(connection, request.method, request.path, 'body' in request ? request.body : undefined);
  if (!result.ok)
    return forPartner(result, input.offerUrlId === undefined ? PARTNER_MESSAGES.rejectedHint : PARTNER_MESSAGES.rejectedUrlHint);
  const link = checkedLink(result.body, connection.apiKey, PARTNER_LINK_FIELDS);
  return link.ok ? { ok: true, url: link.url } : link;
}

type Entry = Record<string, unknown>;

const isEntry = (value: unknown): value is Entry => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A nested collection, as a plain array or as `{total, entries}` (Everflow nests both ways); undefined when neither. */
function entriesOf(value: unknown): Entry[] | undefined {
  const list = Array.isArray(value) ? value : isEntry(value) && Array.isArray(value.entries) ? value.entries : undefined;
  return list?.filter(isEntry);
}

/** An entry's `relationship`: a plain object, or its first item when Everflow wraps it in a list or `{total, entries}`. */
const relationshipOf = (entry: Entry): Entry => {
  const relationship = entry.relationship;
  if (isEntry(relationship) && !Array.isArray(relationship.entries)) return relationship;
  return entriesOf(relationship)?.[0] ?? {};
};

/** The partner's standing with an offer that lets it run it; other values (pending, require_approval…) await approval. */
const RUNNABLE_STANDINGS: ReadonlySet<string> = new Set(['approved', 'public']);

/** Whether the partner still waits to be approved for the offer (`relationship.offer_affiliate_status`). */
function awaitsApproval(entry: Entry): boolean {
  const standing = relationshipOf(entry).offer_affiliate_status;
  return typeof standing === 'string' && standing.trim() !== '' && !RUNNABLE_STANDINGS.has(standing.trim().toLowerCase());
}

/** An offer entry with the status a person is shown: "awaiting approval", else Everflow's offer status. */
const withStanding = (entry: Entry): Entry =>
  awaitsApproval(entry) ? { ...entry, [SHAPES.offers.status!]: PARTNER_MESSAGES.awaitingApproval } : entry;

/** One look-up: one attempt and a short wait, as every look-up (lookups.ts). */
const lookupCall = (connection: Connection, path: string, acceptNotFound = false) =>
  callEverflow({ maxAttempts: 1, timeoutMs: 8000, ...connection, acceptNotFound }, 'GET', path);

/** GET …/offersrunnable, or with `awaiting` …/alloffers, for the first page of offers matching `query`. */
export function partnerOffersPath(query: string, awaiting: boolean): string {
  const search = query.trim();
  // encodeURIComponent, not URLSearchParams: a space as %20 reads the same to every server, "+" may not.
  const searched = search ? `&search=${encodeURIComponent(search)}` : '';
  return `${awaiting ? PARTNER_PATHS.all : PARTNER_PATHS.runnable}?page=1&page_size=${MAX_OPTIONS}${searched}`;
}

/**
 * The offers the partner may run matching `query` (a name or an ID); with `awaiting`, also those it
 * still waits to be approved for, their status saying so. Runnable active offers first; deleted left out.
 */
export async function searchPartnerOffers(
  connection: Connection,
  query: string,
  { awaiting }: { awaiting: boolean },
): Promise<LookupResult> {
  const result = await lookupCall(connection, partnerOffersPath(query, awaiting));
  if (!result.ok) return forPartner(result);
  const list = isEntry(result.body) ? entriesOf(result.body[SHAPES.offers.list]) : undefined;
  if (!list) return failure('bad-response', MESSAGES.badResponse);
  const status = SHAPES.offers.status!;
  const kept = list.filter((entry) => entry[status] !== 'deleted').map(withStanding);
  const ordered = [...kept.filter((entry) => entry[status] === 'active'), ...kept.filter((entry) => entry[status] !== 'active')];
  return { ok: true, options: parseOptions({ [SHAPES.offers.list]: ordered }, SHAPES.offers) ?? [] };
}

/** The active URLs of an offer the partner may run (GET /affiliates/offers/{id}: `relationship.urls`), as options. */
export async function partnerOfferUrls(connection: Connection, offerId: number): Promise<LookupResult> {
  const result = await lookupCall(connection, PARTNER_PATHS.offer(offerId));
  if (!result.ok) return forPartner(result);
  if (!isEntry(result.body)) return failure('bad-response', MESSAGES.badResponse);
  // An offer without URLs of its own may leave the collection out.
  const urls = entriesOf(relationshipOf(result.body).urls) ?? [];
  const active = urls.filter(
    (url) =>
      (url.url_status === undefined || url.url_status === 'active') &&
      (url.network_offer_id === undefined || url.network_offer_id === offerId),
  );
  return { ok: true, options: parseOptions({ [SHAPES.offerUrls.list]: active }, SHAPES.offerUrls) ?? [] };
}

/**
 * One offer's name and status, for the note beside its ID: `[option]`, or `[]` when Everflow has no
 * such offer (404) or the partner may not see it. The Affiliate API answers an offer the partner may
 * not run with a 400, so that offer is looked for among all it sees: one awaiting approval is named,
 * and said to be.
 */
export async function partnerOffer(connection: Connection, offerId: number): Promise<LookupResult> {
  const result = await lookupCall(connection, PARTNER_PATHS.offer(offerId), true);
  if (!result.ok && result.kind === 'rejected') {
    const visible = await searchPartnerOffers(connection, String(offerId), { awaiting: true });
    // Only a help for the note: trouble there leaves it empty, as the 400 did.
    return { ok: true, options: visible.ok ? visible.options.filter((option) => option.id === offerId) : [] };
  }
  if (!result.ok) return forPartner(result);
  if (result.status === 404) return { ok: true, options: [] };
  const option = isEntry(result.body) ? parseOne(withStanding(result.body), 'offer', offerId) : undefined;
  return option ? { ok: true, options: [option] } : failure('bad-response', MESSAGES.badResponse);
}
