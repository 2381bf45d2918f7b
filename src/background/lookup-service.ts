// Runs the look-ups for the UI and the menu: the pickers' searches and lists, and the name and status
// of one offer, smart link or affiliate by ID. One cache (memory, then storage.local, with an age
// limit), one request at a time per input field (a newer keystroke cancels the older), and identical
// look-ups in flight joined into one request.
import type { Connection } from '../everflow/http';
import {
  LISTED_KINDS,
  filterOptions,
  lookup,
  lookupOne,
  type LookupKind,
  type LookupOption,
  type LookupResult,
  type NameKind,
} from '../everflow/lookups';
import { MESSAGES, failure, type Failure } from '../everflow/failures';
import { lookupCacheItem, type CachedLookup } from '../shared/lookups/lookup-cache';
import type { Account } from '../shared/accounts/accounts';
import { partnerOffer, partnerOfferUrls, searchPartnerOffers } from '../everflow/partner';
import { connect, pacedBy } from './accounts';
import { currentPolicy } from './policy';
import { memory, type Shared } from './worker-memory';

export const CACHE_MAX_AGE_MS = 10 * 60_000;
export const MAX_CACHE_ENTRIES = 200;
/** Searching by name needs this many characters; fewer match too much to be useful. */
export const MIN_QUERY = 2;

type Cached = CachedLookup;

export interface LookupRequest {
  /** The account whose network the IDs and names are of. */
  accountId: string;
  kind: LookupKind;
  query: string;
  offerId?: number | undefined;
  /** The affiliate typed: offer URLs open to it, its own tracking domain marked. */
  affiliateId?: number | undefined;
  /** Which field asked: a newer request on the same channel cancels the older one. */
  channel?: string | undefined;
  /** Skip the cache and ask Everflow again. */
  refresh?: boolean | undefined;
  /** A partner's offer search: also the offers it still awaits approval for. */
  awaiting?: boolean | undefined;
}

export type LookupReply = { ok: true; options: LookupOption[]; cached: boolean } | Failure;

async function remember(entry: Cached): Promise<void> {
  memory.lookups.set(entry.key, entry);
  // Newest first, and only so many.
  await lookupCacheItem.update((cache) => [entry, ...cache.filter((cached) => cached.key !== entry.key)].slice(0, MAX_CACHE_ENTRIES));
}

export async function runLookup(request: LookupRequest, now = Date.now()): Promise<LookupReply> {
  const query = request.query.trim().toLowerCase();
  if ((request.kind === 'offers' || request.kind === 'affiliates' || request.kind === 'campaigns') && query.length < MIN_QUERY) {
    return { ok: true, options: [], cached: false };
  }
  // Smart links have no search: the whole list is fetched (and cached) once, then filtered here.
  if (LISTED_KINDS.includes(request.kind)) {
    const listed = await runListing({ ...request, query: '' }, now);
    return listed.ok ? { ...listed, options: filterOptions(listed.options, query) } : listed;
  }
  return runListing(request, now);
}

function runListing(request: LookupRequest, now: number, cacheOnly = false): Promise<LookupReply> {
  const query = request.query.trim().toLowerCase();
  return answer(
    request.accountId,
    [request.kind, request.offerId ?? '', request.affiliateId ?? '', query, ...(request.awaiting ? ['awaiting'] : [])],
    (connection, account) =>
      account.kind === 'partner'
        ? partnerLookup(connection, request.kind, query, request.offerId, request.awaiting === true)
        : lookup(connection, request.kind, query, request.offerId, request.affiliateId),
    { channel: request.channel, refresh: request.refresh, cacheOnly },
    now,
  );
}

/**
 * A partner key's look-ups (the Affiliate API): its runnable offers by name, an offer's URLs. It has no
 * affiliates, smart links, tracking domains, creatives or traffic sources to list: nothing is offered.
 */
function partnerLookup(
  connection: Connection,
  kind: LookupKind,
  query: string,
  offerId: number | undefined,
  awaiting: boolean,
): Promise<LookupResult> {
  if (kind === 'offers') return searchPartnerOffers(connection, query, { awaiting });
  if (kind === 'offerUrls' && offerId !== undefined) return partnerOfferUrls(connection, offerId);
  return Promise.resolve({ ok: true, options: [] });
}

export type NameReply = { ok: true; option: LookupOption | null; cached: boolean } | Failure;

/**
 * The name and status of one offer, smart link or affiliate, by ID: `option` null when Everflow has
 * none by that ID. Cached like the pickers' answers (same cache, same age limit); smart links are
 * found in the cached list. With `cacheOnly`, nothing is sent: a failure stands for "not known yet".
 */
export async function lookupName(
  accountId: string,
  kind: NameKind,
  id: number,
  options: { channel?: string | undefined; cacheOnly?: boolean } = {},
  now = Date.now(),
): Promise<NameReply> {
  const reply =
    kind === 'campaign'
      ? await runListing({ accountId, kind: 'campaigns', query: '', channel: options.channel }, now, options.cacheOnly)
      : // "offer|42" can never be a search's key, whose kind is plural ("offers|…").
        await answer(
          accountId,
          [kind, id],
          (connection, account) =>
            account.kind === 'partner'
              ? kind === 'offer'
                ? partnerOffer(connection, id)
                : Promise.resolve({ ok: true as const, options: [] })
              : lookupOne(connection, kind, id),
          options,
          now,
        );
  if (!reply.ok) return reply;
  return { ok: true, option: reply.options.find((option) => option.id === id) ?? null, cached: reply.cached };
}

const NOT_CACHED = failure('internal', 'Not looked up yet.');

/**
 * One cached look-up for an account: `parts` key it (with the account's ID, so another network's names
 * never show, and nothing of the key is stored), `fetch` asks Everflow.
 * A fresh cached answer is given at once; otherwise Everflow is asked once, joined with the same
 * look-up in flight, and an older answer stands in when Everflow fails.
 */
async function answer(
  accountId: string,
  parts: readonly (string | number)[],
  fetch: (connection: Connection, account: Account) => Promise<LookupResult>,
  options: { channel?: string | undefined; refresh?: boolean | undefined; cacheOnly?: boolean | undefined },
  now: number,
): Promise<LookupReply> {
  const key = [accountId, ...parts].join('|');
  const cached = memory.lookups.get(key) ?? (await lookupCacheItem.value()).find((entry) => entry.key === key);
  if (cached && !options.refresh && now - cached.at < CACHE_MAX_AGE_MS) {
    memory.lookups.set(key, cached);
    return { ok: true, options: cached.options, cached: true };
  }
  // Only what is known: a name, even an older one, is better than an ID (nothing is sent).
  if (options.cacheOnly) return cached ? { ok: true, options: cached.options, cached: true } : NOT_CACHED;
  const access = await connect(accountId, 'interactive');
  if (!access.ok) return access;
  const limiter = pacedBy(access.account, await currentPolicy());
  // A look-up only helps: while Everflow's rate limit holds every call back, it is not sent, so a
  // person's link waiting for its turn is not made to wait longer (an older answer still shows).
  if (limiter.pausedForMs() > 0)
    return cached ? { ok: true, options: cached.options, cached: true } : failure('rate-limited', MESSAGES.rateLimited);

  // This caller's own cancel: a newer keystroke on the same field ends its wait.
  const mine = new AbortController();
  if (options.channel) {
    memory.lookupChannels.get(options.channel)?.abort();
    memory.lookupChannels.set(options.channel, mine);
  }
  // The same look-up already on its way (say, from the popup and the bulk page at once) is joined.
  let shared = memory.lookupsInFlight.get(key);
  if (!shared) {
    const controller = new AbortController();
    const connection = { ...access.connection, signal: controller.signal };
    const started: Shared<LookupResult> = {
      controller,
      waiting: 0,
      answer: fetch(connection, access.account)
        .then(async (result) => {
          if (result.ok && !controller.signal.aborted) await remember({ key, at: now, options: result.options });
          return result;
        })
        .finally(() => memory.lookupsInFlight.delete(key)),
    };
    memory.lookupsInFlight.set(key, started);
    shared = started;
  }
  const joined = shared;
  joined.waiting++;
  // The request itself stops only when nobody waits for it any more.
  const leave = () => --joined.waiting === 0 && joined.controller.abort();
  const replaced = new Promise<'replaced'>((resolve) => mine.signal.addEventListener('abort', () => resolve('replaced'), { once: true }));
  const result = await Promise.race([joined.answer, replaced]);
  if (options.channel && memory.lookupChannels.get(options.channel) === mine) memory.lookupChannels.delete(options.channel);
  if (result === 'replaced') {
    leave();
    return failure('internal', 'A newer search replaced this one.');
  }
  joined.waiting--;
  if (result.ok) return { ok: true, options: result.options, cached: false };
  // Everflow failed: an older answer is better than none.
  return cached ? { ok: true, options: cached.options, cached: true } : result;
}

/** Forgets every cached name, or only `accountId`'s (its key changed, or it is forgotten). */
export async function clearLookupCache(accountId?: string): Promise<void> {
  const ours = (key: string) => accountId === undefined || key.startsWith(`${accountId}|`);
  for (const key of Array.from(memory.lookups.keys())) if (ours(key)) memory.lookups.delete(key);
  await lookupCacheItem.update((cache) => (accountId === undefined ? [] : cache.filter((entry) => !ours(entry.key))));
}
