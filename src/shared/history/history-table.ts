// What the history's table and its CSV export show: search, the subs cell, the "From" labels, the
// CSV and its file name. Page-only, so none of it ships in the service worker.
import { csvCell } from '../csv/csv';
import {
  affiliateOf,
  textOf,
  LINK_TYPE_LABELS as KIND_LABELS,
  FIELD_LABELS,
  LINK_FIELDS,
  TEXT_FIELDS,
  type FormField,
  type LinkInput,
} from '../../everflow/link-fields';
import type { HistoryEntry, Surface } from './history';
import { accountName, type Account } from '../accounts/accounts';
import { DIRECT_LINK_NOTE, SOME_OFFERS_CLOSED_NOTE } from '../link/link-notes';

export const SURFACE_LABELS: Record<Surface, string> = { popup: 'Popup', menu: 'Menu', keyboard: 'Keyboard' };

/** What an entry's link leads to: its kind, the offer's or smart link's ID, and its name when known. */
export function entryTarget(entry: HistoryEntry): { kind: string; id: number; name: string | undefined } {
  const { input } = entry;
  return input.linkType === 'smart'
    ? { kind: KIND_LABELS.smart, id: input.campaignId, name: entry.campaignName }
    : { kind: KIND_LABELS.offer, id: input.offerId, name: entry.offerName };
}

/** The account an entry was made with, by name; one forgotten since is said to be. */
export const entryAccount = (entry: HistoryEntry, accounts: readonly Account[]): string => {
  const account = accounts.find((known) => known.id === entry.accountId);
  return account ? accountName(account) : 'An account no longer saved';
};

/** Everything a search looks in: the kind, offer or smart link and affiliate (ID and name), source ID, subs, the link. */
function searchable(entry: HistoryEntry): string[] {
  const { input } = entry;
  const target = entryTarget(entry);
  const affiliate = affiliateOf(input);
  const values = [
    target.kind,
    String(target.id),
    target.name,
    affiliate === undefined ? undefined : String(affiliate),
    entry.affiliateName,
    entry.url,
  ];
  for (const field of TEXT_FIELDS) values.push(textOf(input, field));
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
export function describeSubs(input: LinkInput): string {
  return TEXT_FIELDS.flatMap((field) => {
    const value = textOf(input, field);
    return value === undefined ? [] : [`${FIELD_LABELS[field]}: ${value}`];
  }).join(' · ');
}

/** The entry's own name beside each ID that has one. */
const NAME_COLUMNS: Partial<Record<FormField, { label: string; value: (entry: HistoryEntry) => string | undefined }>> = {
  offerId: { label: 'Offer name', value: (entry) => entry.offerName },
  campaignId: { label: 'Smart link name', value: (entry) => entry.campaignName },
  affiliateId: { label: 'Affiliate name', value: (entry) => entry.affiliateName },
};

const valueOf = (input: LinkInput, field: FormField) => (input as Partial<Record<FormField, string | number | boolean>>)[field];

type Column = { label: string; value: (entry: HistoryEntry, accounts: readonly Account[]) => string | number | boolean | undefined };

/**
 * Time, account, surface and kind, then every field of the link form in its order (names beside their
 * IDs), then the link and what was said about it.
 */
const COLUMNS: Column[] = [
  { label: 'Time', value: (entry) => new Date(entry.at).toISOString() },
  { label: 'Account', value: entryAccount },
  { label: 'From', value: (entry) => entry.surface },
  { label: 'Kind', value: (entry) => KIND_LABELS[entry.input.linkType] },
  ...LINK_FIELDS.flatMap((field) => {
    const named = NAME_COLUMNS[field.name];
    const column = {
      label: 'column' in field ? field.column : field.label,
      value: (entry: HistoryEntry) => valueOf(entry.input, field.name),
    };
    return named ? [column, named] : [column];
  }),
  { label: 'Link', value: (entry) => entry.url },
  {
    label: 'Notes',
    value: (entry) =>
      [entry.someOffersClosed ? SOME_OFFERS_CLOSED_NOTE : '', entry.directLink ? DIRECT_LINK_NOTE : ''].filter(Boolean).join(' '),
  },
];

export const CSV_COLUMNS = COLUMNS.map((column) => column.label);

/** The entries as CSV: a header row, one row per entry in the given order, times in ISO 8601 (UTC), CRLF line ends. */
export function historyCsv(history: readonly HistoryEntry[], accounts: readonly Account[]): string {
  const rows = history.map((entry) => COLUMNS.map((column) => column.value(entry, accounts)));
  return [CSV_COLUMNS, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The download's file name for a given day (local date): everflow-links-YYYY-MM-DD.csv. */
export function csvFileName(now: Date): string {
  return `everflow-links-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}
