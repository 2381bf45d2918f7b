// Notifications that lead somewhere: a click (fired at the worker's real listener, as Chrome reports a
// click; headless Chromium shows no notification to click) brings up the page that fixes or shows what
// the notification said, reusing a tab of that page when one is open.
import type { BrowserContext, Page } from '@playwright/test';
import {
  DASHBOARD,
  actionTitle,
  badgeText,
  clickMenu,
  clickNotification,
  notificationIds,
  openDashboardPage,
  serveDashboard,
} from './fixtures/dashboard';
import { addAccountByMessage } from './fixtures/add-account';
import { TEST_KEY, builtManifest, expect, test } from './fixtures/extension';
import { expectAccessible } from './fixtures/page-checks';
import { makeLinkInPopup } from './fixtures/popup-form';

const OFFER_PAGE = `${DASHBOARD}/offers/42/general`;

test.beforeEach(async ({ context }) => {
  await serveDashboard(context);
});

/** The tab showing this extension page (path from the built manifest, or a page's own), once it is there. */
async function pageAt(context: BrowserContext, extensionId: string, path: string): Promise<Page> {
  const url = `chrome-extension://${extensionId}/${path}`;
  await expect.poll(() => context.pages().filter((page) => page.url() === url).length, { message: `a tab at ${path}` }).toBe(1);
  return context.pages().find((page) => page.url() === url)!;
}

/** The tab in front of the last focused window, as the extension sees it: its ID. */
const frontTabId = async (page: Page) =>
  page.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
const ownTabId = async (page: Page) => page.evaluate(async () => (await chrome.tabs.getCurrent())?.id);

test('a missing or refused key: the click opens the options page at its accounts, or brings the open one there', async ({
  context,
  worker,
  extensionId,
  everflow,
  openExtensionPage,
}) => {
  const options = builtManifest().options_ui.page;
  // No key saved: the menu's copy fails, and its notification says to add one.
  await openDashboardPage(context, '/offers/42/general');
  await clickMenu(worker, { menuItemId: 'copy-for-page', pageUrl: OFFER_PAGE });
  await expect.poll(() => badgeText(worker)).toBe('!');
  const before = context.pages().length;
  await clickNotification(worker, 'link-result');
  const opened = await pageAt(context, extensionId, `${options}#accounts`);
  expect(context.pages()).toHaveLength(before + 1);
  await expect(opened).toHaveTitle('Link Builder for Everflow – Options');
  expect(await frontTabId(opened)).toBe(await ownTabId(opened));
  // The person has seen what failed: the ! goes with the notification.
  expect(await badgeText(worker)).toBe('');
  expect(await notificationIds(worker)).toStrictEqual([]);

  // A key Everflow then refuses, with the options page open at another section and another tab in
  // front: that page comes to the front at its accounts, the same document (moved, not reloaded), and
  // no second one opens.
  await opened.evaluate(() => {
    location.hash = '#presets';
    (window as unknown as { stayed: boolean }).stayed = true;
  });
  await addAccountByMessage(context, extensionId);
  await makeLinkInPopup(openExtensionPage, { 'Offer ID': '1', 'Affiliate ID': '7' });
  everflow.revokeKey(TEST_KEY);
  await openDashboardPage(context, '/offers/42/general');
  expect(await frontTabId(opened)).not.toBe(await ownTabId(opened));
  await clickMenu(worker, { menuItemId: 'copy-for-page', pageUrl: OFFER_PAGE });
  await expect.poll(() => badgeText(worker)).toBe('!');
  expect(await actionTitle(worker)).toBe('Link Builder for Everflow — No tracking link was copied');
  expect(everflow.linkRequests).toHaveLength(2);
  await clickNotification(worker, 'link-result');
  await expect.poll(() => opened.url()).toBe(`chrome-extension://${extensionId}/${options}#accounts`);
  await expect.poll(() => frontTabId(opened)).toBe(await ownTabId(opened));
  expect(await opened.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  expect(context.pages().filter((page) => page.url().includes(options))).toHaveLength(1);
});

test('a copied link: the click opens History at that link, marked and focused; an open History moves to the next one', async ({
  context,
  worker,
  extensionId,
  openExtensionPage,
}) => {
  await addAccountByMessage(context, extensionId);
  // Links before the one the menu copies, so History has more than it to show.
  for (const offer of ['1', '9', '43']) await makeLinkInPopup(openExtensionPage, { 'Offer ID': offer, 'Affiliate ID': '7' });
  // …and many older ones, so the page scrolls.
  await worker.evaluate(async () => {
    const { history } = (await chrome.storage.local.get('history')) as { history: { data: { id: string; at: number }[] } };
    const oldest = history.data.at(-1)!;
    const older = Array.from({ length: 60 }, (_, i) => ({ ...oldest, id: `older-${i}`, at: oldest.at - (i + 1) * 60_000 }));
    await chrome.storage.local.set({ history: { ...history, data: [...history.data, ...older] } });
  });
  const newestId = () =>
    worker.evaluate(async () => ((await chrome.storage.local.get('history')).history as { data: { id: string }[] }).data[0]!.id);
  const at = async () => `chrome-extension://${extensionId}/src/history/history.html#link-${await newestId()}`;

  // The menu's notification comes once its link is in the history.
  await openDashboardPage(context, '/offers/42/general');
  await clickMenu(worker, { menuItemId: 'copy-for-page', pageUrl: OFFER_PAGE });
  await expect.poll(() => notificationIds(worker)).toContainEqual(expect.stringMatching(/^link-result/));
  await clickNotification(worker, 'link-result');
  const history = await pageAt(context, extensionId, (await at()).split(`${extensionId}/`)[1]!);
  const shown = history.locator('tr[aria-current="true"]');
  await expect(shown).toHaveCount(1);
  await expect(shown).toContainText('42');
  await expect(shown).toContainText('Menu');
  await expect(shown).toBeFocused();
  await expect(shown).toBeInViewport();
  await expect(history.getByRole('row')).toHaveCount(1 + 4 + 60);
  await expectAccessible(history);

  // History stays open, scrolled to its oldest links; the next copy's notification brings it to that link.
  await history.getByRole('row').last().scrollIntoViewIfNeeded();
  await expect(shown).not.toBeInViewport();
  await openDashboardPage(context, '/offers/99/general');
  await clickMenu(worker, { menuItemId: 'copy-for-page', pageUrl: `${DASHBOARD}/offers/99/general` });
  await expect.poll(() => notificationIds(worker)).toContainEqual(expect.stringMatching(/^link-result/));
  await clickNotification(worker, 'link-result');
  await expect.poll(() => history.url()).toBe(await at());
  await expect(shown).toHaveCount(1);
  await expect(shown).toContainText('99');
  await expect(shown).toBeFocused();
  await expect(shown).toBeInViewport();
  expect(await frontTabId(history)).toBe(await ownTabId(history));
  expect(context.pages().filter((page) => page.url().includes('src/history/history.html'))).toHaveLength(1);
});

test('a bulk job finished while its page was closed: the click opens Bulk links with the results', async ({
  context,
  worker,
  extensionId,
}) => {
  await addAccountByMessage(context, extensionId);
  const bulk = await context.newPage();
  await bulk.goto(`chrome-extension://${extensionId}/src/bulk/bulk.html`);
  await bulk.getByLabel('Offer ID', { exact: true }).fill('42');
  await bulk.getByLabel('Affiliate IDs', { exact: true }).fill(Array.from({ length: 40 }, (_, i) => 101 + i).join(' '));
  await bulk.getByRole('button', { name: 'Generate 40 links' }).click();
  await expect(bulk.getByRole('status')).toContainText('remaining');
  await bulk.close();

  await expect.poll(() => notificationIds(worker), { timeout: 20_000 }).toContainEqual(expect.stringMatching(/^bulk-result/));
  await clickNotification(worker, 'bulk-result');
  const reopened = await pageAt(context, extensionId, 'src/bulk/bulk.html');
  await expect(reopened.getByRole('status')).toContainText('Finished: 40 links made, 0 failed.');
  expect(await notificationIds(worker)).toStrictEqual([]);
});
