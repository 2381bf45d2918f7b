// The Bulk links page: many tracking links at once, one offer or smart link for many affiliates or one
// affiliate for many offers or smart links. The form is a draft in storage (never lost with the tab); the job itself is the
// background's, read from storage, so a reopened page shows it still going.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BulkJob } from '../shared/bulk/bulk-job';
import { progressOf } from './bulk-progress';
import { applyPreset, defaultPreset } from '../shared/presets/presets';
import '../ui/theme.css';
import './bulk.css';
import { EMPTY_DRAFT, bulkDraftItem, type BulkDraft } from '../shared/bulk/bulk-draft';
import { BulkForm } from './bulk-form';
import { JobPanel } from './job-panel';
import { changeAnnouncement, startBlockedReason } from './job-status';
import { fieldId } from '../ui/field-ids';
import { useStored } from '../ui/use-stored';
import { modeWords } from './list-words';
import { useBulkJob } from './use-bulk-job';
import { ErrorBoundary } from '../ui/error-boundary';
import { accountById, accountName, accountsItem, defaultAccount, type Account } from '../shared/accounts/accounts';
import { presetsOf } from '../shared/presets/presets';
import { presetsInUse } from '../shared/policy/in-use';

export const JOB_UNREADABLE = 'The last bulk job could not be read, so it is not shown; a new job works as usual.';
export const DRAFT_RESET_NOTICE = 'Your saved bulk form could not be read, so it starts empty.';

function saveDraft(draft: BulkDraft) {
  bulkDraftItem.replace(draft).catch(() => {
    // Storage full or unavailable: the form still works, only the draft is not kept.
  });
}

/** The draft as `account` makes links: a partner's are its own offers (one partner, many offers), a network's never partner links. */
function forAccount(draft: BulkDraft, account: Account | undefined): BulkDraft {
  const partner = account?.kind === 'partner';
  const { linkType } = draft.form;
  if (partner ? linkType === 'partner' && draft.mode === 'targets' : linkType !== 'partner') return draft;
  return { ...draft, mode: partner ? 'targets' : draft.mode, form: { ...draft.form, linkType: partner ? 'partner' : 'offer' } };
}

function openOptions(event: Event) {
  event.preventDefault();
  void chrome.runtime.openOptionsPage();
}

/** The account a job was made with, by name. */
const jobAccount = (accounts: readonly Account[], job: BulkJob) => {
  const account = accounts.find((known) => known.id === job.accountId);
  return account ? accountName(account) : 'an account no longer saved';
};

function App() {
  const [draft, setDraft] = useState<BulkDraft | null>(null);
  const [notice, setNotice] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const accounts = useStored(accountsItem);
  const account = accounts ? (accountById(accounts, draft?.accountId) ?? defaultAccount(accounts)) : undefined;
  // Followed as the options page or the popup change them; another account's partners are not this one's.
  const storedPresets = useStored(presetsInUse);
  const presets = storedPresets ? presetsOf(storedPresets, account?.id).presets : [];
  const view = useBulkJob(() => setNotice(JOB_UNREADABLE));
  const job = view?.job ?? null;
  const seen = useRef<Pick<BulkJob, 'id' | 'state'> | null | undefined>(undefined);

  useEffect(() => {
    void (async () => {
      const stored = await bulkDraftItem.read().catch(() => ({ value: structuredClone(EMPTY_DRAFT), status: 'reset' as const }));
      let restored = stored.value;
      if (stored.status === 'missing') {
        // A first visit takes the default preset, as the popup's new drafts do.
        const preset = defaultPreset(await presetsInUse.value());
        if (preset) restored = { ...restored, form: applyPreset(restored.form, preset.values) };
      }
      if (stored.status === 'reset') setNotice(DRAFT_RESET_NOTICE);
      setDraft(restored);
    })();
  }, []);

  // Changes of the job's state are announced once each (the status line itself is not live while running).
  useEffect(() => {
    if (!view) return;
    const before = seen.current;
    seen.current = view.job ? { id: view.job.id, state: view.job.state } : null;
    // The first read is what the page opens on: nothing changed.
    if (before === undefined) return;
    const text = changeAnnouncement(
      before,
      view.job,
      view.job ? progressOf(view.job, view.results, Date.now()) : { total: 0, done: 0, failed: 0, remaining: 0 },
    );
    if (text) setAnnouncement(text);
  }, [view?.job?.id, view?.job?.state]);

  function onDraft(next: BulkDraft) {
    setDraft(next);
    saveDraft(next);
  }

  function onAccount(accountId: string) {
    if (!draft || !accounts) return;
    const chosen = accountById(accounts, accountId);
    // The lists hold the other network's IDs: they stay in the draft, but the fixed ID and names are that network's too.
    onDraft(forAccount({ ...draft, accountId }, chosen));
    if (chosen) setAnnouncement(`Links will be made with ${accountName(chosen)}.`);
  }

  return (
    <main class="bulk-page">
      <header class="bulk-header">
        <h1>Bulk links</h1>
        <nav class="actions" aria-label="Other pages">
          <a href="../history/history.html">History</a>
          <a href="#" onClick={openOptions}>
            Options
          </a>
        </nav>
      </header>
      <p class="hint">
        Make up to 2000 tracking links at once: one offer or smart link for many affiliates, or one affiliate for many offers or smart
        links. The extension makes them in the background at the pace set in Options; this page shows how far it got, even when reopened.
      </p>
      {notice ? (
        <p class="banner" role="alert">
          {notice}
        </p>
      ) : null}
      {view?.job ? (
        <JobPanel
          job={view.job}
          accountName={accounts && accounts.accounts.length > 1 ? jobAccount(accounts.accounts, view.job) : undefined}
          results={view.results}
          onAnnounce={setAnnouncement}
          onCleared={() => {
            const words = modeWords(draft?.mode ?? 'affiliates', draft?.form.linkType ?? 'offer');
            setTimeout(() => document.getElementById(fieldId(words.fixedField))?.focus(), 0);
          }}
        />
      ) : null}
      <h2 class="bulk-form-heading">Links to make</h2>
      {accounts && accounts.accounts.length > 1 && account ? (
        <div class="field bulk-account">
          <label for="bulk-account">Account</label>
          <select id="bulk-account" value={account.id} onChange={(event) => onAccount(event.currentTarget.value)}>
            {accounts.accounts.map((known) => (
              <option key={known.id} value={known.id}>
                {accountName(known)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {draft && accounts ? (
        <BulkForm
          key={account?.id}
          account={account}
          draft={forAccount(draft, account)}
          onDraft={onDraft}
          presets={presets}
          blockedReason={startBlockedReason(job?.state)}
          onAnnounce={setAnnouncement}
        />
      ) : (
        <p class="hint">Loading…</p>
      )}
      <p class="announcement" aria-live="polite">
        {announcement}
      </p>
    </main>
  );
}

render(
  <ErrorBoundary what="The Bulk links page">
    <App />
  </ErrorBoundary>,
  document.getElementById('app')!,
);
