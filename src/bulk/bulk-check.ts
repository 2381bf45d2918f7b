// Reading the Bulk links form: what the pasted list holds (live, under the list), and the rows a
// start would send, or every reason it cannot start, each meant to be shown next to its field.
import { MAX_BULK_ROWS, rowErrors, type BulkMode, type BulkRow } from '../shared/bulk-job';
import { parseIdList, type IdList } from './id-list';
import { MAX_ID, parseLinkForm, type FieldErrors } from '../shared/link-form';
import { nameMap, type BulkDraft } from './bulk-draft';
import { MODE_WORDS, plural } from './list-words';

/** At most this many duplicates are named, and this many bad pieces get their own message. */
export const MAX_NAMED_DUPLICATES = 10;
export const MAX_PIECE_ERRORS = 20;

const shorten = (piece: string) => (piece.length > 40 ? `${piece.slice(0, 40)}…` : piece);

export interface ListSummary {
  parsed: IdList;
  /** "50 affiliates", "1 affiliate". */
  count: string;
  /** "Removed 2 duplicates: 7, 9.", or empty. */
  duplicates: string;
  /** One sentence per problem: each piece that is not an ID, too many IDs. */
  problems: string[];
}

export function duplicatesText(duplicates: readonly number[]): string {
  if (duplicates.length === 0) return '';
  const named = duplicates.slice(0, MAX_NAMED_DUPLICATES).join(', ');
  const more = duplicates.length - MAX_NAMED_DUPLICATES;
  return `Removed ${plural(duplicates.length, 'duplicate')}: ${named}${more > 0 ? ` and ${more} more` : ''}.`;
}

export function summarizeList(mode: BulkMode, text: string): ListSummary {
  const words = MODE_WORDS[mode];
  const parsed = parseIdList(text);
  const problems = parsed.invalid
    .slice(0, MAX_PIECE_ERRORS)
    .map((piece) => `“${shorten(piece)}” is not ${/^[aeiou]/.test(words.one) ? 'an' : 'a'} ${words.one} ID: use a whole number from 1 to ${MAX_ID}.`);
  const unnamed = parsed.invalid.length - MAX_PIECE_ERRORS;
  if (unnamed > 0) problems.push(`${plural(unnamed, 'more piece')} of the list ${unnamed === 1 ? 'is' : 'are'} not ${words.one} IDs either.`);
  if (parsed.ids.length > MAX_BULK_ROWS) {
    problems.push(`That is ${parsed.ids.length} ${words.many}; one job makes at most ${MAX_BULK_ROWS} links: split the list.`);
  }
  return { parsed, count: plural(parsed.ids.length, words.one), duplicates: duplicatesText(parsed.duplicates), problems };
}

export const emptyListMessage = (mode: BulkMode) => `Enter at least one ${MODE_WORDS[mode].one} ID.`;

/** "Generate 1 link", "Generate 50 links". */
export const startLabel = (count: number) => `Generate ${plural(count, 'link')}`;

/** "42 · Spring Sale", or "42" when the name is not known. */
export const idWithName = (id: number, name: string | undefined) => (name ? `${id} · ${name}` : String(id));

/** The rows for these IDs: the fixed ID with each listed one, names where the picker gave them. */
export function buildRows(mode: BulkMode, fixedId: number, ids: readonly number[], names: BulkDraft['names']): BulkRow[] {
  const offers = nameMap(names.offers);
  const affiliates = nameMap(names.affiliates);
  return ids.map((id) => {
    const [offerId, affiliateId] = mode === 'affiliates' ? [fixedId, id] : [id, fixedId];
    const row: BulkRow = { offerId, affiliateId };
    const offerName = offers.get(offerId);
    const affiliateName = affiliates.get(affiliateId);
    if (offerName) row.offerName = offerName;
    if (affiliateName) row.affiliateName = affiliateName;
    return row;
  });
}

/** What a row is called in a message: "Affiliate 12 (Acme)". */
export function rowTitle(mode: BulkMode, row: BulkRow): string {
  const listed = mode === 'affiliates' ? row.affiliateId : row.offerId;
  const name = mode === 'affiliates' ? row.affiliateName : row.offerName;
  return `${MODE_WORDS[mode].title} ${listed}${name ? ` (${name})` : ''}`;
}

export type DraftCheck =
  | { ok: true; rows: BulkRow[] }
  | {
      ok: false;
      /** Per shared field (the fixed ID, Source ID, subs, "More options"). */
      fieldErrors: FieldErrors;
      /** About the pasted list. */
      listErrors: string[];
      /** Rows a token would make invalid, naming each row's ID. */
      rowErrors: string[];
    };

/** Everything a start needs checked, before anything is sent; `day` fills in {date}. */
export function checkDraft(draft: BulkDraft, day: Date): DraftCheck {
  const { mode } = draft;
  const words = MODE_WORDS[mode];
  const list = summarizeList(mode, draft.lists[mode]);
  // The listed side gets a stand-in so the form's own rules and messages check everything else.
  const shared = parseLinkForm({ ...draft.form, [words.listField]: '1' });
  const fieldErrors: FieldErrors = shared.ok ? {} : shared.errors;
  const listErrors = [...list.problems];
  if (list.parsed.ids.length === 0 && list.parsed.invalid.length === 0) listErrors.unshift(emptyListMessage(mode));
  if (!shared.ok || listErrors.length > 0) return { ok: false, fieldErrors, listErrors, rowErrors: [] };

  const rows = buildRows(mode, (shared.input as unknown as Record<string, number>)[words.fixedField]!, list.parsed.ids, draft.names);
  const bad = rowErrors(draft.form, rows, day);
  if (bad.length > 0) {
    return { ok: false, fieldErrors, listErrors, rowErrors: bad.map(({ index, message }) => `${rowTitle(mode, rows[index]!)}: ${message}`) };
  }
  return { ok: true, rows };
}
