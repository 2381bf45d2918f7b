// Runs bulk jobs in the service worker, so closing the Bulk links page does not stop them. The job is
// in storage.local and each row's result is written there the moment it arrives, so a restarted
// browser or a stopped worker goes on where it was: a row with a result is never sent again, a row
// without one is sent (again). chrome.alarms wakes a worker that was stopped mid-run; the worker
// also resumes whenever it starts. Rows go through the shared limiter's bulk lane, so people's own
// requests (popup, menu, look-ups) still go first. Offer links and smart links alike: the job's form
// says which, each row names its offer or smart link and its affiliate.
import { targetName } from '../everflow/link-fields';
import { BULK_IN_FLIGHT_CEILING } from '../everflow/rate-limiter';
import {
  BULK_ALARM,
  checkRow,
  resultsOf,
  rowErrors,
  rowKey,
  rowKeys,
  rowTarget,
  type BulkJob,
  type BulkMode,
  type BulkResult,
  type BulkRow,
  bulkJobItem,
} from '../shared/bulk/bulk-job';
import { durationText, endRun, startRun } from '../shared/bulk/bulk-time';
import type { LinkForm } from '../shared/link/link-form';
import { failure, type Failure, type FailureKind } from '../everflow/failures';
import { connect } from './accounts';
import { announceBulk } from './feedback';
import { hasRoomFor } from './platform';
import { requestLink, type RequestedLink } from './request-link';

export const BULK_PAGE = 'src/bulk/bulk.html';

export const BUSY = 'A bulk job is still running; wait for it to finish, or cancel it, before starting another.';
const STOPPED = 'This bulk job has already stopped.';
/** Said when an action does not fit the job's state (the page offers only those that fit, so rarely). */
const NOTHING_TO = {
  pause: STOPPED,
  resume: 'This bulk job is not paused.',
  cancel: STOPPED,
  retryFailed: BUSY,
  clear: BUSY,
} as const;
export type BulkAction = keyof typeof NOTHING_TO;

/** Tries per row, by what went wrong; anything else fails the row at once (Everflow said no). */
// A 429 never fails a row: the shared limiter's pauses grow up to Everflow's 30-second window, so retrying cannot hammer it.
const TRIES: Partial<Record<FailureKind, number>> = { 'rate-limited': Infinity, server: 3, network: 3, timeout: 2 };
const PAUSE_BEFORE_RETRY_MS = 1000;

export const STORAGE_FULL =
  'Browser storage for the extension is full, so the results could not be kept; free space on the options page by clearing the history or old bulk results';
/**
 * Room kept free in storage.local for what is written after a row's check: its result and those of the
 * rows in flight with it (a few hundred bytes each) and the paused job. Should they need more (48 rows
 * with 4 kB links), a result that cannot be written pauses the job all the same, and Resume asks for it again.
 */
const STORAGE_MARGIN_BYTES = 128 * 1024;

type Done = { ok: true } | Failure;
const DONE: Done = { ok: true };

/**
 * What this worker is doing with the current job: `hold` stops rows still waiting for their turn
 * (pause; they stay pending), `stop` also ends the requests in flight (cancel).
 */
let active: { jobId: string; going: boolean; hold: AbortController; stop: AbortController } | undefined;
let loop: Promise<void> | undefined;
let again = false;

/**
 * Job changes come from several places (messages, the loop): each is one serialised update of the
 * stored job. `change` answers the next job (the same object to leave it) and what to return.
 */
async function updateJob<T>(change: (job: BulkJob | null) => Promise<[BulkJob | null, T]>): Promise<T> {
  let result!: T;
  await bulkJobItem.update(async (job) => {
    const [next, answer] = await change(job);
    result = answer;
    return next;
  });
  return result;
}

type Made = RequestedLink | Failure;

/** What a row is called in a sentence: "affiliate 7", "smart link 5". */
const rowName = (mode: BulkMode, form: LinkForm, row: BulkRow) =>
  mode === 'affiliates' ? `affiliate ${row.affiliateId}` : targetName(rowTarget(form.linkType, row));

const pair = (row: BulkRow) => `${row.targetId}:${row.affiliateId}`;

const isLive = (job: BulkJob | null) => job !== null && (job.state === 'running' || job.state === 'paused');

export async function startBulk({
  accountId,
  mode,
  form,
  rows: given,
}: {
  accountId: string;
  mode: BulkMode;
  form: LinkForm;
  rows: BulkRow[];
}): Promise<Done> {
  const now = new Date();
  // The page removes repeats already; a pair given twice would only make the same link twice.
  const seen = new Set<string>();
  const rows = given.filter((row) => !seen.has(pair(row)) && seen.add(pair(row)));
  const [bad] = rowErrors(form, rows, now);
  if (bad) return failure('invalid-input', `Row ${bad.index + 1} (${rowName(mode, form, rows[bad.index]!)}): ${bad.message}`);
  const access = await connect(accountId, 'bulk');
  if (!access.ok) return access;
  if (isLive(await bulkJobItem.value())) return failure('invalid-input', BUSY);

  // One smart link for many affiliates: the first row is tried before the job starts. Everflow tells of
  // an affiliate's closed offers with `can_affiliate_run_all_offers: false`, not with a refusal, so a
  // refused first row is most often about what every row shares (a paused or deleted smart link, a
  // tracking domain it will not take): said at once, in Everflow's words, instead of every row refused.
  let first: Made | undefined;
  if (mode === 'affiliates' && form.linkType === 'smart') {
    const checked = checkRow(form, rows[0]!, now);
    if (checked.ok) first = await requestLink({ ...access.connection, maxAttempts: 1 }, checked.input, access.connection);
    if (first && !first.ok) {
      if (first.kind === 'rejected')
        return failure('rejected', `No job was started: the first row (${rowName(mode, form, rows[0]!)}) was refused. ${first.message}`);
      if (first.kind === 'unauthorized' || first.kind === 'forbidden') return first;
      // Passing trouble (rate limit, network): the job sends that row again, with its usual retries.
      first = undefined;
    }
  }

  const started = await updateJob(async (current) => {
    if (isLive(current)) return [current, false];
    if (current) await chrome.storage.local.remove(rowKeys(current.rows.length));
    const id = crypto.randomUUID();
    if (first?.ok) {
      const { ok, ...made } = first;
      // Not kept (storage full): the job asks for that row again.
      await chrome.storage.local.set({ [rowKey(0)]: { ok, job: id, ...made, at: Date.now() } satisfies BulkResult }).catch(() => undefined);
    }
    const job: BulkJob = { id, accountId, createdAt: now.getTime(), mode, form, rows, state: 'running' };
    return [startRun(job, Date.now()), true];
  });
  if (!started) return failure('invalid-input', BUSY);
  void resumeBulk();
  return DONE;
}

export async function controlBulk(action: BulkAction): Promise<Done> {
  const changed = await updateJob(async (job) => {
    if (!job) return [job, false];
    const live = job.state === 'running' || job.state === 'paused';
    const unchanged: [BulkJob, boolean] = [job, false];
    const stopped = (state: 'paused' | 'cancelled'): [BulkJob, boolean] => [endRun(job, state, Date.now()), true];
    const running: [BulkJob, boolean] = [startRun(job, Date.now()), true];
    switch (action) {
      case 'pause':
        if (job.state !== 'running') return unchanged;
        if (active?.jobId === job.id) {
          active.going = false;
          active.hold.abort();
        }
        return stopped('paused');
      case 'resume':
        return job.state === 'paused' ? running : unchanged;
      case 'cancel':
        if (!live) return unchanged;
        if (active?.jobId === job.id) {
          active.going = false;
          active.hold.abort();
          active.stop.abort();
        }
        return stopped('cancelled');
      case 'retryFailed': {
        if (live) return unchanged;
        const results = resultsOf(job, await chrome.storage.local.get(rowKeys(job.rows.length)));
        await chrome.storage.local.remove(rowKeys(job.rows.length).filter((_, index) => results[index]?.ok === false));
        return running;
      }
      case 'clear':
        if (live) return unchanged;
        await chrome.storage.local.remove(rowKeys(job.rows.length));
        return [null, true];
    }
  });
  if (!changed) return failure('invalid-input', NOTHING_TO[action]);
  if (action === 'resume' || action === 'retryFailed') void resumeBulk();
  return DONE;
}

/** Runs the current job if it is running; safe to call any number of times (one loop per worker). */
export function resumeBulk(): Promise<void> {
  again = true;
  loop ??= (async () => {
    try {
      while (again) {
        again = false;
        await runJob();
      }
    } catch (error) {
      // It resumes on the next wake-up (alarm, message or restart).
      console.error(`Link Builder for Everflow: bulk run stopped (${error instanceof Error ? error.name : typeof error}).`);
    } finally {
      loop = undefined;
    }
  })();
  return loop;
}

async function runJob(): Promise<void> {
  const job = await bulkJobItem.value();
  if (!job || job.state !== 'running') {
    await chrome.alarms.clear(BULK_ALARM);
    return;
  }
  // Wakes this worker should Chrome stop it mid-run (30 s is the shortest period Chrome allows).
  await chrome.alarms.create(BULK_ALARM, { periodInMinutes: 0.5 });
  const results = resultsOf(job, await chrome.storage.local.get(rowKeys(job.rows.length)));
  const queue = job.rows.flatMap((_, index) => (results[index] ? [] : [index]));
  const access = await connect(job.accountId, 'bulk');
  if (!access.ok) return pauseWith(job.id, access.message);
  const run = { jobId: job.id, going: true, hold: new AbortController(), stop: new AbortController() };
  active = run;
  const day = new Date(job.createdAt);
  const plain = access.connection;
  const connection = { ...plain, signal: run.stop.signal, queueSignal: run.hold.signal, maxAttempts: 1 };

  async function sendRow(index: number): Promise<BulkResult | undefined> {
    const checked = checkRow(job!.form, job!.rows[index]!, day);
    if (!checked.ok) return { ok: false, job: job!.id, message: checked.message, at: Date.now() };
    for (let attempt = 1; ; attempt++) {
      const outcome = await requestLink(connection, checked.input, plain);
      // Cancelled: the row stays without a result.
      if (run.stop.signal.aborted) return undefined;
      if (outcome.ok) return { ...outcome, job: job!.id, at: Date.now() };
      // The key was refused: every other row would fail the same way, so the job pauses instead.
      if (outcome.kind === 'unauthorized' || outcome.kind === 'forbidden') {
        run.going = false;
        run.hold.abort();
        await pauseWith(job!.id, outcome.message);
        return undefined;
      }
      // Paused: a row that met passing trouble (or was still waiting its turn) stays pending for Resume.
      if (!run.going && TRIES[outcome.kind]) return undefined;
      if (attempt >= (TRIES[outcome.kind] ?? 1)) return { ok: false, job: job!.id, message: outcome.message, at: Date.now() };
      // A 429 has already paused the limiter for as long as Everflow asked; other trouble waits a moment.
      if (outcome.kind !== 'rate-limited') await new Promise((resolve) => setTimeout(resolve, PAUSE_BEFORE_RETRY_MS * attempt));
    }
  }

  /** Storage is (nearly) full: every lane stops at once, and the job pauses saying why. */
  async function stopForStorage(): Promise<void> {
    if (!run.going) return;
    run.going = false;
    run.hold.abort();
    await pauseWith(job!.id, STORAGE_FULL, true);
  }

  async function lane(): Promise<void> {
    while (run.going && queue.length > 0) {
      // No request for a row whose result could not be kept.
      if (!(await hasRoomFor(STORAGE_MARGIN_BYTES))) return stopForStorage();
      const index = queue.shift();
      // Another lane took the last row meanwhile, or the run stopped.
      if (index === undefined || !run.going) return;
      const result = await sendRow(index);
      if (!result || active !== run) continue;
      try {
        // Written as it arrives: a stopped worker loses only the rows still in flight.
        await chrome.storage.local.set({ [rowKey(index)]: result });
      } catch {
        // The answer is lost (Resume asks for that row again); nothing more is sent until there is room.
        return stopForStorage();
      }
    }
  }

  try {
    // As many lanes as rows may ever be in flight: the limiter decides how many of them run at once.
    await Promise.all(Array.from({ length: BULK_IN_FLIGHT_CEILING }, lane));
  } finally {
    if (active === run) active = undefined;
  }
  if (run.going) await finish(job.id);
}

/**
 * The background pauses the job by itself, saying why and what to do; with `notify`, also by
 * notification, since the page may be closed. The notification needs no storage, so it is shown even
 * when the pause itself cannot be stored.
 */
async function pauseWith(jobId: string, reason: string, notify = false): Promise<void> {
  const note = `Paused. ${reason.replace(/\.$/, '')}, then press Resume.`;
  if (notify) await showNotification('Bulk links paused', note);
  await updateJob(async (job) => [
    job?.id === jobId && job.state === 'running' ? { ...endRun(job, 'paused', Date.now()), note } : job,
    undefined,
  ]);
}

/** Leads to the Bulk links page when clicked (feedback.ts). */
async function showNotification(title: string, message: string): Promise<void> {
  await announceBulk(BULK_PAGE, title, message).catch(() => undefined);
}

async function finish(jobId: string): Promise<void> {
  const finished = await updateJob(async (job) => {
    if (!job || job.id !== jobId || job.state !== 'running') return [job, undefined];
    const results = resultsOf(job, await chrome.storage.local.get(rowKeys(job.rows.length)));
    // A row may still lack a result (e.g. a retry asked for while this run ended): run again.
    if (results.some((result) => !result)) {
      again = true;
      return [job, undefined];
    }
    const failed = results.filter((result) => result?.ok === false).length;
    const done = endRun(job, 'done', Date.now());
    return [done, { done: results.length - failed, failed, took: durationText(done.ranMs ?? 0) }];
  });
  if (!finished) return;
  await chrome.alarms.clear(BULK_ALARM);
  // Nobody may be looking at the page: say it is done.
  const pages = await chrome.runtime.getContexts({
    contextTypes: ['TAB' as chrome.runtime.ContextType],
    documentUrls: [chrome.runtime.getURL(BULK_PAGE)],
  });
  if (pages.length > 0) return;
  await showNotification(
    'Bulk links finished',
    finished.failed === 0
      ? `${finished.done} link${finished.done === 1 ? '' : 's'} made in ${finished.took}. Open Bulk links to copy them.`
      : `${finished.done} made, ${finished.failed} failed, in ${finished.took}. Open Bulk links to see why and retry.`,
  );
}
