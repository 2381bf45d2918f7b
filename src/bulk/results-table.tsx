// The job's rows and what became of each. Up to 2,000 rows update several times a second, so each
// row is a component that re-renders only when its own result changes (shouldComponentUpdate).
import { Component } from 'preact';
import type { BulkResult, BulkRow } from '../shared/bulk-job';
import { idWithName } from './bulk-check';

interface RowProps {
  index: number;
  row: BulkRow;
  result: BulkResult | undefined;
  cancelled: boolean;
}

export const NOT_YET = 'Not made yet.';
export const NOT_MADE = 'Not made: the job was cancelled.';

class ResultRow extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps) {
    const now = this.props;
    return next.result !== now.result || next.row !== now.row || next.cancelled !== now.cancelled || next.index !== now.index;
  }

  override render({ index, row, result, cancelled }: RowProps) {
    return (
      <tr>
        <td class="bulk-index">{index + 1}</td>
        <td>{idWithName(row.offerId, row.offerName)}</td>
        <td>{idWithName(row.affiliateId, row.affiliateName)}</td>
        {result?.ok ? (
          <td class="bulk-url">{result.url}</td>
        ) : result ? (
          <td class="bulk-failed">{result.message}</td>
        ) : (
          <td class="bulk-waiting">{cancelled ? NOT_MADE : NOT_YET}</td>
        )}
      </tr>
    );
  }
}

interface ResultsTableProps {
  rows: readonly BulkRow[];
  results: readonly (BulkResult | undefined)[];
  cancelled: boolean;
}

export function ResultsTable({ rows, results, cancelled }: ResultsTableProps) {
  return (
    // Scrolls on its own, so the form below stays near; focusable, so the keyboard can scroll it too.
    <div class="bulk-results" tabIndex={0} role="region" aria-label="Results table">
      <table class="bulk-table">
        <caption>Results</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Offer</th>
            <th scope="col">Affiliate</th>
            <th scope="col">Link or error</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <ResultRow key={index} index={index} row={row} result={results[index]} cancelled={cancelled} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
