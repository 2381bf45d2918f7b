// Runs the pickers' look-ups for the UI: one cache (memory, then storage.local, with an age limit),
// one request at a time per input field (a newer keystroke cancels the older), and identical
// look-ups in flight joined into one request.
import { LISTED_KINDS, filterOptions, lookup, type LookupKind, type LookupOption, type LookupResult } from '../everflow/lookups';
import { apiBase } from '../everflow/regions';
import { MESSAGES } from '../everflow/failures';
import { failure } from '../everflow/failures';
import { lookupCacheItem, settingsItem, type CachedLookup } from '../shared/stored-items';
import { readApiKey } from './api-key-store';
import { pacedBy } from './everflow-access';

export const CACHE_MAX_AGE_MS = 10 * 60_000;
export const MAX_CACHE_ENTRIES = 200;
/** Searching by name needs this many characters; fewer match too much to be useful. */
export const MIN_QUERY = 2;

type Cached = CachedLookup;

const memory = new Map<string, Cached>();
const channels = new Map<string, AbortController>();

/** A look-up on its way, with how many callers still wait for it. */
interface Joined {
  answer: Promise<LookupResult>;
  controller: AbortController;
  waiting: number;
}
const inFlight = new Map<string, Joined>();

export interface LookupRequest {
  kind: LookupKind;
  query: string;
  offerId?: number | undefined;
  /** The affiliate typed: offer URLs open to it, its own tracking domain marked. */
  affiliateId?: number | undefined;
  /** Which field asked: a newer request on the same channel cancels the older one. */
  channel?: string | undefined;
  /** Skip the cache and ask Everflow again. */
  refresh?: boolean | undefined;
}

export type LookupReply = { ok: true; options: LookupOption[]; cached: boolean } | ReturnType<typeof failure>;

async function remember(entry: Cached): Promise<void> {
  memory.set(entry.key, entry);
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

async function runListing(request: LookupRequest, now: number): Promise<LookupReply> {
  const query = request.query.trim().toLowerCase();
  const [apiKey, settings] = await Promise.all([readApiKey(), settingsItem.value()]);
  if (!apiKey) return failure('no-key', MESSAGES.noKey);
  // Region and key's tail in the cache key: another account's names must never show.
  const key = [settings.region, apiKey.slice(-6), request.kind, request.offerId ?? '', request.affiliateId ?? '', query].join('|');
  const cached = memory.get(key) ?? (await lookupCacheItem.value()).find((entry) => entry.key === key);
  if (cached && !request.refresh && now - cached.at < CACHE_MAX_AGE_MS) {
    memory.set(key, cached);
    return { ok: true, options: cached.options, cached: true };
  }

  // This caller's own cancel: a newer keystroke on the same field ends its wait.
  const mine = new AbortController();
  if (request.channel) {
    channels.get(request.channel)?.abort();
    channels.set(request.channel, mine);
  }
  // The same look-up already on its way (say, from the popup and the bulk page at once) is joined.
  let shared = inFlight.get(key);
  if (!shared) {
    const controller = new AbortController();
    const connection = { baseUrl: apiBase(settings.region), apiKey, signal: controller.signal, limiter: pacedBy(settings) };
    const started: Joined = {
      controller,
      waiting: 0,
      answer: lookup(connection, request.kind, query, request.offerId, request.affiliateId)
        .then(async (result) => {
          if (result.ok && !controller.signal.aborted) await remember({ key, at: now, options: result.options });
          return result;
        })
        .finally(() => inFlight.delete(key)),
    };
    inFlight.set(key, started);
    shared = started;
  }
  const joined = shared;
  joined.waiting++;
  // The request itself stops only when nobody waits for it any more.
  const leave = () => --joined.waiting === 0 && joined.controller.abort();
  const replaced = new Promise<'replaced'>((resolve) => mine.signal.addEventListener('abort', () => resolve('replaced'), { once: true }));
  const result = await Promise.race([joined.answer, replaced]);
  if (request.channel && channels.get(request.channel) === mine) channels.delete(request.channel);
  if (result === 'replaced') {
    leave();
    return failure('internal', 'A newer search replaced this one.');
  }
  joined.waiting--;
  if (result.ok) return { ok: true, options: result.options, cached: false };
  // Everflow failed: an older answer is better than none.
  return cached ? { ok: true, options: cached.options, cached: true } : result;
}

/** Forget every cached name (the key or region changed). */
export async function clearLookupCache(): Promise<void> {
  memory.clear();
  await lookupCacheItem.set([]);
}
