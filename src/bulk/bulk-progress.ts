// How far a bulk job is, and the time left at its recent pace, for the Bulk links page.
import type { BulkJob, BulkResult } from '../shared/bulk/bulk-job';

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
