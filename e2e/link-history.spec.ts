// History: every link made (popup, right-click menu, keyboard) is listed on the History page and in
// the popup's History view, newest first; search, copy, delete, clear all, CSV export, use again.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { popupBytes } from './fixtures/bundle-size';
import { DASHBOARD, clickMenu, openDashboardPage, pressCommand, serveDashboard } from './fixtures/dashboard';
import { TEST_KEY, expect, test } from './fixtures/extension';
import { parseCsv } from './fixtures/csv';
import type { FakeEverflow } from './fixtures/fake-everflow';
import { fillForm, openMoreOptions, type FormValues } from './fixtures/popup-form';

const HISTORY_PATH = 'src/history/history.html';

/** The fake Everflow answers each link request with a link naming its offer and affiliate (and look-ups with nothing). */
function distinctLinks(everflow: FakeEverflow) {
  everflow.answer((request) => {
    // A revoked key still gets the simulator's 401, and whose key it is stays the simulator's to say.
    if (!everflow.network.keys.some((k) => k.key === request.headers['x-eflow-api-key'])) return undefined;
    if (request.path === '/v1/networks') return undefined;
    if (request.path !== '/v1/networks/tracking/offers/clicks')
      return { json: { offers: [], affiliates: [], domains: [], urls: [], creatives: [], traffic_sources: [] } };
    const body = request.body as { network_offer_id: number; network_affiliate_id: number };
    return { json: { url: linkFor(body.network_offer_id, body.network_affiliate_id) } };
  });
}
const linkFor = (offer: number, affiliate: number) => `https://trk.example-trk.com/o${offer}/a${affiliate}/`;

async function makeLinkInPopup(openExtensionPage: (which: 'popup') => Promise<Page>, values: FormValues, flags: string[] = []) {
  const popup = await openExtensionPage('popup');
  await popup.getByRole('button', { name: 'Clear' }).click();
  await fillForm(popup, values);
  if (flags.length > 0) await openMoreOptions(popup);
  for (const flag of flags) await popup.getByLabel(flag).check();
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
  await popup.close();
}

async function openHistory(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${HISTORY_PATH}`);
  return page;
}

const rows = (page: Page) => page.locator('tbody tr');
/** Each row's Offer, Affiliate, Link and From cells. */
async function rowSummaries(page: Page): Promise<string[]> {
  return rows(page).evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
      return [cells[1], cells[2], cells[4], cells[5]].join(' | ');
    }),
  );
}

test('links from the popup, the right-click menu and the keyboard are listed newest first with their source, and search narrows them', async ({
  context,
  worker,
  everflow,
  extensionId,
  saveKey,
  openExtensionPage,
}) => {
  await serveDashboard(context);
  distinctLinks(everflow);
  await saveKey();
  await makeLinkInPopup(openExtensionPage, { 'Offer ID': '42', 'Affiliate ID': '7', 'Sub 1': 'Spring-Sale' });
  await makeLinkInPopup(openExtensionPage, { 'Offer ID': '43', 'Affiliate ID': '8', 'Source ID': 'newsletter' });

  const history = await openHistory(context, extensionId);
  await expect(rows(history)).toHaveCount(2);

  // Two menu clicks at once: both links are recorded (history writes are serialised).
  const offerPage = `${DASHBOARD}/offers/1842/general`;
  await openDashboardPage(context, '/offers/1842/general');
  await Promise.all([
    clickMenu(worker, { menuItemId: 'copy-for-page', pageUrl: offerPage }),
    clickMenu(worker, { menuItemId: 'copy-for-link', pageUrl: offerPage, linkUrl: `${DASHBOARD}/offers/99/general` }),
  ]);
  await expect.poll(() => everflow.linkRequests.length).toBe(4);
  await expect(rows(history)).toHaveCount(4);
  await pressCommand(worker, 'copy-link-for-page', offerPage);
  await expect(rows(history)).toHaveCount(5);

  const summaries = await rowSummaries(history);
  expect(summaries[0]).toBe(`1842 | 8 | ${linkFor(1842, 8)} | Keyboard`);
  // The two menu links finished in either order; both are there, newer than the popup's.
  expect(summaries.slice(1, 3).toSorted()).toStrictEqual([`1842 | 8 | ${linkFor(1842, 8)} | Menu`, `99 | 8 | ${linkFor(99, 8)} | Menu`]);
  expect(summaries.slice(3)).toStrictEqual([`43 | 8 | ${linkFor(43, 8)} | Popup`, `42 | 7 | ${linkFor(42, 7)} | Popup`]);
  await expect(rows(history).nth(4)).toContainText('Sub 1: Spring-Sale');

  const search = history.getByLabel('Search history');
  await search.fill('spring-sale');
  expect(await rowSummaries(history)).toStrictEqual([`42 | 7 | ${linkFor(42, 7)} | Popup`]);
  await search.fill('NEWSLETTER');
  expect(await rowSummaries(history)).toStrictEqual([`43 | 8 | ${linkFor(43, 8)} | Popup`]);
  await search.fill('o99/');
  expect(await rowSummaries(history)).toStrictEqual([`99 | 8 | ${linkFor(99, 8)} | Menu`]);
  await search.fill('7');
  await expect(rows(history)).toHaveCount(1);
  await search.fill('no-such-link');
  await expect(rows(history)).toHaveCount(0);
  await expect(history.getByText('No links match “no-such-link”.')).toBeVisible();
  await search.fill('');
  await expect(rows(history)).toHaveCount(5);
});

test('Copy puts that row’s link on the clipboard; Delete removes one row; Clear all empties the history', async ({
  context,
  everflow,
  extensionId,
  clipboard,
  saveKey,
  openExtensionPage,
}) => {
  distinctLinks(everflow);
  await saveKey();
  await makeLinkInPopup(openExtensionPage, { 'Offer ID': '42', 'Affiliate ID': '7' });
  await makeLinkInPopup(openExtensionPage, { 'Offer ID': '43', 'Affiliate ID': '8' });
  await makeLinkInPopup(openExtensionPage, { 'Offer ID': '44', 'Affiliate ID': '9' });
  await clipboard.write('something else');

  const history = await openHistory(context, extensionId);
  await expect(rows(history)).toHaveCount(3);
  await history.getByRole('button', { name: 'Copy link for offer 43, affiliate 8' }).click();
  await expect(history.getByRole('status')).toHaveText('Copied to clipboard.');
  expect(await clipboard.read()).toBe(linkFor(43, 8));

  // Open is a plain link to the tracking URL, in a new tab.
  const open = history.getByRole('link', { name: 'Open link for offer 44, affiliate 9' });
  await expect(open).toHaveAttribute('href', linkFor(44, 9));
  await expect(open).toHaveAttribute('target', '_blank');

  await history.getByRole('button', { name: 'Delete link for offer 43, affiliate 8' }).click();
  await expect(rows(history)).toHaveCount(2);
  await expect(history.getByRole('status')).toHaveText('Deleted the link for offer 43, affiliate 8.');
  await history.reload();
  expect((await rowSummaries(history)).map((row) => row.split(' | ')[0])).toStrictEqual(['44', '42']);

  await history.getByRole('button', { name: 'Clear all' }).click();
  const confirm = history.getByRole('group', { name: 'Confirm clearing the history' });
  await expect(confirm).toContainText('Delete all 2 links');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(rows(history)).toHaveCount(2);
  await history.getByRole('button', { name: 'Clear all' }).click();
  await history.getByRole('button', { name: 'Yes, clear all' }).click();
  await expect(history.getByRole('status')).toHaveText('History cleared.');
  await expect(history.getByText(/^No links yet\./)).toBeVisible();
  await history.reload();
  await expect(history.getByText(/^No links yet\./)).toBeVisible();
  await expect(rows(history)).toHaveCount(0);
});

test('Export CSV downloads every entry, newest first, with values quoted and formulas defused', async ({
  context,
  everflow,
  extensionId,
  saveKey,
  openExtensionPage,
}) => {
  distinctLinks(everflow);
  await saveKey();
  await makeLinkInPopup(openExtensionPage, { 'Offer ID': '42', 'Affiliate ID': '7', 'Sub 1': '=HYPERLINK("x")' });
  await makeLinkInPopup(openExtensionPage, { 'Offer ID': '43', 'Affiliate ID': '8', 'Source ID': 'a,b "c"', 'Tracking domain ID': '3' }, [
    'Encrypt parameters',
  ]);

  const history = await openHistory(context, extensionId);
  await expect(rows(history)).toHaveCount(2);
  const [download] = await Promise.all([history.waitForEvent('download'), history.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^everflow-links-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
  const [header, ...entries] = parseCsv(csv);
  expect(header).toStrictEqual([
    'Time',
    'Account',
    'From',
    'Kind',
    'Offer ID',
    'Offer name',
    'Smart link ID',
    'Smart link name',
    'Affiliate ID',
    'Affiliate name',
    'Source ID',
    'Sub 1',
    'Sub 2',
    'Sub 3',
    'Sub 4',
    'Sub 5',
    'Tracking domain ID',
    'Offer URL ID',
    'Creative ID',
    'Traffic source ID',
    'Encrypt parameters',
    'Redirect link',
    'Link',
    'Notes',
  ]);
  const byName = entries.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]])));
  expect(byName).toHaveLength(2);
  expect(byName[0]).toMatchObject({
    From: 'popup',
    Kind: 'Offer',
    'Offer ID': '43',
    'Smart link ID': '',
    'Affiliate ID': '8',
    'Source ID': 'a,b "c"',
    'Tracking domain ID': '3',
    'Encrypt parameters': 'true',
    'Redirect link': 'false',
    Link: linkFor(43, 8),
  });
  expect(byName[1]).toMatchObject({
    From: 'popup',
    'Offer ID': '42',
    'Affiliate ID': '7',
    'Sub 1': `'=HYPERLINK("x")`,
    Link: linkFor(42, 7),
  });
  for (const row of byName) {
    expect(row.Time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Math.abs(Date.parse(row.Time!) - Date.now())).toBeLessThan(10 * 60_000);
  }
});

test('Use again on the History page puts that link’s inputs back into the popup form', async ({
  context,
  everflow,
  extensionId,
  saveKey,
  openExtensionPage,
}) => {
  distinctLinks(everflow);
  await saveKey();
  await makeLinkInPopup(openExtensionPage, { 'Offer ID': '42', 'Affiliate ID': '7', 'Sub 2': 'again', 'Creative ID': '55' }, [
    'Redirect link even for direct-linking offers',
  ]);
  await makeLinkInPopup(openExtensionPage, { 'Offer ID': '43', 'Affiliate ID': '8' });

  const history = await openHistory(context, extensionId);
  await history.getByRole('button', { name: 'Use again for offer 42, affiliate 7' }).click();
  await expect(history.getByRole('status')).not.toHaveText('');

  const popup = await openExtensionPage('popup');
  await expect(popup.getByLabel('Offer ID', { exact: true })).toHaveValue('42');
  await expect(popup.getByLabel('Affiliate ID', { exact: true })).toHaveValue('7');
  await expect(popup.getByLabel('Sub 2', { exact: true })).toHaveValue('again');
  await expect(popup.getByLabel('Sub 1', { exact: true })).toHaveValue('');
  await expect(popup.getByLabel('Creative ID', { exact: true })).toHaveValue('55');
  await expect(popup.getByLabel('Redirect link even for direct-linking offers')).toBeChecked();
  await expect(popup.getByLabel('Encrypt parameters')).not.toBeChecked();
});

test('the popup’s History button shows the list; Use again there fills the form; Back returns', async ({
  everflow,
  saveKey,
  openExtensionPage,
}) => {
  distinctLinks(everflow);
  await saveKey();
  await makeLinkInPopup(openExtensionPage, { 'Offer ID': '42', 'Affiliate ID': '7', 'Sub 1': 'first' });
  await makeLinkInPopup(openExtensionPage, { 'Offer ID': '43', 'Affiliate ID': '8' });

  const popup = await openExtensionPage('popup');
  await popup.getByRole('button', { name: 'History' }).click();
  await expect(popup.getByRole('heading', { name: 'History' })).toBeFocused();
  const items = popup.getByRole('list', { name: 'Generated links, newest first' }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Offer 43 · Affiliate 8');
  await expect(items.nth(0)).toContainText(linkFor(43, 8));
  await expect(items.nth(1)).toContainText('Sub 1: first');
  await expect(popup.getByRole('link', { name: 'Open full page' })).toHaveAttribute('href', new RegExp(`${HISTORY_PATH}$`));

  await popup.getByRole('button', { name: 'Back' }).click();
  await expect(popup.getByRole('button', { name: 'History' })).toBeFocused();
  await expect(popup.getByLabel('Offer ID', { exact: true })).toHaveValue('43');

  await popup.getByRole('button', { name: 'History' }).click();
  await popup.getByRole('button', { name: 'Use again for offer 42, affiliate 7' }).click();
  await expect(popup.getByLabel('Offer ID', { exact: true })).toHaveValue('42');
  await expect(popup.getByLabel('Offer ID', { exact: true })).toBeFocused();
  await expect(popup.getByLabel('Sub 1', { exact: true })).toHaveValue('first');
  // And it is the saved draft, so it survives the popup closing.
  await popup.close();
  const reopened = await openExtensionPage('popup');
  await expect(reopened.getByLabel('Sub 1', { exact: true })).toHaveValue('first');
});

test('failed generations are not recorded', async ({ context, everflow, extensionId, saveKey, openExtensionPage }) => {
  distinctLinks(everflow);
  await saveKey();
  await makeLinkInPopup(openExtensionPage, { 'Offer ID': '42', 'Affiliate ID': '7' });
  everflow.revokeKey(TEST_KEY);
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '43', 'Affiliate ID': '8' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('alert').filter({ hasText: 'API key' })).toBeVisible();
  // An invalid form never reaches the background at all.
  await fillForm(popup, { 'Offer ID': 'abc' });
  await popup.getByRole('button', { name: 'Generate link' }).click();

  const history = await openHistory(context, extensionId);
  await expect(rows(history)).toHaveCount(1);
  expect(await rowSummaries(history)).toStrictEqual([`42 | 7 | ${linkFor(42, 7)} | Popup`]);
});

test('the options page links to an empty history, which says so; none of its code is in the popup’s first load', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options');
  await options.getByRole('link', { name: 'Open the link history' }).click();
  const history = options;
  await expect(history).toHaveURL(new RegExp(`${HISTORY_PATH}$`));
  await expect(history.getByRole('heading', { name: 'Link history' })).toBeVisible();
  await expect(history.getByText(/^No links yet\./)).toBeVisible();
  await expect(history.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
  await expect(history.getByRole('button', { name: 'Clear all' })).toBeDisabled();
  expect(popupBytes().files.filter((file) => /history/i.test(file))).toStrictEqual([]);
});
