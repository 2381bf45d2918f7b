import { describe, expect, it } from 'vitest';
import { bulkJobItem, checkRow, readResult, resultsOf, rowErrors, rowKey, type BulkJob } from './bulk-job';
import { decodeStored } from '../storage/define-item';
import { EMPTY_FORM } from '../link/link-form';
import { sampleJob as job } from '../../../e2e/unit-fixtures/test-bulk-job';
import { FIRST_ACCOUNT_ID } from '../accounts/accounts';

describe('checkRow and rowErrors', () => {
  const day = new Date(2026, 10, 24);

  it('fills in the row’s tokens and IDs', () => {
    const checked = checkRow({ ...EMPTY_FORM, sub1: '{affiliate_id}-{offer_id}', sub2: '{date}' }, { targetId: 42, affiliateId: 7 }, day);
    expect(checked).toEqual({
      ok: true,
      input: expect.objectContaining({ linkType: 'offer', offerId: 42, affiliateId: 7, sub1: '7-42', sub2: '2026-11-24' }),
    });
  });

  it('makes a smart-link row a smart-link request: the row’s smart link, none of the offer-only fields typed for offers', () => {
    const form = {
      ...EMPTY_FORM,
      linkType: 'smart' as const,
      offerId: '42',
      offerUrlId: 'not checked',
      creativeId: '55',
      sub1: '{smart_link_id}-{affiliate_id}',
    };
    const checked = checkRow(form, { targetId: 6, affiliateId: 7 }, day);
    expect(checked).toEqual({
      ok: true,
      input: { linkType: 'smart', campaignId: 6, affiliateId: 7, sub1: '6-7', encryptParameters: false, redirectLink: false },
    });
  });

  it('names the field a token made too long once filled in (typed 198 characters, 210 with the dates)', () => {
    const form = { ...EMPTY_FORM, sub1: `${'x'.repeat(180)}{date}{date}{date}` };
    const rows = [
      { targetId: 1, affiliateId: 7 },
      { targetId: 1, affiliateId: 12345 },
    ];
    expect(rowErrors(form, rows, day)).toEqual([
      { index: 0, message: 'Sub 1 can be at most 200 characters.' },
      { index: 1, message: 'Sub 1 can be at most 200 characters.' },
    ]);
    expect(rowErrors({ ...form, sub1: `${'x'.repeat(170)}{date}{date}{date}` }, rows, day)).toEqual([]);
  });

  it('reports a bad shared field on every row', () => {
    const form = { ...EMPTY_FORM, trackingDomainId: 'abc' };
    expect(rowErrors(form, [{ targetId: 1, affiliateId: 2 }], day)).toEqual([
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

describe('bulkJobItem', () => {
  /** A job as version 1 stored it: offers only, rows with offerId/offerName, the mode listing offers called "offers". */
  const { linkType: _type, campaignId: _campaign, ...v1Form } = { ...EMPTY_FORM, affiliateId: '7', sub1: 'x' };
  const v1Job = {
    id: 'job-1',
    createdAt: 1,
    mode: 'offers',
    form: v1Form,
    rows: [
      { offerId: 42, affiliateId: 7, offerName: 'Spring Sale', affiliateName: 'Acme' },
      { offerId: 43, affiliateId: 7 },
    ],
    state: 'paused',
    stoppedAt: 2,
    note: 'Paused.',
  };

  it('reads a job from before smart links as the same offer job', () => {
    expect(decodeStored(bulkJobItem, { v: 1, data: v1Job })).toEqual({
      value: {
        ...v1Job,
        accountId: FIRST_ACCOUNT_ID,
        mode: 'targets',
        form: { ...EMPTY_FORM, linkType: 'offer', affiliateId: '7', sub1: 'x' },
        rows: [
          { targetId: 42, affiliateId: 7, targetName: 'Spring Sale', affiliateName: 'Acme' },
          { targetId: 43, affiliateId: 7 },
        ],
      },
      status: 'migrated',
    });
    const oneOffer = decodeStored(bulkJobItem, { v: 1, data: { ...v1Job, mode: 'affiliates' } }).value;
    expect(oneOffer?.mode).toBe('affiliates');
  });

  it('a version-1 job made offer links, even should its form say otherwise', () => {
    expect(decodeStored(bulkJobItem, { v: 1, data: { ...v1Job, form: { ...v1Form, linkType: 'smart' } } }).value?.form.linkType).toBe(
      'offer',
    );
  });

  it('reads back a smart-link job; a cleared job, damaged data or a newer version read as no job', () => {
    const smart: BulkJob = {
      ...job(),
      form: { ...EMPTY_FORM, linkType: 'smart' },
      rows: [{ targetId: 6, affiliateId: 7, targetName: 'Members smart link' }],
    };
    expect(decodeStored(bulkJobItem, bulkJobItem.encode(smart))).toEqual({ value: smart, status: 'ok' });
    expect(decodeStored(bulkJobItem, { v: bulkJobItem.version, data: null })).toEqual({ value: null, status: 'ok' });
    expect(decodeStored(bulkJobItem, { v: 1, data: { ...v1Job, rows: 'x' } })).toEqual({ value: null, status: 'reset' });
    expect(decodeStored(bulkJobItem, { v: bulkJobItem.version + 1, data: smart }).status).toBe('reset');
  });

  it('a job from before accounts (v2) is the first account’s; today a job says its account, or it is none', () => {
    const { accountId: _first, ...v2Job } = job();
    expect(decodeStored(bulkJobItem, { v: 2, data: v2Job })).toStrictEqual({ value: job(), status: 'migrated' });
    expect(decodeStored(bulkJobItem, { v: 2, data: null })).toStrictEqual({ value: null, status: 'migrated' });
    expect(decodeStored(bulkJobItem, { v: bulkJobItem.version, data: v2Job })).toStrictEqual({ value: null, status: 'reset' });
    expect(decodeStored(bulkJobItem, bulkJobItem.encode(job({ accountId: 'second' }))).value?.accountId).toBe('second');
  });
});

describe('readResult', () => {
  it('reads results stored before the notes existed, and keeps a note only when it is set', () => {
    expect(readResult({ ok: true, job: 'j', url: 'https://t.example/', at: 1 })).toEqual({
      ok: true,
      job: 'j',
      url: 'https://t.example/',
      at: 1,
    });
    expect(readResult({ ok: true, job: 'j', url: 'https://t.example/', at: 1, someOffersClosed: true, directLink: false })).toEqual({
      ok: true,
      job: 'j',
      url: 'https://t.example/',
      at: 1,
      someOffersClosed: true,
    });
    expect(readResult({ ok: false, job: 'j', message: 'No.', at: 1, someOffersClosed: true })).toEqual({
      ok: false,
      job: 'j',
      message: 'No.',
      at: 1,
    });
  });
});
