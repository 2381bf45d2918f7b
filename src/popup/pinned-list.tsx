// The popup's pinned pairs: each a button named after its offer (or smart link) and affiliate; one
// click or Enter makes and copies that link with its preset's values as they are now. "Manage" shows
// Move up, Move down and Unpin for each. Loaded with import() after the form is up, so none of it is
// in the popup's first paint; it shows nothing while no pair is pinned.
import { useEffect, useState } from 'preact/hooks';
import type { NameKind } from '../everflow/lookups';
import { lookupCacheItem } from '../shared/lookups/lookup-cache';
import { send } from '../shared/protocol/connector';
import type { LinkForm } from '../shared/link/link-form';
import type { Names } from '../shared/link/names';
import { movePin, pinForm, pinLabel, pinNames, pinnedPairsItem, unpin, type Pin, type PinnedPairs } from '../shared/pinned/pinned-pairs';
import { useStored } from '../ui/use-stored';
import './pinned-list.css';
import { notSaved } from '../shared/storage/define-item';
import { presetsInUse } from '../shared/policy/in-use';

/** Rows shown before "Show all": the popup is at most 600 px tall. */
export const PINS_SHOWN = 3;

interface PinnedListProps {
  /** The account shown: its pins only (another network's offer 42 is another offer). */
  accountId: string;
  busy: boolean;
  onGenerate: (form: LinkForm, names: Names) => void;
  onAnnounce: (text: string) => void;
}

const focusSoon = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);

/** "offer:42", "affiliate:7": a name the extension knows, by kind and ID. */
const nameKey = (kind: NameKind, id: number) => `${kind}:${id}`;
const kindOf = (pin: Pin): NameKind => (pin.linkType === 'smart' ? 'campaign' : 'offer');

/**
 * The names the extension knows now for the pins' offers (or smart links) and affiliates, from the
 * look-up cache (nothing is sent to Everflow), asked again whenever the cache learns more: a pair pinned
 * before its names arrived is labelled with them as soon as they do.
 */
function useKnownNames(accountId: string, pins: readonly Pin[]): ReadonlyMap<string, string> {
  const [known, setKnown] = useState<ReadonlyMap<string, string>>(new Map());
  const [learned, setLearned] = useState(0);
  useEffect(() => lookupCacheItem.watch(() => setLearned((n) => n + 1)), []);
  const wanted = [
    ...new Set(
      pins.flatMap((pin) => [
        nameKey(kindOf(pin), pin.targetId),
        ...(pin.affiliateId === undefined ? [] : [nameKey('affiliate', pin.affiliateId)]),
      ]),
    ),
  ];
  useEffect(() => {
    let current = true;
    void Promise.all(
      wanted.map(async (key) => {
        const [kind, id] = key.split(':') as [NameKind, string];
        const reply = await send('name', { accountId, kind, id: Number(id), cacheOnly: true });
        return reply.ok && reply.option ? ([key, reply.option.name] as const) : undefined;
      }),
    ).then((found) => current && setKnown(new Map(found.filter((pair) => pair !== undefined))));
    return () => void (current = false);
  }, [accountId, wanted.join(' '), learned]);
  return known;
}

export function PinnedList({ accountId, busy, onGenerate, onAnnounce }: PinnedListProps) {
  const stored = useStored(pinnedPairsItem);
  const presets = useStored(presetsInUse);
  const list = stored && { pins: stored.pins.filter((pin) => pin.accountId === accountId) };
  const known = useKnownNames(accountId, list?.pins ?? []);
  /** A pin with the names known now; what it was pinned with where nothing newer is known. */
  const named = (pin: Pin): Pin => ({
    ...pin,
    targetName: known.get(nameKey(kindOf(pin), pin.targetId)) ?? pin.targetName,
    affiliateName: (pin.affiliateId === undefined ? undefined : known.get(nameKey('affiliate', pin.affiliateId))) ?? pin.affiliateName,
  });
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
    onGenerate(pinForm(pin, presets), pinNames(named(pin)));
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
          const label = pinLabel(named(pin));
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
