// The options page's Everflow accounts, as a person uses them: adding a network's key and a partner's
// (Everflow says whose key it is, and in which region), the refusals (the same key twice, a key that is
// neither kind, an empty one), each account's label, pace, key and connection test, forgetting one of
// two with what only it had, a session-only key gone after a restart, and two pages at once.
import type { Page, Worker } from '@playwright/test';
import { EU_KEY, PARTNER_KEYS, SECOND_NETWORK_KEY } from './fixtures/fake-everflow';
import { ADDED_TEST_KEY, FIRST_NETWORK_NAME, TEST_KEY, expect, test } from './fixtures/extension';
import { expectAccessible, expectFieldError, expectFieldValid, expectNothingLeaked } from './fixtures/page-checks';
import { accountCard, addForm, editAccount, regionOption, type RegionName } from './fixtures/options-steps';

const SECOND_NETWORK_NAME = 'Nordlys Media Partners';
const PARTNER_ACCOUNT = 'Acme Performance (partner: Sunrise Media)';
const NETWORK_INFO = 'https://api.eflow.team/v1/networks';
const NEITHER =
  'Everflow knows this API key but lets it read neither a network’s details nor a partner’s, so the extension cannot tell whose key it is; check the key’s permissions in Everflow (Control Center, Security), or ask your network for a partner API key.';

const keyField = (options: Page) => addForm(options).getByLabel('API key', { exact: true });
const account = accountCard;

/** Asks for `key` to be added, whatever Everflow then says of it. */
async function addKey(options: Page, key: string, region: RegionName = 'United States'): Promise<void> {
  await keyField(options).fill(key);
  await addForm(options)
    .getByLabel('Region')
    .selectOption({ label: regionOption(region) });
  await addForm(options).getByRole('button', { name: 'Add account' }).click();
}

test('adding a network key: Everflow names it, the page lists it by the last 4 characters only, and the field is emptied', async ({
  everflow,
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options');
  await expect(options.getByText('No Everflow account is saved yet.')).toBeVisible();
  // Typed hidden; Show key / Hide key toggles it.
  await keyField(options).fill(TEST_KEY);
  await expect(keyField(options)).toHaveAttribute('type', 'password');
  await addForm(options).getByRole('button', { name: 'Show key' }).click();
  await expect(keyField(options)).toHaveAttribute('type', 'text');
  await expect(addForm(options).getByRole('button', { name: 'Hide key' })).toHaveAttribute('aria-pressed', 'true');

  await addForm(options).getByRole('button', { name: 'Add account' }).click();
  await expect(options.getByRole('status')).toHaveText(ADDED_TEST_KEY);
  const card = account(options, FIRST_NETWORK_NAME);
  await expect(card.getByRole('listitem')).toHaveText([
    'Network key',
    'Region: United States (api.eflow.team)',
    `Key ending in ${TEST_KEY.slice(-4)}`,
    'Dashboard: acme.everflowclient.io',
  ]);
  // Emptied, and hidden again.
  await expect(keyField(options)).toHaveValue('');
  await expect(keyField(options)).toHaveAttribute('type', 'password');
  await expect(options.getByText('No Everflow account is saved yet.')).toHaveCount(0);
  await expectNothingLeaked(options);
  expect(await options.locator('body').innerText()).not.toContain(TEST_KEY.slice(-5));
  // Asked once, with the key, for its network.
  expect(everflow.requests.map((r) => [r.method, r.url, r.headers['x-eflow-api-key']])).toStrictEqual([['GET', NETWORK_INFO, TEST_KEY]]);

  // The only account: its settings are open, and the page passes axe with them.
  await expect(card.getByLabel('Requests per second')).toHaveValue('20');
  await expectAccessible(options);
  await options.reload();
  await expect(account(options, FIRST_NETWORK_NAME).getByText(`Key ending in ${TEST_KEY.slice(-4)}`)).toBeVisible();
  await expectNothingLeaked(options);
});

test('adding a partner key: the page says whose it is, and its pace starts at Everflow’s partner limit', async ({
  everflow,
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options');
  await addKey(options, PARTNER_KEYS.first[7]);
  await expect(options.getByRole('status')).toHaveText(
    `Added ${PARTNER_ACCOUNT}: a partner key of Acme Performance (you are Sunrise Media).`,
  );
  const card = account(options, PARTNER_ACCOUNT);
  await expect(card.getByText('Partner key: you are Sunrise Media (partner 7) on Acme Performance')).toBeVisible();
  await expect(card.getByLabel('Requests per second')).toHaveValue('5');
  await expect(card.getByLabel('Requests per second')).toHaveAccessibleDescription(
    /^Everflow allows a partner key 5 requests a second \(bursts up to 20\)/,
  );
  // The Network API said 403, so the Affiliate API was asked who the partner is and its network.
  expect(everflow.requests.map((r) => new URL(r.url).pathname)).toStrictEqual(['/v1/networks', '/v1/affiliates', '/v1/affiliates/network']);
  await expectAccessible(options);
});

test('a key Everflow knows only in the other region is added there, and the page says which region worked', async ({
  everflow,
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options');
  await addKey(options, EU_KEY);
  await expect(options.getByRole('status')).toHaveText(
    `Added ${FIRST_NETWORK_NAME}: a network key of ${FIRST_NETWORK_NAME}. Everflow’s United States region did not know this key, its Europe region did: the account is set to Europe.`,
  );
  const card = account(options, FIRST_NETWORK_NAME);
  await expect(card.getByText('Region: Europe (api-eu.eflow.team)')).toBeVisible();
  expect(everflow.requests.map((r) => r.url)).toStrictEqual([NETWORK_INFO, 'https://api-eu.eflow.team/v1/networks']);
  expect(everflow.statuses).toStrictEqual([401, 200]);

  // Its calls go to the EU API from now on.
  const before = everflow.requests.length;
  await card.getByRole('button', { name: 'Test connection' }).click();
  // Everflow's own name for the network (its `name`; the account is labelled with its displayed name).
  await expect(card.getByText('Connected to Everflow: Acme Performance Network (5 tracking domains).')).toBeVisible();
  for (const request of everflow.requests.slice(before)) {
    expect(new URL(request.url).host).toBe('api-eu.eflow.team');
    expect(request.headers['x-eflow-api-key']).toBe(EU_KEY);
  }
});

test('the same key twice, an empty key and a key that is neither kind are refused under the field, which keeps what was typed', async ({
  everflow,
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options');
  // Nothing typed: nothing is asked of Everflow.
  await addForm(options).getByRole('button', { name: 'Add account' }).click();
  await expectFieldError(options, keyField(options), 'Enter the API key.');
  await expect(keyField(options)).toBeFocused();
  await keyField(options).fill('efk_live abc');
  await expectFieldValid(keyField(options));
  await addForm(options).getByRole('button', { name: 'Add account' }).click();
  await expectFieldError(options, keyField(options), 'An API key has no spaces inside; check what was pasted.');
  expect(everflow.requests).toStrictEqual([]);

  await addKey(options, TEST_KEY);
  await expect(options.getByRole('status')).toHaveText(ADDED_TEST_KEY);
  await addKey(options, TEST_KEY);
  await expectFieldError(options, keyField(options), `This API key is saved already, as ${FIRST_NETWORK_NAME}.`);
  await expect(keyField(options)).toHaveValue(TEST_KEY);
  await expect(options.getByRole('status')).toHaveText('');
  await expect(
    options
      .getByRole('list', { name: 'Saved accounts' })
      .getByRole('listitem')
      .filter({ has: options.getByRole('heading') }),
  ).toHaveCount(1);

  // A key Everflow knows on neither realm (403 from the Network API and from the Affiliate API).
  const neither = 'efk_live_Nt8rL2wQ5xKm9Pd3Zs7Vb4Hc';
  everflow.answer((request) =>
    request.headers['x-eflow-api-key'] === neither ? { status: 403, json: { error: 'Out Of Realm' } } : undefined,
  );
  await addKey(options, neither);
  await expectFieldError(options, keyField(options), NEITHER);
  await expect(keyField(options)).toHaveValue(neither);
  await expect(keyField(options)).toBeFocused();
  expect(everflow.requests.filter((r) => r.headers['x-eflow-api-key'] === neither).map((r) => new URL(r.url).pathname)).toStrictEqual([
    '/v1/networks',
    '/v1/affiliates',
  ]);
  await expectAccessible(options);
  // Typing again clears the refusal.
  await keyField(options).fill(SECOND_NETWORK_KEY);
  await expectFieldValid(keyField(options));
});

test('an account’s label, pace and key are its own to change, each said beside it', async ({ everflow, openExtensionPage }) => {
  const options = await openExtensionPage('options');
  await addKey(options, TEST_KEY);
  await expect(options.getByRole('status')).toHaveText(ADDED_TEST_KEY);
  let card = await editAccount(options, FIRST_NETWORK_NAME);
  const label = card.getByLabel('Label');
  const pace = card.getByLabel('Requests per second');

  // Out-of-range pace and an overlong label: said under each field, nothing saved.
  await label.fill('x'.repeat(81));
  await pace.fill('31');
  await card.getByRole('button', { name: 'Save', exact: true }).click();
  await expectFieldError(options, label, 'A label can be at most 80 characters.');
  await expectFieldError(options, pace, 'Requests per second must be a whole number from 1 to 30.');
  await expect(label).toBeFocused();
  await expectAccessible(options);

  await label.fill('Acme (EU team)');
  await pace.fill('12');
  await pace.press('Enter');
  card = account(options, 'Acme (EU team)');
  await expect(card.getByText('Acme (EU team) saved.')).toBeVisible();
  await expectFieldValid(card.getByLabel('Label'));
  // The network's name is said beside the label now that they differ.
  await expect(card.getByText('Network key of Acme Performance Network')).toBeVisible();
  await options.reload();
  card = await editAccount(options, 'Acme (EU team)');
  await expect(card.getByLabel('Requests per second')).toHaveValue('12');
  // An empty label is the network's name again.
  await card.getByLabel('Label').fill('');
  await card.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(account(options, FIRST_NETWORK_NAME).getByText(`${FIRST_NETWORK_NAME} saved.`)).toBeVisible();
  card = account(options, FIRST_NETWORK_NAME);

  // Another network's key is not this account's new key.
  const replace = card.getByLabel('Replace API key');
  await replace.fill(SECOND_NETWORK_KEY);
  await card.getByRole('button', { name: 'Replace key' }).click();
  await expectFieldError(
    options,
    replace,
    `Not saved: this API key is ${SECOND_NETWORK_NAME}’s, not ${FIRST_NETWORK_NAME}’s; add it as another account.`,
  );
  await expect(replace).toHaveValue(SECOND_NETWORK_KEY);
  await expect(card.getByText(`Key ending in ${TEST_KEY.slice(-4)}`)).toBeVisible();
  // The same network's other key is: it is checked, and in the region Everflow knows it.
  await replace.fill(EU_KEY);
  await card.getByRole('button', { name: 'Replace key' }).click();
  await expect(
    card.getByText(/^New API key saved for Acme Performance Network\. Everflow’s United States region did not know/),
  ).toBeVisible();
  await expect(replace).toHaveValue('');
  await expect(card.getByText(`Key ending in ${EU_KEY.slice(-4)}`)).toBeVisible();
  await expect(card.getByText('Region: Europe (api-eu.eflow.team)')).toBeVisible();

  everflow.revokeKey(EU_KEY);
  await card.getByRole('button', { name: 'Test connection' }).click();
  await expect(card.locator('.notice')).toHaveText(
    `Everflow did not accept ${FIRST_NETWORK_NAME}’s API key (it may be mistyped or revoked); replace it under Edit account with a new key from Everflow.`,
  );
  await expectNothingLeaked(options);
});

/** Setup only: pins, presets and a bulk draft for both accounts, as the popup and the Bulk links page write them. */
const pin = (id: string, accountId: string) => ({ id, accountId, linkType: 'offer', targetId: 42, affiliateId: 7 });
async function seedPagesItems(worker: Worker, ids: { gone: string; kept: string }): Promise<void> {
  const values = { sourceId: 'news', sub1: '', sub2: '', sub3: '', sub4: '', sub5: '', encryptParameters: false, redirectLink: false };
  await worker.evaluate((data) => chrome.storage.local.set(data), {
    pinnedPairs: { v: 2, data: { pins: [pin('p-gone', ids.gone), pin('p-kept', ids.kept)] } },
    presets: {
      v: 3,
      data: {
        presets: [
          { id: 'tied', name: 'Tied', values, affiliateIds: [7], accountId: ids.gone },
          { id: 'other', name: 'Other', values, affiliateIds: [7], accountId: ids.kept },
        ],
        defaultId: null,
      },
    },
    bulkDraft: {
      v: 3,
      data: {
        accountId: ids.gone,
        mode: 'affiliates',
        lists: { offers: '', campaigns: '', affiliates: '7\n8' },
        names: { offers: [], campaigns: [], affiliates: [] },
      },
    },
  });
}

test('forgetting one of two accounts, asked first, takes its key and what only it had; the other keeps everything', async ({
  worker,
  everflow,
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options');
  await addKey(options, TEST_KEY);
  await expect(options.getByRole('status')).toHaveText(ADDED_TEST_KEY);
  await addKey(options, SECOND_NETWORK_KEY, 'Europe');
  await expect(options.getByRole('status')).toHaveText(`Added ${SECOND_NETWORK_NAME}: a network key of ${SECOND_NETWORK_NAME}.`);
  const ids = await worker.evaluate(async () => {
    const { accounts } = (await chrome.storage.local.get('accounts')) as { accounts: { data: { accounts: { id: string }[] } } };
    return accounts.data.accounts.map((saved) => saved.id);
  });
  await seedPagesItems(worker, { gone: ids[0]!, kept: ids[1]! });
  // Each preset's affiliate is named by its own account's network: affiliate 7 is not the same partner on both.
  await expect(options.getByRole('form', { name: 'Affiliates for Tied' }).getByRole('listitem')).toHaveText('7 · Sunrise MediaRemove');
  await expect(options.getByRole('form', { name: 'Affiliates for Other' }).getByRole('listitem')).toHaveText('7 · Fjordlys MediaRemove');
  const asked = everflow.requests.length;

  const card = await editAccount(options, FIRST_NETWORK_NAME);
  await card.getByRole('button', { name: 'Forget this account' }).click();
  const confirm = card.getByRole('group', { name: `Confirm forgetting ${FIRST_NETWORK_NAME}` });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(options);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(card.getByRole('button', { name: 'Forget this account' })).toBeFocused();
  await card.getByRole('button', { name: 'Forget this account' }).click();
  await card.getByRole('button', { name: 'Yes, forget it' }).click();

  await expect(options.getByRole('status')).toHaveText(
    `Forgot ${FIRST_NETWORK_NAME}: its key, its link history, its pins and its cached names are gone from this browser.`,
  );
  await expect(options.getByRole('heading', { name: 'Everflow accounts' })).toBeFocused();
  await expect(account(options, FIRST_NETWORK_NAME)).toHaveCount(0);
  await expect(account(options, SECOND_NETWORK_NAME)).toBeVisible();
  const stored = (await worker.evaluate(() => chrome.storage.local.get(null))) as Record<string, { data: unknown }>;
  expect(JSON.stringify(stored)).not.toContain(TEST_KEY);
  expect(stored.pinnedPairs!.data).toStrictEqual({
    pins: [{ id: 'p-kept', accountId: ids[1], linkType: 'offer', targetId: 42, affiliateId: 7 }],
  });
  // The preset stays, tied to none; the other account's tie is kept.
  const presets = (stored.presets!.data as { presets: { id: string; affiliateIds: number[]; accountId?: string }[] }).presets;
  expect(presets.map(({ id, affiliateIds, accountId }) => ({ id, affiliateIds, accountId }))).toStrictEqual([
    { id: 'tied', affiliateIds: [], accountId: undefined },
    { id: 'other', affiliateIds: [7], accountId: ids[1] },
  ]);
  expect((stored.bulkDraft!.data as { lists: { affiliates: string }; accountId?: string }).lists.affiliates).toBe('');
  // Forgetting asks Everflow nothing.
  expect(everflow.requests).toHaveLength(asked);
});

test('a session-only key is gone after the browser closes: the account says so and takes the key again', async ({
  worker,
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options');
  await keyField(options).fill(TEST_KEY);
  await addForm(options).getByLabel('Keep this key only until the browser closes').check();
  await addForm(options).getByRole('button', { name: 'Add account' }).click();
  await expect(options.getByRole('status')).toHaveText(ADDED_TEST_KEY);
  const card = account(options, FIRST_NETWORK_NAME);
  await expect(card.getByText(`Key ending in ${TEST_KEY.slice(-4)}, kept until the browser closes`)).toBeVisible();
  expect(JSON.stringify(await worker.evaluate(() => chrome.storage.local.get(null)))).not.toContain(TEST_KEY);

  // What closing the browser does to session storage.
  await worker.evaluate(() => chrome.storage.session.clear());
  await options.reload();
  await expect(card.getByText(/^This account’s key was kept only until the browser closed, and it has closed since/)).toBeVisible();
  const again = card.getByLabel('Enter the API key again');
  await again.fill('efk_live_Wr0ng4Ky8pLm2Rn8Kd4sYh6B');
  await card.getByRole('button', { name: 'Save key' }).click();
  await expectFieldError(
    options,
    again,
    'Neither Everflow’s United States nor its Europe region accepted this API key (it may be mistyped or revoked); check it, or make a new one in Everflow.',
  );
  await expectAccessible(options);
  await again.fill(TEST_KEY);
  await card.getByRole('button', { name: 'Save key' }).click();
  await expect(card.getByText(`New API key saved for ${FIRST_NETWORK_NAME}.`)).toBeVisible();
  await expect(card.getByText(/^This account’s key was kept only/)).toHaveCount(0);
  await expect(card.getByLabel('Enter the API key again')).toHaveCount(0);
  await expectNothingLeaked(options);
});

test('two options pages adding an account at the same moment both keep theirs, and each page shows both without a reload', async ({
  openExtensionPage,
}) => {
  const first = await openExtensionPage('options');
  const second = await openExtensionPage('options');
  await keyField(first).fill(TEST_KEY);
  await keyField(second).fill(PARTNER_KEYS.first[7]);
  await Promise.all([
    addForm(first).getByRole('button', { name: 'Add account' }).click(),
    addForm(second).getByRole('button', { name: 'Add account' }).click(),
  ]);
  await expect(first.getByRole('status')).toHaveText(ADDED_TEST_KEY);
  await expect(second.getByRole('status')).toHaveText(/^Added Acme Performance \(partner: Sunrise Media\)/);
  for (const page of [first, second]) {
    await expect(account(page, FIRST_NETWORK_NAME)).toBeVisible();
    await expect(account(page, PARTNER_ACCOUNT)).toBeVisible();
  }
  // The same key added on both pages at once: one of them is refused.
  await keyField(first).fill(SECOND_NETWORK_KEY);
  await keyField(second).fill(SECOND_NETWORK_KEY);
  await Promise.all([addKey(first, SECOND_NETWORK_KEY, 'Europe'), addKey(second, SECOND_NETWORK_KEY, 'Europe')]);
  const refused = `This API key is saved already, as ${SECOND_NETWORK_NAME}.`;
  await expect
    .poll(async () => [...(await first.getByRole('alert').allTextContents()), ...(await second.getByRole('alert').allTextContents())])
    .toStrictEqual([refused]);
  await first.reload();
  // The two added at once are listed in the order they were kept, whichever that was.
  const headings = first.getByRole('list', { name: 'Saved accounts' }).getByRole('heading');
  await expect(headings).toHaveCount(3);
  expect((await headings.allTextContents()).toSorted()).toStrictEqual([PARTNER_ACCOUNT, FIRST_NETWORK_NAME, SECOND_NETWORK_NAME]);
});
