import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, hasMoreOptions, type LinkForm } from '../link/link-form';
import { MAX_TEXT } from '../../everflow/link-fields';
import {
  EMPTY_PRESETS,
  MAX_PRESETS,
  MAX_PRESET_NAME,
  activePreset,
  presetSentWith,
  withoutPreset,
  applyPreset,
  defaultPreset,
  deletePreset,
  presetErrors,
  presetValuesFromForm,
  savePreset,
  setDefaultPreset,
  updatePreset,
  type PresetList,
  type PresetValues,
  presetsItem,
} from './presets';
import { decodeStored } from '../storage/define-item';
import { FIRST_ACCOUNT_ID } from '../accounts/accounts';

const FORM: LinkForm = {
  ...EMPTY_FORM,
  offerId: '42',
  affiliateId: '7',
  sourceId: ' newsletter ',
  sub1: 'spring',
  sub2: '{date}',
  creativeId: '55',
  encryptParameters: true,
};
const VALUES: PresetValues = {
  sourceId: 'newsletter',
  sub1: 'spring',
  sub2: '{date}',
  sub3: '',
  sub4: '',
  sub5: '',
  encryptParameters: true,
  redirectLink: false,
  creativeId: '55',
};

const saved = (list: PresetList, name: string, values: PresetValues, id: string): PresetList => {
  const change = savePreset(list, name, values, id);
  if (!change.ok) throw new Error(change.message);
  return change.list;
};

describe('presetValuesFromForm', () => {
  it('keeps subs (trimmed) and flags, the IDs that are set, and never offer or affiliate', () => {
    expect(presetValuesFromForm(FORM)).toEqual(VALUES);
  });
});

describe('applyPreset', () => {
  it('fills subs, flags and held IDs, keeps offer, affiliate and IDs the preset does not hold', () => {
    const form: LinkForm = { ...EMPTY_FORM, offerId: '9', affiliateId: '8', sub3: 'old', trackingDomainId: '3', redirectLink: true };
    expect(applyPreset(form, VALUES)).toEqual({
      ...EMPTY_FORM,
      offerId: '9',
      affiliateId: '8',
      sourceId: 'newsletter',
      sub1: 'spring',
      sub2: '{date}',
      trackingDomainId: '3',
      creativeId: '55',
      encryptParameters: true,
    });
  });

  it('round-trips through presetValuesFromForm', () => {
    expect(presetValuesFromForm(applyPreset(EMPTY_FORM, VALUES))).toEqual(VALUES);
  });
});

describe('hasMoreOptions', () => {
  it.each([
    [EMPTY_FORM, false],
    [{ ...EMPTY_FORM, sub1: 'x', offerId: '1' }, false],
    [{ ...EMPTY_FORM, redirectLink: true }, true],
    [{ ...EMPTY_FORM, offerUrlId: '4' }, true],
  ])('%j → %s', (form, expected) => expect(hasMoreOptions(form)).toBe(expected));
});

describe('presetErrors', () => {
  it('accepts a good name and values', () => {
    expect(presetErrors('Newsletter', VALUES)).toEqual({});
  });

  it.each([
    ['', 'Enter a name for the preset.'],
    ['   ', 'Enter a name for the preset.'],
    ['x'.repeat(MAX_PRESET_NAME + 1), `A preset name can be at most ${MAX_PRESET_NAME} characters.`],
  ])('name %j → %s', (name, message) => {
    expect(presetErrors(name, VALUES)).toEqual({ name: message });
  });

  it('uses the form’s own messages for values', () => {
    expect(presetErrors('N', { ...VALUES, sub4: 'y'.repeat(MAX_TEXT + 1), creativeId: 'abc' })).toEqual({
      sub4: `Sub 4 can be at most ${MAX_TEXT} characters.`,
      creativeId: 'Use the creative’s number, e.g. 1842.',
    });
  });
});

describe('savePreset, updatePreset, deletePreset, defaults', () => {
  it('adds at the end, and a save under an existing name (any case) replaces its values', () => {
    let list = saved(EMPTY_PRESETS, ' Newsletter ', VALUES, 'a');
    list = saved(list, 'Social', { ...VALUES, sub1: 'fb' }, 'b');
    list = saved(list, 'NEWSLETTER', { ...VALUES, sub1: 'autumn' }, 'c');
    expect(list.presets.map((p) => [p.id, p.name, p.values.sub1])).toEqual([
      ['a', 'NEWSLETTER', 'autumn'],
      ['b', 'Social', 'fb'],
    ]);
  });

  it(`refuses a new preset beyond ${MAX_PRESETS}`, () => {
    let list = EMPTY_PRESETS;
    for (let i = 0; i < MAX_PRESETS; i++) list = saved(list, `p${i}`, VALUES, `id${i}`);
    const change = savePreset(list, 'one more', VALUES, 'x');
    expect(change.ok).toBe(false);
    // Replacing one that exists still works at the cap.
    expect(savePreset(list, 'p3', VALUES, 'x').ok).toBe(true);
  });

  it('updates by id and refuses a name another preset has', () => {
    const list = saved(saved(EMPTY_PRESETS, 'A', VALUES, 'a'), 'B', VALUES, 'b');
    const renamed = updatePreset(list, 'a', 'C', { ...VALUES, sub5: 'z' });
    expect(renamed.ok && renamed.list.presets[0]).toEqual({ id: 'a', name: 'C', values: { ...VALUES, sub5: 'z' }, affiliateIds: [] });
    expect(updatePreset(list, 'a', 'b', VALUES)).toEqual({ ok: false, message: 'Another preset is already called “b”.' });
    expect(updatePreset(list, 'gone', 'X', VALUES).ok).toBe(false);
  });

  it('sets, clears and forgets the default', () => {
    const list = saved(saved(EMPTY_PRESETS, 'A', VALUES, 'a'), 'B', VALUES, 'b');
    expect(defaultPreset(list)).toBeUndefined();
    const withDefault = setDefaultPreset(list, 'b');
    expect(defaultPreset(withDefault)?.name).toBe('B');
    expect(setDefaultPreset(withDefault, null).defaultId).toBeNull();
    expect(setDefaultPreset(list, 'unknown').defaultId).toBeNull();
    expect(deletePreset(withDefault, 'a')).toEqual({ presets: [withDefault.presets[1]], defaultId: 'b' });
    expect(deletePreset(withDefault, 'b').defaultId).toBeNull();
  });
});

describe('presetsItem', () => {
  it('round-trips and falls back to none when unreadable', () => {
    const list = setDefaultPreset(saved(EMPTY_PRESETS, 'A', VALUES, 'a'), 'a');
    expect(decodeStored(presetsItem, presetsItem.encode(list))).toEqual({ value: list, status: 'ok' });
    expect(decodeStored(presetsItem, undefined)).toEqual({ value: EMPTY_PRESETS, status: 'missing' });
    expect(decodeStored(presetsItem, { v: 1, data: { presets: 'x' } })).toEqual({ value: EMPTY_PRESETS, status: 'reset' });
    const tooMany = {
      presets: Array.from({ length: MAX_PRESETS + 1 }, (_, i) => ({ id: `${i}`, name: 'n', values: VALUES })),
      defaultId: null,
    };
    expect(decodeStored(presetsItem, { v: 1, data: tooMany }).status).toBe('reset');
  });

  it('reads version 1 presets as tied to no affiliate', () => {
    const v1 = { presets: [{ id: 'a', name: 'A', values: VALUES }], defaultId: 'a' };
    expect(decodeStored(presetsItem, { v: 1, data: v1 })).toEqual({
      value: { presets: [{ id: 'a', name: 'A', values: VALUES, affiliateIds: [] }], defaultId: 'a' },
      status: 'migrated',
    });
  });
  it('reads presets tied to affiliates before accounts as the first account’s; the untied stay everyone’s', () => {
    const v2 = {
      presets: [
        { id: 'a', name: 'A', values: VALUES, affiliateIds: [7, 8] },
        { id: 'b', name: 'B', values: VALUES, affiliateIds: [] },
      ],
      defaultId: 'b',
    };
    expect(decodeStored(presetsItem, { v: 2, data: v2 })).toStrictEqual({
      value: {
        presets: [
          { id: 'a', name: 'A', values: VALUES, affiliateIds: [7, 8], accountId: FIRST_ACCOUNT_ID },
          { id: 'b', name: 'B', values: VALUES, affiliateIds: [] },
        ],
        defaultId: 'b',
      },
      status: 'migrated',
    });
    // From version 1 (tied to none) they are everyone's.
    const read = decodeStored(presetsItem, { v: 1, data: { presets: [{ id: 'a', name: 'A', values: VALUES }], defaultId: null } });
    expect(read.value.presets[0]).not.toHaveProperty('accountId');
  });
});

describe('activePreset and withoutPreset', () => {
  const list = saved(saved(EMPTY_PRESETS, 'Empty', presetValuesFromForm(EMPTY_FORM), 'p0'), 'Newsletter', VALUES, 'p1');

  it('names the preset the form holds exactly, whatever the offer, kind or affiliate', () => {
    expect(activePreset(list, FORM)?.name).toBe('Newsletter');
    expect(activePreset(list, { ...FORM, offerId: '99', linkType: 'smart', campaignId: '5', affiliateId: '1' })?.name).toBe('Newsletter');
  });

  it('is none once a value differs, and never a preset that sets nothing', () => {
    expect(activePreset(list, { ...FORM, sub1: 'summer' })).toBeUndefined();
    expect(activePreset(list, { ...FORM, encryptParameters: false })).toBeUndefined();
    expect(activePreset(list, { ...FORM, creativeId: '' })).toBeUndefined();
    expect(activePreset(list, EMPTY_FORM)).toBeUndefined();
  });

  it('withoutPreset empties what a preset holds and keeps the kind, offer, smart link and affiliate', () => {
    const smart = { ...FORM, linkType: 'smart' as const, campaignId: '5' };
    expect(withoutPreset(smart)).toStrictEqual({ ...EMPTY_FORM, linkType: 'smart', offerId: '42', campaignId: '5', affiliateId: '7' });
  });
});

/** What a link for offer 42 and affiliate 7 sent, with Source ID "news" and these two subs. */
const input = (sub1: string, sub2: string) => ({
  linkType: 'offer' as const,
  offerId: 42,
  affiliateId: 7,
  sourceId: 'news',
  sub1,
  sub2,
  encryptParameters: false,
  redirectLink: false,
});

describe('presetSentWith: the preset a made link was sent with', () => {
  const tokens: PresetValues = { ...presetValuesFromForm(EMPTY_FORM), sourceId: 'news', sub1: '{offer_id}-{affiliate_id}', sub2: '{date}' };
  const list = saved(saved(EMPTY_PRESETS, 'Plain', VALUES, 'p'), 'Tokens', tokens, 't');
  // 2026-03-14, local time: the date {date} became.
  const AT = new Date(2026, 2, 14, 10, 30).getTime();

  it('finds a preset with tokens from what they became for this link', () => {
    expect(presetSentWith(list, input('42-7', '2026-03-14'), AT)?.name).toBe('Tokens');
  });

  it('finds none when a value differs from what the preset would have sent', () => {
    expect(presetSentWith(list, input('42-7', '2026-03-15'), AT)).toBeUndefined();
    expect(presetSentWith(list, input('43-7', '2026-03-14'), AT)).toBeUndefined();
    expect(presetSentWith(list, { ...input('42-7', '2026-03-14'), trackingDomainId: 5 }, AT)).toBeUndefined();
  });
});

describe('a preset’s name, written by the team', () => {
  it('is refused with a hidden character in it (a direction override would reverse what follows it), kept with emoji and any script', () => {
    const values = presetValuesFromForm(EMPTY_FORM);
    expect(presetErrors('Partner \u202Enews', values).name).toMatch(/^The name holds a hidden character, U\+202E \(direction control\)/);
    expect(presetErrors('Soft\u00ADhyphen', values).name).toMatch(/U\+00AD/);
    for (const name of ['Café 🚀 Médias', 'شركاء الإعلام', '파트너 뉴스레터']) expect(presetErrors(name, values)).toStrictEqual({});
  });
});
