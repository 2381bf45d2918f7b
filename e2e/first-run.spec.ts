// The first run, as a person meets it: installing opens the options page with a welcome; the key is
// checked with Everflow as it is saved, and then the page says how to make the first link, naming the
// keyboard shortcut the browser really has. Rarely touched settings sit apart, under Advanced.
import { EU_KEY } from './fixtures/fake-everflow';
import { SAVED_AND_CONNECTED, TEST_KEY, expect, test, welcomeTab } from './fixtures/extension';
import { expectAccessible, expectFieldError, expectFieldValid, expectNothingLeaked } from './fixtures/page-checks';

const NEXT_STEP =
  'Open an offer page in Everflow and click the Link Builder for Everflow icon in the toolbar, or press Ctrl+Shift+F. ' +
  'The offer is filled in for you: type the affiliate, press Enter, and the link is on your clipboard.';
const REFUSED_IN_US =
  'Not saved: Everflow’s United States region did not accept this API key (it may be mistyped or revoked); check it, or choose Europe if your Everflow account is there.';
const CHECK_URL = 'https://api.eflow.team/v1/networks/domains/tracking';

test.describe('installing', () => {
  test.use({ keepWelcomeTab: true });

  test('opens the welcome; a key Everflow accepts says Connected and points to the first link with the shortcut', async ({
    context,
    everflow,
  }) => {
    const welcome = await welcomeTab(context);
    await expect(welcome).toHaveTitle('Link Builder for Everflow – Options');
    const steps = welcome.getByRole('region', { name: 'Welcome: your first link in two steps' });
    await expect(steps.getByRole('listitem').getByRole('paragraph')).toHaveText([
      'Paste a network API key below and press Save: it is checked with Everflow as it is saved.',
      NEXT_STEP,
      'No icon in the toolbar? It is under the browser’s Extensions button (the puzzle piece): pin it there.',
    ]);
    await expect(welcome.getByText('No API key is saved yet.')).toBeVisible();
    await expectAccessible(welcome);

    // The key field is ready for the paste; Enter saves.
    const field = welcome.getByLabel('API key', { exact: true });
    await expect(field).toBeFocused();
    await welcome.keyboard.insertText(TEST_KEY);
    await welcome.keyboard.press('Enter');
    await expect(welcome.getByRole('status')).toHaveText(SAVED_AND_CONNECTED);
    await expect(welcome.getByText(`A key ending in ${TEST_KEY.slice(-4)} is saved for the United States region.`)).toBeVisible();
    const next = welcome.getByRole('region', { name: 'Next: make a link' });
    await expect(next.getByRole('paragraph').first()).toHaveText(NEXT_STEP);
    await expect(next.locator('kbd')).toHaveText('Ctrl+Shift+F');

    // Checked once, with the key, at the region's address.
    expect(everflow.requests.map((r) => [r.method, r.url, r.headers['x-eflow-api-key']])).toStrictEqual([['GET', CHECK_URL, TEST_KEY]]);
    await expectNothingLeaked(welcome);
    await expectAccessible(welcome);
  });

  test('a key Everflow refuses is not saved: one sentence under the field says why, and the right region then saves it', async ({
    context,
    everflow,
  }) => {
    const welcome = await welcomeTab(context);
    const field = welcome.getByLabel('API key', { exact: true });
    // The simulator's EU key, first tried against the US region.
    await field.fill(EU_KEY);
    await welcome.getByRole('button', { name: 'Save' }).click();

    await expectFieldError(welcome, field, REFUSED_IN_US);
    await expect(field).toBeFocused();
    await expect(welcome.getByRole('status')).toHaveText('');
    await expect(welcome.getByText('No API key is saved yet.')).toBeVisible();
    await expect(welcome.getByRole('region', { name: 'Next: make a link' })).toHaveCount(0);
    await expectAccessible(welcome);
    await expectNothingLeaked(welcome);

    // What was typed is kept for the fix: here, the region.
    await welcome.getByLabel('Region').selectOption({ label: 'Europe (api-eu.eflow.team)' });
    await welcome.getByRole('button', { name: 'Save' }).click();
    await expect(welcome.getByRole('status')).toHaveText(/^API key saved\. Connected to Everflow \(\d+ tracking domains?\)\.$/);
    await expectFieldValid(welcome.getByLabel('Replace API key'));
    await expect(welcome.getByText(`A key ending in ${EU_KEY.slice(-4)} is saved for the Europe region.`)).toBeVisible();
    await expect(welcome.getByRole('region', { name: 'Next: make a link' })).toBeVisible();
    expect(everflow.requests.map((r) => [r.url, r.headers['x-eflow-api-key']])).toStrictEqual([
      [CHECK_URL, EU_KEY],
      ['https://api-eu.eflow.team/v1/networks/domains/tracking', EU_KEY],
    ]);
  });
});

test('the welcome shows only while no key is saved', async ({ saveKey, openExtensionPage }) => {
  await saveKey();
  const options = await openExtensionPage('options');
  await expect(options.getByRole('heading', { name: 'Everflow API key' })).toBeVisible();
  await expect(options.getByText(`A key ending in ${TEST_KEY.slice(-4)}`, { exact: false })).toBeVisible();
  await expect(options.getByRole('region', { name: 'Welcome: your first link in two steps' })).toHaveCount(0);
});

test('rarely touched settings sit under Advanced, apart from the key; the pace is saved as the field is left', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options');
  const keySection = options.getByRole('region', { name: 'Everflow API key' });
  const advanced = options.getByRole('region', { name: 'Advanced' });
  await expect(options.getByRole('heading', { name: 'Advanced', level: 2 })).toBeVisible();
  await expect(keySection.getByLabel('Requests per second')).toHaveCount(0);
  await expect(keySection.getByLabel('Add a dashboard domain')).toHaveCount(0);
  await expect(advanced.getByRole('heading', { name: 'Dashboard domains', level: 3 })).toBeVisible();
  await expect(advanced.getByLabel('Add a dashboard domain')).toBeVisible();

  const pace = advanced.getByLabel('Requests per second');
  await expect(pace).toHaveValue('20');
  await pace.fill('0');
  await pace.press('Tab');
  await expectFieldError(options, pace, 'Requests per second must be a whole number from 1 to 30.');
  await pace.fill('5');
  await expect(pace).not.toHaveAttribute('aria-invalid', 'true');
  await expect(advanced.getByRole('alert')).toHaveCount(0);
  await pace.press('Enter');
  await expect(advanced.getByText('Saved: at most 5 requests a second.')).toBeVisible();
  await expectAccessible(options);
  await options.reload();
  await expect(options.getByLabel('Requests per second')).toHaveValue('5');
});

test('the Keyboard shortcuts section names the shortcuts the browser has and where to change them', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options');
  const shortcuts = options.getByRole('region', { name: 'Keyboard shortcuts' });
  await expect(shortcuts.getByRole('listitem')).toHaveText([
    'Open the link builder: Ctrl+Shift+F',
    'Copy the tracking link for the offer in front, for the last affiliate used: Ctrl+Shift+Period',
  ]);
  await expect(shortcuts).toContainText('Set or change them at chrome://extensions/shortcuts.');
});
