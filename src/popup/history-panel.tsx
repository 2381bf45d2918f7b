// The popup's History view, loaded with import() when its History button is pressed, so none of
// the history's code is in the popup's first load. "Use again" is handled here too: it saves the
// draft and patches the popup's form state, then goes back to the form.
import { useEffect, useRef } from 'preact/hooks';
import { TARGET_FIELDS } from '../everflow/link-fields';
import { formFromInput, hasMoreOptions } from '../shared/link/link-form';
import type { HistoryEntry } from '../shared/history/history';
import { draftItem } from '../shared/link/draft';
import type { PopupState } from './popup-view';
import { HISTORY_PAGE, HistoryList } from '../ui/history-list';
import { fieldId } from '../ui/field-ids';

export interface HistoryPanelProps {
  onBack: () => void;
  onPatch: (changes: Partial<PopupState>) => void;
}

const focusSoon = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);

export function HistoryPanel({ onBack, onPatch }: HistoryPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  function useAgain(entry: HistoryEntry) {
    const form = formFromInput(entry.input);
    draftItem.replace(form).catch(() => undefined);
    onPatch({ form, errors: {}, failed: null, sources: {}, moreOpen: hasMoreOptions(form) });
    onBack();
    focusSoon(fieldId(TARGET_FIELDS[form.linkType]));
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
