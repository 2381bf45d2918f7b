// A bulk job's results as a CSV file and as a list of links, for the Bulk links page.
import type { BulkJob, BulkResult } from '../shared/bulk-job';
import { csvCell } from '../shared/csv';

export const BULK_CSV_COLUMNS = ['Offer ID', 'Offer name', 'Affiliate ID', 'Affiliate name', 'Link', 'Error'] as const;

/** One line per row in the job's order: its link, or the plain error, or nothing yet. RFC 4180, CRLF. */
export function bulkCsv(job: BulkJob, results: readonly (BulkResult | undefined)[]): string {
  const lines = [BULK_CSV_COLUMNS.map(csvCell).join(',')];
  job.rows.forEach((row, index) => {
    const result = results[index];
    lines.push(
      [
        row.offerId,
        row.offerName,
        row.affiliateId,
        row.affiliateName,
        result?.ok ? result.url : '',
        result && !result.ok ? result.message : result ? '' : job.state === 'cancelled' ? 'Not made: the job was cancelled.' : 'Not made yet.',
      ]
        .map(csvCell)
        .join(','),
    );
  });
  return `${lines.join('\r\n')}\r\n`;
}

/** Every link made, one per line, in the job's order. */
export function allLinks(results: readonly (BulkResult | undefined)[]): string {
  return results.flatMap((result) => (result?.ok ? [result.url] : [])).join('\n');
}
