// The history of generated links: the shape of an entry and the helpers the background needs (append
// with a cap, remove, names). The background alone writes it (historyItem); the
// history views read it, with their search and CSV in shared/history-table.ts.
import * as z from 'zod/mini';
import { nameSchema } from '../link/names';
import { defineItem } from '../storage/define-item';
import { MAX_TEXT, affiliateOf } from '../../everflow/link-fields';
import { LinkInputSchema } from '../link/link-form';
import { AccountIdSchema, eachOfFirstAccount } from '../accounts/accounts';

/** Oldest entries are dropped beyond this many. */
export const MAX_HISTORY = 1000;
/** …and beyond this much stored text (a third of the browser's 10 MB for the extension), however few they are. */
export const MAX_HISTORY_BYTES = 3_000_000;

/** Where a generation was asked for, recorded with each link. */
export const SurfaceSchema = z.enum(['popup', 'menu', 'keyboard']);
export type Surface = z.infer<typeof SurfaceSchema>;

const name = z.optional(nameSchema(4 * MAX_TEXT));

export const HistoryEntrySchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  /** The account the link was made with: its IDs are that network's. */
  accountId: AccountIdSchema,
  url: z.string().check(z.maxLength(8192)),
  input: LinkInputSchema,
  surface: SurfaceSchema,
  /** When the link was made (ms since the epoch). */
  at: z.number(),
  /** Names shown beside the IDs, once the pickers know them. */
  offerName: name,
  campaignName: name,
  affiliateName: name,
  /** A smart link some of whose offers Everflow says are closed to the affiliate. */
  someOffersClosed: z.optional(z.literal(true)),
  /**
   * A redirect link was asked for and Everflow answered with a link off the network's tracking domains.
   * Optional, so entries stored before it read as they are (the item's version is unchanged).
   */
  directLink: z.optional(z.literal(true)),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** Keeps every readable entry: one damaged entry is dropped instead of resetting the whole history. */
export const HistorySchema = z.pipe(
  z.array(z.catch(z.nullable(HistoryEntrySchema), null)),
  z.transform((entries): HistoryEntry[] => entries.flatMap((entry) => (entry ? [dropUndefined(entry)] : []))),
);

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Generated links, newest first, at most MAX_HISTORY and MAX_HISTORY_BYTES. */
export const historyItem = defineItem<HistoryEntry[]>({
  writer: 'background',
  area: 'local',
  key: 'history',
  version: 2,
  // Links made before accounts are the first account's.
  migrations: { 1: eachOfFirstAccount },
  schema: HistorySchema,
  fallback: () => [],
});

/** The history with `entry` first, the oldest dropped beyond `max`. */
export function appendEntry(
  history: readonly HistoryEntry[],
  entry: HistoryEntry,
  max = MAX_HISTORY,
  maxBytes = MAX_HISTORY_BYTES,
): HistoryEntry[] {
  const next = [entry, ...history.filter((old) => old.id !== entry.id)].slice(0, Math.max(0, max));
  let bytes = JSON.stringify(next).length;
  while (next.length > 1 && bytes > maxBytes) bytes -= JSON.stringify(next.pop()).length + 1;
  return next;
}

export function removeEntry(history: readonly HistoryEntry[], entryId: string): HistoryEntry[] {
  return history.filter((entry) => entry.id !== entryId);
}

export interface KnownNames {
  offers: Map<number, string>;
  campaigns: Map<number, string>;
  affiliates: Map<number, string>;
}

/** The newest name recorded for each offer, smart link and affiliate, so the menu can say names, not only IDs. */
export function namesFromHistory(history: readonly HistoryEntry[]): KnownNames {
  const names: KnownNames = { offers: new Map(), campaigns: new Map(), affiliates: new Map() };
  for (const entry of history) {
    const { input } = entry;
    if (input.linkType === 'offer' && entry.offerName && !names.offers.has(input.offerId)) names.offers.set(input.offerId, entry.offerName);
    if (input.linkType === 'smart' && entry.campaignName && !names.campaigns.has(input.campaignId))
      names.campaigns.set(input.campaignId, entry.campaignName);
    const affiliate = affiliateOf(input);
    if (affiliate !== undefined && entry.affiliateName && !names.affiliates.has(affiliate))
      names.affiliates.set(affiliate, entry.affiliateName);
  }
  return names;
}
