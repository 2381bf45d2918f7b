// The history of generated links: its stored item and the pure helpers over it (append with a cap,
// search, CSV). The background alone writes it (link-generation.ts, history-store.ts); the history
// views read it directly. vite.config.ts keeps this module out of the popup's first load.
import * as z from 'zod/mini';
import { FIELD_LABELS, MAX_ID, MAX_TEXT, TEXT_FIELDS, type LinkInput } from './link-form';
import { SurfaceSchema } from './messages';
import type { ItemSpec } from './storage-item';

/** Oldest entries are dropped beyond this many. */
export const MAX_HISTORY = 1000;

export type Surface = z.infer<typeof SurfaceSchema>;
export const SURFACE_LABELS: Record<Surface, string> = { popup: 'Popup', menu: 'Menu', keyboard: 'Keyboard' };

const id = z.number().check(z.gte(1), z.lte(MAX_ID), z.refine(Number.isInteger));
const text = z.optional(z.string().check(z.maxLength(MAX_TEXT)));

/** A LinkInput as stored: the checked request, IDs as numbers, absent fields absent. */
export const StoredLinkInputSchema = z.object({
  offerId: id,
  affiliateId: id,
  trackingDomainId: z.optional(id),
  offerUrlId: z.optional(id),
  creativeId: z.optional(id),
  trafficSourceId: z.optional(id),
  sourceId: text,
  sub1: text,
  sub2: text,
  sub3: text,
  sub4: text,
  sub5: text,
  encryptParameters: z.boolean(),
  redirectLink: z.boolean(),
});

const name = z.optional(z.string().check(z.maxLength(4 * MAX_TEXT)));

export const HistoryEntrySchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  url: z.string().check(z.maxLength(8192)),
  input: StoredLinkInputSchema,
  surface: SurfaceSchema,
  /** When the link was made (ms since the epoch). */
  at: z.number(),
  /** Names shown beside the IDs, once the pickers know them. */
  offerName: name,
  affiliateName: name,
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** Keeps every readable entry: one damaged entry is dropped instead of resetting the whole history. */
const HistorySchema = z.pipe(
  z.array(z.catch(z.nullable(HistoryEntrySchema), null)),
  z.transform((entries): HistoryEntry[] => entries.flatMap((entry) => (entry ? [dropUndefined(entry)] : []))),
);

/** Generated links, newest first, at most MAX_HISTORY. */
export const historyItem: ItemSpec<HistoryEntry[]> = {
  area: 'local',
  key: 'history',
  version: 1,
  schema: HistorySchema as unknown as z.ZodMiniType<HistoryEntry[]>,
  fallback: () => [],
};

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The history with `entry` first, the oldest dropped beyond `max`. */
export function appendEntry(history: readonly HistoryEntry[], entry: HistoryEntry, max = MAX_HISTORY): HistoryEntry[] {
  return [entry, ...history.filter((old) => old.id !== entry.id)].slice(0, Math.max(0, max));
}

export function removeEntry(history: readonly HistoryEntry[], entryId: string): HistoryEntry[] {
  return history.filter((entry) => entry.id !== entryId);
}

/** Everything a search looks in: offer and affiliate (ID and name), source ID, subs, the link. */
function searchable(entry: HistoryEntry): string[] {
  const { input } = entry;
  const values = [String(input.offerId), String(input.affiliateId), entry.offerName, entry.affiliateName, entry.url];
  for (const field of TEXT_FIELDS) values.push(input[field]);
  return values.filter((value): value is string => value !== undefined).map((value) => value.toLowerCase());
}

/** Entries where every word of the query appears in some field, case-insensitive. Order is kept. */
export function searchHistory(history: readonly HistoryEntry[], query: string): HistoryEntry[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...history];
  return history.filter((entry) => {
    const values = searchable(entry);
    return terms.every((term) => values.some((value) => value.includes(term)));
  });
}

/** The sub values of an entry as shown in one cell: "Source ID: x · Sub 1: y". */
export interface KnownNames {
  offers: Map<number, string>;
  affiliates: Map<number, string>;
}

/** The newest name recorded for each offer and affiliate, so the menu can say names, not only IDs. */
export function namesFromHistory(history: readonly HistoryEntry[]): KnownNames {
  const names: KnownNames = { offers: new Map(), affiliates: new Map() };
  for (const entry of history) {
    if (entry.offerName && !names.offers.has(entry.input.offerId)) names.offers.set(entry.input.offerId, entry.offerName);
    if (entry.affiliateName && !names.affiliates.has(entry.input.affiliateId)) {
      names.affiliates.set(entry.input.affiliateId, entry.affiliateName);
    }
  }
  return names;
}

export function describeSubs(input: LinkInput): string {
  return TEXT_FIELDS.flatMap((field) => (input[field] === undefined ? [] : [`${FIELD_LABELS[field]}: ${input[field]}`])).join(' · ');
}

/**
 * One CSV cell: a value a spreadsheet would run as a formula (starting with = + - @, tab or CR)
 * gets a leading apostrophe; a value with a comma, quote or line break is quoted (RFC 4180).
 */
export function csvCell(value: string | number | boolean | undefined): string {
  let cell = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export const CSV_COLUMNS = [
  'Time',
  'From',
  'Offer ID',
  'Offer name',
  'Affiliate ID',
  'Affiliate name',
  'Source ID',
  'Sub 1',
  'Sub 2',
  'Sub 3',
  'Sub 4',
  'Sub 5',
  'Tracking domain ID',
  'Offer URL ID',
  'Creative ID',
  'Traffic source ID',
  'Encrypt parameters',
  'Redirect link',
  'Link',
] as const;

/** The entries as CSV: a header row, one row per entry in the given order, times in ISO 8601 (UTC), CRLF line ends. */
export function historyCsv(history: readonly HistoryEntry[]): string {
  const rows = history.map(({ input, ...entry }) => [
    new Date(entry.at).toISOString(),
    entry.surface,
    input.offerId,
    entry.offerName,
    input.affiliateId,
    entry.affiliateName,
    input.sourceId,
    input.sub1,
    input.sub2,
    input.sub3,
    input.sub4,
    input.sub5,
    input.trackingDomainId,
    input.offerUrlId,
    input.creativeId,
    input.trafficSourceId,
    input.encryptParameters,
    input.redirectLink,
    entry.url,
  ]);
  return [[...CSV_COLUMNS], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The download's file name for a given day (local date): everflow-links-YYYY-MM-DD.csv. */
export function csvFileName(now: Date): string {
  return `everflow-links-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}
