import { describe, expect, it } from 'vitest';
import type { BulkJob } from '../shared/bulk/bulk-job';
import type { BulkProgress } from './bulk-progress';
import { EMPTY_FORM } from '../shared/link/link-form';
import { bulkCsvFileName, changeAnnouncement, startBlockedReason, statusLine } from './job-status';

const progress = (done: number, failed: number, remaining: number, more: Partial<BulkProgress> = {}): BulkProgress => ({
  total: done + failed + remaining,
  done,
  failed,
  remaining,
  ...more,
});

const job = (id: string, state: BulkJob['state'], rows = 3): BulkJob => ({
  id,
  accountId: 'first',
  createdAt: 0,
  mode: 'affiliates',
  form: EMPTY_FORM,
  rows: Array.from({ length: rows }, (_, i) => ({ targetId: 1, affiliateId: i + 1 })),
  state,
});

describe('statusLine', () => {
  it('counts, and tells the pace and the time left while running once they are measured', () => {
    expect(statusLine('running', progress(12, 1, 987))).toBe('12 done · 1 failed · 987 remaining');
    expect(statusLine('running', progress(12, 1, 987, { pace: { perSecond: 28.4, secondsLeft: 34.8 } }))).toBe(
      '12 done · 1 failed · 987 remaining · 28 links/s · about 35 s left',
    );
  });

  it('says when the job is paused, cancelled or finished, and how long a finished job took', () => {
    expect(statusLine('paused', progress(5, 0, 5, { pace: { perSecond: 1, secondsLeft: 5 } }))).toBe(
      '5 done · 0 failed · 5 remaining · Paused.',
    );
    expect(statusLine('cancelled', progress(5, 0, 5))).toBe('5 done · 0 failed · 5 remaining · Cancelled.');
    expect(statusLine('done', progress(8, 2, 0))).toBe('8 done · 2 failed · 0 remaining · Finished: 8 links made, 2 failed.');
    expect(statusLine('done', progress(1, 0, 0))).toBe('1 done · 0 failed · 0 remaining · Finished: 1 link made, 0 failed.');
    expect(statusLine('done', progress(998, 2, 0, { tookMs: 36_200 }))).toBe(
      '998 done · 2 failed · 0 remaining · Finished: 998 links made, 2 failed. Took 36 s.',
    );
  });

  it('says why the background paused the job by itself', () => {
    const note = 'Paused. No Everflow API key is saved yet; add one on the options page, then press Resume.';
    expect(statusLine('paused', progress(5, 0, 5), note)).toBe(`5 done · 0 failed · 5 remaining · ${note}`);
  });
});

describe('startBlockedReason', () => {
  it('explains why no job can start while one runs or is paused', () => {
    expect(startBlockedReason('running')).toMatch(/^A job is running/);
    expect(startBlockedReason('paused')).toMatch(/^A job is paused/);
    expect([startBlockedReason('done'), startBlockedReason('cancelled'), startBlockedReason(undefined)]).toEqual(['', '', '']);
  });
});

describe('changeAnnouncement', () => {
  const before = { id: 'a', state: 'running' } as const;

  it('announces a new job, each change of state, and a cleared job', () => {
    expect(changeAnnouncement(null, job('a', 'running'), progress(0, 0, 3))).toBe('Started: 3 links to make.');
    expect(changeAnnouncement(before, job('a', 'paused'), progress(1, 0, 2))).toBe('Paused.');
    expect(changeAnnouncement({ id: 'a', state: 'paused' }, job('a', 'running'), progress(1, 0, 2))).toBe('Resumed.');
    expect(changeAnnouncement(before, job('a', 'cancelled'), progress(1, 0, 2))).toBe('Cancelled.');
    expect(changeAnnouncement(before, job('a', 'done'), progress(2, 1, 0))).toBe('Finished: 2 links made, 1 failed.');
    expect(changeAnnouncement(before, job('a', 'done'), progress(3, 0, 0, { tookMs: 250_000 }))).toBe(
      'Finished: 3 links made, 0 failed. Took 4 min 10 s.',
    );
    expect(changeAnnouncement({ id: 'a', state: 'done' }, job('a', 'running'), progress(2, 0, 1))).toBe('Started again.');
    expect(changeAnnouncement(before, null, progress(0, 0, 0))).toBe('The job was cleared.');
  });

  it('stays quiet when nothing changed', () => {
    expect(changeAnnouncement(before, job('a', 'running'), progress(2, 0, 1))).toBe('');
    expect(changeAnnouncement(null, null, progress(0, 0, 0))).toBe('');
  });
});

describe('bulkCsvFileName', () => {
  it('names the file after the local date and time, to the minute', () => {
    expect(bulkCsvFileName(new Date(2026, 2, 5, 9, 7, 59))).toBe('bulk-links-2026-03-05-0907.csv');
    expect(bulkCsvFileName(new Date(2026, 11, 31, 23, 59))).toBe('bulk-links-2026-12-31-2359.csv');
  });
});
