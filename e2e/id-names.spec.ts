// Every offer, smart link and affiliate ID in the popup carries its name and status, wherever the ID
// came from (the dashboard page, typing, a picker, the restored draft), looked up once the form is
// usable and cached; a paused, inactive or unknown one is said plainly before the link is made; the
// names go with the link into the history, where a search finds them. Everflow is the simulator:
// offer 1843 is paused, affiliate 914 inactive, smart link 8 paused.
import type { Page } from '@playwright/test';
import { DASHBOARD, actionTitle, clickMenu, openDashboardPage, serveDashboard } from './fixtures/dashboard';
import { expect, test } from './fixtures/extension';
import { DEFAULT_LINK, linkFor, smartLinkFor, type FakeEverflow } from './fixtures/fake-everflow';
import { fillForm } from './fixtures/popup-form';
import { openToolbarPopup } from './fixtures/toolbar-popup';

const offerField = (popup: Page) => popup.getByLabel('Offer ID', { exact: true });
const affiliateField = (popup: Page) => popup.getByLabel('Affiliate ID', { exact: true });
const smartLinkField = (popup: Page) => popup.getByLabel('Smart link ID', { exact: true });
/** Requests that looked up one offer, one affiliate, or the smart-link list. */
const nameRequests = (everflow: FakeEverflow) =>
  everflow.requests
    .filter((request) => request.method === 'GET' && /^\/v1\/networks\/(offers\/\d+|affiliates\/\d+|campaigns)$/.test(request.path))
    .map((request) => request.path);

/** The warning said beside a field: announced (a status), and read out with the field. */
async function expectWarning(popup: Page, field: ReturnType<typeof offerField>, sentence: string): Promise<void> {
  await expect(popup.getByRole('status').filter({ hasText: sentence })).toHaveText(sentence);
  await expect(field).toHaveAccessibleDescription(new RegExp(escape(sentence)));
}
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('an offer page of the dashboard fills in the offer with its name and status, after the form is usable', async ({
  context,
  worker,
  everflow,
  saveKey,
}) => {
  await serveDashboard(context);
  await saveKey();
  // Everflow is slow to name the offer: the popup does not wait for it.
  let release: (() => void) | undefined;
  const named = new Promise<void>((resolve) => (release = resolve));
  everflow.answer(async (request) => {
    if (request.path === '/v1/networks/offers/1842') await named;
    return undefined;
  });
  await openDashboardPage(context, '/offers/1842/general');
  const { page: popup, disconnect } = await openToolbarPopup(context, worker);
  await expect(offerField(popup)).toHaveValue('1842');
  await expect(offerField(popup)).toHaveAccessibleDescription('from this page');
  await expect.poll(() => nameRequests(everflow)).toContain('/v1/networks/offers/1842');
  await affiliateField(popup).fill('7');
  await expect(popup.getByText('Acme Shoes – US – CPA')).toHaveCount(0);

  release?.();
  await expect(popup.getByText('Acme Shoes – US – CPA', { exact: true })).toBeVisible();
  await expect(offerField(popup)).toHaveAccessibleDescription('Acme Shoes – US – CPA · active · from this page');
  await expect(affiliateField(popup)).toHaveAccessibleDescription('Sunrise Media · active');
  await expect(popup.getByRole('status').filter({ hasText: 'Everflow' })).toHaveCount(0);
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByText('Offer 1842 Acme Shoes – US – CPA · Affiliate 7 Sunrise Media')).toBeVisible();
  await disconnect();
});

test('a paused offer typed as a number says so before the link is made, after one look-up', async ({
  everflow,
  clipboard,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await offerField(popup).pressSequentially('1843', { delay: 40 });
  await expectWarning(popup, offerField(popup), 'Offer 1843 is paused in Everflow: links to it will not track.');
  await expect(offerField(popup)).toHaveAccessibleDescription(/^Acme Boots – EU – CPL · paused /);
  // Looked up once typing paused, never for each keystroke.
  expect(nameRequests(everflow)).toStrictEqual(['/v1/networks/offers/1843']);
  expect(everflow.linkRequests).toHaveLength(0);

  // Everflow refuses the link all the same; what was said before stays true.
  await clipboard.write('untouched');
  await affiliateField(popup).fill('7');
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('alert').filter({ hasText: 'Offer 1843 is not active.' })).toBeVisible();
  expect(await clipboard.read()).toBe('untouched');

  // Another offer: its own name, and the warning goes.
  await offerField(popup).fill('42');
  await expect(offerField(popup)).toHaveAccessibleDescription('Summer Sale – US – CPA · active');
  await expect(popup.getByRole('status').filter({ hasText: 'paused' })).toHaveCount(0);
});

test('an inactive affiliate and IDs Everflow does not have are said plainly', async ({ saveKey, openExtensionPage }) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '914' });
  await expectWarning(popup, affiliateField(popup), 'Affiliate 914 is inactive in Everflow: links for it will not track.');
  await expect(popup.getByText('Jolly Media Old', { exact: true })).toBeVisible();

  await fillForm(popup, { 'Offer ID': '5', 'Affiliate ID': '10' });
  await expectWarning(popup, offerField(popup), 'Everflow has no offer 5; check the ID.');
  await expectWarning(popup, affiliateField(popup), 'Everflow has no affiliate 10; check the ID.');
  await expect(popup.getByText('Jolly Media Old')).toHaveCount(0);
});

test('a paused smart link typed as 8 says so; smart links are named from one list', async ({ everflow, saveKey, openExtensionPage }) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await popup.getByRole('radio', { name: 'Smart link' }).check();
  await fillForm(popup, { 'Smart link ID': '8', 'Affiliate ID': '7' });
  await expectWarning(popup, smartLinkField(popup), 'Smart link 8 is paused in Everflow: links to it will not track.');
  await expect(smartLinkField(popup)).toHaveAccessibleDescription(/^Winter smart link · paused /);

  await smartLinkField(popup).fill('5');
  await expect(smartLinkField(popup)).toHaveAccessibleDescription('Summer smart link · active');
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(smartLinkFor(5, 7));
  await expect(popup.getByText('Smart link 5 Summer smart link · Affiliate 7 Sunrise Media')).toBeVisible();
  expect(nameRequests(everflow).filter((path) => path.endsWith('/campaigns'))).toHaveLength(1);
});

test('names survive reopening the popup, an affiliate picked by name too, from the cache', async ({
  everflow,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  const first = await openExtensionPage('popup');
  await affiliateField(first).focus();
  await first.getByRole('combobox', { name: 'Affiliate ID' }).pressSequentially('jolly', { delay: 40 });
  await first.getByRole('option', { name: '913 · Jolly Media (active)' }).click();
  await expect(affiliateField(first)).toHaveValue('913');
  await expect(affiliateField(first)).toHaveAccessibleDescription('Jolly Media · active');
  await offerField(first).fill('1842');
  await expect(offerField(first)).toHaveAccessibleDescription('Acme Shoes – US – CPA · active');
  await first.close();
  // The picker's answer named the affiliate: it was never looked up by ID.
  expect(nameRequests(everflow)).toStrictEqual(['/v1/networks/offers/1842']);

  const sent = everflow.requests.length;
  const again = await openExtensionPage('popup');
  await expect(affiliateField(again)).toHaveValue('913');
  await expect(affiliateField(again)).toHaveAccessibleDescription('Jolly Media · active');
  await expect(offerField(again)).toHaveAccessibleDescription('Acme Shoes – US – CPA · active');
  expect(nameRequests(everflow)).toStrictEqual(['/v1/networks/offers/1842', '/v1/networks/affiliates/913']);
  // The affiliate's name came from the picker's search before; by ID it is asked once and then kept.
  const third = await openExtensionPage('popup');
  await expect(affiliateField(third)).toHaveAccessibleDescription('Jolly Media · active');
  expect(everflow.requests.length).toBe(sent + 1);
});

test('links made from typed IDs keep the names in the history, and a search by name finds them', async ({
  context,
  worker,
  extensionId,
  saveKey,
  openExtensionPage,
}) => {
  await serveDashboard(context);
  await saveKey();
  // Typed and sent at once, before the popup's own look-up: the names still reach the history.
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });
  await affiliateField(popup).press('Enter');
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(DEFAULT_LINK);
  await fillForm(popup, { 'Offer ID': '43', 'Affiliate ID': '8' });
  await expect(affiliateField(popup)).toHaveAccessibleDescription('Blue Harbor Ads · active');
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(linkFor(43, 8));
  await popup.close();

  // The right-click menu on an offer page no one named: named in the history too.
  await openDashboardPage(context, '/offers/99/general');
  await clickMenu(worker, { menuItemId: 'copy-for-page', pageUrl: `${DASHBOARD}/offers/99/general` });
  await expect.poll(() => actionTitle(worker)).toBe('Link Builder for Everflow — Link copied: offer 99, affiliate 8 (Blue Harbor Ads)');

  const history = await context.newPage();
  await history.goto(`chrome-extension://${extensionId}/src/history/history.html`);
  const rows = history.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Garden Tools – CPA');
  await expect(rows.nth(1)).toContainText('Summer Sale – CA – CPA');
  await expect(rows.nth(2)).toContainText('Summer Sale – US – CPA');
  await expect(rows.nth(2)).toContainText('Sunrise Media');

  const search = history.getByLabel('Search history');
  await search.fill('sunrise');
  await expect(rows).toHaveCount(1);
  await expect(
    history.getByRole('button', { name: 'Copy link for offer 42 (Summer Sale – US – CPA), affiliate 7 (Sunrise Media)' }),
  ).toBeVisible();
  await search.fill('garden tools');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(linkFor(99, 8));
  await search.fill('summer sale');
  await expect(rows).toHaveCount(2);
});
