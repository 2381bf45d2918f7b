// Options: the API key (write-only from here: the page never reads it back), region, and a
// connection test. The key goes straight to the background, which alone stores, checks and uses it.
// While no key is saved (a new install opens this page) it starts with a welcome: the two steps to a
// first link.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { REGIONS, REGION_IDS, type Region } from '../everflow/regions';
import { send } from '../shared/protocol/connector';
import { ApiKeySchema, type Status } from '../shared/protocol/messages';
import '../ui/theme.css';
import './options.css';
import { AdvancedSection } from './advanced-section';
import { CopyFormatsSection } from './copy-formats-section';
import { FirstLinkStep, ShortcutsSection, type Shortcuts } from './first-link';
import { NewOfferSection } from './new-offer-section';
import { PresetsSection } from './presets-section';
import { StorageSection } from './storage-section';
import { TeamSettingsSection } from './team-settings-section';
import type { Notice } from './section-notice';
import { ErrorBoundary } from '../ui/error-boundary';

const focusKeyField = () => document.getElementById('api-key')?.focus();

function KeyStatus({ status }: { status: Status | null }) {
  if (!status) return <p>Checking for a saved key…</p>;
  if (!status.hasKey) return <p>No API key is saved yet.</p>;
  const region = REGIONS[status.region].label;
  return (
    <p>
      A key{' '}
      {status.keyHint ? (
        <>
          ending in <code>{status.keyHint}</code>{' '}
        </>
      ) : null}
      is saved for the {region} region
      {status.keySessionOnly ? ', until the browser closes' : ''}.
    </p>
  );
}

function App() {
  const [status, setStatus] = useState<Status | null>(null);
  const [shortcuts, setShortcuts] = useState<Shortcuts | null>(null);
  const [key, setKey] = useState('');
  const [showKey, setShowKey] = useState(false);
  const [region, setRegion] = useState<Region>('us');
  const [sessionOnly, setSessionOnly] = useState(false);
  const [keyError, setKeyError] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  /** Everflow accepted the key just now (on Save or Test connection): the next step is shown. */
  const [connected, setConnected] = useState(false);
  /** The page opened with no key saved (a new install does that): the welcome stays for this visit. */
  const [welcome, setWelcome] = useState(false);
  const firstStatus = useRef(true);

  async function refresh() {
    const reply = await send('getStatus', {});
    if (reply.ok) {
      setStatus(reply);
      setRegion(reply.region);
      setSessionOnly(reply.keySessionOnly);
      if (firstStatus.current && !reply.hasKey) {
        setWelcome(true);
        // Ready for the paste.
        setTimeout(focusKeyField, 0);
      }
      firstStatus.current = false;
      if (reply.notices.length > 0) setNotice({ tone: 'error', text: reply.notices.join(' ') });
    } else {
      setNotice({ tone: 'error', text: reply.message });
    }
  }

  useEffect(() => {
    void refresh();
    void send('getShortcuts', {}).then((reply) => reply.ok && setShortcuts(reply));
  }, []);

  /** The typed key, checked as the background will; undefined (and the field flagged) when it is not one. */
  function typedKey(): string | undefined {
    const checked = ApiKeySchema.safeParse(key);
    if (checked.success) return checked.data;
    setKeyError(checked.error.issues[0]?.message ?? 'Enter the API key.');
    focusKeyField();
    return undefined;
  }

  /** A key the field shows Everflow refused: said under the field, where it can be fixed. */
  function refused(message: string) {
    setNotice(null);
    setKeyError(message);
    focusKeyField();
  }

  async function save(event: Event) {
    event.preventDefault();
    setNotice(null);
    const typing = key.trim() !== '' || !status?.hasKey;
    const typed = typing ? typedKey() : undefined;
    if (typing && typed === undefined) return;
    setKeyError('');
    setBusy(true);
    const checking = typed !== undefined || (status?.hasKey === true && status.region !== region);
    setNotice({ tone: 'ok', text: checking ? 'Checking the key with Everflow…' : 'Saving…' });
    const settings = { region, sessionOnly };
    const reply = await send('saveKey', typed === undefined ? settings : { ...settings, key: typed });
    setBusy(false);
    if (!reply.ok) {
      setConnected(false);
      if (typed !== undefined && reply.kind === 'unauthorized') refused(reply.message);
      else setNotice({ tone: 'error', text: reply.message });
      return;
    }
    // The field is emptied so the key is not left on screen; the status shows its last 4 characters.
    setKey('');
    setShowKey(false);
    await refresh();
    if (reply.connected !== undefined) setConnected(reply.connected);
    setNotice({ tone: reply.connected === false ? 'error' : 'ok', text: reply.message });
  }

  async function forget() {
    setNotice(null);
    setConnected(false);
    const reply = await send('forgetKey', {});
    await refresh();
    setNotice(reply.ok ? { tone: 'ok', text: 'The API key was removed from this browser.' } : { tone: 'error', text: reply.message });
  }

  /** Checks the key in the field, or else the saved one, in the region chosen, saving nothing. */
  async function testConnection() {
    setNotice(null);
    const typing = key.trim() !== '' || !status?.hasKey;
    const typed = typing ? typedKey() : undefined;
    if (typing && typed === undefined) return;
    setKeyError('');
    setNotice({ tone: 'ok', text: 'Checking the key with Everflow…' });
    setBusy(true);
    const reply = await send('testConnection', typed === undefined ? { region } : { key: typed, region });
    setBusy(false);
    // The next step is for a saved key; a typed one is to be saved first.
    setConnected(reply.ok && typed === undefined);
    if (!reply.ok && typed !== undefined && reply.kind === 'unauthorized') refused(reply.message);
    else setNotice(reply.ok ? { tone: 'ok', text: reply.message } : { tone: 'error', text: reply.message });
  }

  return (
    <main>
      <h1>Link Builder for Everflow</h1>
      {welcome ? (
        <section class="welcome" aria-labelledby="welcome-heading">
          <h2 id="welcome-heading">Welcome: your first link in two steps</h2>
          <ol>
            <li>
              <p>
                Paste a <strong>network</strong> API key below and press <strong>Save</strong>: it is checked with Everflow as it is saved.
              </p>
            </li>
            <li>
              <FirstLinkStep shortcuts={shortcuts} />
            </li>
          </ol>
        </section>
      ) : null}
      <section aria-labelledby="key-heading">
        <h2 id="key-heading">Everflow API key</h2>
        <p class="hint">
          Use a <strong>network</strong> API key from Everflow’s Control Center (Security → API Keys) with permission to generate tracking
          links. The key stays in this browser and is sent only to Everflow’s API.
        </p>
        <p class="hint">
          Save checks the key with Everflow first: a key Everflow refuses is not saved. Test connection checks the key in the field (or,
          when it is empty, the saved one) without saving anything.
        </p>
        <KeyStatus status={status} />
        <form onSubmit={save} noValidate>
          <div class="field">
            <label for="api-key">{status?.hasKey ? 'Replace API key' : 'API key'}</label>
            <div class="key-row">
              <input
                id="api-key"
                type={(showKey ? 'text' : 'password') as 'text'}
                value={key}
                autoComplete="off"
                spellcheck={false}
                aria-invalid={keyError ? 'true' : undefined}
                aria-describedby={keyError ? 'api-key-error' : undefined}
                onInput={(event) => {
                  setKey(event.currentTarget.value);
                  if (keyError) setKeyError('');
                }}
              />
              <button type="button" aria-pressed={showKey} onClick={() => setShowKey(!showKey)}>
                {showKey ? 'Hide key' : 'Show key'}
              </button>
            </div>
            {keyError ? (
              <span id="api-key-error" class="field-error" role="alert">
                {keyError}
              </span>
            ) : null}
          </div>
          <div class="field">
            <label for="region">Region</label>
            <select id="region" value={region} onChange={(event) => setRegion(event.currentTarget.value as Region)}>
              {REGION_IDS.map((id) => (
                <option key={id} value={id}>
                  {REGIONS[id].label} ({REGIONS[id].host})
                </option>
              ))}
            </select>
          </div>
          <div class="check">
            <input
              id="session-only"
              type="checkbox"
              checked={sessionOnly}
              onChange={(event) => setSessionOnly(event.currentTarget.checked)}
            />
            <label for="session-only">Remember the key only until the browser closes</label>
          </div>
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>
              Save
            </button>
            <button type="button" disabled={busy} onClick={testConnection}>
              Test connection
            </button>
            <button type="button" disabled={busy || !status?.hasKey} onClick={forget}>
              Forget key
            </button>
          </div>
        </form>
        <p class={`notice ${notice?.tone === 'error' ? 'failure' : 'ok'}`} role="status" aria-live="polite">
          {notice?.text ?? ''}
        </p>
        {connected ? (
          <section class="next-step" aria-labelledby="next-heading">
            <h3 id="next-heading">Next: make a link</h3>
            <FirstLinkStep shortcuts={shortcuts} />
          </section>
        ) : null}
      </section>
      <PresetsSection />
      <CopyFormatsSection />
      <NewOfferSection saved={status?.newOfferSubs} />
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <p class="hint">
          Every link you generate is kept in this browser (the last 1,000): search it, copy a link again, or export it as CSV.{' '}
          <a href="../history/history.html">Open the link history</a>
        </p>
      </section>
      <section aria-labelledby="bulk-heading">
        <h2 id="bulk-heading">Bulk links</h2>
        <p class="hint">
          Make many links at once, one offer or smart link for many affiliates, or one affiliate for many offers or smart links, and
          download them as CSV. <a href="../bulk/bulk.html">Open Bulk links</a>
        </p>
      </section>
      <ShortcutsSection shortcuts={shortcuts} />
      <TeamSettingsSection onSettingsChanged={refresh} />
      <StorageSection />
      <AdvancedSection
        requestsPerSecond={status?.requestsPerSecond}
        domains={status?.dashboardDomains ?? []}
        onDomainsChanged={refresh}
        onNotice={(text, tone) => setNotice({ text, tone })}
      />
      <footer class="hint">
        Link Builder for Everflow is not made by, endorsed by or affiliated with Everflow.{' '}
        {/* privacy.html is PRIVACY.md, rendered by the build (vite.config.ts, PRIVACY_PAGE). */}
        <a href="/privacy.html" target="_blank" rel="noopener">
          Privacy policy
        </a>
      </footer>
    </main>
  );
}

render(
  <ErrorBoundary what="The options page">
    <App />
  </ErrorBoundary>,
  document.getElementById('app')!,
);
