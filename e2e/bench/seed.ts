// What `npm run bench` stores before it measures, so its times are those of someone who has used the
// extension for a while: a full history (1,000 links, with names) and a finished bulk job of 2,000
// rows. The right-click menu and the keyboard read the history for names on every link; a worker
// that starts may read the bulk job. Written with the items' own encoding (shared/storage).
import type { Worker } from '@playwright/test';
import { FIRST_ACCOUNT_ID } from '../../src/shared/accounts/accounts';
import { MAX_BULK_ROWS, bulkJobItem, type BulkJob } from '../../src/shared/bulk/bulk-job';
import { MAX_HISTORY, historyItem, type HistoryEntry } from '../../src/shared/history/history';
import { EMPTY_FORM } from '../../src/shared/link/link-form';

/** Offers and affiliates of the simulator's seeded network, with its names. */
const OFFERS: [number, string][] = [
  [1, 'Starter Offer – CPA'],
  [9, 'Quick Quiz – CPL'],
  [42, 'Summer Sale – US – CPA'],
  [43, 'Summer Sale – CA – CPA'],
  [99, 'Garden Tools – CPA'],
];

function history(now: number): HistoryEntry[] {
  return Array.from({ length: MAX_HISTORY }, (_, i) => {
    const [offerId, offerName] = OFFERS[i % OFFERS.length]!;
    const affiliateId = 100 + (i % 40);
    return {
      id: `bench-${i}`,
      // The bench's one account, added first: 'first'.
      accountId: FIRST_ACCOUNT_ID,
      url: `https://trk.example-trk.com/B${affiliateId}/O${offerId}/?sub1=spring-${i}`,
      input: { linkType: 'offer', offerId, affiliateId, sub1: `spring-${i}`, encryptParameters: false, redirectLink: false },
      surface: i % 3 === 0 ? 'menu' : 'popup',
      at: now - (i + 1) * 60_000,
      offerName,
      affiliateName: `Partner ${affiliateId}`,
    };
  });
}

function bulkJob(now: number): BulkJob {
  return {
    id: 'bench-job',
    accountId: FIRST_ACCOUNT_ID,
    createdAt: now - 3_600_000,
    mode: 'affiliates',
    form: { ...EMPTY_FORM, sub1: 'bulk-{affiliate_id}' },
    rows: Array.from({ length: MAX_BULK_ROWS }, (_, i) => ({
      targetId: 42,
      affiliateId: 100_001 + i,
      affiliateName: `Partner ${100_001 + i}`,
    })),
    state: 'done',
    stoppedAt: now - 3_500_000,
    ranMs: 70_000,
  };
}

/** Stores the history and the finished job through the worker. */
export async function seedUsedExtension(worker: Worker): Promise<void> {
  const now = Date.now();
  const items = { [historyItem.key]: historyItem.encode(history(now)), [bulkJobItem.key]: bulkJobItem.encode(bulkJob(now)) };
  await worker.evaluate((stored) => chrome.storage.local.set(stored), items);
}
