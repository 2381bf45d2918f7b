import { describe, expect, it } from 'vitest';
import { MAX_BULK_ROWS } from '../shared/bulk-job';
import { EMPTY_FORM } from '../shared/link-form';
import { EMPTY_DRAFT, type BulkDraft } from './bulk-draft';
import { buildRows, checkDraft, duplicatesText, idWithName, startLabel, summarizeList } from './bulk-check';
import { addLabel, listLabel } from './list-words';

const DAY = new Date(2026, 2, 5, 9, 7);

function draft(changes: Partial<BulkDraft> & { offerId?: string; affiliateId?: string; sub1?: string }): BulkDraft {
  const { offerId = '', affiliateId = '', sub1 = '', ...rest } = changes;
  return { ...EMPTY_DRAFT, form: { ...EMPTY_FORM, offerId, affiliateId, sub1 }, ...rest };
}

describe('labels', () => {
  it('names the list and the "add by name" field after what is listed', () => {
    expect([listLabel('affiliates'), listLabel('offers')]).toEqual(['Affiliate IDs', 'Offer IDs']);
    expect([addLabel('affiliates'), addLabel('offers')]).toEqual(['Add affiliate by name', 'Add offer by name']);
  });

  it('counts links on the start button', () => {
    expect([startLabel(0), startLabel(1), startLabel(50)]).toEqual(['Generate 0 links', 'Generate 1 link', 'Generate 50 links']);
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
  });

  it('reports the duplicates it removed', () => {
    const summary = summarizeList('affiliates', '7 9 7 8 9 9');
    expect(summary.count).toBe('3 affiliates');
    expect(summary.duplicates).toBe('Removed 2 duplicates: 7, 9.');
    expect(duplicatesText([4])).toBe('Removed 1 duplicate: 4.');
    expect(duplicatesText([])).toBe('');
    expect(duplicatesText(Array.from({ length: 12 }, (_, i) => i + 1))).toBe('Removed 12 duplicates: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more.');
  });

  it('gives each piece that is not an ID its own message', () => {
    expect(summarizeList('affiliates', '12, abc, 0, 2147483648').problems).toEqual([
      '“abc” is not an affiliate ID: use a whole number from 1 to 2147483647.',
      '“0” is not an affiliate ID: use a whole number from 1 to 2147483647.',
      '“2147483648” is not an affiliate ID: use a whole number from 1 to 2147483647.',
    ]);
    expect(summarizeList('offers', 'x1').problems).toEqual(['“x1” is not an offer ID: use a whole number from 1 to 2147483647.']);
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
  const names = { offers: [{ id: 42, name: 'Spring Sale' }], affiliates: [{ id: 7, name: 'Acme' }] };

  it('pairs the fixed offer with each listed affiliate, with the names it knows', () => {
    expect(buildRows('affiliates', 42, [7, 8], names)).toEqual([
      { offerId: 42, affiliateId: 7, offerName: 'Spring Sale', affiliateName: 'Acme' },
      { offerId: 42, affiliateId: 8, offerName: 'Spring Sale' },
    ]);
  });

  it('pairs the fixed affiliate with each listed offer', () => {
    expect(buildRows('offers', 7, [42, 43], names)).toEqual([
      { offerId: 42, affiliateId: 7, offerName: 'Spring Sale', affiliateName: 'Acme' },
      { offerId: 43, affiliateId: 7, affiliateName: 'Acme' },
    ]);
  });
});

describe('checkDraft', () => {
  it('gives the rows to send when all is well', () => {
    const check = checkDraft(draft({ offerId: '42', lists: { affiliates: '7 8 7', offers: '' } }), DAY);
    expect(check).toEqual({ ok: true, rows: [{ offerId: 42, affiliateId: 7 }, { offerId: 42, affiliateId: 8 }] });
  });

  it('uses the mode’s own list and fixed ID', () => {
    const check = checkDraft(draft({ mode: 'offers', offerId: 'ignored', affiliateId: '7', lists: { affiliates: 'x', offers: '42' } }), DAY);
    expect(check).toEqual({ ok: true, rows: [{ offerId: 42, affiliateId: 7 }] });
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
    const check = checkDraft(draft({ offerId: '42', sub1: 'x'.repeat(201), lists: { affiliates: '7 abc', offers: '' } }), DAY);
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
    const names = { offers: [], affiliates: [{ id: 123456, name: 'Acme' }] };
    const check = checkDraft(draft({ offerId: '42', sub1, names, lists: { affiliates: '7 123456', offers: '' } }), DAY);
    expect(check).toEqual({
      ok: false,
      fieldErrors: {},
      listErrors: [],
      rowErrors: ['Affiliate 7: Sub 1 can be at most 200 characters.', 'Affiliate 123456 (Acme): Sub 1 can be at most 200 characters.'],
    });
  });
});
