// Bulk links: one offer for many affiliates, or one affiliate for many offers. This module owns the
// stored shapes (the job, and one result per row) and the checks both sides run on every row before
// anything is sent. What only the page needs (ID lists, progress, CSV) is in src/bulk/.
// The background alone writes the job (bulkJobItem) and its results
// (background/bulk-engine.ts); the Bulk links page reads them and follows their changes.
import * as z from 'zod/mini';
import { nameSchema } from './names';
import { defineItem } from './storage-item';
import { LinkFormSchema, MAX_ID, parseLinkForm, type LinkForm, type LinkInput } from './link-form';
import { expandAndCheck } from './sub-tokens';

/** More rows than this in one job is refused: split the list. */
export const MAX_BULK_ROWS = 2000;

/** Which side varies: `affiliates` = one offer, many affiliates; `offers` = one affiliate, many offers. */
export const BulkModeSchema = z.enum(['affiliates', 'offers']);
export type BulkMode = z.infer<typeof BulkModeSchema>;

const id = z.number().check(z.gte(1), z.lte(MAX_ID), z.refine(Number.isInteger));
const name = z.optional(nameSchema());

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
  /** Why the background paused the job by itself (e.g. the key was removed), as a sentence to show. */
  note: z.optional(z.string().check(z.maxLength(500))),
});
export type BulkJob = z.infer<typeof BulkJobSchema>;

/** The current (or last) bulk job; null when there never was one or it was cleared . */
export const bulkJobItem = defineItem<BulkJob | null>({
  writer: 'background',
  area: 'local',
  key: 'bulkJob',
  version: 1,
  schema: z.nullable(BulkJobSchema),
  fallback: () => null,
});

/** One finished row, stored under rowKey(index) as it arrives, tagged with its job's id. */
export type BulkResult = { ok: true; job: string; url: string; at: number } | { ok: false; job: string; message: string; at: number };

// One lenient object, narrowed by readResult: results written by older versions still read.
const StoredResultSchema = z.object({
  ok: z.boolean(),
  job: z.string(),
  url: z.optional(z.string().check(z.maxLength(8192))),
  message: z.optional(z.string().check(z.maxLength(500))),
  at: z.number(),
});

/** A stored result, or undefined when it is not one. */
export function readResult(raw: unknown): BulkResult | undefined {
  const parsed = StoredResultSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const { ok, job, url, message, at } = parsed.data;
  if (ok) return url === undefined ? undefined : { ok, job, url, at };
  return message === undefined ? undefined : { ok, job, message, at };
}

export const ROW_KEY_PREFIX = 'bulkRow:';
export const rowKey = (index: number) => `${ROW_KEY_PREFIX}${index}`;
export const rowKeys = (count: number) => Array.from({ length: count }, (_, index) => rowKey(index));

/** The results of `job` from a storage.local read of its rowKeys; unreadable or other jobs' entries are absent. */
export function resultsOf(job: BulkJob, stored: Record<string, unknown>): (BulkResult | undefined)[] {
  return job.rows.map((_, index) => {
    const result = readResult(stored[rowKey(index)]);
    return result?.job === job.id ? result : undefined;
  });
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
