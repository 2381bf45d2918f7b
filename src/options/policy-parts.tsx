// What an administrator's policy shows on the options page: "Set by <organisation>" beside each value it
// sets (the sections lock those controls), and its dashboard domains with the one button that asks the
// browser for access to them: no policy can grant host access, so the person grants it with one click.
import { useEffect, useState } from 'preact/hooks';
import { dashboardMatchPatterns } from '../shared/dashboard/dashboard-url';
import { managedPolicy, setBy, type Policy } from '../shared/policy/policy';
import { useStored } from '../ui/use-stored';
import { SectionNotice, type Notice } from './section-notice';

/** The policy as it is now, followed as it changes; null until first read (no policy: {}). */
export const usePolicy = (): Policy | null => useStored(managedPolicy);

/** "Set by Acme Corp", after a control the policy sets; `id` lets the control name it (aria-describedby). */
export function SetBy({ policy, id }: { policy: Policy; id?: string }) {
  return (
    <span id={id} class="set-by">
      {setBy(policy)}
    </span>
  );
}

const GRANT_DOMAINS = 'Allow access to your organisation’s dashboard domains';

/** Whether the browser lets the extension read pages on every one of `domains` now. */
function useAccess(domains: readonly string[]): [boolean | null, () => void] {
  const [granted, setGranted] = useState<boolean | null>(null);
  const [asked, setAsked] = useState(0);
  const key = domains.join(' ');
  useEffect(() => {
    let current = true;
    const check = () =>
      void chrome.permissions
        .contains({ origins: dashboardMatchPatterns(domains) })
        .catch(() => false)
        .then((answer) => current && setGranted(answer));
    check();
    // Given or taken back elsewhere (the browser's extension settings, another options page).
    chrome.permissions.onAdded.addListener(check);
    chrome.permissions.onRemoved.addListener(check);
    return () => {
      current = false;
      chrome.permissions.onAdded.removeListener(check);
      chrome.permissions.onRemoved.removeListener(check);
    };
  }, [key, asked]);
  return [granted, () => setAsked((count) => count + 1)];
}

/** The policy's dashboard domains (every account's), and the one button that grants access to them all. */
export function OrganisationDomains({ policy }: { policy: Policy }) {
  const domains = policy.dashboardDomains ?? [];
  const [granted, recheck] = useAccess(domains);
  const [said, setSaid] = useState<Notice>(null);
  if (domains.length === 0) return null;

  async function grant() {
    // The first await: the browser asks only inside the click that requested it.
    const allowed = await chrome.permissions.request({ origins: dashboardMatchPatterns(domains) }).catch(() => false);
    recheck();
    setSaid(
      allowed
        ? { text: 'Access allowed: the popup and the right-click menu now read offer and partner IDs on those pages.', tone: 'ok' }
        : {
            text: 'The browser did not allow access, so pages on those domains are not read yet; press the button again to ask.',
            tone: 'error',
          },
    );
  }

  return (
    <section class="organisation-domains" aria-labelledby="organisation-domains-heading">
      <h3 id="organisation-domains-heading">Your organisation’s dashboard domains</h3>
      <p class="hint">
        Pages on these domains are Everflow dashboard pages for every account: a page uses the account whose own list has its domain, or
        else your default account. <SetBy policy={policy} />.
      </p>
      <ul class="domains" aria-labelledby="organisation-domains-heading">
        {domains.map((domain) => (
          <li key={domain}>
            <code>{domain}</code>
          </li>
        ))}
      </ul>
      {granted === false ? (
        <div class="actions">
          <button type="button" class="primary" onClick={() => void grant()}>
            {GRANT_DOMAINS}
          </button>
        </div>
      ) : granted ? (
        <p class="hint">The extension has access to these domains.</p>
      ) : null}
      <SectionNotice id="organisation-domains-notice" notice={said} />
    </section>
  );
}
