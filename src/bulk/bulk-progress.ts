// How far a bulk job is, for the Bulk links page: the counts, the pace measured from the rows that
// finished since the job last began running (never from the pace set in Options, and never across a
// pause), and the time left at that pace, shown steadily. Pure, with the clock passed in.
import type { BulkJob, BulkResult } from '../shared/bulk/bulk-job';

/** The measured pace: rows finished a second, and the seconds the remaining rows take at it. */
export interface BulkPace {
  perSecond: number;
  secondsLeft: number;
}

export interface BulkProgress {
  total: number;
  done: number;
  failed: number;
  remaining: number;
  /** While the job runs and there is enough to measure. */
  pace?: BulkPace;
  /** How long a finished job ran, pauses left out (unknown for jobs made before it was kept). */
  tookMs?: number;
}

/** The pace is measured over the rows of the last PACE_WINDOW_MS, or the last WINDOW_ROWS when that is longer (a slow pace)… */
export const PACE_WINDOW_MS = 30_000;
export const WINDOW_ROWS = 60;
/** …and only once MIN_ROWS rows have finished over MIN_SPAN_MS: fewer say too little to plan with. */
export const MIN_ROWS = 5;
export const MIN_SPAN_MS = 3_000;

/**
 * Rows a second, from when rows finished (`times`, sorted) up to `now`: a stall (Everflow's rate
 * limit holding every row back) counts as it goes on, so the pace falls and the time left grows.
 */
export function measuredPace(times: readonly number[], now: number): number | undefined {
  const inWindow = times.filter((at) => at > now - PACE_WINDOW_MS);
  const recent = inWindow.length >= WINDOW_ROWS ? inWindow : times.slice(-WINDOW_ROWS);
  if (recent.length < MIN_ROWS) return undefined;
  const span = now - recent[0]!;
  return span < MIN_SPAN_MS ? undefined : ((recent.length - 1) * 1000) / span;
}

/** How far the job is at `now`. */
export function progressOf(job: BulkJob, results: readonly (BulkResult | undefined)[], now: number): BulkProgress {
  let done = 0;
  let failed = 0;
  // Rows finished in this run: those of an earlier run, or answered while paused, would slow the pace.
  const since = job.runningSince ?? job.createdAt;
  const times: number[] = [];
  for (const result of results) {
    if (!result) continue;
    if (result.ok) done++;
    else failed++;
    if (result.at >= since) times.push(result.at);
  }
  const total = job.rows.length;
  const remaining = total - done - failed;
  const progress: BulkProgress = { total, done, failed, remaining };
  if (job.state === 'done' && job.ranMs !== undefined) return { ...progress, tookMs: job.ranMs };
  if (job.state !== 'running' || remaining === 0) return progress;
  const sorted = times.toSorted((a, b) => a - b);
  const perSecond = measuredPace(sorted, Math.max(now, sorted.at(-1) ?? now));
  return perSecond === undefined ? progress : { ...progress, pace: { perSecond, secondsLeft: remaining / perSecond } };
}

/** The pace on screen, measured at `at`: its time left counts down from there. */
export interface ShownPace extends BulkPace {
  at: number;
}

/** The time left shown moves only when the measured one is this far from it (seconds, or this share of it). */
export const STEADY_SECONDS = 5;
export const STEADY_SHARE = 0.2;

/**
 * What the page shows: the pace shown before, counting down, while the measured time left stays close
 * to it; the measured pace when it strays further (a real change: a long wait for Everflow's rate
 * limit, a faster pace) or the count reaches zero with rows left. A person sees the time left go down a
 * second each second, not jump with every row.
 */
export function steadyPace(shown: ShownPace | undefined, measured: BulkPace | undefined, now: number): ShownPace | undefined {
  if (measured === undefined) return undefined;
  if (shown) {
    const counted = shown.secondsLeft - (now - shown.at) / 1000;
    if (counted >= 1 && Math.abs(measured.secondsLeft - counted) <= Math.max(STEADY_SECONDS, STEADY_SHARE * measured.secondsLeft)) {
      return shown;
    }
  }
  return { ...measured, at: now };
}

/** The shown pace at `now`: its time left counted down since it was measured. */
export const paceAt = (shown: ShownPace, now: number): BulkPace => ({
  perSecond: shown.perSecond,
  secondsLeft: Math.max(0, shown.secondsLeft - (now - shown.at) / 1000),
});

/** "30 links/s", "2.5 links/s". */
export function describePace(perSecond: number): string {
  return `${perSecond >= 10 ? Math.round(perSecond) : perSecond.toFixed(1)} links/s`;
}

/** "about 2 min left", "about 40 s left", "less than 5 s left". */
export function describeTimeLeft(seconds: number): string {
  if (seconds < 5) return 'less than 5 s left';
  if (seconds < 90) return `about ${Math.round(seconds / 5) * 5} s left`;
  if (seconds < 90 * 60) return `about ${Math.round(seconds / 60)} min left`;
  return `about ${Math.round(seconds / 3600)} h left`;
}
