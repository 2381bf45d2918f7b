// How long a bulk job has run, pauses left out, and how that is said: the background keeps the time
// in the job as it starts and stops it (bulk-engine.ts), the notification and the Bulk links page say it.
import type { BulkJob, BulkState } from './bulk-job';

/** The time `job` has run by `now`: every earlier run, and the current one while it runs. */
export function ranMsOf(job: BulkJob, now: number): number {
  const current = job.state === 'running' ? Math.max(0, now - (job.runningSince ?? job.createdAt)) : 0;
  return (job.ranMs ?? 0) + current;
}

/** `job` running from `now` (started, resumed, retried): its pace is measured from here. */
export function startRun(job: BulkJob, now: number): BulkJob {
  return { ...job, state: 'running', runningSince: now, note: undefined };
}

/** `job` stopped at `now` (finished, paused, cancelled), with the time it ran added up. */
export function endRun(job: BulkJob, state: Exclude<BulkState, 'running'>, now: number): BulkJob {
  return { ...job, state, stoppedAt: now, ranMs: ranMsOf(job, now) };
}

/** "under 1 s", "36 s", "4 min 12 s", "2 h 5 min". */
export function durationText(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 1) return 'under 1 s';
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  const rest = minutes % 60;
  return rest === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
}
