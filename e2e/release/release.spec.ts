// Ready for the stores, as far as npm test can tell from the builds in dist/ and dist-firefox/: one
// version, listings that explain exactly what each build asks for, pictures at the stores' sizes,
// the screenshot script still working against the current screens, a Firefox build that another
// folder rebuilds byte for byte, and the privacy policy one click from the options page.
// (`npm run release` runs the same checks, and the full rebuild from the source zip with npm ci.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../fixtures/extension';
import { BUILDS, listingProblems, permissionProblems, rebuildFromWorkTree, versionProblems } from './checks';
import { ART, EDGE_TO_EDGE_ICON_SIZES, SCREENSHOT, STORE_ICON, STORE_IMAGES, pngFacts, sizeProblems } from './images';
import { SCREENSHOT_FILES, makeStoreScreenshots } from './store-screenshots';

test('one version: package.json’s, in package-lock.json and both built manifests, with its homepage', () => {
  expect(versionProblems()).toStrictEqual([]);
});

test('each store’s listing explains exactly the permissions and hosts of the build it gets', () => {
  expect(permissionProblems()).toStrictEqual([]);
});

test('the listing text fits each store’s limits and says it is not made by Everflow', () => {
  expect(listingProblems()).toStrictEqual([]);
});

test('icons: the 128 px one is 96 px of artwork in 16 px of transparent padding, the smaller ones fill their square', () => {
  for (const build of Object.values(BUILDS)) {
    const icon = pngFacts(join(build, `icons/icon-${STORE_ICON.size}.png`));
    expect(icon).toStrictEqual({ width: STORE_ICON.size, height: STORE_ICON.size, transparentMargin: STORE_ICON.padding });
    for (const size of EDGE_TO_EDGE_ICON_SIZES) {
      expect(pngFacts(join(build, `icons/icon-${size}.png`)), `icon-${size}.png`).toStrictEqual({
        width: size,
        height: size,
        transparentMargin: 0,
      });
    }
  }
});

test('the store logo and promo tile have the stores’ sizes', () => {
  const { 'icon-128.png': _icon, ...drawn } = STORE_IMAGES;
  expect(sizeProblems(drawn, ART)).toStrictEqual([]);
});

test('the screenshot script makes its four 1280×800 pictures from the current build', async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'elb-shots-'));
  try {
    const written = await makeStoreScreenshots(dir);
    expect(written.map((path) => path.slice(dir.length + 1))).toStrictEqual([...SCREENSHOT_FILES]);
    expect(sizeProblems(Object.fromEntries(SCREENSHOT_FILES.map((name) => [name, SCREENSHOT])), dir)).toStrictEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the Firefox build made in another folder from the files git holds matches dist-firefox/ byte for byte', () => {
  test.setTimeout(60_000);
  expect(rebuildFromWorkTree()).toStrictEqual([]);
});

test('the options page says it is not made by Everflow and opens the privacy policy', async ({ context, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  await expect(options.getByText('is not made by, endorsed by or affiliated with Everflow', { exact: false })).toBeVisible();
  const [policy] = await Promise.all([context.waitForEvent('page'), options.getByRole('link', { name: 'Privacy policy' }).click()]);
  await expect(policy.getByRole('heading', { level: 1 })).toHaveText('Privacy policy: Link Builder for Everflow');
  await expect(policy.getByRole('heading', { name: 'What is sent, and where' })).toBeVisible();
  await expect(policy.getByText('api-eu.eflow.team', { exact: false }).first()).toBeVisible();
});
