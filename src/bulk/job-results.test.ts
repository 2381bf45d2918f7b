import { describe, expect, it } from 'vitest';
import { bulkJobItem, rowKey, type BulkJob } from '../shared/bulk/bulk-job';
import { EMPTY_FORM } from '../shared/link/link-form';
import { isBulkKey, withJobChange, withRowChanges, type JobView } from './job-results';

const job = (id: string, state: BulkJob['state'] = 'running', rows = 3): BulkJob => ({
  id,
  accountId: 'first',
  createdAt: 1,
  mode: 'affiliates',
  form: EMPTY_FORM,
  rows: Array.from({ length: rows }, (_, i) => ({ targetId: 1, affiliateId: i + 1 })),
  state,
});
const stored = (value: BulkJob | null) => bulkJobItem.encode(value);
const link = (jobId: string, url: string) => ({ ok: true, job: jobId, url, at: 5 }) as const;

const view: JobView = { job: job('a'), results: [undefined, undefined, undefined] };

describe('isBulkKey', () => {
  it('is the job and its rows, nothing else', () => {
    expect([isBulkKey('bulkJob'), isBulkKey(rowKey(3)), isBulkKey('history'), isBulkKey('bulkDraft')]).toEqual([true, true, false, false]);
  });
});

describe('withJobChange', () => {
  it('takes the new state of the same job and keeps its rows (so no row re-renders)', () => {
    const next = withJobChange(view, stored({ ...job('a', 'paused'), rows: job('a').rows.map((row) => ({ ...row })) }));
    expect(next?.job?.state).toBe('paused');
    expect(next?.job?.rows).toBe(view.job!.rows);
    expect(next?.results).toBe(view.results);
  });

  it('asks for a full read when the job is new, cleared or unreadable', () => {
    expect(withJobChange(view, stored(job('b')))).toBeNull();
    expect(withJobChange(view, undefined)).toBeNull();
    expect(withJobChange(view, { v: bulkJobItem.version, data: 'junk' })).toBeNull();
    expect(withJobChange({ job: null, results: [] }, stored(job('a')))).toBeNull();
  });
});

describe('withRowChanges', () => {
  it('puts each new result in its row', () => {
    const next = withRowChanges(view, { [rowKey(1)]: { newValue: link('a', 'https://x/1') } });
    expect(next.results).toEqual([undefined, link('a', 'https://x/1'), undefined]);
    expect(view.results[1]).toBeUndefined();
  });

  it('empties a row whose result was removed (a retry)', () => {
    const done: JobView = { job: view.job, results: [link('a', 'u'), undefined, undefined] };
    expect(withRowChanges(done, { [rowKey(0)]: {} }).results[0]).toBeUndefined();
  });

  it('ignores other jobs’ results, unreadable ones, rows the job does not have, and other keys', () => {
    const changes = {
      [rowKey(0)]: { newValue: link('old', 'u') },
      [rowKey(1)]: { newValue: { ok: true } },
      [rowKey(3)]: { newValue: link('a', 'u') },
      'bulkRow:x': { newValue: link('a', 'u') },
      history: { newValue: [] },
    };
    expect(withRowChanges(view, changes)).toBe(view);
  });

  it('does nothing without a job', () => {
    const empty: JobView = { job: null, results: [] };
    expect(withRowChanges(empty, { [rowKey(0)]: { newValue: link('a', 'u') } })).toBe(empty);
  });
});
