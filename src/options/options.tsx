// Options: the API key (write-only from here: the page never reads it back), region, and a
// connection test. The key goes straight to the background, which alone stores and uses it.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { REGIONS, REGION_IDS, type Region } from '../everflow/regions';
import { send } from '../shared/connector';
import { ApiKeySchema, type Status } from '../shared/messages';
import '../shared/theme.css';
import './options.css';
import { DashboardDomains } from './dashboard-domains';
import { PresetsSection } from './presets-section';

type Notice = { tone: 'ok' | 'error'; text: string } | null;

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
  const [keyError, setKeyError] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  async function refresh() {
    const reply = await send('getStatus', {});
    if (reply.ok) {
      setStatus(reply);
      setRegion(reply.region);
      setSessionOnly(reply.keySessionOnly);
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
    setBusy(true);
    const reply = await send('saveSettings', typed === undefined ? { region, sessionOnly } : { region, sessionOnly, key: typed });
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
