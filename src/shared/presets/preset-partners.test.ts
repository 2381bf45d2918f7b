// Presets tied to partners (affiliates): the rules for tying and untying, and which preset applies.
import { describe, expect, it } from 'vitest';
import { EMPTY_FORM } from '../link/link-form';
import {
  EMPTY_PRESETS,
  MAX_PRESET_AFFILIATES,
  applyPreset,
  partnerChange,
  presetForAffiliate,
  presetForNewDraft,
  presetsOf,
  savePreset,
  setDefaultPreset,
  tieAffiliate,
  untieAffiliate,
  updatePreset,
  type PresetChange,
  type PresetList,
  type PresetValues,
} from './presets';

const VALUES: PresetValues = {
  sourceId: 'news',
  sub1: 'a',
  sub2: '',
  sub3: '',
  sub4: '',
  sub5: '',
  encryptParameters: false,
  redirectLink: false,
};

const ok = (change: PresetChange): PresetList => {
  if (!change.ok) throw new Error(change.message);
  return change.list;
};

function twoPresets(): PresetList {
  const one = ok(savePreset(EMPTY_PRESETS, 'Newsletter', VALUES, 'n'));
  return ok(savePreset(one, 'Social', { ...VALUES, sourceId: 'social' }, 's'));
}

describe('tying affiliates to presets', () => {
  it('ties an affiliate, and finds the preset by its ID as a number or as typed', () => {
    const list = ok(tieAffiliate(twoPresets(), 'n', 7));
    expect(list.presets[0]!.affiliateIds).toEqual([7]);
    expect(presetForAffiliate(list, 7)?.name).toBe('Newsletter');
    expect(presetForAffiliate(list, ' 7 ')?.name).toBe('Newsletter');
    expect(presetForAffiliate(list, '8')).toBeUndefined();
    expect(presetForAffiliate(list, 'Sunrise')).toBeUndefined();
    expect(presetForAffiliate(list, '')).toBeUndefined();
  });

  it('refuses an affiliate tied to another preset, naming that preset (and the affiliate, when known)', () => {
    const list = ok(tieAffiliate(twoPresets(), 'n', 7));
    expect(tieAffiliate(list, 's', 7, 'Acme Media')).toEqual({
      ok: false,
      message: 'Affiliate 7 (Acme Media) is already tied to the preset “Newsletter”; remove it there first.',
    });
    expect(tieAffiliate(list, 's', 7)).toEqual({
      ok: false,
      message: 'Affiliate 7 is already tied to the preset “Newsletter”; remove it there first.',
    });
    expect(tieAffiliate(list, 'n', 7)).toEqual({ ok: false, message: 'Affiliate 7 is already tied to this preset.' });
  });

  it(`ties at most ${MAX_PRESET_AFFILIATES} affiliates to one preset`, () => {
    let list = twoPresets();
    for (let id = 1; id <= MAX_PRESET_AFFILIATES; id += 1) list = ok(tieAffiliate(list, 'n', id));
    expect(tieAffiliate(list, 'n', 999)).toEqual({
      ok: false,
      message: `A preset can be for up to ${MAX_PRESET_AFFILIATES} affiliates; remove one first.`,
    });
    expect(tieAffiliate(list, 's', 999).ok).toBe(true);
  });

  it('refuses a preset that no longer exists', () => {
    expect(tieAffiliate(twoPresets(), 'gone', 7)).toEqual({ ok: false, message: 'That preset no longer exists.' });
  });

  it('unties an affiliate, which can then be tied elsewhere', () => {
    const list = untieAffiliate(ok(tieAffiliate(twoPresets(), 'n', 7)), 'n', 7);
    expect(presetForAffiliate(list, 7)).toBeUndefined();
    expect(ok(tieAffiliate(list, 's', 7)).presets[1]!.affiliateIds).toEqual([7]);
    expect(untieAffiliate(list, 'n', 8)).toBe(list);
  });

  it('keeps the affiliates when a preset is saved again from the popup or edited', () => {
    const list = ok(tieAffiliate(twoPresets(), 'n', 7));
    const resaved = ok(savePreset(list, 'newsletter', { ...VALUES, sub1: 'b' }, 'new-id'));
    expect(resaved.presets[0]).toMatchObject({ id: 'n', affiliateIds: [7], values: { sub1: 'b' } });
    const edited = ok(updatePreset(resaved, 'n', 'Newsletter Q2', VALUES));
    expect(edited.presets[0]).toMatchObject({ name: 'Newsletter Q2', affiliateIds: [7] });
  });
});

/** Newsletter tied to the first account's affiliate 7 (affiliate 7 of one network is not affiliate 7 of another). */
const tied = () => ok(tieAffiliate(twoPresets(), 'n', 7, 'Sunrise Media', 'first'));

describe('presets tied to an account’s affiliates', () => {
  it('belong to that account: another account sees them tied to none of its affiliates, still usable by hand', () => {
    const list = tied();
    expect(list.presets[0]).toMatchObject({ affiliateIds: [7], accountId: 'first' });
    expect(presetForAffiliate(presetsOf(list, 'first'), 7)?.name).toBe('Newsletter');
    expect(presetForAffiliate(presetsOf(list, 'second'), 7)).toBeUndefined();
    expect(presetsOf(list, 'second').presets.map((preset) => preset.name)).toStrictEqual(['Newsletter', 'Social']);
    expect(presetsOf(list, 'first')).toBe(list);
  });

  it('another account’s affiliate 7 may be tied to another preset; not to one of the first account’s', () => {
    const list = tied();
    const both = ok(tieAffiliate(list, 's', 7, undefined, 'second'));
    expect(both.presets.map((preset) => [preset.accountId, preset.affiliateIds])).toStrictEqual([
      ['first', [7]],
      ['second', [7]],
    ]);
    expect(presetForAffiliate(presetsOf(both, 'second'), 7)?.name).toBe('Social');
    expect(tieAffiliate(list, 'n', 8, undefined, 'second')).toStrictEqual({
      ok: false,
      message: 'This preset is for another Everflow account’s affiliates; tie this one to another preset.',
    });
  });

  it('untied from its last affiliate, a preset is everyone’s again, and any account may tie its own', () => {
    const untied = untieAffiliate(tied(), 'n', 7);
    expect(untied.presets[0]).toStrictEqual({ ...twoPresets().presets[0], affiliateIds: [] });
    expect(ok(tieAffiliate(untied, 'n', 9, undefined, 'second')).presets[0]).toMatchObject({ affiliateIds: [9], accountId: 'second' });
  });
});

describe('presetForNewDraft', () => {
  it('prefers the partner’s preset to the default preset, and falls back to the default', () => {
    const list = setDefaultPreset(ok(tieAffiliate(twoPresets(), 'n', 7)), 's');
    expect(presetForNewDraft(list, { ...EMPTY_FORM, affiliateId: '7' })?.id).toBe('n');
    expect(presetForNewDraft(list, { ...EMPTY_FORM, affiliateId: '8' })?.id).toBe('s');
    expect(presetForNewDraft({ ...list, defaultId: null }, { ...EMPTY_FORM, affiliateId: '8' })).toBeUndefined();
  });
});

/** A form for offer 42 and `affiliateId`, holding a preset's `values` if given. */
function formFor(affiliateId: string, values?: PresetValues) {
  const bare = { ...EMPTY_FORM, offerId: '42', affiliateId };
  return values ? applyPreset(bare, values) : bare;
}

describe('partnerChange: what choosing an affiliate does to the form', () => {
  const list = setDefaultPreset(ok(tieAffiliate(ok(tieAffiliate(twoPresets(), 'n', 7)), 's', 8)), null);

  it('applies the partner’s preset, unless the form holds it already', () => {
    expect(partnerChange(list, formFor('7'), '')).toMatchObject({
      applied: { name: 'Newsletter' },
      form: { sourceId: 'news', sub1: 'a', offerId: '42' },
    });
    expect(partnerChange(list, formFor(' 8 ', VALUES), '7')).toMatchObject({ applied: { name: 'Social' }, form: { sourceId: 'social' } });
    expect(partnerChange(list, formFor('7', VALUES), '')).toBeUndefined();
  });

  it('takes the previous partner’s preset off for an affiliate without one, putting the default in its place', () => {
    expect(partnerChange(list, formFor('9', VALUES), '7')).toStrictEqual({ removed: list.presets[0], form: formFor('9') });
    const withDefault = setDefaultPreset(list, 's');
    expect(partnerChange(withDefault, formFor('9', VALUES), '7')).toMatchObject({
      removed: { name: 'Newsletter' },
      form: { sourceId: 'social' },
    });
  });

  it('leaves the form alone: values changed by hand, no previous partner, or no affiliate yet', () => {
    expect(partnerChange(list, formFor('9', { ...VALUES, sub1: 'changed' }), '7')).toBeUndefined();
    expect(partnerChange(list, formFor('9', VALUES), '')).toBeUndefined();
    expect(partnerChange(list, formFor('Sunr', VALUES), '7')).toBeUndefined();
  });
});
