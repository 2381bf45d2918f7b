// The affiliates of the last links made, most recent first: the popup starts with the last one, and the
// right-click menu offers them all.
import * as z from 'zod/mini';
import { defineItem } from '../storage/define-item';
import { AccountIdSchema, byFirstAccount } from '../accounts/accounts';

export const MAX_RECENT_AFFILIATES = 5;

const AffiliatesSchema = z.array(z.number().check(z.gte(1), z.refine(Number.isInteger)));

/** Affiliates of successful links, most recent first, for each account (an affiliate's ID is its network's). */
export const recentAffiliatesItem = defineItem<Record<string, number[]>>({
  writer: 'background',
  area: 'local',
  key: 'recentAffiliates',
  version: 2,
  // Before accounts there was one list: the first account's.
  migrations: { 1: byFirstAccount },
  schema: z.record(AccountIdSchema, AffiliatesSchema),
  fallback: () => ({}),
});

/** An account's recent affiliates, most recent first. */
export const recentOf = (recent: Readonly<Record<string, number[]>>, accountId: string | undefined): number[] =>
  (accountId && recent[accountId]) || [];
