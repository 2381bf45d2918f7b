// What the extension keeps in this browser, how much room it takes of the browser's 10 MB for an
// extension, and a way to free it: the link history, the last bulk job's results, the cached names.
// Every change is the background's (by message); this page only reads and follows.
import { useEffect, useState } from 'preact/hooks';
import { bulkJobItem, rowKeys } from '../shared/bulk/bulk-job';
import { send } from '../shared/protocol/connector';
import { historyItem } from '../shared/history/history';
import { lookupCacheItem } from '../shared/lookups/lookup-cache';
import { SectionNotice, type Notice } from './section-notice';

/** Sizes are undefined where the browser does not say (Firefox sets no quota and may not count bytes). */
interface Usage {
  total: number | undefined;
  quota: number | undefined;
  history: { bytes: number | undefined; links: number };
  bulk: { bytes: number | undefined; rows: number; live: boolean };
  cache: number | undefined;
}

const bytesOf = (keys: string | string[] | null) =>
  Promise.resolve()
    .then(() => chrome.storage.local.getBytesInUse(keys))
    .catch(() => undefined);

async function measure(): Promise<Usage> {
  const local = chrome.storage.local;
  const [total, history, job, historyBytes, cache] = await Promise.all([
    bytesOf(null),
    historyItem.value(),
    bulkJobItem.value(),
    bytesOf(historyItem.key),
    bytesOf(lookupCacheItem.key),
  ]);
  const bulkBytes = job ? await bytesOf([bulkJobItem.key, ...rowKeys(job.rows.length)]) : 0;
  return {
    total,
    quota: typeof local.QUOTA_BYTES === 'number' ? local.QUOTA_BYTES : undefined,
    history: { bytes: historyBytes, links: history.length },
    bulk: { bytes: bulkBytes, rows: job?.rows.length ?? 0, live: job?.state === 'running' || job?.state === 'paused' },
    cache,
  };
}

const size = (bytes: number) =>
  bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} kB`;
/** ", 12 kB", or nothing where the size is not known. */
const sizeAfter = (bytes: number | undefined) => (bytes === undefined ? '' : `, ${size(bytes)}`);

export function StorageSection() {
  const [usage, setUsage] = useState<Usage | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  useEffect(() => {
    const refresh = () => void measure().then(setUsage, () => undefined);
    refresh();
    const stops = [historyItem.watch(refresh), bulkJobItem.watch(refresh), lookupCacheItem.watch(refresh)];
    return () => stops.forEach((stop) => stop());
  }, []);

  async function free(what: 'history' | 'bulk' | 'cache') {
    setConfirming(false);
    const reply =
      what === 'history'
        ? await send('clearHistory', {})
        : what === 'bulk'
          ? await send('bulkControl', { action: 'clear' })
          : await send('clearLookupCache', {});
    const done = {
      history: 'The link history was cleared.',
      bulk: 'The last bulk job and its results were cleared.',
      cache: 'The cached names were cleared.',
    };
    setNotice(reply.ok ? { text: done[what], tone: 'ok' } : { text: reply.message, tone: 'error' });
    setUsage(await measure().catch(() => usage));
  }

  return (
    <section id="storage" aria-labelledby="storage-heading">
      <h2 id="storage-heading" tabIndex={-1}>
        Storage
      </h2>
      <p class="lead">What the extension keeps in this browser, and a way to free the room it takes.</p>
      {usage ? (
        <>
          {usage.total !== undefined ? (
            <p id="storage-used">
              The extension uses {size(usage.total)}
              {usage.quota !== undefined ? ` of the ${size(usage.quota)} the browser allows it` : ''}.
            </p>
          ) : null}
          <ul class="storage">
            <li>
              Link history: {usage.history.links} link{usage.history.links === 1 ? '' : 's'}
              {sizeAfter(usage.history.bytes)}{' '}
              {confirming ? (
                <span role="group" aria-label="Confirm clearing the history">
                  This cannot be undone.{' '}
                  <button type="button" class="danger" onClick={() => void free('history')}>
                    Yes, clear the history
                  </button>{' '}
                  <button type="button" onClick={() => setConfirming(false)}>
                    Keep it
                  </button>
                </span>
              ) : (
                <button type="button" disabled={usage.history.links === 0} onClick={() => setConfirming(true)}>
                  Clear history…
                </button>
              )}
            </li>
            <li>
              Last bulk job: {usage.bulk.rows} row{usage.bulk.rows === 1 ? '' : 's'}
              {sizeAfter(usage.bulk.bytes)}{' '}
              <button
                type="button"
                disabled={usage.bulk.rows === 0 || usage.bulk.live}
                aria-describedby={usage.bulk.live ? 'storage-bulk-live' : undefined}
                onClick={() => void free('bulk')}
              >
                Clear bulk results
              </button>
              {usage.bulk.live ? (
                <span id="storage-bulk-live" class="hint">
                  {' '}
                  (running or paused: cancel it on the Bulk links page first)
                </span>
              ) : null}
            </li>
            <li>
              Cached offer and affiliate names{usage.cache === undefined ? '' : `: ${size(usage.cache)}`}{' '}
              <button type="button" disabled={usage.cache === 0} onClick={() => void free('cache')}>
                Clear cached names
              </button>
            </li>
          </ul>
        </>
      ) : null}
      {/* A live line of its own (not a second role="status" on the page), like the presets'. */}
      <SectionNotice id="storage-notice" notice={notice} />
    </section>
  );
}
