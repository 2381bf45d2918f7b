// Presets (save from the popup, apply in one click, default for new drafts, edit and delete on the
// options page) and sub tokens ({date}, {offer_id}, {affiliate_id}, expanded by the background).
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, popupBytes } from './fixtures/bundle-size';
import { expect, test } from './fixtures/extension';
import { fillForm, openMoreOptions } from './fixtures/popup-form';

const pad = (n: number) => String(n).padStart(2, '0');
/** The local date as YYYY-MM-DD, the way the extension fills in {date}. */
function localDate(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const field = (popup: Page, label: string) => popup.getByLabel(label, { exact: true });

async function expectSubs(popup: Page, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) await expect(field(popup, label)).toHaveValue(value);
}

test('save a preset in the popup, apply it in one click, make it the default, edit and delete it on the options page', async ({
  openExtensionPage,
  worker,
}) => {
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7', 'Source ID': 'newsletter', 'Sub 1': 'spring', 'Sub 2': '{date}' });
  await openMoreOptions(popup);
  await popup.getByLabel('Encrypt parameters').check();

  await popup.getByRole('button', { name: 'Presets' }).click();
  await expect(popup.getByText('Subs may use {date}, {offer_id}, {smart_link_id}, {affiliate_id}', { exact: false })).toBeVisible();
  await expect(popup.getByText('No presets yet', { exact: false })).toBeVisible();
  await popup.getByLabel('Save current as preset').fill('Newsletter');
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(popup.getByRole('status')).toHaveText('Saved preset “Newsletter”.');
  await expect(popup.getByRole('button', { name: 'Apply Newsletter' })).toBeVisible();
  // An empty name is refused in place.
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(popup.getByRole('alert')).toHaveText('Enter a name for the preset.');
  await popup.getByRole('button', { name: 'Back' }).click();

  // Clear (no default yet) empties everything but the remembered affiliate (none here).
  await popup.getByRole('button', { name: 'Clear' }).click();
  await expectSubs(popup, { 'Offer ID': '', 'Source ID': '', 'Sub 1': '', 'Sub 2': '' });
  await fillForm(popup, { 'Offer ID': '99', 'Affiliate ID': '8' });

  // Apply: one click fills the preset's values, never the offer or affiliate.
  await popup.getByRole('button', { name: 'Presets' }).click();
  await popup.getByRole('button', { name: 'Apply Newsletter' }).click();
  await expectSubs(popup, {
    'Offer ID': '99',
    'Affiliate ID': '8',
    'Source ID': 'newsletter',
    'Sub 1': 'spring',
    'Sub 2': '{date}',
    'Sub 3': '',
  });
  await expect(popup.getByLabel('Encrypt parameters')).toBeChecked();
  await expect(popup.getByRole('status')).toHaveText('Preset “Newsletter” applied.');
  // …and the draft was saved: a reopened popup shows the same.
  await popup.close();
  const reopened = await openExtensionPage('popup');
  await expectSubs(reopened, { 'Offer ID': '99', 'Source ID': 'newsletter', 'Sub 1': 'spring' });
  await expect(reopened.getByLabel('Encrypt parameters')).toBeChecked();

  // Make it the default on the options page.
  const options = await openExtensionPage('options');
  const preset = options.getByRole('form', { name: 'Preset Newsletter' });
  await expect(preset.getByLabel('Sub 1', { exact: true })).toHaveValue('spring');
  await expect(preset.getByLabel('Encrypt parameters')).toBeChecked();
  await preset.getByRole('button', { name: 'Make default' }).click();
  await expect(options.getByText('“Newsletter” is now the default preset for new drafts.')).toBeVisible();
  await expect(preset.getByRole('button', { name: 'No default' })).toBeVisible();

  // Clear in the popup now fills the default preset's values.
  await reopened.bringToFront();
  await reopened.getByRole('button', { name: 'Clear' }).click();
  await expectSubs(reopened, { 'Offer ID': '', 'Source ID': 'newsletter', 'Sub 1': 'spring', 'Sub 2': '{date}' });
  await expect(reopened.getByLabel('Encrypt parameters')).toBeChecked();
  await reopened.close();

  // A popup with no saved draft at all starts from the default preset too.
  await worker.evaluate(() => chrome.storage.local.remove('draft'));
  const fresh = await openExtensionPage('popup');
  await expectSubs(fresh, { 'Source ID': 'newsletter', 'Sub 1': 'spring' });
  await fresh.close();

  // Edit: a value too long is refused with the form's message; then rename and change values.
  await options.bringToFront();
  await preset.getByLabel('Sub 3', { exact: true }).fill('x'.repeat(201));
  await preset.getByRole('button', { name: 'Save changes' }).click();
  await expect(preset.getByText('Sub 3 can be at most 200 characters.')).toBeVisible();
  await preset.getByLabel('Sub 3', { exact: true }).fill('');
  await preset.getByLabel('Name', { exact: true }).fill('Weekly');
  await preset.getByLabel('Sub 2', { exact: true }).fill('may');
  await preset.getByLabel('Encrypt parameters').uncheck();
  await preset.getByRole('button', { name: 'Save changes' }).click();
  await expect(options.getByText('Saved preset “Weekly”.')).toBeVisible();
  const weekly = options.getByRole('form', { name: 'Preset Weekly' });
  await expect(weekly.getByLabel('Sub 2', { exact: true })).toHaveValue('may');

  const edited = await openExtensionPage('popup');
  await edited.getByRole('button', { name: 'Presets' }).click();
  await expect(edited.getByRole('button', { name: 'Apply Newsletter' })).toHaveCount(0);
  await edited.getByRole('button', { name: 'Apply Weekly' }).click();
  await expectSubs(edited, { 'Source ID': 'newsletter', 'Sub 1': 'spring', 'Sub 2': 'may' });
  await expect(edited.getByLabel('Encrypt parameters')).not.toBeChecked();

  // Delete asks first, in the page; Cancel keeps it.
  await options.bringToFront();
  await weekly.getByRole('button', { name: 'Delete' }).click();
  await expect(weekly.getByText('Delete preset “Weekly”?')).toBeVisible();
  await weekly.getByRole('button', { name: 'Cancel' }).click();
  await expect(weekly).toBeVisible();
  await weekly.getByRole('button', { name: 'Delete' }).click();
  await weekly.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(options.getByText('Deleted preset “Weekly”.')).toBeVisible();
  await expect(options.getByText('No presets yet.')).toBeVisible();

  // With the default gone, Clear empties the subs again.
  await edited.bringToFront();
  await edited.getByRole('button', { name: 'Clear' }).click();
  await expectSubs(edited, { 'Source ID': '', 'Sub 1': '', 'Sub 2': '' });
  await edited.getByRole('button', { name: 'Presets' }).click();
  await expect(edited.getByText('No presets yet', { exact: false })).toBeVisible();
});

test('sub tokens are filled in when the link is made, in the request and in the history', async ({
  everflow,
  saveKey,
  openExtensionPage,
  worker,
}) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await fillForm(popup, {
    'Offer ID': '42',
    'Affiliate ID': '7',
    'Source ID': 'src-{date}',
    'Sub 1': '{offer_id}-{affiliate_id}-{date}',
    'Sub 2': '{foo}',
    'Sub 3': '{Date}',
  });
  const before = localDate();
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
  const after = localDate();

  expect(everflow.linkRequests).toHaveLength(1);
  const body = everflow.linkRequests[0]!.body as Record<string, unknown>;
  // Only a test run across midnight sees two dates; either is right then.
  const today = body.source_id === `src-${after}` ? after : before;
  expect(body).toStrictEqual({
    network_offer_id: 42,
    network_affiliate_id: 7,
    source_id: `src-${today}`,
    sub1: `42-7-${today}`,
    sub2: '{foo}',
    sub3: '{Date}',
  });
  // The form keeps the tokens as typed; the history records what was sent.
  await expect(field(popup, 'Sub 1')).toHaveValue('{offer_id}-{affiliate_id}-{date}');
  await expect
    .poll(async () => {
      const { history } = (await worker.evaluate(() => chrome.storage.local.get('history'))) as {
        history?: { data: { input: Record<string, unknown> }[] };
      };
      return history?.data[0]?.input.sub1;
    })
    .toBe(`42-7-${today}`);

  // A value the tokens make longer than 200 characters is refused, with the field's message.
  await fillForm(popup, { 'Sub 1': `${'x'.repeat(194)}{date}` });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.locator('#field-sub1-error')).toHaveText('Sub 1 can be at most 200 characters.');
  expect(everflow.linkRequests).toHaveLength(1);
});

test('none of the presets’ or tokens’ code is in the popup’s first load', () => {
  const files = popupBytes().files;
  expect(files.filter((file) => /presets|sub-tokens/i.test(file))).toStrictEqual([]);
  for (const file of files) {
    const text = readFileSync(join(DIST, file), 'utf8');
    expect(text, file).not.toContain('Save current as preset');
    expect(text, file).not.toContain('affiliate_id}');
  }
});
