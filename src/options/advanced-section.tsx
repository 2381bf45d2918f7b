// Settings most people never touch, under their own heading, apart from the key: the pace of calls
// to Everflow and the team's own dashboard domains. Each applies at once (no Save button of its own).
import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../shared/protocol/connector';
import { DEFAULT_REQUESTS_PER_SECOND, MAX_REQUESTS_PER_SECOND } from '../shared/settings/settings';
import { DashboardDomains } from './dashboard-domains';

const PACE_ERROR = `Requests per second must be a whole number from 1 to ${MAX_REQUESTS_PER_SECOND}.`;

/** The typed pace as a number, or undefined when it is not a whole number from 1 to the maximum. */
function readPace(text: string): number | undefined {
  const value = /^\d{1,2}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  return value >= 1 && value <= MAX_REQUESTS_PER_SECOND ? value : undefined;
}

/** Requests per second: saved when the field is left or Enter is pressed, and said so beside it. */
function PaceSetting({ saved }: { saved: number | undefined }) {
  const [typed, setTyped] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [note, setNote] = useState('');
  const lastSaved = useRef<number | undefined>(undefined);
  useEffect(() => {
    lastSaved.current = saved;
  }, [saved]);
  const value = typed ?? (saved === undefined ? '' : String(saved));

  async function commit(event: Event) {
    event.preventDefault();
    const pace = readPace(value);
    if (pace === undefined) {
      setError(PACE_ERROR);
      setNote('');
      return;
    }
    setError('');
    // Enter fires both change and submit: one save is enough.
    if (pace === lastSaved.current) return;
    lastSaved.current = pace;
    const reply = await send('updateSettings', { requestsPerSecond: pace });
    if (!reply.ok) lastSaved.current = undefined;
    setNote(reply.ok ? `Saved: at most ${pace} request${pace === 1 ? '' : 's'} a second.` : reply.message);
  }

  return (
    <form onSubmit={commit} noValidate>
      <div class="field">
        <label for="requests-per-second">Requests per second</label>
        <input
          id="requests-per-second"
          class="pace"
          type="number"
          min={1}
          max={MAX_REQUESTS_PER_SECOND}
          step={1}
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'requests-per-second-error' : 'requests-per-second-hint'}
          onInput={(event) => {
            setTyped(event.currentTarget.value);
            setNote('');
            if (error) setError('');
          }}
          onChange={commit}
        />
        {error ? (
          <span id="requests-per-second-error" class="field-error" role="alert">
            {error}
          </span>
        ) : null}
        <span class="field-note ok" aria-live="polite">
          {note}
        </span>
        <span id="requests-per-second-hint" class="field-note">
          Everflow allows {MAX_REQUESTS_PER_SECOND} a second for your whole account; every user and tool of your network shares it. This
          extension (popup, menu, look-ups and bulk links together) stays under this number: 1 to {MAX_REQUESTS_PER_SECOND}, default{' '}
          {DEFAULT_REQUESTS_PER_SECOND}. Saved as soon as you leave the field or press Enter.
        </span>
      </div>
    </form>
  );
}

interface AdvancedProps {
  requestsPerSecond: number | undefined;
  domains: readonly string[];
  onDomainsChanged: () => Promise<void>;
  /** The page's status line, where the domains say what they did. */
  onNotice: (text: string, tone: 'ok' | 'error') => void;
}

export function AdvancedSection({ requestsPerSecond, domains, onDomainsChanged, onNotice }: AdvancedProps) {
  return (
    <section aria-labelledby="advanced-heading">
      <h2 id="advanced-heading">Advanced</h2>
      <p class="hint">Rarely needed: the defaults suit most networks.</p>
      <PaceSetting saved={requestsPerSecond} />
      <DashboardDomains domains={domains} onChanged={onDomainsChanged} onNotice={onNotice} />
    </section>
  );
}
