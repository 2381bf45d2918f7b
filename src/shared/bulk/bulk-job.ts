// Bulk links: one offer or smart link for many affiliates, or one affiliate for many offers or smart
// links. This module owns the stored shapes (the job, and one result per row) and the checks both
// sides run on every row before anything is sent. What only the page needs (ID lists, progress, CSV)
// is in src/bulk/. The background alone writes the job (bulkJobItem) and its results
// (background/bulk-engine.ts); the Bulk links page reads them and follows their changes.
import * as z from 'zod/mini';
import { nameSchema } from '../link/names';
import { defineItem } from '../storage/define-item';
import { AccountIdSchema, ofFirstAccount } from '../accounts/accounts';
import { LinkFormSchema, parseLinkForm, type LinkForm } from '../link/link-form';
import { MAX_ID, type LinkInput, TARGET_FIELDS, type LinkTarget, type LinkType } from '../../everflow/link-fields';
import { expandAndCheck } from '../link/sub-tokens';

/** The alarm that wakes a stopped worker while a job runs (the bulk engine sets it, and clears it when the job ends). */
export const BULK_ALARM = 'bulk-resume';

/** More rows than this in one job is refused: split the list. */
export const MAX_BULK_ROWS = 2000;

/**
 * Which side is listed: `affiliates` = one offer or smart link, many affiliates; `targets` = one
 * affiliate, many offers or smart links. Whether the targets are offers or smart links is the form's
 * `linkType`.
 */
export const BulkModeSchema = z.enum(['affiliates', 'targets']);
export type BulkMode = z.infer<typeof BulkModeSchema>;

const id = z.number().check(z.gte(1), z.lte(MAX_ID), z.refine(Number.isInteger));
const name = z.optional(nameSchema());

/** One link to make: its offer or smart link (as the job's form says) and its affiliate, with the names the pickers gave. */
export const BulkRowSchema = z.object({ targetId: id, affiliateId: id, targetName: name, affiliateName: name });
export type BulkRow = z.infer<typeof BulkRowSchema>;

export const BULK_STATES = ['running', 'paused', 'cancelled', 'done'] as const;
export type BulkState = (typeof BULK_STATES)[number];

export const BulkJobSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  /** The account the job's links are made with: its IDs are that network's. */
  accountId: AccountIdSchema,
  /** When the job was started (ms since the epoch); {date} in the subs is this day, for every row. */
  createdAt: z.number(),
  mode: BulkModeSchema,
  /** The link type, Source ID, subs and options shared by every row, as typed (tokens not yet filled in). */
  form: LinkFormSchema,
  rows: z.array(BulkRowSchema).check(z.maxLength(MAX_BULK_ROWS)),
  state: z.enum(BULK_STATES),
  /** When the job last finished, was cancelled or paused. */
  stoppedAt: z.optional(z.number()),
  /** When it last began running (started, resumed, retried): its pace is measured from here (bulk-time.ts). */
  runningSince: z.optional(z.number()),
  /** How long it ran before `runningSince`, pauses left out; once stopped, all the time it ran. */
  ranMs: z.optional(z.number()),
  /** Why the background paused the job by itself (e.g. the key was removed), as a sentence to show. */
  note: z.optional(z.string().check(z.maxLength(1000))),
});
export type BulkJob = z.infer<typeof BulkJobSchema>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Version 1 knew only offers: rows named `offerId`/`offerName`, and the mode listing offers was
 * `offers`. Anything else is passed on as it was, for the schema to judge.
 */
export function jobFromV1(data: unknown): unknown {
  if (!isRecord(data)) return data;
  const rows = Array.isArray(data.rows)
    ? data.rows.map((row: unknown) => {
        if (!isRecord(row)) return row;
        const { offerId, offerName, ...rest } = row;
        return { ...rest, targetId: offerId, ...(offerName === undefined ? {} : { targetName: offerName }) };
      })
    : data.rows;
  return {
    ...data,
    mode: data.mode === 'offers' ? 'targets' : data.mode,
    // Every version-1 job made offer links, whatever a later form would default to.
    form: isRecord(data.form) ? { ...data.form, linkType: 'offer' } : data.form,
    rows,
  };
}

/** The current (or last) bulk job; null when there never was one or it was cleared. */
export const bulkJobItem = defineItem<BulkJob | null>({
  writer: 'background',
  area: 'local',
  key: 'bulkJob',
  version: 3,
  // A job from before accounts is the first account's.
  migrations: { 1: jobFromV1, 2: ofFirstAccount },
  schema: z.nullable(BulkJobSchema),
  fallback: () => null,
});

/** What a job's links lead to: offers or smart links. */
export const linkTypeOf = (job: Pick<BulkJob, 'form'>): LinkType => job.form.linkType;
/** A row's offer or smart link. */
export const rowTarget = (linkType: LinkType, row: BulkRow): LinkTarget => ({ type: linkType, id: row.targetId });

/** What Everflow's answer said beside a row's link: see shared/link-notes.ts for the sentences. */
export interface RowNotes {
  /** A smart link some of whose offers are closed to this row's affiliate. */
  someOffersClosed?: true;
  /** A redirect link was asked for, and the answer is not on one of the network's tracking domains. */
  directLink?: true;
}

/** One finished row, stored under rowKey(index) as it arrives, tagged with its job's id. */
export type BulkResult =
  ({ ok: true; job: string; url: string; at: number } & RowNotes) | { ok: false; job: string; message: string; at: number };

// One lenient object, narrowed by readResult: results written by older versions (no notes) still read.
const StoredResultSchema = z.object({
  ok: z.boolean(),
  job: z.string(),
  url: z.optional(z.string().check(z.maxLength(8192))),
  message: z.optional(z.string().check(z.maxLength(500))),
  at: z.number(),
  someOffersClosed: z.optional(z.boolean()),
  directLink: z.optional(z.boolean()),
});

/** A stored result, or undefined when it is not one. */
export function readResult(raw: unknown): BulkResult | undefined {
  const parsed = StoredResultSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const { ok, job, url, message, at, someOffersClosed, directLink } = parsed.data;
  if (ok) {
    if (url === undefined) return undefined;
    return { ok, job, url, at, ...(someOffersClosed ? { someOffersClosed } : {}), ...(directLink ? { directLink } : {}) };
  }
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

/** The form a row is generated from: the shared values with this row's offer or smart link and affiliate. */
export function rowForm(form: LinkForm, row: BulkRow): LinkForm {
  return { ...form, [TARGET_FIELDS[form.linkType]]: String(row.targetId), affiliateId: String(row.affiliateId) };
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
