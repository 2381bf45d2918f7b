// The toolbar badge after the right-click menu: a copy's ✓ fades after a few seconds, even when Chrome
// stopped the worker meanwhile; a failure's ! stays until the person has seen it in the popup.
import type { BrowserContext, Worker } from '@playwright/test';
import { DASHBOARD, actionTitle, badgeText, clickMenu, openDashboardPage, serveDashboard } from './fixtures/dashboard';
import { DEFAULT_LINK } from './fixtures/fake-everflow';
import { addAccountByMessage } from './fixtures/add-account';
import { expect, test } from './fixtures/extension';
import { makeLinkInPopup } from './fixtures/popup-form';
import { stopWorker, workerStarted } from './fixtures/service-worker';
import type { Page } from '@playwright/test';

const OFFER_PAGE = `${DASHBOARD}/offers/42/general`;
/** How long ✓ stays: a few seconds (SUCCESS_BADGE_MS in src/background/feedback.ts), with room for a loaded machine. */
const FADES_WITHIN = 12_000;

test.beforeEach(async ({ context }) => {
  await serveDashboard(context);
});

/** With a key saved and a last affiliate (a link made in the popup), the menu copies offer 42's link; its ✓ is on the badge. */
async function copyFromMenu(
  {
    context,
    worker,
    extensionId,
    openExtensionPage,
  }: { context: BrowserContext; worker: Worker; extensionId: string; openExtensionPage: (which: 'popup') => Promise<Page> },
  pollEvery = 100,
) {
  await addAccountByMessage(context, extensionId);
  await makeLinkInPopup(openExtensionPage, { 'Offer ID': '1', 'Affiliate ID': '7' });
  await openDashboardPage(context, '/offers/42/general');
  await clickMenu(worker, { menuItemId: 'copy-for-page', pageUrl: OFFER_PAGE });
  await expect.poll(() => badgeText(worker), { intervals: [pollEvery] }).toBe('✓');
}

test('after a copy from the menu the badge shows ✓, then nothing a few seconds later', async ({
  context,
  worker,
  clipboard,
  extensionId,
  openExtensionPage,
}) => {
  await copyFromMenu({ context, worker, extensionId, openExtensionPage });
  const shownAt = Date.now();
  expect(await clipboard.read()).toBe(DEFAULT_LINK);
  expect(await actionTitle(worker)).toMatch(/^Link Builder for Everflow — Link copied: offer 42, affiliate 7\b/);
  // Not at once: it is there to be seen.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, shownAt + 2000 - Date.now())));
  expect(await badgeText(worker)).toBe('✓');
  await expect.poll(() => badgeText(worker), { timeout: FADES_WITHIN }).toBe('');
  expect(await actionTitle(worker)).toBe('Link Builder for Everflow');
});

test('the ✓ fades even when Chrome stops the worker right after the copy: its alarm starts the worker again', async ({
  context,
  worker,
  extensionId,
  openExtensionPage,
}) => {
  await copyFromMenu({ context, worker, extensionId, openExtensionPage }, 50);
  // ✓ was set at most ~50 ms before this, so its timer (a few seconds) cannot have fired before then.
  const shownAt = Date.now();
  await context.pages().at(-1)!.close();
  expect(await stopWorker(context)).toBe(true);
  // On a loaded machine Chrome may take longer to stop the worker than ✓ shows: then its timer did the work.
  test.skip(Date.now() - shownAt > 4000, 'the worker stopped after the badge’s timer had fired');
  // Nothing else happens in the browser: only the alarm can start the worker again, and it takes ✓ off.
  expect(await workerStarted(context, FADES_WITHIN)).toBe(true);
  await expect.poll(() => badgeText(worker)).toBe('');
});

test('after a failure the badge keeps ! past the ✓’s few seconds and while the options page is open, until the popup opens', async ({
  context,
  worker,
  openExtensionPage,
}) => {
  // No key saved: the menu's copy fails.
  await openDashboardPage(context, '/offers/42/general');
  await clickMenu(worker, { menuItemId: 'copy-for-page', pageUrl: OFFER_PAGE });
  await expect.poll(() => badgeText(worker)).toBe('!');
  expect(await actionTitle(worker)).toBe('Link Builder for Everflow — No tracking link was copied');
  await new Promise((resolve) => setTimeout(resolve, FADES_WITHIN));
  expect(await badgeText(worker)).toBe('!');
  // The options page does not say what failed: the ! stays.
  const options = await openExtensionPage('options');
  await expect(options).toHaveTitle('Link Builder for Everflow – Options');
  await options.waitForLoadState('networkidle');
  expect(await badgeText(worker)).toBe('!');
  const popup = await openExtensionPage('popup');
  await expect(popup.getByRole('button', { name: 'Generate link' })).toBeVisible();
  await expect.poll(() => badgeText(worker)).toBe('');
});
