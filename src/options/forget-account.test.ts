import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, type BulkDraft } from '../shared/bulk/bulk-draft';
import type { Pin } from '../shared/pinned/pinned-pairs';
import { EMPTY_FORM } from '../shared/link/link-form';
import { presetValuesFromForm, type Preset, type PresetValues } from '../shared/presets/presets';
import { bulkDraftWithout, pinsWithout, presetsUntiedFrom } from './forget-account';

const pin = (id: string, accountId: string): Pin => ({ id, accountId, linkType: 'offer', targetId: 42, affiliateId: 7 });
const VALUES: PresetValues = { ...presetValuesFromForm(EMPTY_FORM), sourceId: 'news' };
const preset = (id: string, more: Partial<Preset> = {}): Preset => ({ id, name: id, values: VALUES, affiliateIds: [], ...more });

describe('what the options page drops of a forgotten account', () => {
  it('its pins, and only its', () => {
    const list = { pins: [pin('a', 'gone'), pin('b', 'kept'), pin('c', 'gone')] };
    expect(pinsWithout(list, 'gone')).toStrictEqual({ pins: [pin('b', 'kept')] });
    expect(pinsWithout(list, 'other')).toBe(list);
  });

  it('its ties on presets: the preset stays with its values, tied to none; other accounts’ ties and everyone’s presets stay', () => {
    const list = {
      presets: [
        preset('tied', { affiliateIds: [7, 8], accountId: 'gone' }),
        preset('other', { affiliateIds: [7], accountId: 'kept' }),
        preset('all'),
      ],
      defaultId: 'tied',
    };
    expect(presetsUntiedFrom(list, 'gone')).toStrictEqual({
      presets: [preset('tied'), preset('other', { affiliateIds: [7], accountId: 'kept' }), preset('all')],
      defaultId: 'tied',
    });
    expect(presetsUntiedFrom(list, 'other')).toBe(list);
  });

  it('the bulk draft when it was for that account, as a fresh one', () => {
    const draft: BulkDraft = {
      ...structuredClone(EMPTY_DRAFT),
      accountId: 'gone',
      lists: { offers: '', campaigns: '', affiliates: '7\n8' },
    };
    expect(bulkDraftWithout(draft, 'gone')).toStrictEqual(EMPTY_DRAFT);
    expect(bulkDraftWithout(draft, 'kept')).toBe(draft);
  });
});
