// Bulk links: one offer for many affiliates, or one affiliate for many offers. This module owns the
// stored shapes (the job, and one result per row) and the pure helpers over them: reading a pasted ID
// list, checking every row before anything is sent, counting progress, the time left, and the CSV.
// The background alone writes the job and its results (background/bulk-engine.ts); the Bulk links page
// reads them from storage and follows storage.onChanged.
import * as z from 'zod/mini';
import { LinkFormSchema, MAX_ID, parseLinkForm, type LinkForm, type LinkInput } from './link-form';
import { csvCell } from './link-history';
import type { ItemSpec } from './storage-item';
import { expandAndCheck } from './sub-tokens';

/** More rows than this in one job is refused: split the list. */
export const MAX_BULK_ROWS = 2000;

/** Which side varies: `affiliates` = one offer, many affiliates; `offers` = one affiliate, many offers. */
export const BulkModeSchema = z.enum(['affiliates', 'offers']);
export type BulkMode = z.infer<typeof BulkModeSchema>;

const id = z.number().check(z.gte(1), z.lte(MAX_ID), z.refine(Number.isInteger));
const name = z.optional(z.string().check(z.maxLength(120)));

export const BulkRowSchema = z.object({ offerId: id, affiliateId: id, offerName: name, affiliateName: name });
export type BulkRow = z.infer<typeof BulkRowSchema>;

export const BULK_STATES = ['running', 'paused', 'cancelled', 'done'] as const;
export type BulkState = (typeof BULK_STATES)[number];

export const BulkJobSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  /** When the job was started (ms since the epoch); {date} in the subs is this day, for every row. */
  createdAt: z.number(),
  mode: BulkModeSchema,
  /** Source ID, subs and options shared by every row, as typed (tokens not yet filled in). */
  form: LinkFormSchema,
  rows: z.array(BulkRowSchema).check(z.maxLength(MAX_BULK_ROWS)),
  state: z.enum(BULK_STATES),
  /** When the job last finished, was cancelled or paused. */
  stoppedAt: z.optional(z.number()),
});
export type BulkJob = z.infer<typeof BulkJobSchema>;

/** The current (or last) job; null when there never was one or it was cleared. */
export const bulkJobItem: ItemSpec<BulkJob | null> = {
  area: 'local',
  key: 'bulkJob',
  version: 1,
  schema: z.nullable(BulkJobSchema),
  fallback: () => null,
};

/** One finished row, stored under rowKey(index) as it arrives, tagged with its job's id. */
export const BulkResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), job: z.string(), url: z.string().check(z.maxLength(8192)), at: z.number() }),
  z.object({ ok: z.literal(false), job: z.string(), message: z.string().check(z.maxLength(500)), at: z.number() }),
]);
export type BulkResult = z.infer<typeof BulkResultSchema>;

export const ROW_KEY_PREFIX = 'bulkRow:';
export const rowKey = (index: number) => `${ROW_KEY_PREFIX}${index}`;
export const rowKeys = (count: number) => Array.from({ length: count }, (_, index) => rowKey(index));

/** The results of `job` from a storage.local read of its rowKeys; unreadable or other jobs' entries are absent. */
export function resultsOf(job: BulkJob, stored: Record<string, unknown>): (BulkResult | undefined)[] {
  return job.rows.map((_, index) => {
    const parsed = BulkResultSchema.safeParse(stored[rowKey(index)]);
    return parsed.success && parsed.data.job === job.id ? parsed.data : undefined;
  });
}

// ——— Reading a pasted list ———

export interface IdList {
  /** Valid IDs, first occurrence order, no repeats. */
  ids: number[];
  /** IDs given more than once (each listed once). */
  duplicates: number[];
  /** Pieces that are not IDs, as typed. */
  invalid: string[];
}

/** Reads IDs separated by anything that is not a letter, digit or one of `-+.` (commas, spaces, new lines, tabs, ;). */
export function parseIdList(text: string): IdList {
  const ids: number[] = [];
  const seen = new Set<number>();
  const duplicates = new Set<number>();
  const invalid: string[] = [];
  for (const piece of text.split(/[^\p{L}\p{N}+\-.]+/u)) {
    if (piece === '') continue;
    const value = /^0*\d{1,10}$/.test(piece) ? Number(piece) : Number.NaN;
    if (!Number.isInteger(value) || value < 1 || value > MAX_ID) {
      if (!invalid.includes(piece)) invalid.push(piece);
      continue;
    }
    if (seen.has(value)) duplicates.add(value);
    else {
      seen.add(value);
      ids.push(value);
    }
  }
  return { ids, duplicates: [...duplicates], invalid };
}

// ——— Checking rows ———

/** The form a row is generated from: the shared values with this row's offer and affiliate. */
export function rowForm(form: LinkForm, row: BulkRow): LinkForm {
  return { ...form, offerId: String(row.offerId), affiliateId: String(row.affiliateId) };
}

export type RowCheck = { ok: true; input: LinkInput } | { ok: false; message: string };

/** A row's checked request, tokens filled in for `day`; or why it cannot be sent, in one sentence. */
export function checkRow(form: LinkForm, row: BulkRow, day: Date): RowCheck {
  const parsed = parseLinkForm(rowForm(form, row));
  const checked = parsed.ok ? expandAndCheck(parsed.input, day) : parsed;
  if (checked.ok) return checked;
  return { ok: false, message: Object.values(checked.errors)[0] ?? 'This row is not valid.' };
}

/** Per row that cannot be sent: its index and the sentence to show. Empty means every row may go. */
export function rowErrors(form: LinkForm, rows: readonly BulkRow[], day: Date): { index: number; message: string }[] {
  const errors: { index: number; message: string }[] = [];
  rows.forEach((row, index) => {
    const checked = checkRow(form, row, day);
    if (!checked.ok) errors.push({ index, message: checked.message });
  });
  return errors;
}

// ——— Progress ———

export interface BulkProgress {
  total: number;
  done: number;
  failed: number;
  remaining: number;
  /** Seconds left at the recent pace, when there is a pace to go by and the job is running. */
  secondsLeft?: number;
}

/** How far the job is; the pace is that of the last `window` finished rows. */
export function progressOf(job: BulkJob, results: readonly (BulkResult | undefined)[], now: number, window = 40): BulkProgress {
  let done = 0;
  let failed = 0;
  const times: number[] = [];
  for (const result of results) {
    if (!result) continue;
    if (result.ok) done++;
    else failed++;
    times.push(result.at);
  }
  const total = job.rows.length;
  const remaining = total - done - failed;
  const progress: BulkProgress = { total, done, failed, remaining };
  if (job.state !== 'running' || remaining === 0) return progress;
  const recent = times.toSorted((a, b) => a - b).slice(-window);
  if (recent.length < 2) return progress;
  const span = Math.max(now, recent.at(-1)!) - recent[0]!;
  if (span <= 0) return progress;
  const perSecond = ((recent.length - 1) * 1000) / span;
  return { ...progress, secondsLeft: Math.ceil(remaining / perSecond) };
}

/** "about 2 min left", "about 40 s left", "less than 5 s left". */
export function describeTimeLeft(seconds: number): string {
  if (seconds < 5) return 'less than 5 s left';
  if (seconds < 90) return `about ${Math.round(seconds / 5) * 5} s left`;
  if (seconds < 90 * 60) return `about ${Math.round(seconds / 60)} min left`;
  return `about ${Math.round(seconds / 3600)} h left`;
}

// ——— Export ———

export const BULK_CSV_COLUMNS = ['Offer ID', 'Offer name', 'Affiliate ID', 'Affiliate name', 'Link', 'Error'] as const;

/** One line per row in the job's order: its link, or the plain error, or nothing yet. RFC 4180, CRLF. */
export function bulkCsv(job: BulkJob, results: readonly (BulkResult | undefined)[]): string {
  const lines = [BULK_CSV_COLUMNS.map(csvCell).join(',')];
  job.rows.forEach((row, index) => {
    const result = results[index];
    lines.push(
      [
        row.offerId,
        row.offerName,
        row.affiliateId,
        row.affiliateName,
        result?.ok ? result.url : '',
        result && !result.ok ? result.message : result ? '' : job.state === 'cancelled' ? 'Not made: the job was cancelled.' : 'Not made yet.',
      ]
        .map(csvCell)
        .join(','),
    );
  });
  return `${lines.join('\r\n')}\r\n`;
}

/** Every link made, one per line, in the job's order. */
export function allLinks(results: readonly (BulkResult | undefined)[]): string {
  return results.flatMap((result) => (result?.ok ? [result.url] : [])).join('\n');
}
