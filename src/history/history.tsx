// The full History page: every link made, with search, copy, open, use again, delete, clear and CSV.
// At `#link-<entry id>` (a notification's click) it shows that link.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../ui/theme.css';
import { HistoryList } from '../ui/history-list';
import { ErrorBoundary } from '../ui/error-boundary';
import { entryIdOf } from '../shared/history/history-address';

function openOptions(event: Event) {
  event.preventDefault();
  void chrome.runtime.openOptionsPage();
}

/** The entry the address names now: a new object each time, so the same entry asked for again is shown again. */
function entryOfAddress(): { id: string } | undefined {
  const id = entryIdOf(location.hash);
  return id === undefined ? undefined : { id };
}

/** The entry the address names, followed as it changes (the background moves an open History to another link). */
function useShownEntry(): { id: string } | undefined {
  const [shown, setShown] = useState(entryOfAddress);
  useEffect(() => {
    const follow = () => setShown(entryOfAddress());
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return shown;
}

function HistoryPage() {
  const shown = useShownEntry();
  return (
    <ErrorBoundary what="The history">
      <HistoryList showEntry={shown} />
    </ErrorBoundary>
  );
}

render(
  <main class="history-page">
    <header class="history-header">
      <h1>Link history</h1>
      <a href="#" onClick={openOptions}>
        Options
      </a>
    </header>
    <p class="hint">The last 1,000 links you generated, newest first. They are kept only in this browser.</p>
    <HistoryPage />
  </main>,
  document.getElementById('app')!,
);
