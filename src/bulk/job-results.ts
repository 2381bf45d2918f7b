// Folding batched storage.onChanged changes into the page's copy of the job and its results. Pure:
// the page (use-bulk-job.ts) collects the changes and calls these once per batch.
import { ROW_KEY_PREFIX, readResult, type BulkJob, type BulkResult, bulkJobItem } from '../shared/bulk/bulk-job';

export interface JobView {
  job: BulkJob | null;
  /** One slot per row of the job, in its order; undefined until the row has a result. */
  results: (BulkResult | undefined)[];
}

export type Changes = Record<string, { newValue?: unknown }>;

export const isBulkKey = (key: string) => key === bulkJobItem.key || key.startsWith(ROW_KEY_PREFIX);

/**
 * The view after a job change: null when every result must be read again (a new or cleared job),
 * otherwise the same job with the new state. Its rows keep their old objects, so no row re-renders.
 */
export function withJobChange(view: JobView, stored: unknown): JobView | null {
  const job = bulkJobItem.decode(stored).value;
  if (!job || !view.job || job.id !== view.job.id || job.rows.length !== view.job.rows.length) return null;
  return { job: { ...job, rows: view.job.rows }, results: view.results };
}

/** The view with the changed row results applied; the same view when none of them belongs to its job. */
export function withRowChanges(view: JobView, changes: Changes): JobView {
  const { job } = view;
  if (!job) return view;
  let results: (BulkResult | undefined)[] | null = null;
  for (const [key, change] of Object.entries(changes)) {
    if (!key.startsWith(ROW_KEY_PREFIX)) continue;
    const index = Number(key.slice(ROW_KEY_PREFIX.length));
    if (!Number.isInteger(index) || index < 0 || index >= job.rows.length) continue;
    const read = readResult(change.newValue);
    const result = read?.job === job.id ? read : undefined;
    if (result === undefined && view.results[index] === undefined) continue;
    results ??= [...view.results];
    results[index] = result;
  }
  return results ? { job, results } : view;
}
