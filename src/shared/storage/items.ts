// Every item the extension stores, in one list: where to look first when asking "what is kept, and who
// writes it?". Each item is declared with its feature (its schema, version, migrations, default and
// writer sit there); this index only names them. Tests hold the code to it (items.test.ts).
// Only the background and the tests import this list: it names the API key's items too.
import { keptKeysItem, legacyKeptKeyItem, legacySessionKeyItem, sessionKeysItem } from '../accounts/keys';
import { accountsItem } from '../accounts/accounts';
import { bulkDraftItem } from '../bulk/bulk-draft';
import { ROW_KEY_PREFIX, bulkJobItem } from '../bulk/bulk-job';
import { copyFormatsItem } from '../copy-formats/copy-formats';
import { historyItem } from '../history/history';
import { recentAffiliatesItem } from '../history/recent-affiliates';
import { draftItem } from '../link/draft';
import { lastLinkItem } from '../link/outcome';
import { pendingPrefillItem } from '../link/prefill';
import { lookupCacheItem } from '../lookups/lookup-cache';
import { pinnedPairsItem } from '../pinned/pinned-pairs';
import { presetsItem } from '../presets/presets';
import { settingsItem } from '../settings/settings';
import type { StorageItem } from './define-item';

/** Each stored item by the name the code knows it by, with what it holds in a few words. */
export const STORED_ITEMS = {
  accountsItem: {
    item: accountsItem,
    holds: 'each Everflow account (no key): its kind, region, network, label, pace and dashboard domains; the last used',
  },
  keptKeysItem: { item: keptKeysItem, holds: 'the accounts’ API keys kept until forgotten, by account' },
  sessionKeysItem: { item: sessionKeysItem, holds: 'the accounts’ API keys kept only until the browser closes, by account' },
  legacyKeptKeyItem: {
    item: legacyKeptKeyItem,
    holds: 'the one API key of the version before accounts: read once, for the first account, then removed',
  },
  legacySessionKeyItem: { item: legacySessionKeyItem, holds: 'the same, kept for the session' },
  settingsItem: { item: settingsItem, holds: 'what a new offer does to the subs (each account has its own region, pace and domains)' },
  draftItem: { item: draftItem, holds: 'the popup’s form as last typed' },
  pendingPrefillItem: { item: pendingPrefillItem, holds: 'the offer or smart link the right-click menu asked the popup to show' },
  lastLinkItem: { item: lastLinkItem, holds: 'the last link made, for a popup that reopens' },
  recentAffiliatesItem: { item: recentAffiliatesItem, holds: 'the affiliates of the last links, most recent first' },
  historyItem: { item: historyItem, holds: 'every link made (the last 1,000), with what it was made from' },
  lookupCacheItem: { item: lookupCacheItem, holds: 'Everflow’s answers to look-ups, for 10 minutes' },
  presetsItem: { item: presetsItem, holds: 'presets, each with the affiliates it is for, and the default' },
  pinnedPairsItem: { item: pinnedPairsItem, holds: 'pinned offer × affiliate pairs' },
  copyFormatsItem: { item: copyFormatsItem, holds: 'message templates and the default copy format' },
  bulkJobItem: { item: bulkJobItem, holds: 'the current or last bulk job' },
  bulkDraftItem: { item: bulkDraftItem, holds: 'the Bulk links page’s form as last typed' },
} as const satisfies Record<string, { item: StorageItem<any>; holds: string }>;

/** Stored without an item of their own: one bulk row's result each, under `bulkRow:<index>` (written by the bulk engine). */
export const BULK_ROW_KEYS = { prefix: ROW_KEY_PREFIX, writer: 'background', holds: 'one bulk row’s link or failure' } as const;
