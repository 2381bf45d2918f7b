// The page item's title follows the tab in front (refreshPageItem), with the worker's fake chrome:
// a tab switch that changes nothing the title says reads no history and writes no menu.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { installFakeChrome, type FakeChrome } from '../../e2e/unit-fixtures/fake-chrome';

vi.mock('webextension-polyfill', async () => (await import('../../e2e/unit-fixtures/fake-chrome')).fakePolyfill());

let fake: FakeChrome;
let tabUrl: string;
let titles: string[];
let historyReads: number;

beforeEach(() => {
  vi.resetModules();
  fake = installFakeChrome();
  tabUrl = 'https://acme.everflowclient.io/offers/42';
  titles = [];
  historyReads = 0;
  fake.chrome.tabs.query = (async () => [{ url: tabUrl }]) as unknown as typeof chrome.tabs.query;
  fake.chrome.contextMenus.update = (async (_id: string | number, { title }: { title?: string }) => {
    titles.push(String(title));
  }) as unknown as typeof chrome.contextMenus.update;
  fake.chrome.contextMenus.create = ((_item: unknown, created?: () => void) => {
    created?.();
    return '';
  }) as unknown as typeof chrome.contextMenus.create;
  const get = fake.chrome.storage.local.get.bind(fake.chrome.storage.local);
  fake.chrome.storage.local.get = ((keys: unknown) => {
    if (keys === 'history' || (Array.isArray(keys) && keys.includes('history'))) historyReads++;
    return get(keys as never);
  }) as typeof chrome.storage.local.get;
});

afterEach(() => vi.unstubAllGlobals());

it('names the offer of the tab in front, and reads and writes again only when it changes', async () => {
  await fake.chrome.storage.local.set({ recentAffiliates: { v: 1, data: [7] } });
  const { refreshPageItem } = await import('./context-menu');

  await refreshPageItem();
  await refreshPageItem(); // another tab on the same offer, or the window regaining focus
  expect(titles).toStrictEqual(['Copy tracking link for offer 42 (affiliate 7)']);
  expect(historyReads).toBe(1);

  tabUrl = 'https://acme.everflowclient.io/offers/43';
  await refreshPageItem();
  tabUrl = 'https://example.com/';
  await refreshPageItem();
  await refreshPageItem();
  expect(titles).toStrictEqual([
    'Copy tracking link for offer 42 (affiliate 7)',
    'Copy tracking link for offer 43 (affiliate 7)',
    'Copy tracking link for this page’s offer (affiliate 7)',
  ]);
  expect(historyReads).toBe(3);
});

it('after a rebuild of the menu (new names, affiliates or settings), a tab switch to the same offer writes nothing', async () => {
  const { refreshPageItem, registerMenu } = await import('./context-menu');
  await registerMenu();
  await refreshPageItem();
  expect(titles).toStrictEqual([]);

  // A new last affiliate changes what the title says, even on the same page.
  await fake.chrome.storage.local.set({ recentAffiliates: { v: 1, data: [9] } });
  await refreshPageItem();
  expect(titles).toStrictEqual(['Copy tracking link for offer 42 (affiliate 9)']);
});
