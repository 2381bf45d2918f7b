// Smart links (Everflow's campaigns) on every surface where offer links work: the popup's choice of
// kind, the picker, the note when some offers are closed to the affiliate, Everflow's refusals, the
// dashboard (popup, menu, keyboard), the history and presets. Against the simulator: smart links 5
// "Summer smart link" (offers 42, 43), 6 "Members smart link" (offer 77 is private, approved for
// affiliates 7 and 913 only) and 8 "Winter smart link" (paused).
import type { Page } from '@playwright/test';
import { DASHBOARD, actionTitle, clickMenu, openDashboardPage, pressCommand, serveDashboard } from './fixtures/dashboard';
import { smartLinkFor } from './fixtures/fake-everflow';
import { expect, test } from './fixtures/extension';
import { expectFieldError } from './fixtures/page-checks';
import { fillForm, openMoreOptions } from './fixtures/popup-form';
import { openToolbarPopup } from './fixtures/toolbar-popup';

const CLOSED_NOTE = 'Some offers behind this smart link are not open to this affiliate';

const smartLinkField = (popup: Page) => popup.getByLabel('Smart link ID', { exact: true });
const offerField = (popup: Page) => popup.getByLabel('Offer ID', { exact: true });

async function chooseSmartLink(popup: Page) {
  await popup.getByRole('radio', { name: 'Smart link' }).check();
  await expect(smartLinkField(popup)).toBeVisible();
}

test('the popup makes a smart link: chosen by keyboard, picked by name, sent without offer fields, each kind keeping its value', async ({
  everflow,
  clipboard,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await expect(popup.getByRole('radio', { name: 'Offer' })).toBeChecked();
  await expect(smartLinkField(popup)).toBeHidden();
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7', 'Offer URL ID': '21', 'Creative ID': '55', 'Sub 1': 'spring' });

  // The choice is a radio group: reached with Tab, changed with an arrow key.
  await popup.getByRole('radio', { name: 'Offer' }).focus();
  await popup.keyboard.press('ArrowRight');
  await expect(popup.getByRole('radio', { name: 'Smart link' })).toBeChecked();
  await expect(popup.getByRole('group', { name: 'Link to' })).toBeVisible();
  await expect(offerField(popup)).toBeHidden();
  // Offer URL and creative belong to offers: not shown for a smart link.
  await openMoreOptions(popup);
  await expect(popup.getByLabel('Offer URL ID', { exact: true })).toBeHidden();
  await expect(popup.getByLabel('Creative ID', { exact: true })).toBeHidden();
  await expect(popup.getByLabel('Tracking domain ID', { exact: true })).toBeVisible();

  // The same picker as offers: type a name, choose from the list.
  await smartLinkField(popup).fill('summer');
  const option = popup.getByRole('option', { name: '5 · Summer smart link (active)' });
  await expect(option).toBeVisible();
  await smartLinkField(popup).press('ArrowDown');
  await smartLinkField(popup).press('Enter');
  await expect(smartLinkField(popup)).toHaveValue('5');
  await popup.getByRole('button', { name: 'Generate link' }).click();

  const link = smartLinkFor(5, 7, { sub1: 'spring' });
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(link);
  await expect(popup.getByText('Smart link 5 Summer smart link')).toBeVisible();
  expect(await clipboard.read()).toBe(link);
  expect(everflow.linkRequests).toHaveLength(0);
  expect(everflow.smartLinkRequests.map((request) => [request.url, request.body])).toStrictEqual([
    ['https://api.eflow.team/v1/networks/tracking/campaigns/clicks', { network_campaign_id: 5, network_affiliate_id: 7, sub1: 'spring' }],
  ]);
  // Smart links were listed once, not searched per keystroke (Everflow has no smart-link search).
  expect(everflow.requests.filter((request) => request.path.startsWith('/v1/networks/campaigns'))).toHaveLength(1);

  // Back to Offer: what was typed for the offer is still there.
  await popup.getByRole('radio', { name: 'Offer' }).check();
  await expect(offerField(popup)).toHaveValue('42');
  await expect(popup.getByLabel('Creative ID', { exact: true })).toHaveValue('55');

  // The kind and both values survive the popup closing.
  await popup.getByRole('radio', { name: 'Smart link' }).check();
  await popup.close();
  const reopened = await openExtensionPage('popup');
  await expect(reopened.getByRole('radio', { name: 'Smart link' })).toBeChecked();
  await expect(smartLinkField(reopened)).toHaveValue('5');
  await expect(offerField(reopened)).toBeHidden();
  await reopened.getByRole('radio', { name: 'Offer' }).check();
  await expect(offerField(reopened)).toHaveValue('42');
});

test('a smart link with offers closed to the affiliate says so, and the link is still shown and copied', async ({
  clipboard,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await chooseSmartLink(popup);
  await fillForm(popup, { 'Smart link ID': '6', 'Affiliate ID': '8' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
  await expect(popup.getByText(CLOSED_NOTE)).toBeVisible();
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(smartLinkFor(6, 8));
  expect(await clipboard.read()).toBe(smartLinkFor(6, 8));

  // Affiliate 7 is approved for every offer behind it: no note.
  await fillForm(popup, { 'Affiliate ID': '7' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(smartLinkFor(6, 7));
  await expect(popup.getByText(CLOSED_NOTE)).toHaveCount(0);
});

test('bad smart link IDs are refused before sending; unknown and paused ones get Everflow’s reason', async ({
  everflow,
  clipboard,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await chooseSmartLink(popup);
  await fillForm(popup, { 'Affiliate ID': '7' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expectFieldError(popup, smartLinkField(popup), 'Enter the Smart link ID.');
  await smartLinkField(popup).fill('5.5');
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expectFieldError(popup, smartLinkField(popup), 'Use the smart link’s number, e.g. 1842.');
  expect(everflow.smartLinkRequests).toHaveLength(0);

  await clipboard.write('untouched');
  await smartLinkField(popup).fill('8');
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('alert').filter({ hasText: 'Smart link 8 is paused.' })).toBeVisible();
  await smartLinkField(popup).fill('404');
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('alert').filter({ hasText: 'Smart link 404 does not exist.' })).toBeVisible();
  expect(await clipboard.read()).toBe('untouched');
});

test.describe('on the dashboard', () => {
  test.beforeEach(async ({ context }) => {
    await serveDashboard(context);
  });

  test('the popup opened on a smart-link page starts with that smart link', async ({ context, worker, saveKey }) => {
    await saveKey();
    await openDashboardPage(context, '/smart-links/6/general');
    const { page: popup, disconnect } = await openToolbarPopup(context, worker);
    await expect(popup.getByRole('radio', { name: 'Smart link' })).toBeChecked();
    await expect(smartLinkField(popup)).toHaveValue('6');
    await expect(popup.getByText('from this page')).toBeVisible();
    await expect(offerField(popup)).toBeHidden();
    await disconnect();
  });

  test('the right-click menu and the keyboard copy the smart link in front for the last affiliate', async ({
    context,
    worker,
    everflow,
    clipboard,
    saveKey,
    openExtensionPage,
  }) => {
    await saveKey();
    // A smart link made by name in the popup: its name is then known to the menu.
    const popup = await openExtensionPage('popup');
    await chooseSmartLink(popup);
    await smartLinkField(popup).fill('summer');
    await popup.getByRole('option', { name: '5 · Summer smart link (active)' }).click();
    await fillForm(popup, { 'Affiliate ID': '7' });
    await popup.getByRole('button', { name: 'Generate link' }).click();
    await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
    await popup.close();

    const page = `${DASHBOARD}/smartlinks/5`;
    await openDashboardPage(context, '/smartlinks/5');
    await clipboard.write('before');
    await clickMenu(worker, { menuItemId: 'copy-for-page', pageUrl: page });
    await expect.poll(() => everflow.smartLinkRequests.length).toBe(2);
    expect(everflow.smartLinkRequests[1]!.body).toStrictEqual({ network_campaign_id: 5, network_affiliate_id: 7 });
    await expect.poll(() => clipboard.read()).toBe(smartLinkFor(5, 7));
    expect(await actionTitle(worker)).toContain('Link copied: smart link 5, affiliate 7 (Summer smart link');

    // A link to another smart link, from an offer page.
    await clickMenu(worker, { menuItemId: 'copy-for-smart-link', pageUrl: `${DASHBOARD}/offers/42`, linkUrl: `${DASHBOARD}/campaigns/6` });
    await expect.poll(() => clipboard.read()).toBe(smartLinkFor(6, 7));

    await clipboard.write('before');
    await pressCommand(worker, 'copy-link-for-page', page);
    await expect.poll(() => everflow.smartLinkRequests.length).toBe(4);
    await expect.poll(() => clipboard.read()).toBe(smartLinkFor(5, 7));
    expect(everflow.linkRequests).toHaveLength(0);
  });
});

test('history says which kind each link is, finds smart links by name, and Use again restores the kind', async ({
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
  await chooseSmartLink(popup);
  await smartLinkField(popup).fill('members');
  await popup.getByRole('option', { name: '6 · Members smart link (active)' }).click();
  await fillForm(popup, { 'Affiliate ID': '8', 'Sub 2': 'club' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByText(CLOSED_NOTE)).toBeVisible();

  // Back to an offer, so Use again has something to restore.
  await popup.getByRole('radio', { name: 'Offer' }).check();
  await popup.getByRole('button', { name: 'History' }).click();
  const items = popup.getByRole('list', { name: 'Generated links, newest first' }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Smart link 6 · Affiliate 8');
  await expect(items.nth(0)).toContainText(CLOSED_NOTE);
  await expect(items.nth(1)).toContainText('Offer 42 · Affiliate 7');
  await popup.getByLabel('Search history').fill('members');
  await expect(items).toHaveCount(1);
  await popup.getByRole('button', { name: 'Use again for smart link 6 (Members smart link), affiliate 8' }).click();
  await expect(popup.getByRole('radio', { name: 'Smart link' })).toBeChecked();
  await expect(smartLinkField(popup)).toHaveValue('6');
  await expect(smartLinkField(popup)).toBeFocused();
  await expect(popup.getByLabel('Sub 2', { exact: true })).toHaveValue('club');
});

test('a preset applies to a smart link too, and never changes the kind or the smart link', async ({
  saveKey,
  openExtensionPage,
  everflow,
}) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7', 'Source ID': 'newsletter', 'Sub 1': 'q1', 'Traffic source ID': '4' });
  await popup.getByRole('button', { name: 'Presets' }).click();
  await popup.getByLabel('Save current as preset').fill('Newsletter');
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await popup.getByRole('button', { name: 'Back' }).click();

  await popup.getByRole('button', { name: 'Clear' }).click();
  await chooseSmartLink(popup);
  await fillForm(popup, { 'Smart link ID': '5', 'Affiliate ID': '7' });
  await popup.getByRole('button', { name: 'Presets' }).click();
  await popup.getByRole('button', { name: 'Apply Newsletter' }).click();
  await expect(popup.getByRole('radio', { name: 'Smart link' })).toBeChecked();
  await expect(smartLinkField(popup)).toHaveValue('5');
  await expect(popup.getByLabel('Source ID', { exact: true })).toHaveValue('newsletter');
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
  expect(everflow.smartLinkRequests.at(-1)!.body).toStrictEqual({
    network_campaign_id: 5,
    network_affiliate_id: 7,
    network_traffic_source_id: 4,
    source_id: 'newsletter',
    sub1: 'q1',
  });
});
