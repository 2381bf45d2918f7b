// The current bulk job and its results, read from storage.local and followed through
// storage.onChanged. Nothing about the job lives in the page: a reopened page shows a running job.
// Changes arrive up to ~30 a second; they are collected and applied once per BATCH_MS.
import { useEffect, useState } from 'preact/hooks';
import { resultsOf, rowKeys, bulkJobItem } from '../shared/bulk/bulk-job';
import { isBulkKey, withJobChange, withRowChanges, type Changes, type JobView } from './job-results';

export const BATCH_MS = 200;

async function readAll(onReset?: () => void): Promise<JobView> {
  // Only read: the page never writes the job, not even a reset.
  const { value: job, status } = await bulkJobItem.read();
  if (status === 'reset') onReset?.();
  if (!job) return { job: null, results: [] };
  return { job, results: resultsOf(job, await chrome.storage.local.get(rowKeys(job.rows.length))) };
}

/** null until the first read. `onReset` hears when the stored job could not be read. */
export function useBulkJob(onReset?: () => void): JobView | null {
  const [view, setView] = useState<JobView | null>(null);

  useEffect(() => {
    let alive = true;
    let current: JobView = { job: null, results: [] };
    let pending: Changes = {};
    // Set while a batch is waiting or being applied; changes meanwhile wait for the next batch.
    let timer: ReturnType<typeof setTimeout> | undefined;

    async function apply(reload: boolean) {
      const changes = pending;
      pending = {};
      let next = current;
      const jobChange = changes[bulkJobItem.key];
      if (jobChange) {
        const changed = withJobChange(current, jobChange.newValue);
        if (changed) next = changed;
        else reload = true;
      }
      // A full read also covers every row change collected so far: applying them again is harmless.
      if (reload) next = await readAll(onReset).catch(() => current);
      next = withRowChanges(next, changes);
      if (!alive) return;
      current = next;
      setView(next);
    }

    function schedule(reload = false) {
      if (timer !== undefined) return;
      timer = setTimeout(
        () => {
          void apply(reload).finally(() => {
            timer = undefined;
            if (alive && Object.keys(pending).length > 0) schedule();
          });
        },
        reload ? 0 : BATCH_MS,
      );
    }

    const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area !== 'local') return;
      let ours = false;
      for (const [key, change] of Object.entries(changes)) {
        if (!isBulkKey(key)) continue;
        pending[key] = change;
        ours = true;
      }
      if (ours) schedule();
    };
    chrome.storage.onChanged.addListener(onChanged);
    schedule(true);
    return () => {
      alive = false;
      clearTimeout(timer);
      chrome.storage.onChanged.removeListener(onChanged);
    };
  }, []);

  return view;
}
