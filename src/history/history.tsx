// The full History page: every link made, with search, copy, open, use again, delete, clear and CSV.
import { render } from 'preact';
import '../ui/theme.css';
import { HistoryList } from '../ui/history-list';
import { ErrorBoundary } from '../ui/error-boundary';

function openOptions(event: Event) {
  event.preventDefault();
  void chrome.runtime.openOptionsPage();
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
    <ErrorBoundary what="The history">
      <HistoryList />
    </ErrorBoundary>
  </main>,
  document.getElementById('app')!,
);
