// The job's rows and what became of each. Up to 2,000 rows update several times a second, so each
// row is a component that re-renders only when its own result changes (shouldComponentUpdate).
import { Component } from 'preact';
import { LINK_TYPE_LABELS, type LinkType } from '../everflow/link-fields';
import type { BulkResult, BulkRow } from '../shared/bulk/bulk-job';
import { DIRECT_LINK_NOTE, SOME_OFFERS_CLOSED_NOTE } from '../shared/link/link-notes';
import { idWithName } from './bulk-check';
import { NOT_MADE, NOT_YET } from './job-status';

interface RowProps {
  index: number;
  row: BulkRow;
  result: BulkResult | undefined;
  cancelled: boolean;
}

class ResultRow extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps) {
    const now = this.props;
    return next.result !== now.result || next.row !== now.row || next.cancelled !== now.cancelled || next.index !== now.index;
  }

  override render({ index, row, result, cancelled }: RowProps) {
    return (
      <tr>
        <td class="bulk-index">{index + 1}</td>
        <td>{idWithName(row.targetId, row.targetName)}</td>
        <td>{idWithName(row.affiliateId, row.affiliateName)}</td>
        {result?.ok ? (
          <td>
            <span class="bulk-url">{result.url}</span>
            {result.someOffersClosed ? <p class="bulk-note">{SOME_OFFERS_CLOSED_NOTE}</p> : null}
            {result.directLink ? <p class="bulk-note">{DIRECT_LINK_NOTE}</p> : null}
          </td>
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
  linkType: LinkType;
  rows: readonly BulkRow[];
  results: readonly (BulkResult | undefined)[];
  cancelled: boolean;
  /** Only the rows that failed, each under its own row number. */
  failedOnly: boolean;
}

export function ResultsTable({ linkType, rows, results, cancelled, failedOnly }: ResultsTableProps) {
  return (
    // Scrolls on its own, so the form below stays near; focusable, so the keyboard can scroll it too.
    <div class="bulk-results" tabIndex={0} role="region" aria-label="Results table">
      <table class="bulk-table">
        <caption>{failedOnly ? 'Results: failed rows only' : 'Results'}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{LINK_TYPE_LABELS[linkType]}</th>
            <th scope="col">Affiliate</th>
            <th scope="col">Link or error</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) =>
            failedOnly && results[index]?.ok !== false ? null : (
              <ResultRow key={index} index={index} row={row} result={results[index]} cancelled={cancelled} />
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
