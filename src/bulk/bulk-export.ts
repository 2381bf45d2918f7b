// A bulk job's results as a CSV file and as lists to copy, for the Bulk links page.
import { LINK_FIELDS, LINK_TYPE_LABELS, TARGET_FIELDS, type FormField } from '../everflow/link-fields';
import { checkRow, linkTypeOf, type BulkJob, type BulkResult, type BulkRow } from '../shared/bulk/bulk-job';
import { csvCell } from '../shared/csv/csv';
import { factsFromInput, formatLink, type CopyFormats } from '../shared/copy-formats/copy-formats';
import { NOT_MADE, NOT_YET } from './job-status';
import { listedOf } from './bulk-check';

type Cell = string | number | undefined;
interface RowView {
  job: BulkJob;
  row: BulkRow;
  result: BulkResult | undefined;
  /** The row's request as sent: its IDs, and Source ID and subs with the tokens filled in. */
  sent: Partial<Record<FormField, string | number | boolean>>;
}

/** The name kept beside each ID that has one. */
const NAME_COLUMNS: Partial<Record<FormField, { label: string; value: (view: RowView) => string | undefined }>> = {
  offerId: { label: 'Offer name', value: ({ job, row }) => (linkTypeOf(job) === 'offer' ? row.targetName : undefined) },
  campaignId: { label: 'Smart link name', value: ({ job, row }) => (linkTypeOf(job) === 'smart' ? row.targetName : undefined) },
  affiliateId: { label: 'Affiliate name', value: ({ row }) => row.affiliateName },
};

const yes = (flag: boolean | undefined) => (flag ? 'yes' : undefined);

/**
 * Kind, then the fields that differ between links (what each leads to, the affiliate, Source ID and
 * subs as sent; names beside their IDs), in the field list's order, then what became of the row. The
 * options every row shares are left out: they are the same on every line.
 */
const COLUMNS: { label: string; value: (view: RowView) => Cell }[] = [
  { label: 'Kind', value: ({ job }) => LINK_TYPE_LABELS[linkTypeOf(job)] },
  ...LINK_FIELDS.filter((field) => field.group !== 'more').flatMap((field) => {
    const column = { label: field.label, value: ({ sent }: RowView) => sent[field.name] as Cell };
    const named = NAME_COLUMNS[field.name];
    return named ? [column, named] : [column];
  }),
  { label: 'Link', value: ({ result }) => (result?.ok ? result.url : undefined) },
  {
    label: 'Error',
    value: ({ job, result }) => (result ? (result.ok ? undefined : result.message) : job.state === 'cancelled' ? NOT_MADE : NOT_YET),
  },
  { label: 'Time', value: ({ result }) => (result ? new Date(result.at).toISOString() : undefined) },
  { label: 'Some offers closed', value: ({ result }) => yes(result?.ok && result.someOffersClosed) },
  { label: 'Direct link', value: ({ result }) => yes(result?.ok && result.directLink) },
];

export const BULK_CSV_COLUMNS = COLUMNS.map((column) => column.label);

/** The row's request as it was (or would be) sent; the IDs alone should the row not pass its checks. */
function sentOf(job: BulkJob, row: BulkRow): RowView['sent'] {
  const checked = checkRow(job.form, row, new Date(job.createdAt));
  if (checked.ok) return checked.input as RowView['sent'];
  return { [TARGET_FIELDS[linkTypeOf(job)]]: row.targetId, affiliateId: row.affiliateId };
}

/**
 * One line per row in the job's order: its link, or the plain error, or why there is none yet; times in
 * ISO 8601 (UTC). RFC 4180, CRLF.
 */
export function bulkCsv(job: BulkJob, results: readonly (BulkResult | undefined)[], messages?: readonly (string | undefined)[]): string {
  // A chosen copy format adds its message as the last column (rowMessages).
  const lines = [[...BULK_CSV_COLUMNS, ...(messages ? [MESSAGE_COLUMN] : [])].map(csvCell).join(',')];
  job.rows.forEach((row, index) => {
    const view: RowView = { job, row, result: results[index], sent: sentOf(job, row) };
    lines.push([...COLUMNS.map((column) => column.value(view)), ...(messages ? [messages[index]] : [])].map(csvCell).join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}

export const MESSAGE_COLUMN = 'Message';

/**
 * Each row's link in copy format `formatId` (its names from the row, its subs as sent, its own date),
 * or undefined for a row without a link.
 */
export function rowMessages(
  job: BulkJob,
  results: readonly (BulkResult | undefined)[],
  formats: CopyFormats,
  formatId: string,
): (string | undefined)[] {
  return job.rows.map((row, index) => {
    const result = results[index];
    if (!result?.ok) return undefined;
    const checked = checkRow(job.form, row, new Date(job.createdAt));
    if (!checked.ok) return result.url;
    return formatLink(
      formats,
      formatId,
      factsFromInput(result.url, checked.input, result.at, { target: row.targetName, affiliate: row.affiliateName }),
    ).text;
  });
}

/** The messages made, in the job's order: one per line, or a blank line between them when one spans several lines. */
export function allMessages(messages: readonly (string | undefined)[]): string {
  const made = messages.filter((message): message is string => message !== undefined);
  return made.join(made.some((message) => message.includes('\n')) ? '\n\n' : '\n');
}

/** Every link made, one per line, in the job's order. */
export function allLinks(results: readonly (BulkResult | undefined)[]): string {
  return results.flatMap((result) => (result?.ok ? [result.url] : [])).join('\n');
}

/** The listed IDs of the rows that failed (affiliates, offers or smart links), one per line, ready to paste into a new list. */
export function failedIds(job: BulkJob, results: readonly (BulkResult | undefined)[]): string {
  return job.rows.flatMap((row, index) => (results[index]?.ok === false ? [String(listedOf(job.mode, row).id)] : [])).join('\n');
}
