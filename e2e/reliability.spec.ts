// Failures Everflow, the network and Chrome can throw at us: retries, double submits, a popup closed
// mid-request, a stopped service worker, concurrent generations, and damaged storage.
import type { Page } from '@playwright/test';
import { DEFAULT_LINK, EU_KEY, LINK_PATH, type Answer, type RecordedRequest } from './fixtures/fake-everflow';
import { notificationIds } from './fixtures/dashboard';
import { expect, test } from './fixtures/extension';
import { fillForm } from './fixtures/popup-form';
import { stopWorker } from './fixtures/service-worker';

async function generate(popup: Page, offer: string, affiliate: string): Promise<void> {
  await fillForm(popup, { 'Offer ID': offer, 'Affiliate ID': affiliate });
  await popup.getByRole('button', { name: 'Generate link' }).click();
}

const linkField = (popup: Page) => popup.getByRole('textbox', { name: /tracking link|Last link/ });

/** Answers the first link request with `first`, every later one with the link; other calls (names) as Everflow would. */
function firstLinkRequest(first: Answer, onLink: (request: RecordedRequest) => void = () => undefined) {
  let links = 0;
  return (request: RecordedRequest): Answer | undefined => {
    if (request.path !== LINK_PATH) return undefined;
    onLink(request);
    return links++ === 0 ? first : { json: { url: DEFAULT_LINK } };
  };
}

test.describe('retries', () => {
  // Everflow's docs: retry 429 and 500 with backoff (a single 429 here; a lasting one: rate-limit.spec.ts).
  for (const status of [429, 500, 503, 502, 504]) {
    test(`a ${status} is retried and the user still gets the link`, async ({ everflow, clipboard, saveKey, openExtensionPage }) => {
      await saveKey();
      everflow.answer(firstLinkRequest({ status, json: { error: 'busy' } }));
      const popup = await openExtensionPage('popup');
      await generate(popup, '42', '7');
      await expect(linkField(popup)).toHaveValue(DEFAULT_LINK);
      expect(everflow.linkRequests).toHaveLength(2);
      expect(await clipboard.read()).toBe(DEFAULT_LINK);
    });
  }

  test('Retry-After is honoured before trying again', async ({ everflow, saveKey, openExtensionPage }) => {
    await saveKey();
    const times: number[] = [];
    everflow.answer(firstLinkRequest({ status: 429, headers: { 'Retry-After': '2' }, json: {} }, () => times.push(Date.now())));
    const popup = await openExtensionPage('popup');
    await generate(popup, '42', '7');
    await expect(linkField(popup)).toHaveValue(DEFAULT_LINK, { timeout: 10_000 });
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1900);
  });

  for (const status of [400, 401, 403, 404]) {
    test(`a ${status} is never retried`, async ({ everflow, saveKey, openExtensionPage }) => {
      await saveKey();
      everflow.answer({ status, json: { error: 'No.' } });
      const popup = await openExtensionPage('popup');
      await generate(popup, '42', '7');
      await expect(popup.getByRole('alert')).toBeVisible();
      // Give a wrongly scheduled retry time to show up.
      await popup.waitForTimeout(1500);
      expect(everflow.linkRequests).toHaveLength(1);
    });
  }
});

test('a double click or Enter pressed twice sends one request', async ({ everflow, saveKey, openExtensionPage }) => {
  await saveKey();
  everflow.answer({ json: { url: DEFAULT_LINK }, delayMs: 800 });
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });
  await popup.getByRole('button', { name: 'Generate link' }).dblclick();
  await popup.getByLabel('Affiliate ID', { exact: true }).press('Enter');
  await popup.getByLabel('Affiliate ID', { exact: true }).press('Enter');
  await expect(linkField(popup)).toHaveValue(DEFAULT_LINK);
  expect(everflow.linkRequests).toHaveLength(1);
});

test('a popup closed mid-request still gets its link copied, announced, and shown next time', async ({
  worker,
  everflow,
  clipboard,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  await clipboard.write('sentinel');
  everflow.answer({ json: { url: DEFAULT_LINK }, delayMs: 1500 });
  const popup = await openExtensionPage('popup');
  await generate(popup, '42', '7');
  await expect.poll(() => everflow.linkRequests.length).toBe(1);
  await popup.close();

  await expect.poll(() => clipboard.read(), { timeout: 10_000 }).toBe(DEFAULT_LINK);
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('✓');
  expect(await notificationIds(worker)).toContainEqual(expect.stringMatching(/^link-result/));

  const reopened = await openExtensionPage('popup');
  await expect(reopened.getByRole('textbox', { name: 'Last link' })).toHaveValue(DEFAULT_LINK);
  expect(everflow.linkRequests).toHaveLength(1);
});

test('after Chrome stops the idle service worker, the next generate works', async ({ context, everflow, saveKey, openExtensionPage }) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });

  expect(await stopWorker(context), 'the extension had a running service worker, now stopped').toBe(true);

  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(linkField(popup)).toHaveValue(DEFAULT_LINK);
  expect(everflow.linkRequests).toHaveLength(1);
  expect(everflow.linkRequests[0]!.headers['x-eflow-api-key']).toBeTruthy();
});

test('two popups generating at once each get their own link', async ({ everflow, saveKey, openExtensionPage }) => {
  await saveKey();
  // The first request is answered last, so crossed replies would show.
  everflow.answer((request) => {
    const body = request.body as { network_offer_id: number; network_affiliate_id: number };
    return {
      json: { url: `https://trk.example-trk.com/${body.network_affiliate_id}/${body.network_offer_id}/` },
      delayMs: body.network_offer_id === 1 ? 1200 : 100,
    };
  });
  const first = await openExtensionPage('popup');
  const second = await openExtensionPage('popup');
  await fillForm(first, { 'Offer ID': '1', 'Affiliate ID': '10' });
  await fillForm(second, { 'Offer ID': '2', 'Affiliate ID': '20' });
  await Promise.all([
    first.getByRole('button', { name: 'Generate link' }).click(),
    second.getByRole('button', { name: 'Generate link' }).click(),
  ]);
  await expect(first.getByRole('textbox', { name: 'Your tracking link' })).toHaveValue('https://trk.example-trk.com/10/1/');
  await expect(second.getByRole('textbox', { name: 'Your tracking link' })).toHaveValue('https://trk.example-trk.com/20/2/');
  expect(everflow.linkRequests).toHaveLength(2);
});

test.describe('stored data', () => {
  test('damaged stored data is reset with a notice, and the popup still works', async ({
    worker,
    everflow,
    saveKey,
    openExtensionPage,
  }) => {
    await saveKey();
    await worker.evaluate(() =>
      chrome.storage.local.set({
        draft: 'not a draft',
        recentAffiliates: { v: 1, data: ['seven'] },
        lastLink: { v: 99, data: null },
        settings: { v: 2, data: { region: 42 } },
      }),
    );
    const popup = await openExtensionPage('popup');
    await expect(popup.getByRole('alert').filter({ hasText: 'could not be read' }).first()).toBeVisible();
    await expect(popup.getByText('Your saved form could not be read, so it starts empty.')).toBeVisible();
    await expect(
      popup.getByText('Some saved settings could not be read and were reset to their defaults; check the options page.'),
    ).toBeVisible();
    await generate(popup, '42', '7');
    await expect(linkField(popup)).toHaveValue(DEFAULT_LINK);
    expect(everflow.linkRequests[0]!.url).toBe('https://api.eflow.team/v1/networks/tracking/offers/clicks');

    // The notice is shown once: the reset values were stored.
    const again = await openExtensionPage('popup');
    await expect(again.getByRole('button', { name: 'Generate link' })).toBeVisible();
    await expect(again.getByText('could not be read')).toHaveCount(0);
  });

  test('a key and settings from the oldest version become an account in their region', async ({ context, everflow, openExtensionPage }) => {
    // Version 1 of the settings stored only the region, beside the one key of the version before accounts.
    const page = await openExtensionPage('options');
    await page.evaluate(
      (key) => chrome.storage.local.set({ apiKey: { v: 1, data: key }, settings: { v: 1, data: { region: 'eu' } } }),
      EU_KEY,
    );
    await page.close();
    // A worker that starts afresh, as after the update.
    expect(await stopWorker(context)).toBe(true);
    const popup = await openExtensionPage('popup');
    // The popup's opening wakes the worker, which makes the first account; the link is asked for once it has.
    await expect
      .poll(() => popup.evaluate(async () => 'accounts' in (await chrome.storage.local.get('accounts'))), { timeout: 15_000 })
      .toBe(true);
    await generate(popup, '42', '7');
    await expect(linkField(popup)).toHaveValue(DEFAULT_LINK);
    expect(everflow.linkRequests[0]!.url).toBe('https://api-eu.eflow.team/v1/networks/tracking/offers/clicks');
    await expect(popup.getByText('could not be read')).toHaveCount(0);
    const stored = await popup.evaluate(() => chrome.storage.local.get(['settings', 'accounts', 'apiKey']));
    expect(stored.settings).toStrictEqual({ v: 5, data: { newOfferSubs: 'keep' } });
    expect(stored.apiKey).toBeUndefined();
    expect((stored.accounts as { data: { accounts: unknown[] } }).data.accounts).toMatchObject([
      { id: 'first', region: 'eu', requestsPerSecond: 20, dashboardDomains: [] },
    ]);
  });
});
