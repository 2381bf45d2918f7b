// A sample bulk job for the unit tests of src/shared/bulk/bulk-job.ts and src/bulk/. Tests only.
import { FIRST_ACCOUNT_ID } from '../../src/shared/accounts/accounts';
import type { BulkJob } from '../../src/shared/bulk/bulk-job';
import { EMPTY_FORM } from '../../src/shared/link/link-form';

export const sampleJob = (over: Partial<BulkJob> = {}): BulkJob => ({
  id: 'job-1',
  accountId: FIRST_ACCOUNT_ID,
  createdAt: new Date(2026, 10, 24, 9, 30).getTime(),
  mode: 'affiliates',
  form: { ...EMPTY_FORM, sub1: 'aff-{affiliate_id}' },
  rows: [
    { targetId: 42, affiliateId: 7, targetName: 'Spring Sale' },
    { targetId: 42, affiliateId: 8 },
    { targetId: 42, affiliateId: 9, affiliateName: '=HYPERLINK("x")' },
  ],
  state: 'running',
  ...over,
});
