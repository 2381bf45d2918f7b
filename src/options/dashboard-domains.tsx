// White-label dashboard domains: each one added asks Chrome for access to that host (so the popup
// and menu can read its offer pages) and each one removed gives that access back.
import { useState } from 'preact/hooks';
import { EVERFLOW_DASHBOARD_SUFFIX, normaliseDomain } from '../shared/dashboard/dashboard-url';
import { send } from '../shared/protocol/connector';

const origin = (domain: string) => `https://${domain}/*`;

interface Props {
  domains: readonly string[];
  onChanged: () => Promise<void>;
  /** The page's one status line. */
  onNotice: (text: string, tone: 'ok' | 'error') => void;
}

export function DashboardDomains({ domains, onChanged, onNotice }: Props) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState('');

  async function add(event: Event) {
    event.preventDefault();
    const domain = normaliseDomain(typed);
    if (!domain) {
      setError('Enter a domain name such as links.example.com.');
      return;
    }
    if (domain.endsWith(`.${EVERFLOW_DASHBOARD_SUFFIX}`) || domains.includes(domain)) {
      setError(`${domain} is already covered.`);
      return;
    }
    setError('');
    // Must be the first await: Chrome asks only inside the click that requested it.
    const granted = await chrome.permissions.request({ origins: [origin(domain)] }).catch(() => false);
    if (!granted) {
      setError(`Chrome did not allow access to ${domain}, so it was not added.`);
      return;
    }
    const reply = await send('updateSettings', { dashboardDomain: { action: 'add', domain } });
    if (!reply.ok) {
      // Not kept: the access just granted goes back too.
      await chrome.permissions.remove({ origins: [origin(domain)] }).catch(() => false);
      setError(reply.message);
      return;
    }
    setTyped('');
    await onChanged();
    onNotice(`${domain} added.`, 'ok');
  }

  async function remove(domain: string) {
    const reply = await send('updateSettings', { dashboardDomain: { action: 'remove', domain } });
    if (!reply.ok) {
      onNotice(reply.message, 'error');
      return;
    }
    await chrome.permissions.remove({ origins: [origin(domain)] }).catch(() => false);
    await onChanged();
    onNotice(`${domain} removed, and the extension’s access to it was given back.`, 'ok');
  }

  return (
    <section aria-labelledby="domains-heading">
      <h3 id="domains-heading">Dashboard domains</h3>
      <p class="hint">
        The popup and the right-click menu read offer and partner IDs from Everflow dashboard pages on{' '}
        <code>*.{EVERFLOW_DASHBOARD_SUFFIX}</code>. If your team uses its own dashboard domain, add it here; Chrome will ask you to allow
        access to that domain only.
      </p>
      {domains.length > 0 ? (
        <ul class="domains">
          {domains.map((domain) => (
            <li key={domain}>
              <code>{domain}</code>{' '}
              <button type="button" aria-label={`Remove ${domain}`} onClick={() => void remove(domain)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={add} noValidate>
        <div class="field">
          <label for="new-domain">Add a dashboard domain</label>
          <div class="key-row">
            <input
              id="new-domain"
              type="text"
              value={typed}
              placeholder="links.example.com"
              autoComplete="off"
              spellcheck={false}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? 'new-domain-error' : undefined}
              onInput={(event) => {
                setTyped(event.currentTarget.value);
                if (error) setError('');
              }}
            />
            <button type="submit">Add domain</button>
          </div>
          {error ? (
            <span id="new-domain-error" class="field-error" role="alert">
              {error}
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
