// The affiliates of the last links made, most recent first: the popup starts with the last one, and the
// right-click menu offers them all.
import * as z from 'zod/mini';
import { defineItem } from '../storage/define-item';

export const MAX_RECENT_AFFILIATES = 5;

/** Affiliates of successful links, most recent first. */
export const recentAffiliatesItem = defineItem<number[]>({
  writer: 'background',
  area: 'local',
  key: 'recentAffiliates',
  version: 1,
  schema: z.array(z.number().check(z.gte(1), z.refine(Number.isInteger))),
  fallback: () => [],
});
