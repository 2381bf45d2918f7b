// What the options page drops of an account it has just forgotten. The background drops what it keeps
// (the key, the history, the names, the recent affiliates, the last link, a bulk job); what the pages
// keep is dropped here, each item by its one writer: the account's pins, its ties on presets (the preset
// itself stays, tied to no one) and the bulk draft when it was for that account.
import { EMPTY_DRAFT, bulkDraftItem, type BulkDraft } from '../shared/bulk/bulk-draft';
import { pinnedPairsItem, type PinnedPairs } from '../shared/pinned/pinned-pairs';
import { presetsItem, type PresetList } from '../shared/presets/presets';

/** The pins of every other account; the same list when none was this one's. */
export function pinsWithout(list: PinnedPairs, accountId: string): PinnedPairs {
  const pins = list.pins.filter((pin) => pin.accountId !== accountId);
  return pins.length === list.pins.length ? list : { pins };
}

/** Presets tied to this account's affiliates, tied to none (their values kept); the same list when none was. */
export function presetsUntiedFrom(list: PresetList, accountId: string): PresetList {
  if (!list.presets.some((preset) => preset.accountId === accountId)) return list;
  return {
    ...list,
    presets: list.presets.map((preset) => {
      if (preset.accountId !== accountId) return preset;
      const { accountId: _gone, ...untied } = preset;
      return { ...untied, affiliateIds: [] };
    }),
  };
}

/** An empty bulk draft in place of one for this account; the same draft otherwise. */
export const bulkDraftWithout = (draft: BulkDraft, accountId: string): BulkDraft =>
  draft.accountId === accountId ? structuredClone(EMPTY_DRAFT) : draft;

/** Drops what the pages keep of a forgotten account; false when a write failed (storage full or unavailable). */
export async function dropAccountData(accountId: string): Promise<boolean> {
  const done = await Promise.allSettled([
    pinnedPairsItem.update((list) => pinsWithout(list, accountId)),
    presetsItem.update((list) => presetsUntiedFrom(list, accountId)),
    // The bulk page replaces its draft whole, without the lock (shared/bulk/bulk-draft.ts): so is it here.
    bulkDraftItem
      .value()
      .then((draft) => (draft.accountId === accountId ? bulkDraftItem.replace(bulkDraftWithout(draft, accountId)) : undefined)),
  ]);
  return done.every((result) => result.status === 'fulfilled');
}
