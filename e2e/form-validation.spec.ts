// Bad input never reaches Everflow: the popup flags the field, says what is wrong right below it,
// and lets the person fix it and carry on.
import { DEFAULT_LINK, linkFor } from './fixtures/fake-everflow';
import { expect, test } from './fixtures/extension';
import { expectFieldError, expectFieldValid, expectNothingLeaked } from './fixtures/page-checks';
import { fillForm, type FormValues } from './fixtures/popup-form';

// One message at a time, in words: what to type, never the 32-bit limit.
const USE_THE_NUMBER = 'Use the offer’s number, e.g. 1842.';
const STARTS_AT_ONE = 'Offer IDs start at 1.';
const TOO_LARGE = 'That number is too large for an Everflow ID; check the offer’s number.';

type Label = keyof FormValues;

interface Case {
  name: string;
  field: Label;
  value: string;
  message: string;
}

const CASES: Case[] = [
  { name: 'an empty Offer ID', field: 'Offer ID', value: '', message: 'Enter the Offer ID.' },
  { name: 'an Offer ID of only spaces', field: 'Offer ID', value: '   ', message: 'Enter the Offer ID.' },
  { name: 'Offer ID "abc"', field: 'Offer ID', value: 'abc', message: USE_THE_NUMBER },
  { name: 'Offer ID "91x3"', field: 'Offer ID', value: '91x3', message: USE_THE_NUMBER },
  { name: 'Offer ID "-5"', field: 'Offer ID', value: '-5', message: USE_THE_NUMBER },
  { name: 'Offer ID "1.5"', field: 'Offer ID', value: '1.5', message: USE_THE_NUMBER },
  { name: 'Offer ID "0"', field: 'Offer ID', value: '0', message: STARTS_AT_ONE },
  { name: 'Offer ID "2147483648" (one past the largest)', field: 'Offer ID', value: '2147483648', message: TOO_LARGE },
  { name: 'an empty Affiliate ID', field: 'Affiliate ID', value: '', message: 'Enter the Affiliate ID.' },
  { name: 'a 201-character Sub 2', field: 'Sub 2', value: 'x'.repeat(201), message: 'Sub 2 can be at most 200 characters.' },
];

const VALID: FormValues = { 'Offer ID': '42', 'Affiliate ID': '7' };
const OTHER_FIELDS: Label[] = ['Offer ID', 'Affiliate ID', 'Source ID', 'Sub 1', 'Sub 2', 'Sub 3'];

for (const c of CASES) {
  test(`${c.name} is flagged beside the field and no link is requested`, async ({ everflow, saveKey, openExtensionPage }) => {
    await saveKey();
    const popup = await openExtensionPage('popup');
    await fillForm(popup, { ...VALID, [c.field]: c.value });
    await popup.getByRole('button', { name: 'Generate link' }).click();

    const field = popup.getByLabel(c.field, { exact: true });
    await expectFieldError(popup, field, c.message);
    // Only this field is flagged, and it has the focus so the person can fix it straight away.
    await expect(popup.getByRole('alert')).toHaveCount(1);
    for (const other of OTHER_FIELDS.filter((label) => label !== c.field)) {
      await expectFieldValid(popup.getByLabel(other, { exact: true }));
    }
    await expect(field).toBeFocused();
    await expect(field).toHaveValue(c.value);
    await expect(popup.getByLabel('Your tracking link')).toHaveCount(0);
    await expectNothingLeaked(popup);
    expect(everflow.linkRequests).toStrictEqual([]);
  });
}

test('a bad Creative ID in the closed "More options" section opens it and shows the error there', async ({
  everflow,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { ...VALID, 'Creative ID': '12x' });
  // The person folds the section away again before generating.
  const creative = popup.getByLabel('Creative ID', { exact: true });
  await popup.getByText('More options', { exact: true }).click();
  await expect(creative).toBeHidden();

  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(creative).toBeVisible();
  await expectFieldError(popup, creative, 'Use the creative’s number, e.g. 1842.');
  await expect(creative).toBeFocused();
  await expect(creative).toHaveValue('12x');
  expect(everflow.linkRequests).toStrictEqual([]);

  // Fixing it clears the flag, and the next try goes through.
  await creative.fill('55');
  await expectFieldValid(creative);
  await expect(popup.getByRole('alert')).toHaveCount(0);
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(DEFAULT_LINK);
  expect(everflow.linkRequests.map((r) => r.body)).toStrictEqual([{ network_offer_id: 42, network_affiliate_id: 7, creative_id: 55 }]);
});

test('several bad fields are all flagged at once, and each clears as it is fixed', async ({ everflow, saveKey, openExtensionPage }) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': 'abc', 'Affiliate ID': '', 'Sub 2': 'y'.repeat(201) });
  await popup.getByRole('button', { name: 'Generate link' }).click();

  const offer = popup.getByLabel('Offer ID', { exact: true });
  const affiliate = popup.getByLabel('Affiliate ID', { exact: true });
  const sub2 = popup.getByLabel('Sub 2', { exact: true });
  await expectFieldError(popup, offer, USE_THE_NUMBER);
  await expectFieldError(popup, affiliate, 'Enter the Affiliate ID.');
  await expectFieldError(popup, sub2, 'Sub 2 can be at most 200 characters.');
  await expect(popup.getByRole('alert')).toHaveCount(3);
  // The first one in the form gets the focus.
  await expect(offer).toBeFocused();

  // Typing something still wrong keeps the message; fixing it clears only that field.
  await offer.fill('0');
  await expectFieldError(popup, offer, STARTS_AT_ONE);
  await offer.fill('42');
  await expectFieldValid(offer);
  await expect(popup.getByRole('alert')).toHaveCount(2);
  await affiliate.fill('7');
  await expectFieldValid(affiliate);
  await sub2.fill('y'.repeat(200));
  await expectFieldValid(sub2);
  await expect(popup.getByRole('alert')).toHaveCount(0);
  expect(everflow.linkRequests).toStrictEqual([]);

  // Enter in any field submits the fixed form.
  await sub2.press('Enter');
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(linkFor(42, 7, { sub2: 'y'.repeat(200) }));
  expect(everflow.linkRequests.map((r) => r.body)).toStrictEqual([
    { network_offer_id: 42, network_affiliate_id: 7, sub2: 'y'.repeat(200) },
  ]);
});

test('the largest accepted values go through unchanged', async ({ everflow, saveKey, openExtensionPage }) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '2147483647', 'Affiliate ID': '1', 'Sub 2': 'z'.repeat(200) });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(linkFor(2147483647, 1, { sub2: 'z'.repeat(200) }));
  await expect(popup.getByRole('alert')).toHaveCount(0);
  expect(everflow.linkRequests.map((r) => r.body)).toStrictEqual([
    { network_offer_id: 2147483647, network_affiliate_id: 1, sub2: 'z'.repeat(200) },
  ]);
});

test('Enter in a field submits: a bad form is flagged, a good one makes the link', async ({ everflow, saveKey, openExtensionPage }) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  const offer = popup.getByLabel('Offer ID', { exact: true });
  await fillForm(popup, { 'Offer ID': '-5', 'Affiliate ID': '7' });
  await popup.getByLabel('Affiliate ID', { exact: true }).press('Enter');
  await expectFieldError(popup, offer, USE_THE_NUMBER);
  expect(everflow.linkRequests).toStrictEqual([]);

  await offer.fill('42');
  await expectFieldValid(offer);
  await offer.press('Enter');
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(DEFAULT_LINK);
  expect(everflow.linkRequests.map((r) => r.body)).toStrictEqual([{ network_offer_id: 42, network_affiliate_id: 7 }]);
});

test('an ID field gives one message at a time: the check replaces the search note', async ({ everflow, saveKey, openExtensionPage }) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  const offer = popup.getByLabel('Offer ID', { exact: true });
  await fillForm(popup, { 'Affiliate ID': '7' });
  await offer.click();
  await offer.pressSequentially('91x3');
  // Typing text searches by name; nothing matches.
  const note = popup.getByText('No offers match “91x3”.');
  await expect(note).toBeVisible();
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expectFieldError(popup, offer, USE_THE_NUMBER);
  await expect(note).toHaveCount(0);
  await expect(popup.getByText('2147483647')).toHaveCount(0);
  expect(everflow.linkRequests).toStrictEqual([]);
});
