// Reading the Bulk links form: what the pasted list holds (live, under the list), and the rows a
// start would send, or every reason it cannot start, each meant to be shown next to its field.
import { MAX_BULK_ROWS, rowErrors, type BulkMode, type BulkRow } from '../shared/bulk/bulk-job';
import { affiliateOf, targetOf, type LinkType, MAX_ID } from '../everflow/link-fields';
import { parseIdList, type IdList } from './id-list';
import { parseLinkForm, type FieldErrors } from '../shared/link/link-form';
import { nameMap, type BulkDraft, type ListKind } from '../shared/bulk/bulk-draft';
import { KIND_WORDS, modeWords, plural, targetKind, withArticle } from './list-words';

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

/** What a list of `kind` IDs holds. */
export function summarizeList(kind: ListKind, text: string): ListSummary {
  const words = KIND_WORDS[kind];
  const parsed = parseIdList(text);
  const problems = parsed.invalid
    .slice(0, MAX_PIECE_ERRORS)
    .map((piece) => `“${shorten(piece)}” is not ${withArticle(words.one)} ID: use a whole number from 1 to ${MAX_ID}.`);
  const unnamed = parsed.invalid.length - MAX_PIECE_ERRORS;
  if (unnamed > 0)
    problems.push(`${plural(unnamed, 'more piece')} of the list ${unnamed === 1 ? 'is' : 'are'} not ${words.one} IDs either.`);
  if (parsed.ids.length > MAX_BULK_ROWS) {
    problems.push(`That is ${parsed.ids.length} ${words.many}; one job makes at most ${MAX_BULK_ROWS} links: split the list.`);
  }
  return { parsed, count: plural(parsed.ids.length, words.one, words.many), duplicates: duplicatesText(parsed.duplicates), problems };
}

export const emptyListMessage = (kind: ListKind) => `Enter at least one ${KIND_WORDS[kind].one} ID.`;

/**
 * The start button's words: "Generate 50 links" only when the list could start as it is; otherwise
 * what is in the way, so a list with bad entries never looks ready ("Fix 4 entries to generate").
 */
export function startLabel({ ids, invalid }: Pick<IdList, 'ids' | 'invalid'>): string {
  if (invalid.length > 0) return `Fix ${plural(invalid.length, 'entry', 'entries')} to generate`;
  if (ids.length > MAX_BULK_ROWS) return 'Split the list to generate';
  return `Generate ${plural(ids.length, 'link')}`;
}

/** "42 · Spring Sale", or "42" when the name is not known. */
export const idWithName = (id: number, name: string | undefined) => (name ? `${id} · ${name}` : String(id));

/** The rows for these IDs: the fixed ID with each listed one, names where the picker gave them. */
export function buildRows(
  mode: BulkMode,
  linkType: LinkType,
  fixedId: number,
  ids: readonly number[],
  names: BulkDraft['names'],
): BulkRow[] {
  const targets = nameMap(names[targetKind(linkType)]);
  const affiliates = nameMap(names.affiliates);
  return ids.map((id) => {
    const [targetId, affiliateId] = mode === 'affiliates' ? [fixedId, id] : [id, fixedId];
    const row: BulkRow = { targetId, affiliateId };
    const targetName = targets.get(targetId);
    const affiliateName = affiliates.get(affiliateId);
    if (targetName) row.targetName = targetName;
    if (affiliateName) row.affiliateName = affiliateName;
    return row;
  });
}

/** The listed side of a row: its ID and name. */
export const listedOf = (mode: BulkMode, row: BulkRow) =>
  mode === 'affiliates' ? { id: row.affiliateId, name: row.affiliateName } : { id: row.targetId, name: row.targetName };
/** The fixed side of a row (the same in every row of a job). */
export const fixedOf = (mode: BulkMode, row: BulkRow) =>
  mode === 'affiliates' ? { id: row.targetId, name: row.targetName } : { id: row.affiliateId, name: row.affiliateName };

/** What a row is called in a message: "Affiliate 12 (Acme)", "Smart link 5 (Summer smart link)". */
export function rowTitle(mode: BulkMode, linkType: LinkType, row: BulkRow): string {
  const { id, name } = listedOf(mode, row);
  return `${modeWords(mode, linkType).title} ${id}${name ? ` (${name})` : ''}`;
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

/**
 * Everything a start needs checked, before anything is sent; `day` fills in {date}. A partner's rows
 * are for `partnerId`, the partner itself (its links name no affiliate of their own).
 */
export function checkDraft(draft: BulkDraft, day: Date, partnerId?: number): DraftCheck {
  const { mode, form } = draft;
  const words = modeWords(mode, form.linkType);
  const list = summarizeList(words.listKind, draft.lists[words.listKind]);
  // The listed side gets a stand-in so the form's own rules and messages check everything else.
  const shared = parseLinkForm({ ...form, [words.listField]: '1' });
  const fieldErrors: FieldErrors = shared.ok ? {} : shared.errors;
  const listErrors = [...list.problems];
  if (list.parsed.ids.length === 0 && list.parsed.invalid.length === 0) listErrors.unshift(emptyListMessage(words.listKind));
  if (!shared.ok || listErrors.length > 0) return { ok: false, fieldErrors, listErrors, rowErrors: [] };

  const fixedId = mode === 'affiliates' ? targetOf(shared.input).id : (affiliateOf(shared.input) ?? partnerId ?? 1);
  const rows = buildRows(mode, form.linkType, fixedId, list.parsed.ids, draft.names);
  const bad = rowErrors(form, rows, day);
  if (bad.length > 0) {
    return {
      ok: false,
      fieldErrors,
      listErrors,
      rowErrors: bad.map(({ index, message }) => `${rowTitle(mode, form.linkType, rows[index]!)}: ${message}`),
    };
  }
  return { ok: true, rows };
}
