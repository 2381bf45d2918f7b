// Options: the API key (write-only from here: the page never reads it back), region, and a
// connection test. The key goes straight to the background, which alone stores and uses it.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { REGIONS, REGION_IDS, type Region } from '../everflow/regions';
import { send } from '../shared/connector';
import { ApiKeySchema, type Status } from '../shared/messages';
import { DEFAULT_REQUESTS_PER_SECOND, MAX_REQUESTS_PER_SECOND } from '../shared/stored-items';
import '../shared/theme.css';
import './options.css';
import { DashboardDomains } from './dashboard-domains';
import { PresetsSection } from './presets-section';
import { StorageSection } from './storage-section';

type Notice = { tone: 'ok' | 'error'; text: string } | null;

const PACE_ERROR = `Requests per second must be a whole number from 1 to ${MAX_REQUESTS_PER_SECOND}.`;

/** The typed pace as a number, or undefined when it is not a whole number from 1 to the maximum. */
function readPace(text: string): number | undefined {
  const value = /^\d{1,2}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  return value >= 1 && value <= MAX_REQUESTS_PER_SECOND ? value : undefined;
}

function KeyStatus({ status }: { status: Status | null }) {
  if (!status) return <p>Checking for a saved key…</p>;
  if (!status.hasKey) return <p>No API key is saved yet.</p>;
  const region = REGIONS[status.region].label;
  return (
    <p>
      A key {status.keyHint ? <>ending in <code>{status.keyHint}</code> </> : null}is saved for the {region} region
      {status.keySessionOnly ? ', until the browser closes' : ''}.
    </p>
  );
}

function App() {
  const [status, setStatus] = useState<Status | null>(null);
  const [key, setKey] = useState('');
  const [showKey, setShowKey] = useState(false);
  const [region, setRegion] = useState<Region>('us');
  const [sessionOnly, setSessionOnly] = useState(false);
  const [pace, setPace] = useState(String(DEFAULT_REQUESTS_PER_SECOND));
  const [paceError, setPaceError] = useState('');
  const [keyError, setKeyError] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  async function refresh() {
    const reply = await send('getStatus', {});
    if (reply.ok) {
      setStatus(reply);
      setRegion(reply.region);
      setSessionOnly(reply.keySessionOnly);
      setPace(String(reply.requestsPerSecond));
      if (reply.notices.length > 0) setNotice({ tone: 'error', text: reply.notices.join(' ') });
    } else {
      setNotice({ tone: 'error', text: reply.message });
    }
  }

  useEffect(() => {
    void refresh();
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    setNotice(null);
    const typed = key.trim() === '' ? undefined : key;
    if (typed === undefined && !status?.hasKey) {
      setKeyError('Enter the API key.');
      document.getElementById('api-key')?.focus();
      return;
    }
    if (typed !== undefined) {
      const checked = ApiKeySchema.safeParse(typed);
      if (!checked.success) {
        setKeyError(checked.error.issues[0]?.message ?? 'Enter the API key.');
        document.getElementById('api-key')?.focus();
        return;
      }
    }
    setKeyError('');
    const requestsPerSecond = readPace(pace);
    if (requestsPerSecond === undefined) {
      setPaceError(PACE_ERROR);
      document.getElementById('requests-per-second')?.focus();
      return;
    }
    setPaceError('');
    setBusy(true);
    const settings = { region, sessionOnly, requestsPerSecond };
    const reply = await send('saveSettings', typed === undefined ? settings : { ...settings, key: typed });
    setBusy(false);
    if (!reply.ok) {
      setNotice({ tone: 'error', text: reply.message });
      return;
    }
    // The field is emptied so the key is not left on screen; the status shows its last 4 characters.
    setKey('');
    setShowKey(false);
    await refresh();
    setNotice({ tone: 'ok', text: typed === undefined ? 'Settings saved.' : 'API key saved.' });
  }

  async function forget() {
    setNotice(null);
    const reply = await send('forgetKey', {});
    await refresh();
    setNotice(reply.ok ? { tone: 'ok', text: 'The API key was removed from this browser.' } : { tone: 'error', text: reply.message });
  }

  async function testConnection() {
    setNotice({ tone: 'ok', text: 'Testing the connection…' });
    setBusy(true);
    const reply = await send('testConnection', {});
    setBusy(false);
    setNotice(reply.ok ? { tone: 'ok', text: reply.message } : { tone: 'error', text: reply.message });
  }

  return (
    <main>
      <h1>Everflow Link Builder</h1>
      <section aria-labelledby="key-heading">
        <h2 id="key-heading">Everflow API key</h2>
        <p class="hint">
          Use a <strong>network</strong> API key from Everflow’s Control Center (Security → API Keys) with permission
          to generate tracking links. The key stays in this browser and is sent only to Everflow’s API.
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
          <div class="field">
            <label for="requests-per-second">Requests per second</label>
            <input
              id="requests-per-second"
              class="pace"
              type="number"
              min={1}
              max={MAX_REQUESTS_PER_SECOND}
              step={1}
              value={pace}
              aria-invalid={paceError ? 'true' : undefined}
              aria-describedby={paceError ? 'requests-per-second-error requests-per-second-hint' : 'requests-per-second-hint'}
              onInput={(event) => {
                setPace(event.currentTarget.value);
                if (paceError) setPaceError('');
              }}
            />
            <span id="requests-per-second-hint" class="field-note">
              Everflow allows {MAX_REQUESTS_PER_SECOND} a second for your whole account; every user and tool of your network
              shares it. This extension (popup, menu, look-ups and bulk links together) stays under this number: 1 to{' '}
              {MAX_REQUESTS_PER_SECOND}, default {DEFAULT_REQUESTS_PER_SECOND}.
            </span>
            {paceError ? (
              <span id="requests-per-second-error" class="field-error" role="alert">
                {paceError}
              </span>
            ) : null}
          </div>
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>
              Save
            </button>
            <button type="button" disabled={busy || !status?.hasKey} onClick={testConnection}>
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
      </section>
      <DashboardDomains
        domains={status?.dashboardDomains ?? []}
        onChanged={refresh}
        onNotice={(text, tone) => setNotice({ text, tone })}
      />
      <PresetsSection />
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <p class="hint">
          Every link you generate is kept in this browser (the last 1,000): search it, copy a link again, or export it
          as CSV. <a href="../history/history.html">Open the link history</a>
        </p>
      </section>
      <section aria-labelledby="bulk-heading">
        <h2 id="bulk-heading">Bulk links</h2>
        <p class="hint">
          Make many links at once, one offer for many affiliates or one affiliate for many offers, and download them as
          CSV. <a href="../bulk/bulk.html">Open Bulk links</a>
        </p>
      </section>
      <StorageSection />
      <section aria-labelledby="shortcuts-heading">
        <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
        <p class="hint">
          Alt+Shift+E opens the link builder; Alt+Shift+L copies the tracking link for the offer in front, for the last
          affiliate used. Change them at <code>chrome://extensions/shortcuts</code>.
        </p>
      </section>
    </main>
  );
}

render(<App />, document.getElementById('app')!);
