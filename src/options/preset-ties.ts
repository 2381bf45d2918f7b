// Tying affiliates to a preset on the options page, by account: an affiliate's ID is its network's, so a
// preset's affiliates are all of one account (its accountId), and an affiliate is in one preset at most
// among that account's presets. Pure, over shared/presets' rules.
import { tieAffiliate, untieAffiliate, type Preset, type PresetChange, type PresetList } from '../shared/presets/presets';

/** The preset `id` in `list` with `change` made to it. */
const withPreset = (list: PresetList, id: string, change: (preset: Preset) => Preset): PresetList => ({
  ...list,
  presets: list.presets.map((preset) => (preset.id === id ? change(preset) : preset)),
});

/**
 * Ties `affiliateId` (of `accountId`) to the preset, which is then that account's. An affiliate is in one
 * preset at most on its own network: other accounts' presets are left out of that check.
 */
export function tieOf(list: PresetList, presetId: string, affiliateId: number, name: string | undefined, accountId: string): PresetChange {
  const tying = list.presets.find((candidate) => candidate.id === presetId);
  if (tying && tying.affiliateIds.length > 0 && tying.accountId !== undefined && tying.accountId !== accountId) {
    return { ok: false, message: 'This preset is for another Everflow account’s affiliates; tie this one to another preset.' };
  }
  const others = (preset: Preset) => preset.id !== presetId && preset.accountId !== undefined && preset.accountId !== accountId;
  const mine = { ...list, presets: list.presets.map((preset) => (others(preset) ? { ...preset, affiliateIds: [] } : preset)) };
  const tied = tieAffiliate(mine, presetId, affiliateId, name);
  if (!tied.ok) return tied;
  const affiliateIds = tied.list.presets.find((preset) => preset.id === presetId)?.affiliateIds ?? [];
  return { ...tied, list: withPreset(list, presetId, (preset) => ({ ...preset, affiliateIds, accountId })) };
}

/** Unties one affiliate; the preset's last one gone, it is no account's any more. */
export function untieOf(list: PresetList, presetId: string, affiliateId: number): PresetList {
  return withPreset(untieAffiliate(list, presetId, affiliateId), presetId, (preset) => {
    if (preset.affiliateIds.length > 0) return preset;
    const { accountId: _account, ...untied } = preset;
    return untied;
  });
}
