// What is on screen is right at a glance: a link shows only beside the form it was made from, a
// failure never sits above an earlier link, and a slow request says how long it has waited and can be
// stopped (a link that arrives after Cancel is not copied).
import { openDashboardPage, serveDashboard } from './fixtures/dashboard';
import { DEFAULT_LINK, linkFor } from './fixtures/fake-everflow';
import { expect, test } from './fixtures/extension';
import { fillForm } from './fixtures/popup-form';
import { openToolbarPopup } from './fixtures/toolbar-popup';

test('a link leaves the result area as soon as the form no longer holds what it was made from', async ({
  everflow,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  const link = popup.getByLabel('Your tracking link');
  await expect(link).toHaveValue(DEFAULT_LINK);

  // Another offer: the link for 42 is gone, with its Copy and Open.
  await fillForm(popup, { 'Offer ID': '43' });
  await expect(link).toHaveCount(0);
  await expect(popup.getByRole('button', { name: 'Copy' })).toHaveCount(0);
  await expect(popup.getByRole('link', { name: 'Open' })).toHaveCount(0);
  // Back to what it was made from (spaces do not matter): it is that link again.
  await fillForm(popup, { 'Offer ID': ' 42 ' });
  await expect(link).toHaveValue(DEFAULT_LINK);
  // Any option counts, not only the IDs.
  await fillForm(popup, { 'Sub 1': 'x' });
  await expect(link).toHaveCount(0);

  // A new request that fails: the earlier link does not come back under the message.
  everflow.answer({ status: 400, json: { error: 'Offer 42 is not available to affiliate 7.' } });
  await fillForm(popup, { 'Sub 1': '' });
  await expect(link).toHaveValue(DEFAULT_LINK);
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('alert')).toContainText('Everflow: “Offer 42 is not available to affiliate 7.”');
  await expect(popup.getByLabel(/tracking link|Last link/)).toHaveCount(0);
});

test('a popup opened on another offer’s page does not show the last link', async ({ context, worker, saveKey, openExtensionPage }) => {
  await serveDashboard(context);
  await saveKey();
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(DEFAULT_LINK);
  await popup.close();

  await openDashboardPage(context, '/offers/99/general');
  const { page: onOffer99, disconnect } = await openToolbarPopup(context, worker);
  await expect(onOffer99.getByLabel('Offer ID', { exact: true })).toHaveValue('99');
  await expect(onOffer99.getByRole('button', { name: 'Generate link' })).toBeEnabled();
  await expect(onOffer99.getByLabel(/tracking link|Last link/)).toHaveCount(0);
  // It is one click away in History.
  await onOffer99.getByRole('button', { name: 'History' }).click();
  await expect(onOffer99.getByText(DEFAULT_LINK)).toBeVisible();
  await disconnect();
});

test('a slow request shows how long it has waited and a Cancel; a link that arrives after Cancel is not copied', async ({
  everflow,
  clipboard,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  everflow.answer((request) =>
    request.path === '/v1/networks/tracking/offers/clicks' ? { json: { url: linkFor(42, 7) }, delayMs: 5_000 } : undefined,
  );
  await clipboard.write('what the person had');
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });
  await popup.getByRole('button', { name: 'Generate link' }).click();

  const cancel = popup.getByRole('button', { name: 'Cancel' });
  await expect(popup.getByText(/^Waiting for Everflow… [2-4] s$/)).toBeVisible();
  await expect(popup.getByRole('status')).toHaveText('Everflow is slow to answer; Cancel stops the request.');
  await cancel.click();
  await expect(popup.getByRole('status')).toHaveText('Cancelled: no link was copied.');
  await expect(cancel).toHaveCount(0);
  await expect(popup.getByRole('button', { name: 'Generate link' })).toBeEnabled();
  await expect(popup.getByRole('alert')).toHaveCount(0);

  // Past the moment Everflow would have answered: nothing was copied, shown or kept.
  await popup.waitForTimeout(4_000);
  expect(await clipboard.read()).toBe('what the person had');
  await expect(popup.getByLabel(/tracking link|Last link/)).toHaveCount(0);
  await popup.getByRole('button', { name: 'History' }).click();
  await expect(popup.getByText('No links yet', { exact: false })).toBeVisible();
  // What was typed is all still there.
  await popup.getByRole('button', { name: 'Back' }).click();
  await expect(popup.getByLabel('Offer ID', { exact: true })).toHaveValue('42');
});

test('a quick answer never shows the wait or a Cancel', async ({ saveKey, openExtensionPage }) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(DEFAULT_LINK);
  await popup.waitForTimeout(2_500);
  await expect(popup.getByText(/Waiting for Everflow/)).toHaveCount(0);
  await expect(popup.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
});

test('an applied preset shows as a tag while the form holds it; removing it empties what it filled in', async ({
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7', 'Source ID': 'newsletter', 'Sub 1': 'q1' });
  await popup.getByRole('button', { name: 'Presets' }).click();
  await popup.getByLabel('Save current as preset').fill('Newsletter Q1');
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await popup.getByRole('button', { name: 'Back' }).click();

  const tag = popup.getByText('Preset: Newsletter Q1');
  await expect(tag).toBeVisible();
  // A value changed by hand: the form no longer holds the preset, so no tag claims it.
  await fillForm(popup, { 'Sub 1': 'q2' });
  await expect(tag).toHaveCount(0);
  await fillForm(popup, { 'Sub 1': 'q1' });
  await expect(tag).toBeVisible();

  await popup.getByRole('button', { name: 'Remove preset Newsletter Q1 from this link' }).click();
  await expect(tag).toHaveCount(0);
  await expect(popup.getByRole('status')).toHaveText('Preset “Newsletter Q1” removed from this link.');
  await expect(popup.getByLabel('Source ID', { exact: true })).toHaveValue('');
  await expect(popup.getByLabel('Sub 1', { exact: true })).toHaveValue('');
  await expect(popup.getByLabel('Offer ID', { exact: true })).toHaveValue('42');

  // A default preset on a new draft is visible too, not silent.
  const options = await openExtensionPage('options');
  await options.getByRole('form', { name: 'Preset Newsletter Q1' }).getByRole('button', { name: 'Make default' }).click();
  await expect(options.getByText('“Newsletter Q1” is now the default preset for new drafts.')).toBeVisible();
  await popup.bringToFront();
  await popup.getByRole('button', { name: 'Clear' }).click();
  await expect(tag).toBeVisible();
  await expect(popup.getByLabel('Sub 1', { exact: true })).toHaveValue('q1');
});

test('what a new offer keeps is one setting, stated under the subs', async ({ saveKey, openExtensionPage }) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await expect(popup.getByText('Source ID and subs stay when the offer changes')).toBeVisible();
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7', 'Source ID': 'news', 'Sub 1': 'spring' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
  // Kept (the rule as it always was): the next offer still has them.
  await fillForm(popup, { 'Offer ID': '43' });
  await expect(popup.getByLabel('Sub 1', { exact: true })).toHaveValue('spring');

  const options = await openExtensionPage('options');
  await options.getByRole('radio', { name: /^Clear Source ID and subs/ }).check();
  await expect(options.getByText('Saved: a new offer will clear Source ID and subs.')).toBeVisible();

  const again = await openExtensionPage('popup');
  await expect(again.getByText('Source ID and subs are cleared for each new offer')).toBeVisible();
  await fillForm(again, { 'Offer ID': '42' });
  await again.getByRole('button', { name: 'Generate link' }).click();
  await expect(again.getByRole('status')).toHaveText('Copied to clipboard.');
  await fillForm(again, { 'Offer ID': '44' });
  await expect(again.getByLabel('Sub 1', { exact: true })).toHaveValue('');
  await expect(again.getByLabel('Source ID', { exact: true })).toHaveValue('');
  await expect(again.getByRole('status')).toHaveText('Source ID and subs cleared for the new offer.');
  await expect(again.getByLabel('Affiliate ID', { exact: true })).toHaveValue('7');
});

test('the sentence on what a new offer keeps sits under the subs it explains, the form’s full width', async ({ openExtensionPage }) => {
  const popup = await openExtensionPage('popup');
  const rule = popup.getByText('Source ID and subs stay when the offer changes');
  await expect(rule).toBeVisible();
  const [ruleBox, sub4, sub5, form] = await Promise.all([
    rule.boundingBox(),
    popup.getByLabel('Sub 4', { exact: true }).boundingBox(),
    popup.getByLabel('Sub 5', { exact: true }).boundingBox(),
    popup.locator('form').boundingBox(),
  ]);
  // Below the last row of subs, not in the grid cell beside Sub 4 and Sub 5.
  expect(ruleBox!.y).toBeGreaterThanOrEqual(Math.max(sub4!.y + sub4!.height, sub5!.y + sub5!.height));
  expect(ruleBox!.x).toBeCloseTo(form!.x, 0);
  expect(ruleBox!.width).toBeCloseTo(form!.width, 0);
});
