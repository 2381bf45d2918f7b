// Several Everflow accounts side by side: two networks chosen by the dashboard tab in front, a partner
// making its own links (by offer name, with subs, in bulk), and the update from the version with one
// key, which keeps everything that key made.
import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseCsv } from './fixtures/csv';
import { clickMenu } from './fixtures/dashboard';
import { TEST_KEY, expect, test } from './fixtures/extension';
import { fillForm } from './fixtures/popup-form';
import { openToolbarPopup } from './fixtures/toolbar-popup';
import { stopWorker } from './fixtures/service-worker';
import { PARTNER_KEYS, SECOND_NETWORK_KEY } from './simulator/network';

/** Whose tracking domain a link is on: each simulated network's domains end so. */
const ON_ACME = /(^|\.)(example-trk\.com|acme\.example)$/;
const ON_NORDLYS = /(^|\.)nordlys-trk\.example$/;
const hostOf = async (clipboard: { read: () => Promise<string> }) => new URL(await clipboard.read()).host;

const ACME = 'https://acme.everflowclient.io';
const NORDLYS = 'https://nordlys.everflowclient.io';
/** The simulator's networks as the extension names them (their displayed names). */
const ACME_NAME = 'Acme Performance Network';
const NORDLYS_NAME = 'Nordlys Media Partners';

/** Both networks' dashboards, as plain pages at their real-looking addresses. */
async function serveDashboards(context: BrowserContext): Promise<void> {
  for (const origin of [ACME, NORDLYS]) {
    await context.route(`${origin}/**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Everflow</title><h1>Offer</h1>' }),
    );
  }
}

async function openTab(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.bringToFront();
  return page;
}

const accountChoice = (popup: Page) => popup.getByLabel('Account', { exact: true });

const HISTORY_PAGE = 'src/history/history.html';
const BULK_PAGE = 'src/bulk/bulk.html';

/** Another of the extension's pages, opened from the options page's address. */
async function openPage(openExtensionPage: (which: 'options') => Promise<Page>, path: string): Promise<Page> {
  const page = await openExtensionPage('options');
  await page.goto(new URL(`/${path}`, page.url()).href);
  return page;
}

test.describe('two network accounts', () => {
  test.beforeEach(async ({ context, saveKey }) => {
    await serveDashboards(context);
    await saveKey(TEST_KEY, 'United States');
    await saveKey(SECOND_NETWORK_KEY, 'Europe');
  });

  test('the dashboard tab in front chooses the account, and each link lands in its own account’s history', async ({
    context,
    worker,
    everflow,
    clipboard,
    openExtensionPage,
  }) => {
    const nordlys = await openTab(context, `${NORDLYS}/offers/42/general`);
    let { page: popup, disconnect } = await openToolbarPopup(context, worker);
    await expect(accountChoice(popup)).toHaveValue(/.+/);
    await expect(accountChoice(popup).locator('option:checked')).toHaveText(NORDLYS_NAME);
    await expect(popup.getByLabel('Offer ID', { exact: true })).toHaveValue('42');
    // The name beside the ID is the second network's offer 42, not the first's.
    await expect(popup.getByText('Nordlicht Reisen – DE – CPA')).toBeVisible();
    await fillForm(popup, { 'Affiliate ID': '12' });
    await popup.getByRole('button', { name: 'Generate link' }).click();
    await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
    await expect(popup.getByText(`made with ${NORDLYS_NAME}`)).toBeVisible();
    expect(await hostOf(clipboard)).toMatch(ON_NORDLYS);
    expect(everflow.linkRequests.at(-1)!.networkId).toBe(2);
    await disconnect();
    await nordlys.close();

    await openTab(context, `${ACME}/offers/42/general`);
    ({ page: popup, disconnect } = await openToolbarPopup(context, worker));
    await expect(accountChoice(popup).locator('option:checked')).toHaveText(ACME_NAME);
    await expect(popup.getByText('Summer Sale – US – CPA')).toBeVisible();
    // Affiliate 12 was the other network's: this account has none of its own yet.
    await expect(popup.getByLabel('Affiliate ID', { exact: true })).toHaveValue('');
    await fillForm(popup, { 'Affiliate ID': '7' });
    await popup.getByRole('button', { name: 'Generate link' }).click();
    await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
    expect(await hostOf(clipboard)).toMatch(ON_ACME);
    expect(everflow.linkRequests.at(-1)!.networkId).toBe(1);
    await disconnect();

    const history = await openPage(openExtensionPage, HISTORY_PAGE);
    const rows = history.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText(ACME_NAME);
    await expect(rows.nth(2)).toContainText(NORDLYS_NAME);
    await history.getByLabel('Account', { exact: true }).selectOption({ label: NORDLYS_NAME });
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText('Nordlicht Reisen');
  });

  test('History exports the account beside each link, for the account chosen', async ({ openExtensionPage }) => {
    // Downloads are read here, apart from the toolbar popup's test: a second CDP connection takes them over.
    const popup = await openExtensionPage('popup');
    for (const [name, affiliate] of [
      [NORDLYS_NAME, '12'],
      [ACME_NAME, '7'],
    ] as const) {
      await accountChoice(popup).selectOption({ label: name });
      await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': affiliate });
      await popup.getByRole('button', { name: 'Generate link' }).click();
      await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
    }
    const history = await openPage(openExtensionPage, HISTORY_PAGE);
    const csvOf = async () => {
      const [download] = await Promise.all([history.waitForEvent('download'), history.getByRole('button', { name: 'Export CSV' }).click()]);
      const [header, ...lines] = parseCsv(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''));
      return lines.map((line) => line[header!.indexOf('Account')]);
    };
    expect(await csvOf()).toEqual([ACME_NAME, NORDLYS_NAME]);
    await history.getByLabel('Account', { exact: true }).selectOption({ label: NORDLYS_NAME });
    expect(await csvOf()).toEqual([NORDLYS_NAME]);
  });

  test('the switcher moves the form to another account, each keeping its own draft', async ({ openExtensionPage }) => {
    let popup = await openExtensionPage('popup');
    const first = await accountChoice(popup).locator('option:checked').textContent();
    await fillForm(popup, { 'Offer ID': '43', 'Affiliate ID': '7', 'Sub 1': 'first account' });
    const other = first === ACME_NAME ? NORDLYS_NAME : ACME_NAME;
    await accountChoice(popup).selectOption({ label: other });
    await expect(popup.getByRole('status')).toHaveText(`Now making links with ${other}.`);
    await expect(popup.getByLabel('Offer ID', { exact: true })).toHaveValue('');
    await fillForm(popup, { 'Offer ID': '88' });
    await popup.close();

    // Reopened: the account shown last, with its draft; the other's draft is still there.
    popup = await openExtensionPage('popup');
    await expect(accountChoice(popup).locator('option:checked')).toHaveText(other);
    await expect(popup.getByLabel('Offer ID', { exact: true })).toHaveValue('88');
    await accountChoice(popup).selectOption({ label: first! });
    await expect(popup.getByLabel('Offer ID', { exact: true })).toHaveValue('43');
    await expect(popup.getByLabel('Sub 1', { exact: true })).toHaveValue('first account');
  });

  test('links made at once on two accounts are each their own account’s', async ({ openExtensionPage, everflow }) => {
    const one = await openExtensionPage('popup');
    const two = await openExtensionPage('popup');
    await accountChoice(one).selectOption({ label: ACME_NAME });
    await accountChoice(two).selectOption({ label: NORDLYS_NAME });
    await fillForm(one, { 'Offer ID': '42', 'Affiliate ID': '7' });
    await fillForm(two, { 'Offer ID': '42', 'Affiliate ID': '12' });
    await Promise.all([
      one.getByRole('button', { name: 'Generate link' }).click(),
      two.getByRole('button', { name: 'Generate link' }).click(),
    ]);
    await expect(one.locator('#result-url')).toHaveValue(/example-trk\.com\//);
    await expect(two.locator('#result-url')).toHaveValue(/nordlys-trk\.example\//);
    expect(everflow.linkRequests.map((request) => request.networkId).toSorted()).toEqual([1, 2]);
  });
});

test.describe('a partner key', () => {
  const PARTNER_KEY = PARTNER_KEYS.second[12];

  test.beforeEach(async ({ saveKey }) => {
    // Chosen as the United States: Everflow there does not know it, Europe does.
    await saveKey(PARTNER_KEY, 'United States');
  });

  test('finds an offer by name and copies its own link; no affiliate or network-only field is shown', async ({
    openExtensionPage,
    everflow,
    clipboard,
  }) => {
    const popup = await openExtensionPage('popup');
    await expect(popup.getByLabel('Affiliate ID', { exact: true })).toBeHidden();
    await expect(popup.getByLabel('Source ID', { exact: true })).toBeHidden();
    await expect(popup.getByRole('radio', { name: 'Smart link' })).toBeHidden();
    const offer = popup.getByLabel('Offer ID', { exact: true });
    await offer.fill('Aurora');
    await popup.getByRole('option', { name: /Aurora VIP/ }).click();
    await expect(offer).toHaveValue('77');
    await popup.getByRole('button', { name: 'Generate link' }).click();
    await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
    expect(everflow.requests.at(-1)!.path).toBe('/v1/affiliates/offers/77/url/0');
    expect(await hostOf(clipboard)).toMatch(ON_NORDLYS);

    // With a sub, the link comes from the documented POST, with only what it lists.
    await fillForm(popup, { 'Sub 1': 'newsletter' });
    await popup.getByRole('button', { name: 'Generate link' }).click();
    await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
    const post = everflow.requests.at(-1)!;
    expect(post.path).toBe('/v1/affiliates/offers/77/trackingurl');
    expect(post.body).toStrictEqual({ url_id: 0, sub1: 'newsletter' });
    expect(await clipboard.read()).toContain('sub1=newsletter');
  });

  test('an offer awaiting approval is found when asked for, and its link is refused in one plain sentence', async ({
    openExtensionPage,
  }) => {
    const popup = await openExtensionPage('popup');
    const offer = popup.getByLabel('Offer ID', { exact: true });
    await offer.fill('Baltic');
    await expect(popup.getByText('No offers match “Baltic”.')).toBeVisible();
    await popup.getByLabel('Also find offers awaiting approval').check();
    await offer.fill('Baltic ');
    await popup.getByRole('option', { name: /Baltic Books.*awaiting approval/ }).click();
    await popup.getByRole('button', { name: 'Generate link' }).click();
    const failure = popup.getByRole('alert');
    await expect(failure).toContainText('Ask the network to approve you for this offer, or choose another one.');
    await expect(failure).not.toContainText(/undefined|\[object|\{/);
  });

  test('makes many of its own links at once on the Bulk links page', async ({ openExtensionPage, everflow }) => {
    const bulk = await openPage(openExtensionPage, BULK_PAGE);
    await expect(bulk.getByRole('radio', { name: /One offer, many affiliates/ })).toBeHidden();
    await bulk.getByLabel('Offer IDs').fill('42 43 77');
    await bulk.getByRole('button', { name: 'Generate 3 links' }).click();
    await expect(bulk.getByRole('status')).toContainText('3 done', { timeout: 20_000 });
    const paths = everflow.requests.map((request) => request.path).filter((path) => path.startsWith('/v1/affiliates/offers/'));
    expect(paths.toSorted()).toEqual([
      '/v1/affiliates/offers/42/url/0',
      '/v1/affiliates/offers/43/url/0',
      '/v1/affiliates/offers/77/url/0',
    ]);
  });

  test('the right-click menu on its network’s offer page copies its own link', async ({ context, worker, everflow, clipboard }) => {
    await serveDashboards(context);
    // The partner's portal is its network's dashboard host.
    const page = `${NORDLYS}/offers/43/general`;
    await openTab(context, page);
    await clickMenu(worker, { menuItemId: 'copy-for-page', pageUrl: page });
    await expect.poll(() => everflow.requests.at(-1)?.path).toBe('/v1/affiliates/offers/43/url/0');
    await expect.poll(() => hostOf(clipboard)).toMatch(ON_NORDLYS);
  });
});

test('an update from the version with one key keeps its history, pins, drafts and settings', async ({ context, openExtensionPage }) => {
  // What the single-key version stored, as it stored it.
  const options = await openExtensionPage('options');
  await options.evaluate(async (key) => {
    await chrome.storage.local.clear();
    await chrome.storage.local.set({
      apiKey: { v: 1, data: key },
      settings: { v: 4, data: { region: 'us', requestsPerSecond: 12, dashboardDomains: ['links.acme.example'], newOfferSubs: 'keep' } },
      history: {
        v: 1,
        data: [
          {
            id: 'old-1',
            url: 'https://trk.example-trk.com/AB/CD/',
            input: { linkType: 'offer', offerId: 42, affiliateId: 7, encryptParameters: false, redirectLink: false },
            surface: 'popup',
            at: Date.now() - 60_000,
            offerName: 'Summer Sale – US – CPA',
          },
        ],
      },
      draft: { v: 1, data: { offerId: '99', affiliateId: '7', sub1: 'kept draft' } },
      recentAffiliates: { v: 1, data: [7] },
      pinnedPairs: {
        v: 1,
        data: { pins: [{ id: 'pin-1', linkType: 'offer', targetId: 42, affiliateId: 7, targetName: 'Summer Sale – US – CPA' }] },
      },
    });
  }, TEST_KEY);
  await options.close();
  // A worker that starts afresh, as after the update (Chrome stops it the way it stops an idle one).
  expect(await stopWorker(context)).toBe(true);

  const popup = await openExtensionPage('popup');
  await expect(popup.getByLabel('Offer ID', { exact: true })).toHaveValue('99');
  await expect(popup.getByLabel('Sub 1', { exact: true })).toHaveValue('kept draft');
  await expect(popup.getByRole('region', { name: 'Pinned' }).getByRole('button', { name: /^Summer Sale – US – CPA × / })).toBeVisible();
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');

  const stored = await popup.evaluate(() => chrome.storage.local.get(null));
  expect(stored.apiKey, 'the old key item is gone').toBeUndefined();
  const accounts = (
    stored.accounts as { data: { accounts: { id: string; region: string; requestsPerSecond: number; dashboardDomains: string[] }[] } }
  ).data.accounts;
  expect(accounts).toHaveLength(1);
  expect(accounts[0]).toMatchObject({ id: 'first', region: 'us', requestsPerSecond: 12, dashboardDomains: ['links.acme.example'] });
  const history = (stored.history as { data: { id: string; accountId: string }[] }).data;
  expect(history.map((entry) => [entry.id === 'old-1' ? 'old' : 'new', entry.accountId])).toEqual([
    ['new', 'first'],
    ['old', 'first'],
  ]);

  const page = await openPage(openExtensionPage, HISTORY_PAGE);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);
  await expect(page.getByText('Summer Sale – US – CPA')).toBeVisible();
});
