import { describe, expect, it } from 'vitest';
import type { BulkResult } from '../shared/bulk/bulk-job';
import { describeTimeLeft, progressOf } from './bulk-progress';
import { sampleJob as job } from '../../e2e/unit-fixtures/test-bulk-job';

const ok = (at: number): BulkResult => ({ ok: true, job: 'job-1', url: 'https://t.example/', at });
const bad = (at: number): BulkResult => ({ ok: false, job: 'job-1', message: 'No.', at });

describe('progressOf', () => {
  it('counts done, failed and remaining, and estimates the time left from the recent pace', () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ targetId: 1, affiliateId: i + 1 }));
    // 21 rows finished over 1 s: 20 a second, 79 to go → 4 s.
    const results = [...Array.from({ length: 20 }, (_, i) => ok(10_000 + i * 50)), bad(11_000)];
    expect(progressOf(job({ rows }), results, 11_000)).toEqual({ total: 100, done: 20, failed: 1, remaining: 79, secondsLeft: 4 });
  });

  it('has no estimate before there is a pace, when paused, or when nothing remains', () => {
    const rows = [
      { targetId: 1, affiliateId: 1 },
      { targetId: 1, affiliateId: 2 },
    ];
    expect(progressOf(job({ rows }), [ok(1)], 10).secondsLeft).toBeUndefined();
    expect(
      progressOf(job({ rows: [...rows, { targetId: 1, affiliateId: 3 }], state: 'paused' }), [ok(1), ok(2)], 10).secondsLeft,
    ).toBeUndefined();
    expect(progressOf(job({ rows }), [ok(1), ok(2)], 10)).toEqual({ total: 2, done: 2, failed: 0, remaining: 0 });
  });

  it('the estimate grows while nothing arrives (a long pause after a 429)', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ targetId: 1, affiliateId: i + 1 }));
    const results = [ok(0), ok(100)];
    expect(progressOf(job({ rows }), results, 100).secondsLeft).toBe(1);
    expect(progressOf(job({ rows }), results, 10_100).secondsLeft).toBe(81);
  });
});

describe('describeTimeLeft', () => {
  it.each([
    [2, 'less than 5 s left'],
    [42, 'about 40 s left'],
    [89, 'about 90 s left'],
    [150, 'about 3 min left'],
    [7200, 'about 2 h left'],
  ])('%d s → %s', (seconds, text) => {
    expect(describeTimeLeft(seconds)).toBe(text);
  });
});
