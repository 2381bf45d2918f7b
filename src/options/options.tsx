// Options: the Everflow accounts first (each a key, written from here and never read back: the background
// alone stores, checks and uses keys), then what every account shares (presets, copy formats, links: the
// rule for a new offer's subs, history, bulk, shortcuts; team settings, storage), listed in the sections'
// nav (settings-nav.tsx) beside them. The page follows the stored accounts: a change made by the
// background or another page (an account added, a key moved) shows here without a reload, and no page polls.
// While no account is saved (a new install opens this page) it starts with a welcome: the two steps to a
// first link.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { accountsItem } from '../shared/accounts/accounts';
import { send } from '../shared/protocol/connector';
import type { Status } from '../shared/protocol/messages';
import '../ui/theme.css';
import './options.css';
import { AccountsSection } from './accounts-section';
import { focusAddKeyField } from './add-account';
import { CopyFormatsSection } from './copy-formats-section';
import { FirstLinkStep, ShortcutsSection, type Shortcuts } from './first-link';
import { NewOfferSection } from './new-offer-section';
import { PresetsSection } from './presets-section';
import { SettingsNav, useSections } from './settings-nav';
import { StorageSection } from './storage-section';
import { TeamSettingsSection } from './team-settings-section';
import { ErrorBoundary } from '../ui/error-boundary';

function App() {
  const [status, setStatus] = useState<Status | null>(null);
  const [shortcuts, setShortcuts] = useState<Shortcuts | null>(null);
  const [trouble, setTrouble] = useState('');
  /** The page opened with no account saved (a new install does that): the welcome stays for this visit. */
  const [welcome, setWelcome] = useState(false);
  const asked = useRef(0);
  const first = useRef(true);

  /** Reads the accounts again: when they change, and after each change this page makes (a new key may store the same account). */
  async function refresh() {
    // Only the newest answer is shown: two changes in a row may be answered out of order.
    const mine = ++asked.current;
    const reply = await send('getStatus', {});
    if (mine !== asked.current) return;
    if (!reply.ok) return setTrouble(reply.message);
    if (first.current && reply.accounts.length === 0) {
      setWelcome(true);
      // Ready for the paste.
      setTimeout(focusAddKeyField, 0);
    }
    first.current = false;
    setStatus(reply);
    // Said once by the background: kept on screen until the page is left.
    if (reply.notices.length > 0) setTrouble(reply.notices.join(' '));
  }

  useEffect(() => {
    void refresh();
    void send('getShortcuts', {}).then((reply) => reply.ok && setShortcuts(reply));
    return accountsItem.watch(() => void refresh());
  }, []);

  const accounts = status?.accounts ?? null;
  // The accounts come first: a section below them is where it stays once they are shown.
  const current = useSections(status !== null || trouble !== '');
  return (
    <div class="settings">
      <header class="settings-header">
        <h1>Link Builder for Everflow</h1>
      </header>
      <SettingsNav current={current} />
      <main>
        {trouble ? (
          <p class="notice failure" role="alert">
            {trouble}
          </p>
        ) : null}
        {welcome ? (
          <section class="welcome" aria-labelledby="welcome-heading">
            <h2 id="welcome-heading">Welcome: your first link in two steps</h2>
            <ol>
              <li>
                <p>
                  Add your Everflow API key below: a network’s key, or the partner key your network gave you. It is checked with Everflow as
                  it is added.
                </p>
              </li>
              <li>
                <FirstLinkStep shortcuts={shortcuts} />
              </li>
            </ol>
          </section>
        ) : null}
        <AccountsSection accounts={accounts} shortcuts={shortcuts} onChanged={refresh} />
        <PresetsSection accounts={accounts} />
        <CopyFormatsSection />
        <section id="links" aria-labelledby="links-heading">
          <h2 id="links-heading" tabIndex={-1}>
            Links
          </h2>
          <p class="lead">What a new offer keeps, the links you made, many links at once, and the keyboard shortcuts.</p>
          <NewOfferSection saved={status?.newOfferSubs} />
          <section aria-labelledby="history-heading">
            <h3 id="history-heading">History</h3>
            <p class="hint">
              Every link you generate is kept in this browser (the last 1,000), with the account it was made with: search it, copy a link
              again, or export it as CSV. <a href="../history/history.html">Open the link history</a>
            </p>
          </section>
          <section aria-labelledby="bulk-heading">
            <h3 id="bulk-heading">Bulk links</h3>
            <p class="hint">
              Make many links at once, one offer or smart link for many affiliates, or one affiliate for many offers or smart links, and
              download them as CSV. <a href="../bulk/bulk.html">Open Bulk links</a>
            </p>
          </section>
          <ShortcutsSection shortcuts={shortcuts} />
        </section>
        <TeamSettingsSection accounts={accounts} lastUsedId={status?.lastUsedId ?? null} />
        <StorageSection />
        <footer class="hint">
          Link Builder for Everflow is not made by, endorsed by or affiliated with Everflow.{' '}
          {/* privacy.html is PRIVACY.md, rendered by the build (vite.config.ts, PRIVACY_PAGE). */}
          <a href="/privacy.html" target="_blank" rel="noopener">
            Privacy policy
          </a>
        </footer>
      </main>
    </div>
  );
}

render(
  <ErrorBoundary what="The options page">
    <App />
  </ErrorBoundary>,
  document.getElementById('app')!,
);
