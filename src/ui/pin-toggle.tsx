// The "Pin" toggle beside a link (the popup's result, each History entry): pins its offer (or smart
// link) × affiliate pair with the preset its form held, or unpins it. Shared by the popup and the
// History page; loaded only with them, never with the popup's first paint.
import type { LinkForm } from '../shared/link/link-form';
import type { LinkInput } from '../everflow/link-fields';
import type { Names } from '../shared/link/names';
import {
  findPin,
  pinFromForm,
  pinLabel,
  pinPair,
  pinnedPairsItem,
  unpin,
  type PinChange,
  type PinnedPairs,
} from '../shared/pinned/pinned-pairs';
import { activePreset, presetSentWith, type PresetList } from '../shared/presets/presets';
import './pin-toggle.css';
import { useStored } from './use-stored';
import { notSaved } from '../shared/storage/define-item';
import { presetsInUse } from '../shared/policy/in-use';

interface PinToggleProps {
  /** The account the link is made with: a pin is that account's pair. */
  accountId: string;
  form: LinkForm;
  names: Names;
  /** Said after the button is pressed: pinned, unpinned, or why not. */
  onAnnounce: (text: string) => void;
  /** The accessible name, when "Pin" alone would not say which link (a list of them). */
  label?: string;
  /** A link made already (a history entry): its preset is the one it was sent with, tokens filled in. */
  sent?: { input: LinkInput; at: number };
  class?: string;
}

/** The toggle that follows the stored pins and presets itself: for one link on a page. */
export function PinToggle(props: PinToggleProps) {
  return <PinButton {...props} pins={useStored(pinnedPairsItem)} presets={useStored(presetsInUse)} />;
}

/** The toggle over pins and presets a list reads once for all its links. */
export function PinButton({
  accountId,
  form,
  names,
  onAnnounce,
  label,
  sent,
  class: className,
  pins,
  presets,
}: PinToggleProps & { pins: PinnedPairs | null; presets: PresetList | null }) {
  if (!pins || !presets) return null;
  const preset = sent ? presetSentWith(presets, sent.input, sent.at) : activePreset(presets, form);
  const pin = pinFromForm(accountId, form, preset?.id, names);
  if (!pin) return null;
  const pinned = findPin(pins, pin);

  async function toggle() {
    if (!pin) return;
    let change: PinChange | undefined;
    try {
      await pinnedPairsItem.update((current) => {
        const existing = findPin(current, pin);
        if (existing) return unpin(current, existing.id);
        change = pinPair(current, pin, crypto.randomUUID());
        return change.ok ? change.list : current;
      });
    } catch {
      onAnnounce(notSaved('The pinned pairs'));
      return;
    }
    if (change === undefined) onAnnounce(`Unpinned ${pinLabel(pin)}.`);
    else onAnnounce(change.ok ? `Pinned ${pinLabel(pin)}: it is listed at the top of the popup.` : change.message);
  }

  return (
    <button type="button" class={className} aria-pressed={pinned !== undefined} aria-label={label} onClick={() => void toggle()}>
      Pin
    </button>
  );
}
