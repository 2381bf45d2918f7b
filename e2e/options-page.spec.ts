// The options page: saving, showing, testing and forgetting the key, and choosing the region, as a
// person does it, and what the popup does afterwards.
import type { Page } from '@playwright/test';
import { DEFAULT_LINK, EU_KEY } from './fixtures/fake-everflow';
import { SAVED_AND_CONNECTED, TEST_KEY, expect, test } from './fixtures/extension';
import { expectAccessible, expectFieldError, expectFieldValid, expectNothingLeaked } from './fixtures/page-checks';
import { fillForm } from './fixtures/popup-form';

const LAST4 = TEST_KEY.slice(-4);
const SAVED_US = `A key ending in ${LAST4} is saved for the United States region.`;
const SAVED_EU = `A key ending in ${LAST4} is saved for the Europe region.`;
const NONE_SAVED = 'No API key is saved yet.';
const REFUSED_IN_US =
  'Everflow’s United States region did not accept this API key (it may be mistyped or revoked); check it, or choose Europe if your Everflow account is there.';
const CHECK_URL = 'https://api.eflow.team/v1/networks/domains/tracking';
const NO_KEY = 'No Everflow API key is saved yet; add one on the options page.';

async function typeAndSaveKey(options: Page, key = TEST_KEY): Promise<void> {
  await options.getByLabel('API key', { exact: true }).fill(key);
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status')).toHaveText(SAVED_AND_CONNECTED);
}

test('a saved key is shown only by its last 4 characters', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options');
  await expect(options.getByText(NONE_SAVED)).toBeVisible();
  await typeAndSaveKey(options);

  await expect(options.getByText(SAVED_US)).toBeVisible();
  // The field is emptied and now offers to replace the key.
  await expect(options.getByLabel('Replace API key')).toHaveValue('');
  await expect(options.getByLabel('API key', { exact: true })).toHaveCount(0);
  await expectNothingLeaked(options);
  // Not even one character more than the last 4.
  expect(await options.locator('body').innerText()).not.toContain(TEST_KEY.slice(-5));

  // The same after the page is opened again.
  await options.reload();
  await expect(options.getByText(SAVED_US)).toBeVisible();
  await expect(options.getByLabel('Replace API key')).toHaveValue('');
  await expectNothingLeaked(options);
});

test('Show key / Hide key toggles whether the typed key is readable', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options');
  const field = options.getByLabel('API key', { exact: true });
  await field.fill(TEST_KEY);

  const show = options.getByRole('button', { name: 'Show key' });
  await expect(field).toHaveAttribute('type', 'password');
  await expect(show).toHaveAttribute('aria-pressed', 'false');

  await show.click();
  const hide = options.getByRole('button', { name: 'Hide key' });
  await expect(field).toHaveAttribute('type', 'text');
  await expect(hide).toHaveAttribute('aria-pressed', 'true');
  await expect(field).toHaveValue(TEST_KEY);

  await hide.click();
  await expect(field).toHaveAttribute('type', 'password');
  await expect(options.getByRole('button', { name: 'Show key' })).toHaveAttribute('aria-pressed', 'false');
  await expect(field).toHaveValue(TEST_KEY);

  // Saving hides it again, whatever state the toggle was in.
  await options.getByRole('button', { name: 'Show key' }).click();
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status')).toHaveText(SAVED_AND_CONNECTED);
  await expect(options.getByLabel('Replace API key')).toHaveAttribute('type', 'password');
  await expect(options.getByRole('button', { name: 'Show key' })).toHaveAttribute('aria-pressed', 'false');
});

test('saving an empty key shows an error next to the field and saves nothing', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options');
  const field = options.getByLabel('API key', { exact: true });
  await options.getByRole('button', { name: 'Save' }).click();

  await expectFieldError(options, field, 'Enter the API key.');
  await expect(field).toBeFocused();
  await expect(options.getByRole('status')).toHaveText('');
  await expect(options.getByText(NONE_SAVED)).toBeVisible();

  // A key with a space inside is refused the same way.
  await field.fill('efk_live abc');
  await expectFieldValid(field);
  await options.getByRole('button', { name: 'Save' }).click();
  await expectFieldError(options, field, 'An API key has no spaces inside; check what was pasted.');
  await expect(options.getByText(NONE_SAVED)).toBeVisible();

  // Typing a good key clears the error and saves.
  await field.fill(TEST_KEY);
  await expectFieldValid(field);
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status')).toHaveText(SAVED_AND_CONNECTED);
  await expect(options.getByText(SAVED_US)).toBeVisible();
});

test('Test connection checks a typed key without saving it, and the saved key later', async ({ everflow, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  const testButton = options.getByRole('button', { name: 'Test connection' });
  // Nothing typed and nothing saved: the field says what is missing.
  await testButton.click();
  const field = options.getByLabel('API key', { exact: true });
  await expectFieldError(options, field, 'Enter the API key.');
  expect(everflow.requests).toStrictEqual([]);

  await field.fill(TEST_KEY);
  await testButton.click();
  await expect(options.getByRole('status')).toHaveText(
    'Connected to Everflow (5 tracking domains). This key is not saved yet: press Save to keep it.',
  );
  await expect(options.getByText(NONE_SAVED)).toBeVisible();
  await expect(field).toHaveValue(TEST_KEY);
  await expect(options.getByRole('region', { name: 'Next: make a link' })).toHaveCount(0);

  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status')).toHaveText(SAVED_AND_CONNECTED);
  await expect(options.getByRole('region', { name: 'Next: make a link' })).toBeVisible();
  await testButton.click();
  await expect(options.getByRole('status')).toHaveText('Connected to Everflow (5 tracking domains).');
  expect(everflow.requests.map((r) => [r.method, r.url, r.headers['x-eflow-api-key']])).toStrictEqual([
    ['GET', CHECK_URL, TEST_KEY],
    ['GET', CHECK_URL, TEST_KEY],
    ['GET', CHECK_URL, TEST_KEY],
  ]);
  await expectNothingLeaked(options);
  await expectAccessible(options);
});

test('Test connection with a key Everflow refuses says so plainly', async ({ everflow, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  await typeAndSaveKey(options);

  everflow.revokeKey(TEST_KEY);
  await options.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByRole('status')).toHaveText(REFUSED_IN_US);
  await expect(options.getByRole('button', { name: 'Test connection' })).toBeEnabled();
  await expect(options.getByRole('region', { name: 'Next: make a link' })).toHaveCount(0);
  await expectNothingLeaked(options);
});

test('switching the region to Europe checks the key there and sends the next link request to the EU API', async ({
  everflow,
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options');
  // The network's key is for its EU account. Typed under the US region, it is refused and not saved.
  await options.getByLabel('API key', { exact: true }).fill(EU_KEY);
  await options.getByRole('button', { name: 'Save' }).click();
  await expectFieldError(options, options.getByLabel('API key', { exact: true }), `Not saved: ${REFUSED_IN_US}`);
  await expect(options.getByText(NONE_SAVED)).toBeVisible();

  await options.getByLabel('Region').selectOption({ label: 'Europe (api-eu.eflow.team)' });
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status')).toHaveText(/^API key saved\. Connected to Everflow/);
  await expect(options.getByText(SAVED_EU.replace(LAST4, EU_KEY.slice(-4)))).toBeVisible();
  await options.reload();
  await expect(options.getByLabel('Region')).toHaveValue('eu');
  await expect(options.getByRole('option', { selected: true })).toHaveText('Europe (api-eu.eflow.team)');

  // Back to the US with the EU key saved: checked, refused, and nothing changes.
  await options.getByLabel('Region').selectOption({ label: 'United States (api.eflow.team)' });
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status')).toHaveText(
    'Not saved: Everflow’s United States region did not accept the saved API key (it may be mistyped or revoked); check it, or choose Europe if your Everflow account is there.',
  );
  await options.reload();
  await expect(options.getByText(SAVED_EU.replace(LAST4, EU_KEY.slice(-4)))).toBeVisible();
  const checks = everflow.requests.length;

  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(DEFAULT_LINK);
  expect(everflow.linkRequests.map((r) => r.url)).toStrictEqual(['https://api-eu.eflow.team/v1/networks/tracking/offers/clicks']);
  // Every call since went there with the EU key: the link, and the look-ups of the offer's and affiliate's names.
  for (const request of everflow.requests.slice(checks)) {
    expect(new URL(request.url).host).toBe('api-eu.eflow.team');
    expect(request.headers['x-eflow-api-key']).toBe(EU_KEY);
  }
});

test('Forget key removes it: the options page, the popup and generation all know', async ({ everflow, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  await typeAndSaveKey(options);
  await expect(options.getByText(SAVED_US)).toBeVisible();

  await options.getByRole('button', { name: 'Forget key' }).click();
  await expect(options.getByRole('status')).toHaveText('The API key was removed from this browser.');
  await expect(options.getByText(NONE_SAVED)).toBeVisible();
  await expect(options.getByLabel('API key', { exact: true })).toBeVisible();
  await expect(options.getByRole('button', { name: 'Forget key' })).toBeDisabled();
  await options.reload();
  await expect(options.getByText(NONE_SAVED)).toBeVisible();
  // Only the check that came with saving it reached Everflow.
  expect(everflow.requests.map((r) => r.url)).toStrictEqual([CHECK_URL]);

  const popup = await openExtensionPage('popup');
  await expect(popup.getByRole('alert')).toContainText('No Everflow API key is saved yet, so links can’t be generated.');
  await expect(popup.getByRole('button', { name: 'Add your API key in Options' })).toBeVisible();

  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('alert').filter({ hasText: NO_KEY })).toBeVisible();
  await expect(popup.getByLabel('Your tracking link')).toHaveCount(0);
  await expect(popup.getByRole('button', { name: 'Generate link' })).toBeEnabled();
  expect(everflow.requests).toHaveLength(1);
  await expectNothingLeaked(popup);
});
