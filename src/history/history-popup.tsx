// The popup's History view, loaded with import() when its History button is pressed, so none of
// the history's code is in the popup's first load. "Use again" is handled here too: it saves the
// draft and patches the popup's form state, then goes back to the form.
import { useEffect, useRef } from 'preact/hooks';
import { EMPTY_FORM, FLAG_FIELDS, ID_FIELDS, formFromInput } from '../shared/link-form';
import type { HistoryEntry } from '../shared/link-history';
import { writeItem } from '../shared/storage-item';
import { draftItem } from '../shared/stored-items';
import type { PopupState } from '../popup/popup-view';
import { HISTORY_PAGE, HistoryList } from './history-list';

/** The fields under "More options": every ID after the offer and affiliate, and the flags. */
const MORE_OPTIONS = [...ID_FIELDS.slice(2), ...FLAG_FIELDS];

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
    writeItem(draftItem, form).catch(() => undefined);
    onPatch({ form, errors: {}, failed: null, sources: {}, moreOpen: MORE_OPTIONS.some((field) => form[field] !== EMPTY_FORM[field]) });
    onBack();
    focusSoon('field-offerId');
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
