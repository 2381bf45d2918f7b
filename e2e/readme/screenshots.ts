// `npm run screenshots`: the README's pictures, made from the production build against the Everflow
// simulator, as a person would get there (key saved on the options page, the form filled by label).
// Writes e2e/readme/*.png; run it after a change to what the popup shows, and commit the pictures.
import { addAccount } from '../fixtures/options-steps';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DIST, builtManifest, launchWithExtension } from '../fixtures/extension';
import { EverflowSimulator } from '../simulator/everflow';
import { US_KEY } from '../simulator/network';
import { startSimulatorServer } from '../simulator/server';

const OUT = fileURLToPath(new URL('.', import.meta.url));

const simulator = new EverflowSimulator();
const server = await startSimulatorServer(() => simulator);
const { context, userDataDir } = await launchWithExtension([], DIST, server);
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const base = `chrome-extension://${new URL(worker.url()).host}`;
  const manifest = builtManifest();

  const options = await context.newPage();
  await options.goto(`${base}/${manifest.options_ui.page}`);
  await addAccount(options, US_KEY);
  // The options page as a settings page: its sections listed beside the content, the account just added.
  await options.setViewportSize({ width: 1024, height: 640 });
  await options.evaluate(() => window.scrollTo(0, 0));
  await options.screenshot({ path: `${OUT}options.png` });
  console.log(`Wrote ${OUT}options.png`);
  // Copy formats: a message template being written, its preview filled in with an example link.
  await options.setViewportSize({ width: 640, height: 900 });
  const formats = options.getByRole('region', { name: 'Copy formats' });
  await formats.getByRole('button', { name: 'Add template' }).click();
  await formats.getByLabel('Template name').fill('Slack intro');
  await formats.getByLabel('Message').fill('Hi {affiliate_name}! Your link for {offer_name} (offer {offer_id}):\n{url}\nSub 3: {sub3}');
  await formats.getByRole('region', { name: 'Preview' }).getByText('Hi Acme Media!', { exact: false }).waitFor();
  await formats.screenshot({ path: `${OUT}copy-formats.png` });
  console.log(`Wrote ${OUT}copy-formats.png`);
  await options.close();

  // The popup at its real width, after making a smart link whose offers are not all open to the affiliate.
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 404, height: 600 });
  await popup.goto(`${base}/${manifest.action.default_popup}`);
  await popup.getByRole('radio', { name: 'Smart link' }).check();
  await popup.getByLabel('Smart link ID', { exact: true }).fill('members');
  await popup.getByRole('option', { name: '6 · Members smart link (active)' }).click();
  await popup.getByLabel('Affiliate ID', { exact: true }).fill('8');
  await popup.getByLabel('Sub 1', { exact: true }).fill('newsletter');
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await popup.getByText('Copied to clipboard.').waitFor();
  await popup.locator('main').screenshot({ path: `${OUT}popup.png` });
  console.log(`Wrote ${OUT}popup.png`);

  // Pinned pairs and a partner's preset: that smart link pinned, a preset saved and tied to affiliate 7
  // on the options page, an offer link for 7 made with it and pinned, then affiliate 7 chosen again.
  await popup.getByRole('button', { name: 'Pin', exact: true }).click();
  await popup.getByRole('radio', { name: 'Offer', exact: true }).check();
  await popup.getByLabel('Offer ID', { exact: true }).fill('42');
  await popup.getByLabel('Source ID', { exact: true }).fill('newsletter');
  await popup.getByLabel('Sub 1', { exact: true }).fill('spring');
  await popup.getByRole('button', { name: 'Presets' }).click();
  await popup.getByLabel('Save current as preset').fill('Newsletter');
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await popup.getByText('Saved preset “Newsletter”.').waitFor();
  await popup.getByRole('button', { name: 'Back' }).click();
  const presets = await context.newPage();
  await presets.goto(`${base}/${manifest.options_ui.page}#presets`);
  const newsletter = presets.getByRole('form', { name: 'Affiliates for Newsletter' });
  await newsletter.getByLabel('Add affiliate (ID)').fill('7');
  await newsletter.getByRole('button', { name: 'Add' }).click();
  await presets.getByText('now gets the preset “Newsletter”', { exact: false }).waitFor();
  await presets.close();
  await popup.bringToFront();
  await popup.getByLabel('Affiliate ID', { exact: true }).fill('7');
  // The form holds the preset already: its tag now says whom it is for.
  await popup.locator('.preset-tag').getByText('for Sunrise Media', { exact: false }).waitFor();
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await popup.getByText('Copied to clipboard.').waitFor();
  await popup.getByRole('button', { name: 'Pin', exact: true }).click();
  await popup.getByText('it is listed at the top of the popup', { exact: false }).waitFor();
  await popup.getByRole('button', { name: 'Clear' }).click();
  await popup.getByLabel('Affiliate ID', { exact: true }).fill('8');
  await popup.getByLabel('Affiliate ID', { exact: true }).fill('7');
  await popup.locator('.preset-tag').getByText('for Sunrise Media', { exact: false }).waitFor();
  await popup.locator('main').screenshot({ path: `${OUT}popup-partners.png` });
  console.log(`Wrote ${OUT}popup-partners.png`);
} finally {
  await context.close();
  await server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
