// The stores' screenshots (1280×800), made from the production build in dist/ against the Everflow
// simulator, the way a person gets there: key saved on the options page, links made in the popup, a
// bulk job run on its page. Re-run it whenever the screens change: it drives the current build by
// labels and roles, as the e2e specs do.
//   npx tsx e2e/release/store-screenshots.ts [folder]     (default: release/store/screenshots)
// `npm run release` runs it; the release spec runs it into a temporary folder.
import { addAccount } from '../fixtures/options-steps';
import type { BrowserContext, Page } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEMO_HOST, dashboardPage, demoOfferUrl } from '../demo/dashboard-page';
import { DIST, builtManifest, launchWithExtension } from '../fixtures/extension';
import { connectToPopup } from '../fixtures/toolbar-popup';
import { EverflowSimulator } from '../simulator/everflow';
import { US_KEY } from '../simulator/network';
import { startSimulatorServer } from '../simulator/server';
import { SCREENSHOT } from './images';

export const SCREENSHOT_FILES = ['1-popup-on-dashboard.png', '2-bulk-links.png', '3-history.png', '4-options.png'] as const;
export const DEFAULT_OUT = fileURLToPath(new URL('../../release/store/screenshots/', import.meta.url));

/** Links made first, so History has something to show: [offer, affiliate, sub 1]. */
const LINKS: [number, number, string][] = [
  [1842, 913, 'spring-mail'],
  [43, 8, 'banner-top'],
  [44, 7, 'newsletter'],
  [42, 8, 'retargeting'],
];

async function newPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(SCREENSHOT);
  await page.goto(url);
  return page;
}

async function saveKey(context: BrowserContext, base: string): Promise<void> {
  const options = await newPage(context, `${base}/${builtManifest().options_ui.page}`);
  await addAccount(options, US_KEY);
  await options.close();
}

async function makeLinks(context: BrowserContext, base: string): Promise<void> {
  const popup = await newPage(context, `${base}/${builtManifest().action.default_popup}`);
  for (const [offer, affiliate, sub1] of LINKS) {
    await popup.getByRole('button', { name: 'Clear' }).click();
    await popup.getByLabel('Offer ID', { exact: true }).fill(String(offer));
    await popup.getByLabel('Affiliate ID', { exact: true }).fill(String(affiliate));
    await popup.getByLabel('Sub 1', { exact: true }).fill(sub1);
    await popup.getByRole('button', { name: 'Generate link' }).click();
    await popup.getByText('Copied to clipboard.').waitFor();
  }
  await popup.close();
}

/** The real toolbar popup over the simulated dashboard's offer page, as the browser draws it there. */
async function popupOnDashboard(context: BrowserContext, path: string): Promise<void> {
  const dashboard = await newPage(context, demoOfferUrl());
  await dashboard.bringToFront();
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(() => chrome.action.openPopup());
  const { page: popup, disconnect } = await connectToPopup(context);
  try {
    // The offer is already the page's; the person types the affiliate and presses Enter.
    await popup.getByLabel('Offer ID', { exact: true }).waitFor();
    await popup.getByLabel('Affiliate ID', { exact: true }).fill('7');
    await popup.getByLabel('Sub 1', { exact: true }).fill('newsletter');
    await popup.getByLabel('Affiliate ID', { exact: true }).press('Enter');
    await popup.getByText('Copied to clipboard.').waitFor();
    const popupPng = await popup.locator('body').screenshot();
    const pagePng = await dashboard.screenshot();
    const composer = await context.newPage();
    await composer.setViewportSize(SCREENSHOT);
    await composer.setContent(
      `<style>html,body{margin:0;width:${SCREENSHOT.width}px;height:${SCREENSHOT.height}px;overflow:hidden}
       .page{position:absolute;inset:0}
       .popup{position:absolute;top:8px;right:16px;border:1px solid #c4ccd6;border-radius:8px;box-shadow:0 8px 28px rgb(0 0 0/28%);max-height:${SCREENSHOT.height - 24}px;object-fit:cover;object-position:top}</style>
       <img class="page" src="data:image/png;base64,${pagePng.toString('base64')}">
       <img class="popup" src="data:image/png;base64,${popupPng.toString('base64')}">`,
    );
    await composer.screenshot({ path });
    await composer.close();
  } finally {
    await disconnect();
    await dashboard.close();
  }
}

async function bulkLinks(context: BrowserContext, base: string, path: string): Promise<void> {
  const bulk = await newPage(context, `${base}/src/bulk/bulk.html`);
  await bulk.getByLabel('Offer ID', { exact: true }).fill('42');
  await bulk.getByLabel('Affiliate IDs', { exact: true }).fill('7 8 913 100 101 102 103 104 105 106 107 108');
  await bulk.getByRole('button', { name: 'Generate 12 links' }).click();
  await bulk.getByText('12 done', { exact: false }).waitFor();
  await bulk.screenshot({ path });
  await bulk.close();
}

async function history(context: BrowserContext, base: string, path: string): Promise<void> {
  const page = await newPage(context, `${base}/src/history/history.html`);
  await page.getByLabel('Search history').waitFor();
  await page.getByText('Acme Shoes', { exact: false }).first().waitFor();
  await page.screenshot({ path });
  await page.close();
}

async function optionsPage(context: BrowserContext, base: string, path: string): Promise<void> {
  const page = await newPage(context, `${base}/${builtManifest().options_ui.page}`);
  // With a key saved, the field offers to replace it.
  await page.getByLabel('Replace API key', { exact: true }).waitFor();
  await page.screenshot({ path });
  await page.close();
}

/** Writes SCREENSHOT_FILES into `outDir` and returns their paths. */
export async function makeStoreScreenshots(outDir = DEFAULT_OUT): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const paths = SCREENSHOT_FILES.map((name) => join(outDir, name));
  const simulator = new EverflowSimulator();
  const server = await startSimulatorServer(() => simulator, { pages: { [DEMO_HOST]: dashboardPage(simulator.network) } });
  const { context, userDataDir } = await launchWithExtension([], DIST, server);
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const base = `chrome-extension://${new URL(worker.url()).host}`;
    await saveKey(context, base);
    await makeLinks(context, base);
    await popupOnDashboard(context, paths[0]!);
    await bulkLinks(context, base, paths[1]!);
    await history(context, base, paths[2]!);
    await optionsPage(context, base, paths[3]!);
  } finally {
    await context.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
  return paths;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  for (const path of await makeStoreScreenshots(process.argv[2] ? resolve(process.argv[2]) : DEFAULT_OUT)) console.log(`Wrote ${path}`);
}
