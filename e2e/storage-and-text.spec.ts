// What a long-time user's browser meets: storage for the extension filled to the edge during a bulk
// job, two popups saving presets at the same moment, and names or links from Everflow holding a
// right-to-left override.
import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures/extension';
import { linkFor } from './fixtures/fake-everflow';
import { LINK_PATH } from './simulator/everflow';

const OFFER = 42;

/** The paused line the Bulk links page and the notification show. */
const STORAGE_FULL_NOTE =
  'Paused. Browser storage for the extension is full, so the results could not be kept; free space on the options page by clearing the history or old bulk results, then press Resume.';

/**
 * A long history (names, subs and 8,192-character links, as earlier versions kept them) that leaves
 * about `room` bytes of the browser's 10 MB for the extension.
 */
async function fillStorage(worker: Worker, room: number): Promise<void> {
  await worker.evaluate(async (leave) => {
    const local = chrome.storage.local;
    const entry = {
      input: {
        offerId: 1,
        affiliateId: 7,
        encryptParameters: false,
        redirectLink: false,
        sourceId: 's'.repeat(200),
        sub1: 'a'.repeat(200),
        sub2: 'b'.repeat(200),
        sub3: 'c'.repeat(200),
        sub4: 'd'.repeat(200),
        sub5: 'e'.repeat(200),
      },
      surface: 'popup',
      offerName: 'O'.repeat(800),
      affiliateName: 'A'.repeat(800),
    };
    const count = 1000;
    await local.set({ history: { v: 1, data: [{ ...entry, id: 'old-0', at: 1_700_000_000_000, url: 'https://trk.example/' }] } });
    const perEntry = await local.getBytesInUse('history');
    const free = local.QUOTA_BYTES - (await local.getBytesInUse(null)) - leave;
    const urlLength = Math.min(8192, Math.floor(free / count) - perEntry);
    const url = `https://trk.example/${'u'.repeat(urlLength - 20)}`;
    await local.set({
      history: { v: 1, data: Array.from({ length: count }, (_, n) => ({ ...entry, id: `old-${n}`, at: 1_700_000_000_000 + n, url })) },
    });
    // The last few hundred bytes, to the edge.
    const left = local.QUOTA_BYTES - (await local.getBytesInUse(null)) - leave;
    if (left > 20) await local.set({ filler: 'f'.repeat(left - 20) });
  }, room);
}

test('storage filled to the edge pauses a bulk job before a result is lost; Resume finishes it once space is freed', async ({
  context,
  worker,
  everflow,
  extensionId,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  await fillStorage(worker, 170_000);
  const free = await worker.evaluate(async () => chrome.storage.local.QUOTA_BYTES - (await chrome.storage.local.getBytesInUse(null)));
  expect(free).toBeLessThan(250_000);

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/bulk/bulk.html`);
  await page.getByLabel('Offer ID', { exact: true }).fill(String(OFFER));
  const ids = Array.from({ length: 120 }, (_, i) => 600 + i);
  await page.getByLabel('Affiliate IDs', { exact: true }).fill(ids.join(','));
  await page.getByLabel('Sub 1', { exact: true }).fill('x'.repeat(200));
  await page.getByLabel('Sub 2', { exact: true }).fill('y'.repeat(200));
  await page.getByLabel('Sub 3', { exact: true }).fill('z'.repeat(200));
  await page.getByRole('button', { name: 'Generate 120 links' }).click();

  await expect(page.getByRole('status')).toContainText(STORAGE_FULL_NOTE, { timeout: 30_000 });
  const sentWhenPaused = everflow.linkRequests.length;
  expect(sentWhenPaused).toBeGreaterThan(0);
  expect(sentWhenPaused).toBeLessThan(ids.length);
  // Requests stop: nothing more is sent while storage is full.
  await page.waitForTimeout(2_000);
  expect(everflow.linkRequests).toHaveLength(sentWhenPaused);

  // Free space the way the page says: the options page's Storage section.
  const options = await openExtensionPage('options');
  await expect(options.locator('#storage-used')).toContainText('of the 10.5 MB the browser allows it');
  await options.getByRole('button', { name: 'Clear history…' }).click();
  await options.getByRole('button', { name: 'Yes, clear the history' }).click();
  await expect(options.locator('#storage-notice')).toHaveText('The link history was cleared.');

  await page.bringToFront();
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByRole('status')).toContainText('120 done · 0 failed · 0 remaining', { timeout: 30_000 });
  // No row was asked for twice, and every one has its link.
  for (const affiliate of ids) expect(everflow.log(OFFER, affiliate).links).toBe(1);
});

test('a link made while storage is full is delivered and copied, with a notice that it is not in the history', async ({
  worker,
  everflow,
  clipboard,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  await fillStorage(worker, 50);
  const popup = await openExtensionPage('popup');
  await popup.getByLabel('Offer ID', { exact: true }).fill(String(OFFER));
  await popup.getByLabel('Affiliate ID', { exact: true }).fill('7');
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
  const link = await popup.getByRole('textbox', { name: 'Your tracking link' }).inputValue();
  expect(link).toBe(linkFor(OFFER, 7));
  await expect(
    popup.getByText('The link is not in your history: browser storage for the extension is full; free space on the options page.'),
  ).toBeVisible();
  await expect(popup.getByRole('alert')).toHaveCount(0);
  expect(await clipboard.read()).toBe(link);
  expect(everflow.linkRequests).toHaveLength(1);
});

async function openPresets(popup: Page) {
  await popup.getByRole('button', { name: 'Presets' }).click();
  await expect(popup.getByRole('heading', { name: 'Presets' })).toBeVisible();
}

test('two popups saving a preset at the same moment both keep theirs', async ({ openExtensionPage }) => {
  const first = await openExtensionPage('popup');
  await first.getByLabel('Sub 1', { exact: true }).fill('from-first');
  const second = await openExtensionPage('popup');
  await second.getByLabel('Sub 1', { exact: true }).fill('from-second');
  await openPresets(first);
  await openPresets(second);
  await first.getByLabel('Save current as preset').fill('Newsletter');
  await second.getByLabel('Save current as preset').fill('Social');
  await Promise.all([
    first.getByRole('button', { name: 'Save', exact: true }).click(),
    second.getByRole('button', { name: 'Save', exact: true }).click(),
  ]);
  await expect(first.getByRole('status')).toHaveText('Saved preset “Newsletter”.');
  await expect(second.getByRole('status')).toHaveText('Saved preset “Social”.');
  // Each popup follows the other's change.
  for (const popup of [first, second]) {
    await expect(popup.getByRole('button', { name: 'Apply Newsletter' })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Apply Social' })).toBeVisible();
  }
});

test('a name or a link holding a right-to-left override is shown and copied without it', async ({
  everflow,
  clipboard,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  everflow.network.offers.find((offer) => offer.network_offer_id === OFFER)!.name = 'Summer \u202EASU\u202C Sale';
  everflow.answer((request) =>
    request.path === LINK_PATH ? { json: { url: 'https://trk.example-trk.com/28KL6/2CTPL/?sub1=\u202Egnirps' } } : undefined,
  );
  const popup = await openExtensionPage('popup');
  const offerField = popup.getByRole('combobox', { name: 'Offer ID' });
  await popup.getByLabel('Offer ID', { exact: true }).focus();
  await offerField.pressSequentially('summer', { delay: 40 });
  const option = popup.getByRole('listbox', { name: 'Matching offers' }).getByRole('option').filter({ hasText: '42 ·' });
  await expect(option).toHaveText('42 · Summer ASU Sale (active)');
  await option.click();
  await popup.getByLabel('Affiliate ID', { exact: true }).fill('7');
  await popup.getByRole('button', { name: 'Generate link' }).click();
  const clean = 'https://trk.example-trk.com/28KL6/2CTPL/?sub1=%E2%80%AEgnirps';
  await expect(popup.getByRole('textbox', { name: 'Your tracking link' })).toHaveValue(clean);
  await expect(popup.getByText('Summer ASU Sale', { exact: true })).toBeVisible();
  expect(await clipboard.read()).toBe(clean);
  const html = await popup.content();
  expect(html).not.toContain('\u202E');
});
