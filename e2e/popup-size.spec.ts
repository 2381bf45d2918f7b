// The popup fits Chrome's and Firefox's popup window (at most 600 px tall) in its tallest states: the
// QR code shown (with More options open too), every field flagged, a failure, the Presets and History views.
// Measured in a tab made shorter than the popup, where the document's scroll height is the height
// the browser would give the popup window.
import type { Page } from '@playwright/test';
import { DEFAULT_LINK } from './fixtures/fake-everflow';
import { expect, test } from './fixtures/extension';
import { expectAccessible } from './fixtures/page-checks';
import { fillForm, openMoreOptions } from './fixtures/popup-form';

const POPUP_LIMIT = 600;

async function popupHeight(popup: Page): Promise<number> {
  await popup.setViewportSize({ width: 400, height: 200 });
  return popup.evaluate(() => document.documentElement.scrollHeight);
}

/** Whether the whole view is on screen without scrolling inside the popup. */
function fitsWithoutScrolling(popup: Page): Promise<boolean> {
  return popup.locator('main').evaluate((main) => main.scrollHeight <= main.clientHeight);
}

async function generate(popup: Page): Promise<void> {
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(DEFAULT_LINK);
}

test('with the QR code shown, the link, the code and its downloads fit in the popup without scrolling', async ({
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await generate(popup);
  await popup.getByRole('button', { name: 'Show QR code' }).click();
  await expect(popup.getByRole('img', { name: 'QR code for the tracking link' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Download SVG' })).toBeVisible();

  expect(await popupHeight(popup)).toBeLessThanOrEqual(POPUP_LIMIT);
  expect(await fitsWithoutScrolling(popup)).toBe(true);
  // The toggle now says what it will do.
  await expect(popup.getByRole('button', { name: 'Hide QR code' })).toHaveAttribute('aria-expanded', 'true');
  await expectAccessible(popup);
});

test('More options open with the link and its QR code, then every field flagged: the popup scrolls inside its 600 px', async ({
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await openMoreOptions(popup);
  await generate(popup);
  await popup.getByRole('button', { name: 'Show QR code' }).click();
  const qr = popup.getByRole('img', { name: 'QR code for the tracking link' });
  await expect(qr).toBeVisible();
  expect(await popupHeight(popup)).toBeLessThanOrEqual(POPUP_LIMIT);
  // What scrolled out of view is reached by scrolling the popup's content: the code and its buttons.
  await qr.scrollIntoViewIfNeeded();
  await expect(qr).toBeInViewport();
  await popup.getByRole('button', { name: 'Download PNG' }).focus();
  await expect(popup.getByRole('button', { name: 'Download PNG' })).toBeInViewport();

  // Every field refused at once, each with its message under it (the link, made from other values, has left).
  await popup.setViewportSize({ width: 1280, height: 720 });
  await fillForm(popup, {
    'Offer ID': 'x',
    'Affiliate ID': 'y',
    'Source ID': 'z'.repeat(201),
    'Sub 1': 's'.repeat(201),
    'Sub 2': 's'.repeat(201),
    'Sub 3': 's'.repeat(201),
    'Sub 4': 's'.repeat(201),
    'Sub 5': 's'.repeat(201),
    'Tracking domain ID': 'a',
    'Offer URL ID': 'b',
    'Creative ID': 'c',
    'Traffic source ID': 'd',
  });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('alert').first()).toBeVisible();
  expect(await popup.getByRole('alert').count()).toBeGreaterThanOrEqual(10);
  expect(await popupHeight(popup)).toBeLessThanOrEqual(POPUP_LIMIT);
  const generateButton = popup.getByRole('button', { name: 'Generate link' });
  await generateButton.scrollIntoViewIfNeeded();
  await expect(generateButton).toBeInViewport();
});

test('a long failure from Everflow after a link with its QR code stays within 600 px', async ({ everflow, saveKey, openExtensionPage }) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await generate(popup);
  await popup.getByRole('button', { name: 'Show QR code' }).click();
  everflow.answer({ status: 400, json: { error: 'Affiliate 7 is not approved to run offer 42. '.repeat(4) } });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('alert')).toContainText('Everflow: “Affiliate 7 is not approved to run offer 42.');
  // The failure does not sit above the earlier link: that one is in History.
  await expect(popup.getByLabel(/tracking link|Last link/)).toHaveCount(0);
  expect(await popupHeight(popup)).toBeLessThanOrEqual(POPUP_LIMIT);
});

test('the Presets and History views stay within 600 px however many there are', async ({ saveKey, openExtensionPage }) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  for (let n = 1; n <= 12; n++) {
    await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7', 'Sub 1': `campaign-${n}` });
    await popup.getByRole('button', { name: 'Generate link' }).click();
    await expect(popup.getByLabel('Your tracking link')).toHaveValue(new RegExp(`sub1=campaign-${n}$`));
  }

  await fillForm(popup, { 'Source ID': 'newsletter', 'Sub 1': 'spring', 'Sub 2': 'email' });
  await popup.getByRole('button', { name: 'Presets' }).click();
  for (let n = 1; n <= 15; n++) {
    await popup.getByLabel('Save current as preset').fill(`Preset number ${n} for the spring newsletter`);
    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(popup.getByRole('status')).toHaveText(`Saved preset “Preset number ${n} for the spring newsletter”.`);
  }
  expect(await popupHeight(popup)).toBeLessThanOrEqual(POPUP_LIMIT);
  await popup.setViewportSize({ width: 1280, height: 720 });
  await popup.getByRole('button', { name: 'Back' }).click();

  await popup.getByRole('button', { name: 'History' }).click();
  await expect(popup.getByRole('heading', { name: 'History' })).toBeVisible();
  await expect(popup.getByText('campaign-12', { exact: false }).first()).toBeVisible();
  expect(await popupHeight(popup)).toBeLessThanOrEqual(POPUP_LIMIT);
});
