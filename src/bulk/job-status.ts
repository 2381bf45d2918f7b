// The sentences the Bulk links page shows about a job: its status line, why a new job cannot
// start yet, what changed (announced), and the CSV's file name. Pure, so each is unit-tested.
import type { BulkJob, BulkState } from '../shared/bulk/bulk-job';
import { durationText } from '../shared/bulk/bulk-time';
import { describePace, describeTimeLeft, type BulkProgress } from './bulk-progress';
import { plural } from './list-words';

/** What a row without a result says, in the table and the CSV. */
export const NOT_YET = 'Not made yet.';
export const NOT_MADE = 'Not made: the job was cancelled.';

/** "Finished: 998 links made, 2 failed. Took 36 s." (how long, when the job kept it). */
export function finishedText(progress: BulkProgress): string {
  const took = progress.tookMs === undefined ? '' : ` Took ${durationText(progress.tookMs)}.`;
  return `Finished: ${plural(progress.done, 'link')} made, ${progress.failed} failed.${took}`;
}

/**
 * "12 done · 1 failed · 987 remaining · 28 links/s · about 35 s left", then "Paused." / "Cancelled." /
 * "Finished: …" as fits; `note` says why the background paused the job by itself (e.g. the key was removed).
 */
export function statusLine(state: BulkState, progress: BulkProgress, note?: string): string {
  const parts = [`${progress.done} done · ${progress.failed} failed · ${progress.remaining} remaining`];
  if (state === 'running' && progress.pace) parts.push(describePace(progress.pace.perSecond), describeTimeLeft(progress.pace.secondsLeft));
  if (state === 'paused') parts.push(note ?? 'Paused.');
  if (state === 'cancelled') parts.push('Cancelled.');
  if (state === 'done') parts.push(finishedText(progress));
  return parts.join(' · ');
}

/** Why the start button is disabled, or '' when a job may start. */
export function startBlockedReason(state: BulkState | undefined): string {
  if (state === 'running') return 'A job is running: wait for it to finish, or cancel it, before starting another.';
  if (state === 'paused') return 'A job is paused: resume it, or cancel it, before starting another.';
  return '';
}

/** What to announce when the stored job changes from `before` to `after`; '' for nothing. */
export function changeAnnouncement(before: Pick<BulkJob, 'id' | 'state'> | null, after: BulkJob | null, progress: BulkProgress): string {
  if (!after) return before ? 'The job was cleared.' : '';
  if (!before || before.id !== after.id) return after.state === 'running' ? `Started: ${plural(after.rows.length, 'link')} to make.` : '';
  if (before.state === after.state) return '';
  if (after.state === 'paused') return after.note ?? 'Paused.';
  if (after.state === 'cancelled') return 'Cancelled.';
  if (after.state === 'done') return finishedText(progress);
  return before.state === 'paused' ? 'Resumed.' : 'Started again.';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** bulk-links-2026-03-05-0907.csv, in local time. */
export function bulkCsvFileName(now: Date): string {
  return `bulk-links-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.csv`;
}
