// What the popup remembers between openings (the draft, the last affiliate, the last link) and what
// it says as soon as it opens.
import { DEFAULT_LINK, linkFor } from './fixtures/fake-everflow';
import { expect, test } from './fixtures/extension';
import { expectNothingLeaked } from './fixtures/page-checks';
import { fillForm } from './fixtures/popup-form';

const NO_KEY_BANNER = 'No Everflow API key is saved yet, so links can’t be generated.';
const LANDING_HOST = 'https://trk.example-trk.com/**';

test('without a saved key the popup says so at once, points to Options, and still takes typing', async ({
  context,
  everflow,
  openExtensionPage,
}) => {
  const popup = await openExtensionPage('popup');
  const alert = popup.getByRole('alert');
  // As soon as it opens, before the person does anything.
  await expect(alert).toContainText(NO_KEY_BANNER, { timeout: 2_000 });
  await expect(alert).toHaveCount(1);
  await expect(alert.getByRole('button', { name: 'Add your API key in Options' })).toBeVisible();

  // The form is usable all the same, and the cursor is already in the first field.
  const offer = popup.getByLabel('Offer ID', { exact: true });
  await expect(offer).toBeFocused();
  await popup.keyboard.type('42');
  await fillForm(popup, { 'Affiliate ID': '7', 'Sub 1': 'spring' });
  await expect(offer).toHaveValue('42');
  await expect(popup.getByLabel('Affiliate ID', { exact: true })).toHaveValue('7');
  await expect(popup.getByLabel('Sub 1', { exact: true })).toHaveValue('spring');
  await expectNothingLeaked(popup);

  const opened = context.waitForEvent('page');
  await alert.getByRole('button', { name: 'Add your API key in Options' }).click();
  const options = await opened;
  await expect(options).toHaveTitle('Link Builder for Everflow – Options');
  await expect(options.getByText('No Everflow account is saved yet.')).toBeVisible();
  await expect(options.getByLabel('API key', { exact: true })).toBeVisible();
  expect(everflow.requests).toStrictEqual([]);
});

test('a typed draft survives closing the popup and opening it again', async ({ everflow, saveKey, openExtensionPage }) => {
  await saveKey();
  const first = await openExtensionPage('popup');
  await fillForm(first, {
    'Offer ID': '1842',
    'Affiliate ID': '913',
    'Source ID': 'newsletter',
    'Sub 1': 'spring',
    'Sub 4': 'banner-b',
    'Tracking domain ID': '3',
  });
  await first.getByLabel('Encrypt parameters').check();
  await first.close();

  const again = await openExtensionPage('popup');
  const values = {
    'Offer ID': '1842',
    'Affiliate ID': '913',
    'Source ID': 'newsletter',
    'Sub 1': 'spring',
    'Sub 2': '',
    'Sub 4': 'banner-b',
    'Tracking domain ID': '3',
    'Creative ID': '',
  };
  for (const [label, value] of Object.entries(values)) await expect(again.getByLabel(label, { exact: true })).toHaveValue(value);
  // The section holding a restored value is open, so the person can see it.
  await expect(again.getByLabel('Tracking domain ID', { exact: true })).toBeVisible();
  await expect(again.getByLabel('Encrypt parameters')).toBeChecked();
  await expect(again.getByLabel('Redirect link even for direct-linking offers')).not.toBeChecked();
  await expect(again.getByRole('alert')).toHaveCount(0);
  expect(everflow.linkRequests).toStrictEqual([]);

  // And the restored draft is what gets sent.
  await again.getByRole('button', { name: 'Generate link' }).click();
  await expect(again.getByLabel('Your tracking link')).toHaveValue(
    linkFor(1842, 913, { sub1: 'spring', sub4: 'banner-b', source_id: 'newsletter' }, { domain: 'trk.acme.example', encrypt: true }),
  );
  expect(everflow.linkRequests.map((r) => r.body)).toStrictEqual([
    {
      network_offer_id: 1842,
      network_affiliate_id: 913,
      network_tracking_domain_id: 3,
      source_id: 'newsletter',
      sub1: 'spring',
      sub4: 'banner-b',
      is_encrypt_parameters: true,
    },
  ]);
});

test('after a link is made, Clear empties the form, and a fresh popup has the last affiliate filled in', async ({
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '913', 'Sub 1': 'spring', 'Creative ID': '55' });
  await popup.getByLabel('Encrypt parameters').check();
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(
    linkFor(42, 913, { sub1: 'spring' }, { domain: 'trk.acme.example', encrypt: true }),
  );

  await popup.getByRole('button', { name: 'Clear' }).click();
  for (const label of ['Offer ID', 'Sub 1', 'Creative ID']) await expect(popup.getByLabel(label, { exact: true })).toHaveValue('');
  await expect(popup.getByLabel('Encrypt parameters')).not.toBeChecked();
  await expect(popup.getByLabel('Offer ID', { exact: true })).toBeFocused();
  await popup.close();

  const fresh = await openExtensionPage('popup');
  const expected = { 'Offer ID': '', 'Affiliate ID': '913', 'Sub 1': '', 'Creative ID': '' };
  for (const [label, value] of Object.entries(expected)) await expect(fresh.getByLabel(label, { exact: true })).toHaveValue(value);
  await expect(fresh.getByLabel('Encrypt parameters')).not.toBeChecked();
  // Nothing left in "More options", so it stays folded away.
  await expect(fresh.getByLabel('Creative ID', { exact: true })).toBeHidden();
  // The cursor waits in the one empty field that matters.
  await expect(fresh.getByLabel('Offer ID', { exact: true })).toBeFocused();
});

test("Clear right after making a link keeps that link's affiliate, not an older one", async ({ saveKey, openExtensionPage }) => {
  await saveKey();
  const earlier = await openExtensionPage('popup');
  await fillForm(earlier, { 'Offer ID': '42', 'Affiliate ID': '7' });
  await earlier.getByRole('button', { name: 'Generate link' }).click();
  await expect(earlier.getByLabel('Your tracking link')).toHaveValue(DEFAULT_LINK);
  await earlier.close();

  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '43', 'Affiliate ID': '913' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(linkFor(43, 913, {}, { domain: 'trk.acme.example' }));
  await popup.getByRole('button', { name: 'Clear' }).click();
  await expect(popup.getByLabel('Offer ID', { exact: true })).toHaveValue('');
  await expect(popup.getByLabel('Affiliate ID', { exact: true })).toHaveValue('913');
});

test('the last affiliate fills an empty Affiliate ID in a new popup', async ({ saveKey, openExtensionPage }) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '913' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(linkFor(42, 913, {}, { domain: 'trk.acme.example' }));
  // The person empties both fields by hand, then closes the popup.
  await fillForm(popup, { 'Offer ID': '', 'Affiliate ID': '' });
  await popup.close();

  const fresh = await openExtensionPage('popup');
  await expect(fresh.getByLabel('Affiliate ID', { exact: true })).toHaveValue('913');
  await expect(fresh.getByLabel('Offer ID', { exact: true })).toHaveValue('');
});

test('a popup opened after a link was made shows it as "Last link", with Copy and Open', async ({
  context,
  clipboard,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  const first = await openExtensionPage('popup');
  await fillForm(first, { 'Offer ID': '42', 'Affiliate ID': '7' });
  // The names shown beside the IDs go with the link.
  await expect(first.getByText('Summer Sale – US – CPA', { exact: true })).toBeVisible();
  await expect(first.getByText('Sunrise Media', { exact: true })).toBeVisible();
  await first.getByRole('button', { name: 'Generate link' }).click();
  await expect(first.getByLabel('Your tracking link')).toHaveValue(DEFAULT_LINK);
  await first.close();

  const popup = await openExtensionPage('popup');
  const last = popup.getByLabel('Last link');
  await expect(last).toHaveValue(DEFAULT_LINK);
  await expect(popup.getByLabel('Your tracking link')).toHaveCount(0);
  await expect(popup.getByText('Offer 42 Summer Sale – US – CPA · Affiliate 7 Sunrise Media')).toBeVisible();
  await expect(popup.getByRole('status')).toHaveText('');
  await expectNothingLeaked(popup);

  // Copy puts it back on the clipboard, over whatever the person copied since, and says so.
  await clipboard.write('copied something else meanwhile');
  await popup.bringToFront();
  await popup.getByRole('button', { name: 'Copy' }).click();
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
  expect(await clipboard.read()).toBe(DEFAULT_LINK);

  // Open goes to the link itself, in a new tab.
  const open = popup.getByRole('link', { name: 'Open' });
  await expect(open).toHaveAttribute('href', DEFAULT_LINK);
  await context.route(LANDING_HOST, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Offer landing page</title><p>landing</p>' }),
  );
  await popup.bringToFront();
  const opened = context.waitForEvent('page');
  await open.click();
  const tab = await opened;
  await expect(tab).toHaveURL(DEFAULT_LINK);
  await expect(tab).toHaveTitle('Offer landing page');
  // The popup itself stays where it was.
  await expect(popup.getByLabel('Last link')).toHaveValue(DEFAULT_LINK);
});
