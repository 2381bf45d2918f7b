// The result's QR code: drawn in the popup, decoded back to the link here (jsQR), and downloaded
// as PNG and SVG, all without a request leaving the page.
import type { Download, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { DEFAULT_LINK, LINK_PATH } from './fixtures/fake-everflow';
import { expect, test } from './fixtures/extension';
import { fillForm } from './fixtures/popup-form';

/** What a QR scanner reads from a PNG image. */
function decodePng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

async function generate(popup: Page, link: string) {
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });
  // The names beside the IDs are looked up (the only calls besides the link's), so none comes later.
  await expect(popup.getByText('Sunrise Media', { exact: true })).toBeVisible();
  await expect(popup.getByText('Summer Sale – US – CPA', { exact: true })).toBeVisible();
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(link);
}

/** Every URL the popup asks for from now on. */
function watchRequests(popup: Page): string[] {
  const urls: string[] = [];
  popup.on('request', (request) => urls.push(request.url()));
  return urls;
}

async function saved(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

test('shows the link as a QR code that decodes back to the link, and hides it again', async ({ everflow, saveKey, openExtensionPage }) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await generate(popup, DEFAULT_LINK);
  const requestsToEverflow = everflow.requests.length;
  const pageRequests = watchRequests(popup);

  // The toggle says what it will do next, and whether the code is shown.
  const show = popup.getByRole('button', { name: 'Show QR code' });
  const hide = popup.getByRole('button', { name: 'Hide QR code' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  const image = popup.getByRole('img', { name: 'QR code for the tracking link' });
  await expect(image).toHaveCount(0);

  await show.click();
  await expect(hide).toHaveAttribute('aria-expanded', 'true');
  await expect(hide).toBeFocused();
  await expect(show).toHaveCount(0);
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  // What is on screen, pixel for pixel, read as a phone would.
  expect(decodePng(await image.screenshot())).toBe(DEFAULT_LINK);

  await hide.click();
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await expect(show).toBeFocused();
  await expect(image).toHaveCount(0);

  expect(everflow.requests).toHaveLength(requestsToEverflow);
  // Only the extension's own code chunk (and the image's data: URL) was loaded: nothing went out.
  expect(pageRequests.filter((url) => !url.startsWith('chrome-extension://') && !url.startsWith('data:'))).toEqual([]);
});

test('follows a new link, and downloads PNG and SVG files of it from the keyboard', async ({ everflow, saveKey, openExtensionPage }) => {
  const longLink = `https://trk.example-trk.com/28KL6/2CTPL/?sub1=spring&sub2=${'summer-sale%20'.repeat(12)}&sub5=last`;
  everflow.answer((request) =>
    request.path === LINK_PATH ? { json: { url: everflow.linkRequests.length === 1 ? DEFAULT_LINK : longLink } } : undefined,
  );
  await saveKey();
  const popup = await openExtensionPage('popup');
  await generate(popup, DEFAULT_LINK);

  await popup.getByRole('button', { name: 'Show QR code' }).focus();
  await popup.keyboard.press('Enter');
  const toggle = popup.getByRole('button', { name: 'Hide QR code' });
  await expect(toggle).toBeFocused();
  const image = popup.getByRole('img', { name: 'QR code for the tracking link' });
  await expect(image).toBeVisible();

  // A newer link replaces the code on screen.
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(longLink);
  await expect.poll(async () => decodePng(await image.screenshot())).toBe(longLink);
  const requestsToEverflow = everflow.requests.length;
  const pageRequests = watchRequests(popup);

  await toggle.focus();
  await popup.keyboard.press('Tab');
  const png = popup.getByRole('button', { name: 'Download PNG' });
  await expect(png).toBeFocused();
  const [pngDownload] = await Promise.all([popup.waitForEvent('download'), popup.keyboard.press('Enter')]);
  expect(pngDownload.suggestedFilename()).toBe('tracking-link-qr.png');
  const pngFile = await saved(pngDownload);
  expect(pngFile.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(PNG.sync.read(pngFile).width).toBeGreaterThanOrEqual(512);
  expect(decodePng(pngFile)).toBe(longLink);

  await popup.keyboard.press('Tab');
  const svg = popup.getByRole('button', { name: 'Download SVG' });
  await expect(svg).toBeFocused();
  const [svgDownload] = await Promise.all([popup.waitForEvent('download'), popup.keyboard.press('Enter')]);
  expect(svgDownload.suggestedFilename()).toBe('tracking-link-qr.svg');
  const svgFile = (await saved(svgDownload)).toString('utf8');
  expect(svgFile).toMatch(/^<\?xml [^>]*\?><svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>.*<\/svg>$/s);
  expect(svgFile).toContain('<path d="M');

  // The SVG file draws the same code: render it in the page and read it back.
  const svgDrawn = await popup.evaluate(async (source) => {
    const img = new Image();
    img.src = `data:image/svg+xml,${encodeURIComponent(source)}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: pixels.width, height: pixels.height, data: [...pixels.data] };
  }, svgFile);
  expect(jsQR(new Uint8ClampedArray(svgDrawn.data), svgDrawn.width, svgDrawn.height)?.data).toBe(longLink);

  expect(everflow.requests).toHaveLength(requestsToEverflow);
  expect(
    pageRequests.filter((url) => !url.startsWith('chrome-extension://') && !url.startsWith('data:') && !url.startsWith('blob:')),
  ).toEqual([]);
});
