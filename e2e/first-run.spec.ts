// The first run, as a person meets it: installing opens the options page with a welcome; the key is
// checked with Everflow as it is added (a network's or a partner's), and then the page says how to make
// the first link, naming the keyboard shortcut the browser really has. An account's rarely touched
// settings (pace, dashboard domains) sit in its own "Edit account".
import { EU_KEY, PARTNER_KEY, SECOND_NETWORK_KEY } from './fixtures/fake-everflow';
import { ADDED_TEST_KEY, FIRST_NETWORK_NAME, TEST_KEY, expect, test, welcomeTab } from './fixtures/extension';
import { expectAccessible, expectFieldError, expectFieldValid, expectNothingLeaked } from './fixtures/page-checks';

const NEXT_STEP =
  'Open an offer page in Everflow and click the Link Builder for Everflow icon in the toolbar, or press Ctrl+Shift+F. ' +
  'The offer is filled in for you: type the affiliate, press Enter, and the link is on your clipboard.';
const NOT_KNOWN =
  'Neither Everflow’s United States nor its Europe region accepted this API key (it may be mistyped or revoked); check it, or make a new one in Everflow.';
const NETWORK_INFO = 'https://api.eflow.team/v1/networks';

test.describe('installing', () => {
  test.use({ keepWelcomeTab: true });

  test('opens the welcome; a key Everflow accepts is added and the page points to the first link with the shortcut', async ({
    context,
    everflow,
  }) => {
    const welcome = await welcomeTab(context);
    await expect(welcome).toHaveTitle('Link Builder for Everflow – Options');
    const steps = welcome.getByRole('region', { name: 'Welcome: your first link in two steps' });
    await expect(steps.getByRole('listitem').getByRole('paragraph')).toHaveText([
      'Add your Everflow API key below: a network’s key, or the partner key your network gave you. It is checked with Everflow as it is added.',
      NEXT_STEP,
      'No icon in the toolbar? It is under the browser’s Extensions button (the puzzle piece): pin it there.',
    ]);
    await expect(welcome.getByText('No Everflow account is saved yet.')).toBeVisible();
    await expectAccessible(welcome);

    // The key field is ready for the paste; Enter adds the account.
    const field = welcome.getByLabel('API key', { exact: true });
    await expect(field).toBeFocused();
    await welcome.keyboard.insertText(TEST_KEY);
    await welcome.keyboard.press('Enter');
    await expect(welcome.getByRole('status')).toHaveText(ADDED_TEST_KEY);
    await expect(
      welcome.getByRole('region', { name: FIRST_NETWORK_NAME, exact: true }).getByText(`Key ending in ${TEST_KEY.slice(-4)}`),
    ).toBeVisible();
    const next = welcome.getByRole('region', { name: 'Next: make a link' });
    await expect(next.getByRole('paragraph').first()).toHaveText(NEXT_STEP);
    await expect(next.locator('kbd')).toHaveText('Ctrl+Shift+F');

    // Asked once, with the key, at the region's address.
    expect(everflow.requests.map((r) => [r.method, r.url, r.headers['x-eflow-api-key']])).toStrictEqual([['GET', NETWORK_INFO, TEST_KEY]]);
    await expectNothingLeaked(welcome);
    await expectAccessible(welcome);
  });

  test('a key no region knows is not added: one sentence under the field says why, and the key typed right then is', async ({
    context,
    everflow,
  }) => {
    const welcome = await welcomeTab(context);
    const field = welcome.getByLabel('API key', { exact: true });
    await field.fill(`${TEST_KEY.slice(0, -1)}X`);
    await welcome.getByRole('button', { name: 'Add account' }).click();

    await expectFieldError(welcome, field, NOT_KNOWN);
    await expect(field).toBeFocused();
    await expect(welcome.getByRole('status')).toHaveText('');
    await expect(welcome.getByText('No Everflow account is saved yet.')).toBeVisible();
    await expect(welcome.getByRole('region', { name: 'Next: make a link' })).toHaveCount(0);
    await expectAccessible(welcome);
    await expectNothingLeaked(welcome);

    // What was typed is kept for the fix.
    await expect(field).toHaveValue(`${TEST_KEY.slice(0, -1)}X`);
    await field.fill(EU_KEY);
    await expectFieldValid(field);
    await welcome.getByRole('button', { name: 'Add account' }).click();
    await expect(welcome.getByRole('status')).toHaveText(/^Added Acme Performance Network: .* the account is set to Europe\.$/);
    await expectFieldValid(field);
    await expect(welcome.getByRole('region', { name: 'Next: make a link' })).toBeVisible();
    // The wrong key in both regions, then the EU key: the US region first, then the EU one.
    expect(everflow.requests.map((r) => [new URL(r.url).host, r.headers['x-eflow-api-key'] === EU_KEY])).toStrictEqual([
      ['api.eflow.team', false],
      ['api-eu.eflow.team', false],
      ['api.eflow.team', true],
      ['api-eu.eflow.team', true],
    ]);
  });

  test('a partner key: the next step is finding an offer the partner may run', async ({ context }) => {
    const welcome = await welcomeTab(context);
    await welcome.getByLabel('API key', { exact: true }).fill(PARTNER_KEY);
    await welcome.getByRole('button', { name: 'Add account' }).click();
    await expect(welcome.getByRole('status')).toHaveText(/^Added Acme Performance \(partner: Sunrise Media\)/);
    await expect(welcome.getByRole('region', { name: 'Next: make a link' }).getByRole('paragraph').first()).toHaveText(
      'Click the Link Builder for Everflow icon in the toolbar, or press Ctrl+Shift+F. Find an offer you may run by its name or ID, press Enter, and your tracking link is on your clipboard.',
    );
  });
});

test('the welcome shows only while no account is saved', async ({ saveKey, openExtensionPage }) => {
  await saveKey();
  const options = await openExtensionPage('options');
  await expect(options.getByRole('heading', { name: 'Everflow accounts' })).toBeVisible();
  await expect(options.getByText(`Key ending in ${TEST_KEY.slice(-4)}`)).toBeVisible();
  await expect(options.getByRole('region', { name: 'Welcome: your first link in two steps' })).toHaveCount(0);
});

test('an account’s rarely touched settings sit in its own Edit account, apart from adding one; the pace is saved with Save', async ({
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  await saveKey(SECOND_NETWORK_KEY, 'Europe');
  const options = await openExtensionPage('options');
  const add = options.getByRole('region', { name: 'Add an account' });
  await expect(add.getByLabel('Requests per second')).toHaveCount(0);
  await expect(add.getByLabel('Add a dashboard domain')).toHaveCount(0);
  // Two accounts: each one's settings are closed until asked for, and reached by keyboard.
  const [us, eu] = [FIRST_NETWORK_NAME, 'Nordlys Media Partners'].map((name) => options.getByRole('region', { name, exact: true }));
  await expect(us!.getByLabel('Requests per second')).toBeHidden();
  await us!.getByText('Edit account').focus();
  await options.keyboard.press('Enter');
  await expect(us!.getByRole('heading', { name: 'Dashboard domains', level: 4 })).toBeVisible();
  await expect(eu!.getByLabel('Requests per second')).toBeHidden();

  const pace = us!.getByLabel('Requests per second');
  await expect(pace).toHaveValue('20');
  await pace.fill('0');
  await pace.press('Enter');
  await expectFieldError(options, pace, 'Requests per second must be a whole number from 1 to 30.');
  await pace.fill('5');
  await expect(pace).not.toHaveAttribute('aria-invalid', 'true');
  await pace.press('Enter');
  await expect(us!.getByText(`${FIRST_NETWORK_NAME} saved.`)).toBeVisible();
  await expectFieldValid(pace);
  await expectAccessible(options);
  await options.reload();
  await us!.getByText('Edit account').click();
  await expect(us!.getByLabel('Requests per second')).toHaveValue('5');
  await eu!.getByText('Edit account').click();
  await expect(eu!.getByLabel('Requests per second')).toHaveValue('20');
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
