// Byte budgets, enforced: bytes are deterministic, so a regression fails the suite. Times are only
// reported by `npm run bench`.
import { expect, test } from '@playwright/test';
import { BUDGETS, backgroundBytes, popupBytes, popupFirstPaintFiles, zipBytes } from './fixtures/bundle-size';

test(`the popup loads at most ${BUDGETS.popup} bytes of JS and CSS, gzip`, () => {
  const popup = popupBytes();
  expect(popup.files.some((file) => file.endsWith('.css')) || (popup.inlineCss ?? 0) > 0, 'the popup’s CSS is counted').toBe(true);
  expect(popup.files.filter((file) => file.endsWith('.js')).length, 'the popup’s scripts are counted').toBeGreaterThan(1);
  expect(popup.gzip, `popup files: ${popup.files.join(', ')}, inline CSS: ${popup.inlineCss ?? 0} B`).toBeLessThanOrEqual(BUDGETS.popup);
});

// Each file an extension page loads is a round trip through the browser process, and the page's
// module scripts wait for all of them: the popup's first paint is its entry, its startup chunk with all
// it imports (vite.config.ts, POPUP_STARTUP) and Vite's preload helper, and its CSS is in the page
// (popup.html; docs/performance.md).
test('the popup’s first paint loads its entry, its startup chunk and the preload helper, and its CSS is in the page', () => {
  const files = popupFirstPaintFiles();
  expect(files.map((file) => file.replace(/^assets\/|-[\w-]{8}\.js$/g, '')).toSorted(), files.join(', ')).toStrictEqual([
    'popup-startup',
    'popup.html',
    'preload-helper',
  ]);
  expect(popupBytes().inlineCss ?? 0).toBeGreaterThan(1000);
});

test(`the background loads at most ${BUDGETS.background} bytes, gzip`, () => {
  const background = backgroundBytes();
  expect(background.files.length).toBeGreaterThan(1);
  expect(background.gzip, `background files: ${background.files.join(', ')}`).toBeLessThanOrEqual(BUDGETS.background);
});

test(`the store zip is at most ${BUDGETS.zip} bytes`, () => {
  expect(zipBytes().gzip).toBeLessThanOrEqual(BUDGETS.zip);
});
