// The popup's pinned pairs: each a button named after its offer (or smart link) and affiliate; one
// click or Enter makes and copies that link with its preset's values as they are now. "Manage" shows
// Move up, Move down and Unpin for each. Loaded with import() after the form is up, so none of it is
// in the popup's first paint; it shows nothing while no pair is pinned.
import { useState } from 'preact/hooks';
import type { LinkForm } from '../shared/link/link-form';
import type { Names } from '../shared/link/names';
import { movePin, pinForm, pinLabel, pinNames, pinnedPairsItem, unpin, type Pin, type PinnedPairs } from '../shared/pinned/pinned-pairs';
import { presetsItem } from '../shared/presets/presets';
import { useStored } from '../ui/use-stored';
import './pinned-list.css';
import { notSaved } from '../shared/storage/define-item';

/** Rows shown before "Show all": the popup is at most 600 px tall. */
export const PINS_SHOWN = 3;

interface PinnedListProps {
  busy: boolean;
  onGenerate: (form: LinkForm, names: Names) => void;
  onAnnounce: (text: string) => void;
}

const focusSoon = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);

export function PinnedList({ busy, onGenerate, onAnnounce }: PinnedListProps) {
  const list = useStored(pinnedPairsItem);
  const presets = useStored(presetsItem);
  const [managing, setManaging] = useState(false);
  const [all, setAll] = useState(false);
  if (!list || list.pins.length === 0) return null;

  const presetName = (pin: Pin) =>
    pin.presetId === undefined ? undefined : presets?.presets.find((preset) => preset.id === pin.presetId)?.name;

  async function change(apply: (current: PinnedPairs) => PinnedPairs, done: string, focus?: string) {
    try {
      await pinnedPairsItem.update(apply);
      onAnnounce(done);
      if (focus) focusSoon(focus);
    } catch {
      onAnnounce(notSaved('The pinned pairs'));
    }
  }

  function make(pin: Pin) {
    if (!presets) return;
    onGenerate(pinForm(pin, presets), pinNames(pin));
  }

  const shown = managing || all ? list.pins : list.pins.slice(0, PINS_SHOWN);
  return (
    <section class="pinned" aria-labelledby="pinned-heading">
      <div class="pinned-head">
        <h2 id="pinned-heading" tabIndex={-1}>
          Pinned
        </h2>
        <button type="button" class="link" aria-pressed={managing} onClick={() => setManaging(!managing)}>
          Manage
        </button>
      </div>
      <ul class="pinned-list">
        {shown.map((pin, index) => {
          const label = pinLabel(pin);
          const preset = presetName(pin);
          return (
            <li key={pin.id}>
              <button
                type="button"
                class="pin-make"
                id={`pin-${pin.id}`}
                disabled={busy}
                title="Make and copy this link"
                onClick={() => make(pin)}
              >
                {label}
                {preset ? <span class="pin-preset"> · {preset}</span> : null}
              </button>
              {managing ? (
                <>
                  <button
                    type="button"
                    class="pin-tool"
                    id={`pin-${pin.id}-up`}
                    aria-label={`Move ${label} up`}
                    disabled={index === 0}
                    onClick={() =>
                      void change(
                        (current) => movePin(current, pin.id, -1),
                        `Moved ${label} up.`,
                        index === 1 ? `pin-${pin.id}-down` : `pin-${pin.id}-up`,
                      )
                    }
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    class="pin-tool"
                    id={`pin-${pin.id}-down`}
                    aria-label={`Move ${label} down`}
                    disabled={index === list.pins.length - 1}
                    onClick={() =>
                      void change(
                        (current) => movePin(current, pin.id, 1),
                        `Moved ${label} down.`,
                        index === list.pins.length - 2 ? `pin-${pin.id}-up` : `pin-${pin.id}-down`,
                      )
                    }
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    class="pin-tool"
                    aria-label={`Unpin ${label}`}
                    onClick={() => void change((current) => unpin(current, pin.id), `Unpinned ${label}.`, 'pinned-heading')}
                  >
                    Unpin
                  </button>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      {!managing && list.pins.length > PINS_SHOWN ? (
        <button type="button" class="link" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${list.pins.length}`}
        </button>
      ) : null}
    </section>
  );
}
