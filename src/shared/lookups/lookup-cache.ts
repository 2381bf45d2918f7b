// A picker's answers, remembered for a while (background/lookup-service.ts keeps and reads them).
import * as z from 'zod/mini';
import { defineItem } from '../storage/define-item';
import { FIRST_ACCOUNT_ID } from '../accounts/accounts';

/** One offer, smart link or affiliate as a picker lists it. */
export const LookupOptionSchema = z.object({ id: z.number(), name: z.string(), status: z.optional(z.string()) });
export const CachedLookupSchema = z.object({ key: z.string(), at: z.number(), options: z.array(LookupOptionSchema) });
export type CachedLookup = z.infer<typeof CachedLookupSchema>;

/** An entry cached before accounts, keyed `region|key's tail|…`, keyed `first|…` (what it said holds). */
function cachedOfFirstAccount(entry: unknown): unknown {
  if (typeof entry !== 'object' || entry === null || typeof (entry as { key?: unknown }).key !== 'string') return entry;
  const parts = (entry as { key: string }).key.split('|');
  return { ...entry, key: [FIRST_ACCOUNT_ID, ...parts.slice(2)].join('|') };
}

export const lookupCacheItem = defineItem<CachedLookup[]>({
  writer: 'background',
  area: 'local',
  key: 'lookupCache',
  version: 2,
  // Keys began with the region and the key's last characters; now with the account (the first account, for those).
  migrations: { 1: (data) => (Array.isArray(data) ? data.map(cachedOfFirstAccount) : data) },
  schema: z.array(CachedLookupSchema),
  fallback: () => [],
});
