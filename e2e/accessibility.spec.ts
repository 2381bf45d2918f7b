// axe-core's WCAG 2.1 A and AA rules on every page, each in a busy state a person reaches: the popup
// with a smart link made (its note, the names under the IDs, the preset tag), the history with both
// kinds of link, Bulk links with a finished job and its failed rows, and the options page.
import { expect, test } from './fixtures/extension';
import { expectAccessible } from './fixtures/page-checks';
import { fillForm } from './fixtures/popup-form';

test('every page passes axe-core’s WCAG 2.1 AA rules in its busiest state', async ({
  context,
  extensionId,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7', 'Source ID': 'news' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
  await popup.getByRole('button', { name: 'Presets' }).click();
  await popup.getByLabel('Save current as preset').fill('Newsletter');
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await expectAccessible(popup);
  await popup.getByRole('button', { name: 'Back' }).click();
  await popup.getByRole('radio', { name: 'Smart link' }).check();
  await fillForm(popup, { 'Smart link ID': '6', 'Affiliate ID': '8' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByText('Some offers behind this smart link are not open to this affiliate', { exact: false })).toBeVisible();
  await expect(popup.getByText('Preset: Newsletter')).toBeVisible();
  await expectAccessible(popup);
  // An ID flagged and Everflow's refusal, each beside what it concerns.
  await fillForm(popup, { 'Smart link ID': '8' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('alert')).toContainText('Smart link 8 is paused.');
  await expectAccessible(popup);
  await popup.getByRole('button', { name: 'History' }).click();
  await expect(popup.getByRole('list', { name: 'Generated links, newest first' }).getByRole('listitem')).toHaveCount(2);
  await expectAccessible(popup);

  const history = await context.newPage();
  await history.goto(`chrome-extension://${extensionId}/src/history/history.html`);
  await expect(history.locator('tbody tr')).toHaveCount(2);
  await expectAccessible(history);

  const bulk = await context.newPage();
  await bulk.goto(`chrome-extension://${extensionId}/src/bulk/bulk.html`);
  await bulk.getByLabel('Offer ID', { exact: true }).fill('77');
  await bulk.getByLabel('Affiliate IDs', { exact: true }).fill('7 8 913 abc');
  await expect(bulk.getByRole('button', { name: 'Fix 1 entry to generate' })).toBeVisible();
  await expectAccessible(bulk);
  await bulk.getByRole('button', { name: 'Remove invalid entries' }).click();
  await bulk.getByRole('button', { name: 'Generate 3 links' }).click();
  await expect(bulk.getByRole('status')).toContainText('Finished: 2 links made, 1 failed.', { timeout: 20_000 });
  await expectAccessible(bulk);

  const options = await openExtensionPage('options');
  await expect(options.getByRole('heading', { name: 'A new offer or smart link' })).toBeVisible();
  await expectAccessible(options);
});
