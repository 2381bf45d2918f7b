import { describe, expect, it } from 'vitest';
import { MAX_BULK_ROWS } from '../shared/bulk/bulk-job';
import { EMPTY_FORM } from '../shared/link/link-form';
import { EMPTY_DRAFT, type BulkDraft } from '../shared/bulk/bulk-draft';
import { buildRows, checkDraft, duplicatesText, idWithName, startLabel, summarizeList } from './bulk-check';
import { modeWords } from './list-words';
import type { LinkType } from '../everflow/link-fields';

const DAY = new Date(2026, 2, 5, 9, 7);

type Typed = { offerId?: string; campaignId?: string; affiliateId?: string; sub1?: string; linkType?: LinkType };
function draft(changes: Partial<BulkDraft> & Typed): BulkDraft {
  const { offerId = '', campaignId = '', affiliateId = '', sub1 = '', linkType = 'offer', ...rest } = changes;
  return { ...EMPTY_DRAFT, form: { ...EMPTY_FORM, linkType, offerId, campaignId, affiliateId, sub1 }, ...rest };
}
const lists = (changes: Partial<BulkDraft['lists']>): BulkDraft['lists'] => ({ ...EMPTY_DRAFT.lists, ...changes });
const ids = (count: number) => Array.from({ length: count }, (_, i) => i + 1);
function labels(mode: 'affiliates' | 'targets', type: LinkType) {
  const { modeLabel, listLabel, addLabel, fixedField, listField } = modeWords(mode, type);
  return [modeLabel, listLabel, addLabel, fixedField, listField];
}

describe('labels', () => {
  it('names the modes, the list and the "add by name" field after what is fixed and what is listed', () => {
    expect(labels('affiliates', 'offer')).toEqual([
      'One offer, many affiliates',
      'Affiliate IDs',
      'Add affiliate by name',
      'offerId',
      'affiliateId',
    ]);
    expect(labels('targets', 'offer')).toEqual(['One affiliate, many offers', 'Offer IDs', 'Add offer by name', 'affiliateId', 'offerId']);
    expect(labels('affiliates', 'smart')).toEqual([
      'One smart link, many affiliates',
      'Affiliate IDs',
      'Add affiliate by name',
      'campaignId',
      'affiliateId',
    ]);
    expect(labels('targets', 'smart')).toEqual([
      'One affiliate, many smart links',
      'Smart link IDs',
      'Add smart link by name',
      'affiliateId',
      'campaignId',
    ]);
  });

  it('counts links on the start button when the list could start as it is', () => {
    expect([0, 1, 50].map((count) => startLabel({ ids: ids(count), invalid: [] }))).toEqual([
      'Generate 0 links',
      'Generate 1 link',
      'Generate 50 links',
    ]);
  });

  it('never looks ready with entries to fix or too many IDs: the button says what is in the way', () => {
    expect(startLabel({ ids: ids(46), invalid: ['abc', '0', '12x', '-3'] })).toBe('Fix 4 entries to generate');
    expect(startLabel({ ids: ids(2), invalid: ['abc'] })).toBe('Fix 1 entry to generate');
    expect(startLabel({ ids: ids(MAX_BULK_ROWS + 1), invalid: [] })).toBe('Split the list to generate');
    expect(startLabel({ ids: ids(MAX_BULK_ROWS), invalid: [] })).toBe(`Generate ${MAX_BULK_ROWS} links`);
  });

  it('shows an ID with its name when known', () => {
    expect(idWithName(42, 'Spring Sale')).toBe('42 · Spring Sale');
    expect(idWithName(42, undefined)).toBe('42');
  });
});

describe('summarizeList', () => {
  it('counts the IDs, whatever separates them', () => {
    expect(summarizeList('affiliates', '1, 2 3\n4;5\t6').count).toBe('6 affiliates');
    expect(summarizeList('affiliates', ' 7 ').count).toBe('1 affiliate');
    expect(summarizeList('offers', '').count).toBe('0 offers');
    expect(summarizeList('campaigns', '5 6').count).toBe('2 smart links');
  });

  it('reports the duplicates it removed', () => {
    const summary = summarizeList('affiliates', '7 9 7 8 9 9');
    expect(summary.count).toBe('3 affiliates');
    expect(summary.duplicates).toBe('Removed 2 duplicates: 7, 9.');
    expect(duplicatesText([4])).toBe('Removed 1 duplicate: 4.');
    expect(duplicatesText([])).toBe('');
    expect(duplicatesText(Array.from({ length: 12 }, (_, i) => i + 1))).toBe(
      'Removed 12 duplicates: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more.',
    );
  });

  it('gives each piece that is not an ID its own message', () => {
    expect(summarizeList('affiliates', '12, abc, 0, 2147483648').problems).toEqual([
      '“abc” is not an affiliate ID: use a whole number from 1 to 2147483647.',
      '“0” is not an affiliate ID: use a whole number from 1 to 2147483647.',
      '“2147483648” is not an affiliate ID: use a whole number from 1 to 2147483647.',
    ]);
    expect(summarizeList('offers', 'x1').problems).toEqual(['“x1” is not an offer ID: use a whole number from 1 to 2147483647.']);
    expect(summarizeList('campaigns', 'x1').problems).toEqual(['“x1” is not a smart link ID: use a whole number from 1 to 2147483647.']);
  });

  it('names the first bad pieces and counts the rest', () => {
    const text = Array.from({ length: 25 }, (_, i) => `bad${i}`).join(' ');
    const { problems } = summarizeList('affiliates', text);
    expect(problems).toHaveLength(21);
    expect(problems.at(-1)).toBe('5 more pieces of the list are not affiliate IDs either.');
  });

  it('refuses more IDs than one job makes', () => {
    const text = Array.from({ length: MAX_BULK_ROWS + 1 }, (_, i) => i + 1).join('\n');
    expect(summarizeList('affiliates', text).problems).toEqual([
      `That is ${MAX_BULK_ROWS + 1} affiliates; one job makes at most ${MAX_BULK_ROWS} links: split the list.`,
    ]);
  });
});

describe('buildRows', () => {
  const names = {
    offers: [{ id: 42, name: 'Spring Sale' }],
    campaigns: [{ id: 42, name: 'Summer smart link' }],
    affiliates: [{ id: 7, name: 'Acme' }],
  };

  it('pairs the fixed offer with each listed affiliate, with the names it knows', () => {
    expect(buildRows('affiliates', 'offer', 42, [7, 8], names)).toEqual([
      { targetId: 42, affiliateId: 7, targetName: 'Spring Sale', affiliateName: 'Acme' },
      { targetId: 42, affiliateId: 8, targetName: 'Spring Sale' },
    ]);
  });

  it('pairs the fixed affiliate with each listed offer', () => {
    expect(buildRows('targets', 'offer', 7, [42, 43], names)).toEqual([
      { targetId: 42, affiliateId: 7, targetName: 'Spring Sale', affiliateName: 'Acme' },
      { targetId: 43, affiliateId: 7, affiliateName: 'Acme' },
    ]);
  });

  it('names a smart link with the smart links’ names, never an offer’s of the same ID', () => {
    expect(buildRows('affiliates', 'smart', 42, [7], names)).toEqual([
      { targetId: 42, affiliateId: 7, targetName: 'Summer smart link', affiliateName: 'Acme' },
    ]);
    expect(buildRows('targets', 'smart', 7, [42, 5], names)).toEqual([
      { targetId: 42, affiliateId: 7, targetName: 'Summer smart link', affiliateName: 'Acme' },
      { targetId: 5, affiliateId: 7, affiliateName: 'Acme' },
    ]);
  });
});

describe('checkDraft', () => {
  it('gives the rows to send when all is well', () => {
    const check = checkDraft(draft({ offerId: '42', lists: lists({ affiliates: '7 8 7' }) }), DAY);
    expect(check).toEqual({
      ok: true,
      rows: [
        { targetId: 42, affiliateId: 7 },
        { targetId: 42, affiliateId: 8 },
      ],
    });
  });

  it('uses the mode’s own list and fixed ID', () => {
    const check = checkDraft(
      draft({ mode: 'targets', offerId: 'ignored', affiliateId: '7', lists: lists({ affiliates: 'x', offers: '42' }) }),
      DAY,
    );
    expect(check).toEqual({ ok: true, rows: [{ targetId: 42, affiliateId: 7 }] });
  });

  it('one smart link, many affiliates: the smart link is the fixed ID, the offer typed for offers is not looked at', () => {
    const form = { linkType: 'smart' as const, offerId: 'not an ID', campaignId: '6', lists: lists({ affiliates: '7 101', offers: 'x' }) };
    expect(checkDraft(draft(form), DAY)).toEqual({
      ok: true,
      rows: [
        { targetId: 6, affiliateId: 7 },
        { targetId: 6, affiliateId: 101 },
      ],
    });
    expect(checkDraft(draft({ ...form, campaignId: '' }), DAY)).toEqual({
      ok: false,
      fieldErrors: { campaignId: 'Enter the Smart link ID.' },
      listErrors: [],
      rowErrors: [],
    });
  });

  it('one affiliate, many smart links: its own list, apart from the offers’ list', () => {
    const check = checkDraft(
      draft({ mode: 'targets', linkType: 'smart', affiliateId: '7', lists: lists({ offers: '42', campaigns: '5, 6' }) }),
      DAY,
    );
    expect(check).toEqual({
      ok: true,
      rows: [
        { targetId: 5, affiliateId: 7 },
        { targetId: 6, affiliateId: 7 },
      ],
    });
    expect(checkDraft(draft({ mode: 'targets', linkType: 'smart', affiliateId: '7', lists: lists({ offers: '42' }) }), DAY)).toMatchObject({
      ok: false,
      listErrors: ['Enter at least one smart link ID.'],
    });
  });

  it('a token too long in a smart-link row names the smart link', () => {
    // 200 characters as typed; {date} grows to 10.
    const sub1 = `${'x'.repeat(194)}{date}`;
    const names = { ...EMPTY_DRAFT.names, campaigns: [{ id: 123456789, name: 'Members' }] };
    const check = checkDraft(
      draft({ mode: 'targets', linkType: 'smart', affiliateId: '7', sub1, names, lists: lists({ campaigns: '5 123456789' }) }),
      DAY,
    );
    expect(check).toMatchObject({
      ok: false,
      rowErrors: [
        'Smart link 5: Sub 1 can be at most 200 characters.',
        'Smart link 123456789 (Members): Sub 1 can be at most 200 characters.',
      ],
    });
  });

  it('asks for the fixed ID and at least one listed ID', () => {
    expect(checkDraft(draft({}), DAY)).toEqual({
      ok: false,
      fieldErrors: { offerId: 'Enter the Offer ID.' },
      listErrors: ['Enter at least one affiliate ID.'],
      rowErrors: [],
    });
  });

  it('reports the list’s bad pieces and the shared fields’ errors together', () => {
    const check = checkDraft(draft({ offerId: '42', sub1: 'x'.repeat(201), lists: lists({ affiliates: '7 abc' }) }), DAY);
    expect(check).toEqual({
      ok: false,
      fieldErrors: { sub1: 'Sub 1 can be at most 200 characters.' },
      listErrors: ['“abc” is not an affiliate ID: use a whole number from 1 to 2147483647.'],
      rowErrors: [],
    });
  });

  it('names each row a token makes too long', () => {
    // 200 characters as typed; {date} grows to 10.
    const sub1 = `${'x'.repeat(194)}{date}`;
    const names = { ...EMPTY_DRAFT.names, affiliates: [{ id: 123456, name: 'Acme' }] };
    const check = checkDraft(draft({ offerId: '42', sub1, names, lists: lists({ affiliates: '7 123456' }) }), DAY);
    expect(check).toEqual({
      ok: false,
      fieldErrors: {},
      listErrors: [],
      rowErrors: ['Affiliate 7: Sub 1 can be at most 200 characters.', 'Affiliate 123456 (Acme): Sub 1 can be at most 200 characters.'],
    });
  });
});
