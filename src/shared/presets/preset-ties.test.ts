import { describe, expect, it } from 'vitest';
import { EMPTY_FORM } from '../link/link-form';
import {
  presetValuesFromForm,
  tieAffiliate,
  untieAffiliate,
  type Preset,
  type PresetChange,
  type PresetList,
  type PresetValues,
} from './presets';

const VALUES: PresetValues = { ...presetValuesFromForm(EMPTY_FORM), sourceId: 'news' };
const preset = (id: string, more: Partial<Preset> = {}): Preset => ({ id, name: id, values: VALUES, affiliateIds: [], ...more });
const ok = (change: PresetChange) => {
  if (!change.ok) throw new Error(change.message);
  return change.list;
};
const ties = (list: PresetList) => list.presets.map(({ id, affiliateIds, accountId }) => [id, affiliateIds, accountId]);

describe('tying affiliates by account', () => {
  it('makes the preset its affiliates’ account’s, and no one’s once the last is untied', () => {
    const list = ok(tieAffiliate({ presets: [preset('a'), preset('b')], defaultId: null }, 'a', 7, undefined, 'acme'));
    expect(ties(list)).toStrictEqual([
      ['a', [7], 'acme'],
      ['b', [], undefined],
    ]);
    const more = ok(tieAffiliate(list, 'a', 8, undefined, 'acme'));
    expect(ties(untieAffiliate(more, 'a', 7))).toStrictEqual([
      ['a', [8], 'acme'],
      ['b', [], undefined],
    ]);
    expect(ties(untieAffiliate(untieAffiliate(more, 'a', 7), 'a', 8))).toStrictEqual([
      ['a', [], undefined],
      ['b', [], undefined],
    ]);
  });

  it('affiliate 7 of another network is another partner: both may have a preset; of the same account, one preset at most', () => {
    const list: PresetList = {
      presets: [preset('nordic', { affiliateIds: [7], accountId: 'nordlys' }), preset('acme'), preset('third')],
      defaultId: null,
    };
    const both = ok(tieAffiliate(list, 'acme', 7, 'Sunrise Media', 'acme'));
    expect(ties(both)).toStrictEqual([
      ['nordic', [7], 'nordlys'],
      ['acme', [7], 'acme'],
      ['third', [], undefined],
    ]);
    expect(tieAffiliate(both, 'third', 7, 'Sunrise Media', 'acme')).toStrictEqual({
      ok: false,
      message: 'Affiliate 7 (Sunrise Media) is already tied to the preset “acme”; remove it there first.',
    });
    // A preset is one account's.
    expect(tieAffiliate(both, 'nordic', 8, undefined, 'acme')).toStrictEqual({
      ok: false,
      message: 'This preset is for another Everflow account’s affiliates; tie this one to another preset.',
    });
  });
});
