// The current (or last) job: how far it is, its controls, exporting its links, and its rows (all, or
// the failed ones with what to do about them). Every control is a message to the background; what
// changes on screen is read back from storage.
import { useEffect, useRef, useState } from 'preact/hooks';
import { linkTypeOf, type BulkJob, type BulkResult } from '../shared/bulk/bulk-job';
import { allLinks, allMessages, bulkCsv, failedIds, rowMessages } from './bulk-export';
import { paceAt, progressOf, steadyPace, type ShownPace } from './bulk-progress';
import { send } from '../shared/protocol/connector';
import type { Payload } from '../shared/protocol/messages';
import { fixedOf, idWithName } from './bulk-check';
import { bulkCsvFileName, statusLine } from './job-status';
import { modeWords, plural } from './list-words';
import { ResultsTable } from './results-table';
import { downloadCsv } from '../ui/download';
import { findFormat } from '../shared/copy-formats/copy-formats';
import { formatChoices } from '../shared/copy-formats/templates';
import { useStored } from '../ui/use-stored';
import { copyFormatsInUse } from '../shared/policy/in-use';

type Action = Payload<'bulkControl'>['action'];

export const JOB_HEADING = 'job-heading';

/** Focuses the element once it exists: controls appear only after the background's change is read back. */
export function focusWhenReady(id: string, tries = 40) {
  const element = document.getElementById(id);
  if (element && !(element as HTMLButtonElement).disabled) element.focus();
  else if (tries > 0) setTimeout(() => focusWhenReady(id, tries - 1), 50);
}

/**
 * The job's counts, and while it runs its pace and time left: drawn again once a second too, so the
 * time left counts down between rows, and steadied (bulk-progress.ts) so that it does not jump.
 */
function StatusLine({ job, results }: { job: BulkJob; results: readonly (BulkResult | undefined)[] }) {
  const running = job.state === 'running';
  const [, redraw] = useState(0);
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => redraw((count) => count + 1), 1000);
    return () => clearInterval(timer);
  }, [running]);
  const shown = useRef<ShownPace | undefined>(undefined);
  const now = Date.now();
  const { pace: measured, ...counts } = progressOf(job, results, now);
  shown.current = steadyPace(shown.current, measured, now);
  const progress = shown.current ? { ...counts, pace: paceAt(shown.current, now) } : counts;
  return (
    // Not a live region while running: counts change many times a second. Changes of state are announced instead.
    <p class="bulk-status" role="status" aria-live={running ? 'off' : 'polite'}>
      {statusLine(job.state, progress, job.note)}
    </p>
  );
}

interface JobPanelProps {
  job: BulkJob;
  results: readonly (BulkResult | undefined)[];
  onAnnounce: (text: string) => void;
  /** After "New bulk job": where focus goes once the panel is gone. */
  onCleared: () => void;
  /** The account the job makes its links with, said when there are several. */
  accountName?: string | undefined;
}

export function JobPanel({ job, results, onAnnounce, onCleared, accountName }: JobPanelProps) {
  const [failure, setFailure] = useState('');
  const [wantFailedOnly, setWantFailedOnly] = useState(false);
  const inFlight = useRef(false);
  const formats = useStored(copyFormatsInUse);
  /** The copy format for "Copy all links" and the CSV; the bare link unless the person chooses another. */
  const [formatId, setFormatId] = useState('link');
  const format = formats ? findFormat(formats, formatId) : undefined;
  /** Each row's message in the chosen format, or undefined for the bare links. */
  const messages = () => (formats && format && format.id !== 'link' ? rowMessages(job, results, formats, format.id) : undefined);
  const progress = progressOf(job, results, Date.now());
  const { state } = job;
  const active = state === 'running' || state === 'paused';
  const linkType = linkTypeOf(job);
  const words = modeWords(job.mode, linkType);
  const first = job.rows[0] && fixedOf(job.mode, job.rows[0]);
  const fixed = first && idWithName(first.id, first.name);
  // Once no row has failed (e.g. they were sent again), every row shows again.
  const failedOnly = wantFailedOnly && progress.failed > 0;

  async function control(action: Action, focusAfter?: string) {
    if (inFlight.current) return;
    inFlight.current = true;
    setFailure('');
    const reply = await send('bulkControl', { action });
    inFlight.current = false;
    if (!reply.ok) {
      setFailure(reply.message);
      return;
    }
    if (action === 'clear') onCleared();
    else if (focusAfter) focusWhenReady(focusAfter);
  }

  /** Through the background, the one clipboard writer: it keeps the API key out of what is copied. */
  async function copy(text: string, done: string, what: string) {
    const reply = await send('copy', { text });
    if (reply.ok) {
      setFailure('');
      onAnnounce(done);
    } else {
      setFailure(`The ${what} could not be copied; use Download CSV instead.`);
    }
  }

  function copyAll() {
    const made = messages();
    if (!made) return void copy(allLinks(results), `Copied ${plural(progress.done, 'link')}.`, 'links');
    void copy(allMessages(made), `Copied ${plural(progress.done, 'link')} as “${format?.name}”.`, 'messages');
  }

  async function exportCsv() {
    const saved = await downloadCsv(bulkCsv(job, results, messages()), bulkCsvFileName(new Date()));
    if (!saved.ok) return setFailure(saved.message);
    setFailure('');
    onAnnounce(`Downloaded a CSV of ${plural(job.rows.length, 'row')}.${saved.note}`);
  }

  return (
    <section class="bulk-job" aria-labelledby={JOB_HEADING}>
      <h2 id={JOB_HEADING} tabIndex={-1}>
        {active ? 'Current job' : 'Last job'}
      </h2>
      <p class="hint">
        {linkType === 'partner' ? 'Your own links to' : `${words.fixedTitle} ${fixed} with`}{' '}
        {plural(job.rows.length, words.one, words.many)}
        {accountName ? `, made with ${accountName}` : ''}, started{' '}
        <time dateTime={new Date(job.createdAt).toISOString()}>{new Date(job.createdAt).toLocaleString()}</time>.
      </p>
      <div class="bulk-progress">
        <label for="bulk-progress">Links made</label>
        <progress id="bulk-progress" max={progress.total} value={progress.total - progress.remaining} />
      </div>
      <StatusLine job={job} results={results} />
      <div class="field bulk-format">
        <label for="bulk-format">Format for Copy all links and the CSV</label>
        <select id="bulk-format" value={format?.id ?? 'link'} onChange={(event) => setFormatId(event.currentTarget.value)}>
          {formatChoices(formats ?? { templates: [], defaultFormat: 'link' }).map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.name}
            </option>
          ))}
        </select>
      </div>
      <div class="actions">
        {active ? (
          <button type="button" id="bulk-pause" class="primary" onClick={() => void control(state === 'running' ? 'pause' : 'resume')}>
            {state === 'running' ? 'Pause' : 'Resume'}
          </button>
        ) : null}
        {active ? (
          <button type="button" onClick={() => void control('cancel', 'bulk-csv')}>
            Cancel
          </button>
        ) : null}
        {progress.done > 0 ? (
          <button type="button" onClick={copyAll}>
            Copy all links
          </button>
        ) : null}
        <button type="button" id="bulk-csv" onClick={exportCsv}>
          Download CSV
        </button>
        {state !== 'running' ? (
          <button type="button" onClick={() => void control('clear')}>
            New bulk job
          </button>
        ) : null}
      </div>
      {failure ? (
        <p class="failure" role="alert">
          {failure}
        </p>
      ) : null}
      {progress.failed > 0 ? (
        <div class="bulk-failed-tools" role="group" aria-label="Failed rows">
          <div class="check">
            <input
              id="bulk-failed-only"
              type="checkbox"
              checked={failedOnly}
              onChange={(event) => setWantFailedOnly(event.currentTarget.checked)}
            />
            <label for="bulk-failed-only">Show failed rows only</label>
          </div>
          <button
            type="button"
            onClick={() => void copy(failedIds(job, results), `Copied ${plural(progress.failed, `failed ${words.one} ID`)}.`, 'IDs')}
          >
            Copy failed IDs
          </button>
          {state !== 'running' ? (
            <button type="button" onClick={() => void control('retryFailed', 'bulk-pause')}>
              Retry failed
            </button>
          ) : null}
        </div>
      ) : null}
      <ResultsTable linkType={linkType} rows={job.rows} results={results} cancelled={state === 'cancelled'} failedOnly={failedOnly} />
    </section>
  );
}
