import { describe, expect, it } from 'vitest';
import { EMPTY_FORM } from '../link/link-form';
import {
  MAX_PINS,
  movePin,
  pinForm,
  pinFromForm,
  pinLabel,
  pinNames,
  pinPair,
  pinnedPairsItem,
  unpin,
  type PinChange,
  type PinFields,
  type PinnedPairs,
} from './pinned-pairs';
import { EMPTY_PRESETS, savePreset, type PresetValues } from '../presets/presets';
import { FIRST_ACCOUNT_ID } from '../accounts/accounts';

const PAIR: PinFields = {
  accountId: FIRST_ACCOUNT_ID,
  linkType: 'offer',
  targetId: 42,
  affiliateId: 7,
  targetName: 'Spring sale',
  affiliateName: 'Acme Media',
};
const ok = (change: PinChange): PinnedPairs => {
  if (!change.ok) throw new Error(change.message);
  return change.list;
};

const ids = (value: PinnedPairs) => value.pins.map((pin) => pin.id);

describe('pinning pairs', () => {
  it('pins at the end, and refuses the same pair with the same preset', () => {
    const one = ok(pinPair({ pins: [] }, PAIR, 'a'));
    expect(one.pins).toEqual([{ ...PAIR, id: 'a' }]);
    expect(pinPair(one, { ...PAIR, targetName: 'Renamed' }, 'b')).toEqual({
      ok: false,
      message: 'Spring sale × Acme Media is pinned already.',
    });
    // Another preset, the same IDs as a smart link, or of another account (another network), is another pin.
    const two = ok(pinPair(one, { ...PAIR, presetId: 'p' }, 'b'));
    const three = ok(pinPair(two, { ...PAIR, linkType: 'smart' }, 'c'));
    expect(ok(pinPair(three, { ...PAIR, accountId: 'second' }, 'd')).pins.map((pin) => pin.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it(`keeps at most ${MAX_PINS}`, () => {
    let list: PinnedPairs = { pins: [] };
    for (let n = 1; n <= MAX_PINS; n += 1) list = ok(pinPair(list, { ...PAIR, targetId: n }, String(n)));
    expect(pinPair(list, PAIR, 'x')).toEqual({ ok: false, message: `You can pin up to ${MAX_PINS} pairs; unpin one first.` });
    expect(pinnedPairsItem.decode(pinnedPairsItem.encode(list)).status).toBe('ok');
  });

  it('unpins and moves up and down, staying put at either end', () => {
    let list = ok(pinPair({ pins: [] }, PAIR, 'a'));
    list = ok(pinPair(list, { ...PAIR, targetId: 43 }, 'b'));
    list = ok(pinPair(list, { ...PAIR, targetId: 44 }, 'c'));
    expect(ids(movePin(list, 'c', -1))).toEqual(['a', 'c', 'b']);
    expect(ids(movePin(list, 'a', 1))).toEqual(['b', 'a', 'c']);
    expect(movePin(list, 'a', -1)).toBe(list);
    expect(movePin(list, 'c', 1)).toBe(list);
    expect(ids(unpin(list, 'b'))).toEqual(['a', 'c']);
  });
});

describe('a pin and its link', () => {
  it('reads by name, with IDs where names are unknown', () => {
    expect(pinLabel(PAIR)).toBe('Spring sale × Acme Media');
    expect(pinLabel({ accountId: FIRST_ACCOUNT_ID, linkType: 'smart', targetId: 5, affiliateId: 7 })).toBe('Smart link 5 × Affiliate 7');
    // A partner's own link: the partner is its affiliate.
    expect(pinLabel({ accountId: 'partner', linkType: 'partner', targetId: 42, targetName: 'Spring sale' })).toBe('Spring sale');
  });

  it('comes from a form with a valid pair, with the names known', () => {
    const form = { ...EMPTY_FORM, offerId: ' 42 ', affiliateId: '7', sub1: 'x' };
    expect(pinFromForm(FIRST_ACCOUNT_ID, form, 'p', { offer: 'Spring sale', affiliate: 'Acme Media' })).toEqual({ ...PAIR, presetId: 'p' });
    expect(pinFromForm('second', { ...form, linkType: 'smart', campaignId: '5' }, undefined, { offer: 'Spring sale' })).toEqual({
      accountId: 'second',
      linkType: 'smart',
      targetId: 5,
      affiliateId: 7,
    });
    expect(pinFromForm(FIRST_ACCOUNT_ID, { ...form, affiliateId: 'Acme' }, undefined)).toBeUndefined();
    // A partner's link needs only its offer.
    expect(pinFromForm('partner', { ...form, linkType: 'partner', affiliateId: '' }, undefined, { offer: 'Spring sale' })).toEqual({
      accountId: 'partner',
      linkType: 'partner',
      targetId: 42,
      targetName: 'Spring sale',
    });
    expect(pinNames(PAIR)).toEqual({ offer: 'Spring sale', affiliate: 'Acme Media' });
  });

  it('makes its form from the pair and its preset’s values as they are now', () => {
    const values: PresetValues = {
      sourceId: 'news',
      sub1: 'spring',
      sub2: '',
      sub3: '',
      sub4: '',
      sub5: '',
      encryptParameters: true,
      redirectLink: false,
    };
    const change = savePreset(EMPTY_PRESETS, 'Newsletter', values, 'p');
    if (!change.ok) throw new Error(change.message);
    expect(pinForm({ ...PAIR, presetId: 'p' }, change.list)).toEqual({
      ...EMPTY_FORM,
      offerId: '42',
      affiliateId: '7',
      sourceId: 'news',
      sub1: 'spring',
      encryptParameters: true,
    });
    // A deleted preset: the bare pair.
    expect(pinForm({ ...PAIR, presetId: 'gone' }, change.list)).toEqual({ ...EMPTY_FORM, offerId: '42', affiliateId: '7' });
    expect(pinForm({ accountId: FIRST_ACCOUNT_ID, linkType: 'smart', targetId: 5, affiliateId: 7 }, EMPTY_PRESETS)).toEqual({
      ...EMPTY_FORM,
      linkType: 'smart',
      campaignId: '5',
      affiliateId: '7',
    });
  });
});

describe('pins stored before accounts', () => {
  it('are the first account’s; today a pin says its account, and one that does not is dropped with the list', () => {
    const { accountId: _first, ...old } = { ...PAIR, id: 'a' };
    expect(pinnedPairsItem.decode({ v: 1, data: { pins: [old, { ...old, id: 'b', targetId: 43 }] } })).toStrictEqual({
      status: 'migrated',
      value: {
        pins: [
          { ...PAIR, id: 'a' },
          { ...PAIR, id: 'b', targetId: 43 },
        ],
      },
    });
    expect(pinnedPairsItem.decode({ v: 1, data: { pins: [] } })).toStrictEqual({ status: 'migrated', value: { pins: [] } });
    expect(pinnedPairsItem.decode({ v: pinnedPairsItem.version, data: { pins: [old] } })).toStrictEqual({
      status: 'reset',
      value: { pins: [] },
    });
  });
});
