// One account's white-label dashboard domains: each one added asks the browser for access to that host
// (so the popup and menu can read its offer pages, and know they are this account's) and each one
// removed gives that access back. The background refuses a domain another account has.
import { useState } from 'preact/hooks';
import type { Account } from '../shared/accounts/accounts';
import { EVERFLOW_DASHBOARD_SUFFIX, normaliseDomain } from '../shared/dashboard/dashboard-url';
import { send } from '../shared/protocol/connector';

const origin = (domain: string) => `https://${domain}/*`;

interface Props {
  account: Pick<Account, 'id' | 'identifier' | 'dashboardDomains'>;
  /** The start of this account's element IDs. */
  base: string;
  /** The account's notice line. */
  onNotice: (text: string, tone: 'ok' | 'error', saved?: boolean) => void;
}

export function DashboardDomains({ account, base, onNotice }: Props) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState('');
  const domains = account.dashboardDomains;
  const fieldId = `${base}-new-domain`;
  const headingId = `${base}-domains-heading`;

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
    // Must be the first await: the browser asks only inside the click that requested it.
    const granted = await chrome.permissions.request({ origins: [origin(domain)] }).catch(() => false);
    if (!granted) {
      setError(`The browser did not allow access to ${domain}, so it was not added.`);
      return;
    }
    const reply = await send('updateAccount', { accountId: account.id, dashboardDomain: { action: 'add', domain } });
    if (!reply.ok) {
      // Not kept: the access just granted goes back too.
      await chrome.permissions.remove({ origins: [origin(domain)] }).catch(() => false);
      setError(reply.message);
      return;
    }
    setTyped('');
    onNotice(`${domain} added.`, 'ok', true);
  }

  async function remove(domain: string) {
    const reply = await send('updateAccount', { accountId: account.id, dashboardDomain: { action: 'remove', domain } });
    if (!reply.ok) {
      onNotice(reply.message, 'error');
      return;
    }
    await chrome.permissions.remove({ origins: [origin(domain)] }).catch(() => false);
    onNotice(`${domain} removed, and the extension’s access to it was given back.`, 'ok', true);
    document.getElementById(fieldId)?.focus();
  }

  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId}>Dashboard domains</h4>
      <p class="hint">
        The popup and the right-click menu read offer and partner IDs from Everflow dashboard pages
        {account.identifier ? (
          <>
            {' '}
            of this account on <code>{`${account.identifier}.${EVERFLOW_DASHBOARD_SUFFIX}`}</code>
          </>
        ) : (
          <>
            {' '}
            on <code>*.{EVERFLOW_DASHBOARD_SUFFIX}</code>
          </>
        )}
        . If this network uses its own dashboard domain, add it here: its pages then use this account. The browser will ask you to allow
        access to that domain only.
      </p>
      {domains.length > 0 ? (
        <ul class="domains" aria-labelledby={headingId}>
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
          <label for={fieldId}>Add a dashboard domain</label>
          <div class="key-row">
            <input
              id={fieldId}
              type="text"
              value={typed}
              placeholder="links.example.com"
              autoComplete="off"
              spellcheck={false}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? `${fieldId}-error` : undefined}
              onInput={(event) => {
                setTyped(event.currentTarget.value);
                if (error) setError('');
              }}
            />
            <button type="submit">Add domain</button>
          </div>
          {error ? (
            <span id={`${fieldId}-error`} class="field-error" role="alert">
              {error}
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
