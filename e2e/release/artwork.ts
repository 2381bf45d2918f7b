// `npm run artwork`: draws the icons and the store pictures from their sources in e2e/release/art/
// (icon.svg, promo-tile.html) with the project's Chromium, and writes them where they are committed:
// public/icons/icon-<size>.png (shipped with the extension) and e2e/release/art/*.png (copied into
// release/store/ by `npm run release`). Run it after changing a source, and commit the pictures.
import { chromium, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM } from '../fixtures/extension';
import { ART, EDGE_TO_EDGE_ICON_SIZES, STORE_ICON, STORE_IMAGES, pngFacts } from './images';

const ICONS = fileURLToPath(new URL('../../public/icons/', import.meta.url));

const iconSvg = readFileSync(`${ART}icon.svg`, 'utf8');

/** The icon, `artwork` px wide, centred in a transparent `size` px square. */
async function drawIcon(page: Page, size: number, artwork: number, path: string): Promise<void> {
  const margin = (size - artwork) / 2;
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${artwork}px;height:${artwork}px;margin:${margin}px}</style>${iconSvg}`,
  );
  await page.screenshot({ path, omitBackground: true });
}

async function drawPage(page: Page, html: string, width: number, height: number, path: string): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.setContent(html);
  await page.screenshot({ path });
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--force-color-profile=srgb'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const written: string[] = [];
  for (const size of EDGE_TO_EDGE_ICON_SIZES) {
    await drawIcon(page, size, size, `${ICONS}icon-${size}.png`);
    written.push(`${ICONS}icon-${size}.png`);
  }
  await drawIcon(page, STORE_ICON.size, STORE_ICON.artwork, `${ICONS}icon-${STORE_ICON.size}.png`);
  written.push(`${ICONS}icon-${STORE_ICON.size}.png`);

  // Edge's store logo: the icon across the whole square.
  const logo = STORE_IMAGES['logo-300.png'];
  await drawIcon(page, logo.width, logo.width, `${ART}logo-300.png`);
  written.push(`${ART}logo-300.png`);

  const tile = STORE_IMAGES['promo-tile-440x280.png'];
  const tileHtml = readFileSync(`${ART}promo-tile.html`, 'utf8').replaceAll('{{icon}}', iconSvg);
  await drawPage(page, tileHtml, tile.width, tile.height, `${ART}promo-tile-440x280.png`);
  written.push(`${ART}promo-tile-440x280.png`);

  for (const path of written) {
    const { width, height } = pngFacts(path);
    console.log(`Wrote ${path} (${width}×${height})`);
  }
} finally {
  await browser.close();
}
