// The page item's title follows the tab in front (refreshPageItem), with the worker's fake chrome:
// a tab switch that changes nothing the title says reads no history and writes no menu.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { installFakeChrome, type FakeChrome } from '../../e2e/unit-fixtures/fake-chrome';
import { saveAccount, saveTwoAccounts } from '../../e2e/unit-fixtures/test-accounts';
import { recentAffiliatesItem } from '../shared/history/recent-affiliates';

vi.mock('webextension-polyfill', async () => (await import('../../e2e/unit-fixtures/fake-chrome')).fakePolyfill());

let fake: FakeChrome;
let tabUrl: string;
let titles: string[];
let created: string[];
let historyReads: number;

/** Each account's recent affiliates, stored as the background stores them. */
const setRecent = (recent: Record<string, number[]>) =>
  fake.chrome.storage.local.set({ [recentAffiliatesItem.key]: recentAffiliatesItem.encode(recent) });

beforeEach(() => {
  vi.resetModules();
  fake = installFakeChrome();
  tabUrl = 'https://acme.everflowclient.io/offers/42';
  titles = [];
  created = [];
  historyReads = 0;
  saveAccount(fake);
  fake.chrome.tabs.query = (async () => [{ url: tabUrl }]) as unknown as typeof chrome.tabs.query;
  fake.chrome.contextMenus.update = (async (_id: string | number, { title }: { title?: string }) => {
    titles.push(String(title));
  }) as unknown as typeof chrome.contextMenus.update;
  fake.chrome.contextMenus.create = ((item: { title?: string }, done?: () => void) => {
    created.push(String(item.title));
    done?.();
    return '';
  }) as unknown as typeof chrome.contextMenus.create;
  const get = fake.chrome.storage.local.get.bind(fake.chrome.storage.local);
  fake.chrome.storage.local.get = ((keys: unknown) => {
    if (keys === 'history' || (Array.isArray(keys) && keys.includes('history'))) historyReads++;
    return get(keys as never);
  }) as typeof chrome.storage.local.get;
});

afterEach(() => vi.unstubAllGlobals());

/** The whole menu was built: its last item is there. */
const built = () => vi.waitFor(() => expect(created.at(-1)).toBe('Open link builder…'));

it('names the offer of the tab in front, and reads and writes again only when it changes', async () => {
  await setRecent({ first: [7] });
  const { refreshPageItem, registerMenu } = await import('./context-menu');
  await registerMenu();
  historyReads = 0;

  await refreshPageItem(); // another tab on the same offer, or the window regaining focus
  expect([titles, historyReads]).toStrictEqual([[], 0]);

  tabUrl = 'https://acme.everflowclient.io/offers/43';
  await refreshPageItem();
  await refreshPageItem();
  tabUrl = 'https://example.com/';
  await refreshPageItem();
  await refreshPageItem();
  expect(titles).toStrictEqual(['Copy tracking link for offer 43 (affiliate 7)', 'Copy tracking link for this page’s offer (affiliate 7)']);
  expect(historyReads).toBe(2);
});

it('a worker just woken builds the whole menu on its first tab switch (it cannot know whose tab it was built for), then only titles', async () => {
  await setRecent({ first: [7] });
  const { refreshPageItem } = await import('./context-menu');
  await refreshPageItem();
  await built();
  expect(created[0]).toBe('Copy tracking link for offer 42 (affiliate 7)');
  created = [];
  tabUrl = 'https://acme.everflowclient.io/offers/43';
  await refreshPageItem();
  expect([titles, created]).toStrictEqual([['Copy tracking link for offer 43 (affiliate 7)'], []]);
});

it('after a rebuild of the menu (new names, affiliates or settings), a tab switch to the same offer writes nothing', async () => {
  const { refreshPageItem, registerMenu } = await import('./context-menu');
  await registerMenu();
  await refreshPageItem();
  expect(titles).toStrictEqual([]);

  // A new last affiliate changes what the title says, even on the same page.
  await setRecent({ first: [9] });
  await refreshPageItem();
  expect(titles).toStrictEqual(['Copy tracking link for offer 42 (affiliate 9)']);
});

it('a tab on another account’s dashboard rebuilds the menu with that account’s affiliates; back on the first, its own again', async () => {
  saveTwoAccounts(fake);
  await setRecent({ first: [7], second: [12, 3] });
  const { refreshPageItem, registerMenu } = await import('./context-menu');
  await registerMenu();
  expect(created[0]).toBe('Copy tracking link for offer 42 (affiliate 7)');
  expect(created).toContain('Affiliate 7');

  created = [];
  tabUrl = 'https://nordlys.everflowclient.io/offers/42';
  await refreshPageItem();
  await built();
  expect(created[0]).toBe('Copy tracking link for offer 42 (affiliate 12)');
  expect(created).toEqual(expect.arrayContaining(['Affiliate 12', 'Affiliate 3']));
  expect(created).not.toContain('Affiliate 7');

  created = [];
  tabUrl = 'https://acme.everflowclient.io/offers/43';
  await refreshPageItem();
  await built();
  expect(created[0]).toBe('Copy tracking link for offer 43 (affiliate 7)');
  expect(created).not.toContain('Affiliate 12');
});
