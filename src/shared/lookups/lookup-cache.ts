// A picker's answers, remembered for a while (background/lookup-service.ts keeps and reads them).
import * as z from 'zod/mini';
import { defineItem } from '../storage/define-item';

/** One offer, smart link or affiliate as a picker lists it. */
export const LookupOptionSchema = z.object({ id: z.number(), name: z.string(), status: z.optional(z.string()) });
export const CachedLookupSchema = z.object({ key: z.string(), at: z.number(), options: z.array(LookupOptionSchema) });
export type CachedLookup = z.infer<typeof CachedLookupSchema>;

export const lookupCacheItem = defineItem<CachedLookup[]>({
  writer: 'background',
  area: 'local',
  key: 'lookupCache',
  version: 1,
  schema: z.array(CachedLookupSchema),
  fallback: () => [],
});
