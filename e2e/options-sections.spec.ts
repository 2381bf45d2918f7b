// The options page as a settings page: the list of its sections, each one click (or Tab and Enter) away
// and at its own address (options.html#presets), the section reached marked in the list and its heading
// focused, Back going to the one before; on a narrow window and at 200 % zoom the list sits above the
// content, stays reachable and nothing runs off the side; axe-core finds nothing.
import type { Page } from '@playwright/test';
import { TEST_KEY, builtManifest, expect, test } from './fixtures/extension';
import { addAccount } from './fixtures/options-steps';
import { expectAccessible } from './fixtures/page-checks';

/** Each link of the list, the heading it leads to, and its address. */
const SECTIONS = [
  { link: 'Accounts', heading: 'Everflow accounts', hash: '#accounts' },
  { link: 'Presets', heading: 'Presets', hash: '#presets' },
  { link: 'Copy formats', heading: 'Copy formats', hash: '#copy-formats' },
  { link: 'Links', heading: 'Links', hash: '#links' },
  { link: 'Team', heading: 'Team settings', hash: '#team-settings' },
  { link: 'Storage', heading: 'Storage', hash: '#storage' },
] as const;
type Section = (typeof SECTIONS)[number];

const nav = (options: Page) => options.getByRole('navigation', { name: 'Settings sections' });
const heading = (options: Page, section: Section) => options.getByRole('heading', { name: section.heading, exact: true, level: 2 });

/** The section is the one shown: its heading focused and on screen, its link alone marked current, the address its own. */
async function expectAt(options: Page, section: Section) {
  await expect(heading(options, section)).toBeFocused();
  await expect(heading(options, section)).toBeInViewport();
  await expect(nav(options).getByRole('link', { name: section.link, exact: true })).toHaveAttribute('aria-current', 'location');
  await expect(nav(options).locator('[aria-current]')).toHaveCount(1);
  expect(new URL(options.url()).hash).toBe(section.hash);
}

/** The options page with an account saved, so the accounts section is as tall as a person's. */
async function optionsWithAccount(openExtensionPage: (which: 'options') => Promise<Page>) {
  const options = await openExtensionPage('options');
  await addAccount(options, TEST_KEY);
  return options;
}

test('each section is one click away in the list, and Back goes to the one before', async ({ openExtensionPage }) => {
  const options = await optionsWithAccount(openExtensionPage);
  await options.setViewportSize({ width: 1280, height: 900 });
  await expect(nav(options).getByRole('link')).toHaveText(SECTIONS.map((section) => section.link));
  for (const section of SECTIONS) {
    await nav(options).getByRole('link', { name: section.link, exact: true }).click();
    await expectAt(options, section);
    // Beside the content, and still there wherever the page is scrolled.
    await expect(nav(options)).toBeInViewport();
  }
  await options.goBack();
  await expectAt(options, SECTIONS[4]);
  await options.goBack();
  await expectAt(options, SECTIONS[3]);
  // The list follows the page as it is scrolled by hand, too.
  await options.evaluate(() => document.getElementById('presets')!.scrollIntoView());
  await expect(nav(options).getByRole('link', { name: 'Presets', exact: true })).toHaveAttribute('aria-current', 'location');
  await expectAccessible(options);
});

test('options.html#presets opened directly shows Presets, its heading focused', async ({ context, extensionId, saveKey }) => {
  await saveKey();
  const options = await context.newPage();
  await options.setViewportSize({ width: 1280, height: 900 });
  await options.goto(`chrome-extension://${extensionId}/${builtManifest().options_ui.page}#presets`);
  await expectAt(options, SECTIONS[1]);
  // The accounts above, shown after the page opened, did not push it away.
  await expect(options.getByText(`Key ending in ${TEST_KEY.slice(-4)}`)).toHaveCount(1);
  await expect(heading(options, SECTIONS[1])).toBeInViewport();
  // The detail is one click away, and the page stays clean with it open.
  await options.getByText('About presets').click();
  await expect(options.getByText('The default preset fills every new draft', { exact: false })).toBeVisible();
  await expectAccessible(options);
});

test('from the keyboard: Tab reaches the list first, Enter opens a section and Tab goes on inside it', async ({ openExtensionPage }) => {
  const options = await optionsWithAccount(openExtensionPage);
  await options.reload();
  await expect(options.getByText(`Key ending in ${TEST_KEY.slice(-4)}`)).toBeVisible();
  await options.keyboard.press('Tab');
  await expect(nav(options).getByRole('link', { name: 'Accounts', exact: true })).toBeFocused();
  await options.keyboard.press('Tab');
  await options.keyboard.press('Tab');
  await expect(nav(options).getByRole('link', { name: 'Copy formats', exact: true })).toBeFocused();
  await options.keyboard.press('Enter');
  await expectAt(options, SECTIONS[2]);
  await options.keyboard.press('Tab');
  await expect(options.getByRole('region', { name: 'Copy formats' }).getByText('About copy formats')).toBeFocused();
});

test('at 200 % zoom and on a narrow window the list sits above the content, stays on screen, and nothing runs off the side', async ({
  context,
  openExtensionPage,
}) => {
  const options = await optionsWithAccount(openExtensionPage);
  const cdp = await context.newCDPSession(options);
  // 1280 × 900 at 200 %: 640 × 450 CSS pixels, each two device pixels.
  for (const size of [
    { width: 640, height: 450, deviceScaleFactor: 2 },
    { width: 640, height: 800, deviceScaleFactor: 1 },
  ]) {
    await cdp.send('Emulation.setDeviceMetricsOverride', { ...size, mobile: false });
    await options.evaluate(() => window.scrollTo(0, 0));
    const list = await nav(options).boundingBox();
    const content = await options.getByRole('main').boundingBox();
    expect(list!.y + list!.height, 'the list is above the content').toBeLessThanOrEqual(content!.y + 1);
    for (const section of [SECTIONS[5], SECTIONS[2]]) {
      await nav(options).getByRole('link', { name: section.link, exact: true }).click();
      await expectAt(options, section);
      // Not hidden under the list that stays at the top.
      await expect(nav(options)).toBeInViewport();
      const top = (await heading(options, section).boundingBox())!.y;
      expect(top).toBeGreaterThanOrEqual((await nav(options).boundingBox())!.y + (await nav(options).boundingBox())!.height);
    }
    const widths = await options.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
    expect(widths.page, 'nothing runs off the side').toBeLessThanOrEqual(widths.window);
    await expectAccessible(options);
  }
});
