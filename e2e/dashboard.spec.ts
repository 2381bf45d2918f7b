import { DEFAULT_LINK, linkFor } from './fixtures/fake-everflow';
import {
  DASHBOARD,
  actionTitle,
  badgeText,
  clickMenu,
  notificationIds,
  openDashboardPage,
  pressCommand,
  serveDashboard,
} from './fixtures/dashboard';
import { TEST_KEY, expect, test } from './fixtures/extension';
import { fillForm } from './fixtures/popup-form';
import { connectToPopup, openToolbarPopup } from './fixtures/toolbar-popup';
import type { Page } from '@playwright/test';

const OFFER_PAGE = `${DASHBOARD}/offers/42/general`;

test.beforeEach(async ({ context }) => {
  await serveDashboard(context);
});

/** Makes one link in the popup so that `affiliate` becomes the last affiliate used. */
async function makeLinkFor(openExtensionPage: (which: 'popup') => Promise<Page>, offer: string, affiliate: string) {
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': offer, 'Affiliate ID': affiliate });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
  await popup.close();
}

test.describe('toolbar popup on the dashboard', () => {
  test('an offer page fills the Offer ID and keeps the rest of the draft', async ({ context, worker, openExtensionPage, saveKey }) => {
    await saveKey();
    const draft = await openExtensionPage('popup');
    await fillForm(draft, { 'Offer ID': '5', 'Affiliate ID': '7', 'Sub 1': 'kept' });
    await draft.close();

    await openDashboardPage(context, '/offers/42/general');
    const { page: popup, disconnect } = await openToolbarPopup(context, worker);
    await expect(popup.getByLabel('Offer ID', { exact: true })).toHaveValue('42');
    await expect(popup.getByText('from this page')).toBeVisible();
    await expect(popup.getByLabel('Affiliate ID', { exact: true })).toHaveValue('7');
    await expect(popup.getByLabel('Sub 1', { exact: true })).toHaveValue('kept');
    await disconnect();
  });

  test('a partner page fills the Affiliate ID', async ({ context, worker }) => {
    await openDashboardPage(context, '/partners/913/overview?tab=links');
    const { page: popup, disconnect } = await openToolbarPopup(context, worker);
    await expect(popup.getByLabel('Affiliate ID', { exact: true })).toHaveValue('913');
    await expect(popup.getByLabel('Offer ID', { exact: true })).toHaveValue('');
    await disconnect();
  });

  test('a page outside the dashboard prefills nothing', async ({ context, worker }) => {
    await openDashboardPage(context, 'https://example.org/offers/42');
    const { page: popup, disconnect } = await openToolbarPopup(context, worker);
    await expect(popup.getByRole('button', { name: 'Generate link' })).toBeVisible();
    await expect(popup.getByLabel('Offer ID', { exact: true })).toHaveValue('');
    await expect(popup.getByText('from this page')).toHaveCount(0);
    await disconnect();
  });
});

test.describe('right-click menu', () => {
  test('on an offer page copies the link for that offer and the last affiliate', async ({
    context,
    worker,
    everflow,
    clipboard,
    saveKey,
    openExtensionPage,
  }) => {
    await saveKey();
    await makeLinkFor(openExtensionPage, '1', '7');
    await clipboard.write('before');
    await openDashboardPage(context, '/offers/42/general');
    await clickMenu(worker, { menuItemId: 'copy-for-page', pageUrl: OFFER_PAGE });

    await expect.poll(() => everflow.linkRequests.length).toBe(2);
    expect(everflow.linkRequests[1]!.body).toStrictEqual({ network_offer_id: 42, network_affiliate_id: 7 });
    await expect.poll(() => clipboard.read()).toBe(DEFAULT_LINK);
    expect(await badgeText(worker)).toBe('✓');
    expect(await actionTitle(worker)).toContain('Link copied: offer 42, affiliate 7');
  });

  test('on a link to an offer copies the link for the linked offer', async ({
    context,
    worker,
    everflow,
    clipboard,
    saveKey,
    openExtensionPage,
  }) => {
    await saveKey();
    await makeLinkFor(openExtensionPage, '1', '7');
    await clipboard.write('before');
    await openDashboardPage(context, '/offers');
    await clickMenu(worker, { menuItemId: 'copy-for-link', pageUrl: `${DASHBOARD}/offers`, linkUrl: `${DASHBOARD}/offers/99/general` });
    await expect.poll(() => everflow.linkRequests.length).toBe(2);
    expect(everflow.linkRequests[1]!.body).toStrictEqual({ network_offer_id: 99, network_affiliate_id: 7 });
    await expect.poll(() => clipboard.read()).toBe(linkFor(99, 7));
  });

  test('on selected text uses it as the offer ID, and refuses text that is not one', async ({
    context,
    worker,
    everflow,
    saveKey,
    openExtensionPage,
  }) => {
    await saveKey();
    await makeLinkFor(openExtensionPage, '1', '7');
    await openDashboardPage(context, '/offers/42/general');
    await clickMenu(worker, { menuItemId: 'copy-for-selection', pageUrl: OFFER_PAGE, selectionText: ' 1842 ' });
    await expect.poll(() => everflow.linkRequests.length).toBe(2);
    expect(everflow.linkRequests[1]!.body).toStrictEqual({ network_offer_id: 1842, network_affiliate_id: 7 });

    await clickMenu(worker, { menuItemId: 'copy-for-selection', pageUrl: OFFER_PAGE, selectionText: 'Acme Shoes' });
    await expect.poll(() => badgeText(worker)).toBe('!');
    expect(await actionTitle(worker)).toContain('No tracking link was copied');
    expect(everflow.linkRequests).toHaveLength(2);
  });

  test('the affiliate submenu uses the chosen recent affiliate', async ({ context, worker, everflow, saveKey, openExtensionPage }) => {
    await saveKey();
    await makeLinkFor(openExtensionPage, '1', '12');
    await makeLinkFor(openExtensionPage, '1', '7');
    await openDashboardPage(context, '/offers/42/general');
    await clickMenu(worker, { menuItemId: 'affiliate-12', pageUrl: OFFER_PAGE });
    await expect.poll(() => everflow.linkRequests.length).toBe(3);
    expect(everflow.linkRequests[2]!.body).toStrictEqual({ network_offer_id: 42, network_affiliate_id: 12 });
  });

  test('without a last affiliate it opens the builder with the offer instead of guessing', async ({
    context,
    worker,
    everflow,
    saveKey,
  }) => {
    await saveKey();
    await openDashboardPage(context, '/offers/42/general');
    await clickMenu(worker, { menuItemId: 'copy-for-link', pageUrl: OFFER_PAGE, linkUrl: `${DASHBOARD}/offers/99/general` });
    // The builder opens with the linked offer (99), not the page's (42).
    const { page: popup, disconnect } = await connectToPopup(context);
    await expect(popup.getByLabel('Offer ID', { exact: true })).toHaveValue('99');
    await expect(popup.getByText('from the right-click menu')).toBeVisible();
    await expect(popup.getByLabel('Affiliate ID', { exact: true })).toHaveValue('');
    await disconnect();
    expect(everflow.linkRequests).toHaveLength(0);
  });

  test('Everflow’s refusal reaches the user', async ({ context, worker, everflow, clipboard, saveKey, openExtensionPage }) => {
    await saveKey();
    await makeLinkFor(openExtensionPage, '1', '7');
    await clipboard.write('untouched');
    everflow.revokeKey(TEST_KEY);
    await openDashboardPage(context, '/offers/42/general');
    await clickMenu(worker, { menuItemId: 'copy-for-page', pageUrl: OFFER_PAGE });
    await expect.poll(() => badgeText(worker)).toBe('!');
    expect(await clipboard.read()).toBe('untouched');
    expect(await notificationIds(worker)).toContainEqual(expect.stringMatching(/^link-result/));
  });
});

test('the keyboard command copies the link for the offer in front', async ({
  context,
  worker,
  everflow,
  clipboard,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  await makeLinkFor(openExtensionPage, '1', '7');
  await clipboard.write('before');
  await openDashboardPage(context, '/offers/42/general');
  await pressCommand(worker, 'copy-link-for-page', OFFER_PAGE);
  await expect.poll(() => everflow.linkRequests.length).toBe(2);
  expect(everflow.linkRequests[1]!.body).toStrictEqual({ network_offer_id: 42, network_affiliate_id: 7 });
  await expect.poll(() => clipboard.read()).toBe(DEFAULT_LINK);
});
