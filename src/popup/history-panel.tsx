// The popup's History view, loaded with import() when its History button is pressed, so none of
// the history's code is in the popup's first load. "Use again" puts the entry in the form (with its
// account: the app does that, as for a switch), then goes back to the form.
import { useEffect, useRef } from 'preact/hooks';
import { TARGET_FIELDS } from '../everflow/link-fields';
import type { HistoryEntry } from '../shared/history/history';
import { HISTORY_PAGE, HistoryList } from '../ui/history-list';
import { fieldId } from '../ui/field-ids';

export interface HistoryPanelProps {
  onBack: () => void;
  onUseAgain: (entry: HistoryEntry) => void;
}

const focusSoon = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);

export function HistoryPanel({ onBack, onUseAgain }: HistoryPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  function useAgain(entry: HistoryEntry) {
    onUseAgain(entry);
    onBack();
    focusSoon(fieldId(TARGET_FIELDS[entry.input.linkType]));
  }

  return (
    <main>
      <header class="popup-header">
        <h1 ref={heading} tabIndex={-1}>
          History
        </h1>
        <div class="actions">
          <a href={chrome.runtime.getURL(HISTORY_PAGE)} target="_blank" rel="noopener">
            Open full page
          </a>
          <button
            type="button"
            onClick={() => {
              onBack();
              focusSoon('open-history');
            }}
          >
            Back
          </button>
        </div>
      </header>
      <HistoryList compact onUseAgain={useAgain} />
    </main>
  );
}
