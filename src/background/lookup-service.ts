// Runs the pickers' look-ups for the UI: one cache (memory, then storage.local, with an age limit),
// and one request at a time per input field, a newer keystroke cancelling the older request.
import * as z from 'zod/mini';
import { lookup, type LookupKind, type LookupOption, type LookupResult } from '../everflow/lookups';
import { apiBase } from '../everflow/regions';
import { MESSAGES } from '../everflow/failures';
import { failure } from '../shared/outcome';
import { read, writeItem, type ItemSpec } from '../shared/storage-item';
import { settingsItem } from '../shared/stored-items';
import { readApiKey } from './api-key-store';
import { pacedBy } from './everflow-access';

export const CACHE_MAX_AGE_MS = 10 * 60_000;
export const MAX_CACHE_ENTRIES = 200;
/** Searching by name needs this many characters; fewer match too much to be useful. */
export const MIN_QUERY = 2;

const CachedSchema = z.object({
  key: z.string(),
  at: z.number(),
  options: z.array(z.object({ id: z.number(), name: z.string(), status: z.optional(z.string()) })),
});
type Cached = z.infer<typeof CachedSchema>;

// A list, not a record: z.record would add bytes to the chunk the popup shares with the background.
const lookupCacheItem: ItemSpec<Cached[]> = {
  area: 'local',
  key: 'lookupCache',
  version: 1,
  schema: z.array(CachedSchema),
  fallback: () => [],
};

const memory = new Map<string, Cached>();
const channels = new Map<string, AbortController>();

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
  const others = (await read(lookupCacheItem)).filter((cached) => cached.key !== entry.key);
  // Newest first, and only so many.
  await writeItem(lookupCacheItem, [entry, ...others].slice(0, MAX_CACHE_ENTRIES));
}

export async function runLookup(request: LookupRequest, now = Date.now()): Promise<LookupReply> {
  const query = request.query.trim().toLowerCase();
  if ((request.kind === 'offers' || request.kind === 'affiliates') && query.length < MIN_QUERY) {
    return { ok: true, options: [], cached: false };
  }
  const [apiKey, settings] = await Promise.all([readApiKey(), read(settingsItem)]);
  if (!apiKey) return failure('no-key', MESSAGES.noKey);
  // Region and key's tail in the cache key: another account's names must never show.
  const key = [settings.region, apiKey.slice(-6), request.kind, request.offerId ?? '', request.affiliateId ?? '', query].join('|');
  let cached = memory.get(key) ?? (await read(lookupCacheItem)).find((entry) => entry.key === key);
  if (cached && !request.refresh && now - cached.at < CACHE_MAX_AGE_MS) {
    memory.set(key, cached);
    return { ok: true, options: cached.options, cached: true };
  }

  const controller = new AbortController();
  if (request.channel) {
    channels.get(request.channel)?.abort();
    channels.set(request.channel, controller);
  }
  let result: LookupResult;
  try {
    result = await lookup({ baseUrl: apiBase(settings.region), apiKey, signal: controller.signal, limiter: pacedBy(settings) }, request.kind, query, request.offerId, request.affiliateId);
  } finally {
    if (request.channel && channels.get(request.channel) === controller) channels.delete(request.channel);
  }
  if (controller.signal.aborted) return failure('internal', 'A newer search replaced this one.');
  if (result.ok) {
    cached = { key, at: now, options: result.options };
    await remember(cached);
    return { ok: true, options: result.options, cached: false };
  }
  // Everflow failed: an older answer is better than none.
  return cached ? { ok: true, options: cached.options, cached: true } : result;
}

/** Forget every cached name (the key or region changed). */
export async function clearLookupCache(): Promise<void> {
  memory.clear();
  await writeItem(lookupCacheItem, []);
}
