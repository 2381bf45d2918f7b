// A history entry for the unit tests of the history's modules. Tests only.
import { FIRST_ACCOUNT_ID } from '../../src/shared/accounts/accounts';
import type { HistoryEntry } from '../../src/shared/history/history';

export const AT = Date.UTC(2026, 2, 14, 9, 30, 5);

export function historyEntry(n: number, extra: Partial<HistoryEntry> = {}, input: Partial<HistoryEntry['input']> = {}): HistoryEntry {
  return {
    id: `e${n}`,
    accountId: FIRST_ACCOUNT_ID,
    url: `https://trk.example.com/${n}/`,
    input: {
      linkType: 'offer',
      offerId: 100 + n,
      affiliateId: 200 + n,
      encryptParameters: false,
      redirectLink: false,
      ...input,
    } as HistoryEntry['input'],
    surface: 'popup',
    at: AT + n * 1000,
    ...extra,
  };
}
