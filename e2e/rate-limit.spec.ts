// Everflow's rate limit as a person meets it: a 30-second window others have used up (a documented
// model, preset to reset a few seconds after the first request so no test waits out 30 s). The
// person sees how long they wait, and the wait ends in the link, copied: in the popup, or announced by
// notification when the popup has closed, or on the toolbar badge for the keyboard shortcut.
// A limit that never lifts (the person is told after about a minute): everflow-errors.spec.ts.
import type { Page } from '@playwright/test';
import { DASHBOARD, actionTitle, badgeText, notificationIds, pressCommand, openDashboardPage, serveDashboard } from './fixtures/dashboard';
import { expect, test } from './fixtures/extension';
import { DEFAULT_LINK, type FakeEverflow } from './fixtures/fake-everflow';
import { fillForm } from './fixtures/popup-form';

const WAITING = /^Everflow’s rate limit is reached; trying again (in \d+ s|now)\.$/;

/** Others have just used up Everflow's 30-second window (20/s model); it resets `resetsInMs` after the next request. */
function closeWindow(everflow: FakeEverflow, resetsInMs: number): void {
  everflow.rateLimit = 'window20';
  everflow.shareLimit(0, { spent: true, resetsInMs });
}

/** Times the link requests were answered 429. */
function refusals(everflow: FakeEverflow): number[] {
  const times: number[] = [];
  everflow.answer((request) => {
    if (request.path === '/v1/networks/tracking/offers/clicks') times.push(Date.now());
    return undefined;
  });
  return times;
}

async function generate(popup: Page): Promise<void> {
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
}

test('a closed rate-limit window: the popup says it waits and for how long, then the link comes, copied', async ({
  everflow,
  clipboard,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  await clipboard.write('before');
  const popup = await openExtensionPage('popup');
  // The offer's and affiliate's names are looked up while the window is still open.
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });
  await expect(popup.getByText('Sunrise Media', { exact: true })).toBeVisible();
  await expect(popup.getByText('Summer Sale – US – CPA', { exact: true })).toBeVisible();
  closeWindow(everflow, 2_500);
  const sentAt = refusals(everflow);
  const before = everflow.requests.length;
  await popup.getByRole('button', { name: 'Generate link' }).click();

  const status = popup.getByRole('status');
  await expect(status).toHaveText(WAITING);
  await expect(popup.getByRole('button', { name: 'Generating…' })).toBeDisabled();
  await expect(status).toHaveText('Everflow’s rate limit is reached; trying again in 2 s.');
  await expect(popup.getByRole('alert')).toHaveCount(0);

  await expect(popup.getByRole('textbox', { name: 'Your tracking link' })).toHaveValue(DEFAULT_LINK, { timeout: 10_000 });
  await expect(status).toHaveText('Copied to clipboard.');
  expect(await clipboard.read()).toBe(DEFAULT_LINK);
  // Two 429s, waits of 1 s then 2 s (growing, not three tries inside one closed window), then the link.
  expect(everflow.statuses.slice(before)).toStrictEqual([429, 429, 200]);
  expect(sentAt[1]! - sentAt[0]!).toBeGreaterThanOrEqual(900);
  expect(sentAt[2]! - sentAt[1]!).toBeGreaterThanOrEqual(1_900);
});

test('a popup closed while it waits for the rate limit: the link is still copied and announced', async ({
  worker,
  everflow,
  clipboard,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  await clipboard.write('before');
  const popup = await openExtensionPage('popup');
  closeWindow(everflow, 6_000);
  await generate(popup);
  await expect(popup.getByRole('status')).toHaveText(WAITING);
  await popup.close();

  // With no popup to show it, the wait counts down on the toolbar badge…
  await expect.poll(() => badgeText(worker)).toMatch(/^\d+s$/);
  expect(await actionTitle(worker)).toMatch(
    /^Link Builder for Everflow — Everflow’s rate limit is reached; trying again (in \d+ s|now)\.$/,
  );
  // …and ends in the link, copied and announced.
  await expect.poll(() => clipboard.read(), { timeout: 15_000 }).toBe(DEFAULT_LINK);
  await expect.poll(() => badgeText(worker)).toBe('✓');
  expect(await actionTitle(worker)).toBe('Link Builder for Everflow — Link copied: offer 42, affiliate 7');
  expect(await notificationIds(worker)).toContainEqual(expect.stringMatching(/^link-result/));
  const reopened = await openExtensionPage('popup');
  await expect(reopened.getByRole('textbox', { name: 'Last link' })).toHaveValue(DEFAULT_LINK);
});

test('the keyboard shortcut during a closed window: the badge counts down, then the link is copied', async ({
  context,
  worker,
  everflow,
  clipboard,
  saveKey,
  openExtensionPage,
}) => {
  await serveDashboard(context);
  await saveKey();
  // One link in the popup makes affiliate 7 the one the shortcut uses.
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '1', 'Affiliate ID': '7' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
  await popup.close();
  await clipboard.write('before');

  closeWindow(everflow, 3_000);
  await openDashboardPage(context, '/offers/42/general');
  await pressCommand(worker, 'copy-link-for-page', `${DASHBOARD}/offers/42/general`);
  await expect.poll(() => badgeText(worker)).toMatch(/^\d+s$/);
  await expect.poll(() => clipboard.read(), { timeout: 15_000 }).toBe(DEFAULT_LINK);
  await expect.poll(() => badgeText(worker)).toBe('✓');
  expect(everflow.throttled).toBeGreaterThan(0);
});
