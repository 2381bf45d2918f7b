// What the background does for each UI → background message. worker.ts wires these to the router.
import { failure } from '../everflow/failures';
import { accountsItem } from '../shared/accounts/accounts';
import { lastLinkItem } from '../shared/link/outcome';
import { settingsItem } from '../shared/settings/settings';
import { recentAffiliatesItem } from '../shared/history/recent-affiliates';
import { addAccount, forgetAccount, testAccount, updateAccount } from './account-changes';
import { accountsWithKeys, allKeys } from './account-keys';
import { whenAccountsReady } from './accounts';
import { copyText } from './clipboard';
import { firstLine } from '../everflow/text';
import { containsKey, withoutKey } from '../everflow/key-in-text';
import { controlBulk, startBulk } from './bulk-engine';
import { clearHistory, deleteEntry } from './history-store';
import { clearLookupCache, lookupName, runLookup } from './lookup-service';
import type { Handlers } from './message-router';
import { readShortcuts } from './shortcuts';

export const RESET_NOTICE = 'Some saved settings could not be read and were reset to their defaults; check the options page.';

export function createHandlers(): Handlers {
  const handlers: Handlers = {
    async getStatus() {
      const [accounts, settings, lastLink, recentAffiliates, withKeys] = await Promise.all([
        accountsItem.load(),
        settingsItem.load(),
        lastLinkItem.load(),
        recentAffiliatesItem.load(),
        accountsWithKeys(),
      ]);
      const notices: string[] = [];
      if ([accounts, settings, lastLink, recentAffiliates].some((item) => item.status === 'reset')) notices.push(RESET_NOTICE);
      return {
        ok: true,
        accounts: accounts.value.accounts.map((account) => ({ ...account, hasKey: withKeys.has(account.id) })),
        lastUsedId: accounts.value.lastUsedId,
        newOfferSubs: settings.value.newOfferSubs,
        lastLink: lastLink.value,
        recentAffiliates: recentAffiliates.value,
        notices,
      };
    },

    addAccount: (request) => addAccount(request),
    updateAccount: (patch) => updateAccount(patch),
    forgetAccount: ({ accountId }) => forgetAccount(accountId),
    testConnection: ({ accountId }) => testAccount(accountId),

    async updateSettings({ newOfferSubs }) {
      if (newOfferSubs !== undefined) await settingsItem.update((settings) => ({ ...settings, newOfferSubs }));
      return { ok: true };
    },

    getShortcuts: () => readShortcuts(),

    lookup: (request) => runLookup(request),
    name: ({ accountId, kind, id, channel, cacheOnly }) => lookupName(accountId, kind, id, { channel, cacheOnly: cacheOnly === true }),

    async deleteHistoryEntry({ id }) {
      await deleteEntry(id);
      return { ok: true };
    },

    async clearHistory({ accountId }) {
      await clearHistory(accountId);
      return { ok: true };
    },

    async clearLookupCache() {
      await clearLookupCache();
      return { ok: true };
    },

    bulkStart: (request) => startBulk(request),
    bulkControl: ({ action }) => controlBulk(action),

    async guardTexts({ texts }) {
      const keys = await allKeys();
      const cut = (text: string) => keys.reduce((cleaned, key) => withoutKey(cleaned, key), text);
      return { ok: true, held: texts.map((text) => keys.some((key) => containsKey(text, key))), cleaned: texts.map(cut) };
    },

    async copy({ text }) {
      const copied = await copyText(text);
      return copied === null
        ? failure('internal', 'The browser did not allow copying; select the link and press Ctrl+C.')
        : { ok: true, line: firstLine(copied) };
    },
  };
  // An update from the version with one key makes it the first account before anything reads or writes
  // accounts or settings (the old settings hold that key's region, pace and domains).
  return Object.fromEntries(
    Object.entries(handlers).map(([type, handle]) => [
      type,
      async (payload: never) => {
        await whenAccountsReady();
        return (handle as (payload: never) => unknown)(payload);
      },
    ]),
  ) as Handlers;
}
