import { describe, expect, it } from 'vitest';
import { checkRow, resultsOf, rowErrors, rowKey } from './bulk-job';
import { EMPTY_FORM } from './link-form';
import { sampleJob as job } from '../../e2e/unit-fixtures/test-bulk-job';


describe('checkRow and rowErrors', () => {
  const day = new Date(2026, 10, 24);

  it('fills in the row’s tokens and IDs', () => {
    const checked = checkRow({ ...EMPTY_FORM, sub1: '{affiliate_id}-{offer_id}', sub2: '{date}' }, { offerId: 42, affiliateId: 7 }, day);
    expect(checked).toEqual({ ok: true, input: expect.objectContaining({ offerId: 42, affiliateId: 7, sub1: '7-42', sub2: '2026-11-24' }) });
  });

  it('names the field a token made too long once filled in (typed 198 characters, 210 with the dates)', () => {
    const form = { ...EMPTY_FORM, sub1: `${'x'.repeat(180)}{date}{date}{date}` };
    const rows = [
      { offerId: 1, affiliateId: 7 },
      { offerId: 1, affiliateId: 12345 },
    ];
    expect(rowErrors(form, rows, day)).toEqual([
      { index: 0, message: 'Sub 1 can be at most 200 characters.' },
      { index: 1, message: 'Sub 1 can be at most 200 characters.' },
    ]);
    expect(rowErrors({ ...form, sub1: `${'x'.repeat(170)}{date}{date}{date}` }, rows, day)).toEqual([]);
  });

  it('reports a bad shared field on every row', () => {
    const form = { ...EMPTY_FORM, trackingDomainId: 'abc' };
    expect(rowErrors(form, [{ offerId: 1, affiliateId: 2 }], day)).toEqual([
      { index: 0, message: 'Use the tracking domain’s number, e.g. 1842.' },
    ]);
  });
});


describe('resultsOf', () => {
  it('keeps only readable results of this job', () => {
    const stored = {
      [rowKey(0)]: { ok: true, job: 'job-1', url: 'https://t.example/1', at: 1 },
      [rowKey(1)]: { ok: true, job: 'another-job', url: 'https://t.example/2', at: 2 },
      [rowKey(2)]: { ok: 'maybe' },
    };
    expect(resultsOf(job(), stored)).toEqual([{ ok: true, job: 'job-1', url: 'https://t.example/1', at: 1 }, undefined, undefined]);
  });
});
