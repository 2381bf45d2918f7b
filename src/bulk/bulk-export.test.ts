import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../e2e/fixtures/csv';
import type { BulkResult } from '../shared/bulk-job';
import { BULK_CSV_COLUMNS, allLinks, bulkCsv } from './bulk-export';
import { sampleJob as job } from '../../e2e/unit-fixtures/test-bulk-job';


describe('bulkCsv and allLinks', () => {
  const results: (BulkResult | undefined)[] = [
    { ok: true, job: 'job-1', url: 'https://t.example/a?x=1,2', at: 1 },
    { ok: false, job: 'job-1', message: 'Everflow refused the request (“Affiliate 8 cannot run this offer”); check the IDs.', at: 2 },
    undefined,
  ];

  it('has one line per row in order: link, or the plain error, or why there is none; names guarded', () => {
    const csv = bulkCsv(job({ state: 'cancelled' }), results);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv)).toEqual([
      [...BULK_CSV_COLUMNS],
      ['42', 'Spring Sale', '7', '', 'https://t.example/a?x=1,2', ''],
      ['42', '', '8', '', '', 'Everflow refused the request (“Affiliate 8 cannot run this offer”); check the IDs.'],
      ['42', '', '9', `'=HYPERLINK("x")`, '', 'Not made: the job was cancelled.'],
    ]);
  });

  it('copies every link made, one per line, and nothing else', () => {
    expect(allLinks(results)).toBe('https://t.example/a?x=1,2');
    expect(allLinks([results[0], results[0]])).toBe('https://t.example/a?x=1,2\nhttps://t.example/a?x=1,2');
  });
});
