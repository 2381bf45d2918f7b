// The API key opens a whole Everflow account: it must never show up anywhere but the request
// header to Everflow's API over HTTPS.
import type { ConsoleMessage } from '@playwright/test';
import { DASHBOARD, clickMenu, openDashboardPage, serveDashboard } from './fixtures/dashboard';
import { DEFAULT_LINK } from './fixtures/fake-everflow';
import { ADDED_TEST_KEY, FIRST_NETWORK_NAME, TEST_KEY, expect, test } from './fixtures/extension';
import { fillForm } from './fixtures/popup-form';

test('a full run, failures included, never logs, stores in sync, or shows the key', async ({
  context,
  worker,
  everflow,
  saveKey,
  openExtensionPage,
}) => {
  const logged: string[] = [];
  const record = (message: ConsoleMessage) => logged.push(`${message.type()}: ${message.text()}`);
  worker.on('console', record);
  context.on('page', (page) => page.on('console', record));
  const outgoing: string[] = [];
  context.on('request', (request) => outgoing.push(request.url()));

  await serveDashboard(context);
  await saveKey();
  const options = await openExtensionPage('options');
  options.on('console', record);
  await options.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByText(/^Connected to Everflow: /)).toBeVisible();

  const popup = await openExtensionPage('popup');
  popup.on('console', record);
  // Success, then every kind of failure, each echoing the key back where Everflow might.
  const answers = [
    { json: { url: DEFAULT_LINK } },
    { status: 400, json: { error: `Bad key ${TEST_KEY}` } },
    { status: 401, json: { Error: TEST_KEY } },
    { status: 500, text: `<pre>${TEST_KEY}</pre>` },
    { status: 200, text: `not json ${TEST_KEY}` },
  ];
  for (const answer of answers) {
    everflow.answer(answer);
    await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });
    await popup.getByRole('button', { name: 'Generate link' }).click();
    await expect(popup.getByRole('button', { name: 'Generate link' })).toBeEnabled();
    await expect(popup.getByRole('alert').or(popup.getByRole('status').filter({ hasText: 'Copied' }))).toBeVisible();
    expect(await popup.content()).not.toContain(TEST_KEY);
  }
  everflow.answer({ status: 403, json: { error: TEST_KEY } });
  await openDashboardPage(context, '/offers/42/general');
  await clickMenu(worker, { menuItemId: 'copy-for-page', pageUrl: `${DASHBOARD}/offers/42/general` });
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('!');

  // Nothing in any log line.
  expect(logged.filter((line) => line.includes(TEST_KEY))).toStrictEqual([]);
  // Nothing in sync storage, nothing in any open page, nothing in the toolbar title.
  const sync = await worker.evaluate(() => chrome.storage.sync.get(null));
  expect(JSON.stringify(sync)).not.toContain(TEST_KEY);
  for (const page of context.pages()) {
    if (!page.isClosed()) expect(await page.content(), page.url()).not.toContain(TEST_KEY);
  }
  expect(await worker.evaluate(() => chrome.action.getTitle({}))).not.toContain(TEST_KEY);
  // The key went only to Everflow's API host, over HTTPS, in the header; never in a URL or body.
  for (const request of everflow.requests) {
    expect(request.url.startsWith('https://api.eflow.team/v1/')).toBe(true);
    expect(request.headers['x-eflow-api-key']).toBe(TEST_KEY);
    expect(request.url).not.toContain(TEST_KEY);
    expect(request.rawBody ?? '').not.toContain(TEST_KEY);
  }
  expect(outgoing.filter((url) => url.includes(TEST_KEY))).toStrictEqual([]);
});

test('"Keep this key only until the browser closes" keeps it out of local storage, and the account can move it back', async ({
  worker,
  everflow,
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options');
  const add = options.getByRole('region', { name: 'Add an account' });
  await add.getByLabel('API key', { exact: true }).fill(TEST_KEY);
  await add.getByLabel('Keep this key only until the browser closes').check();
  await add.getByRole('button', { name: 'Add account' }).click();
  await expect(options.getByRole('status')).toHaveText(ADDED_TEST_KEY);
  const card = options.getByRole('region', { name: FIRST_NETWORK_NAME, exact: true });
  await expect(card.getByText('until the browser closes', { exact: false }).first()).toBeVisible();

  const local = await worker.evaluate(() => chrome.storage.local.get(null));
  const session = await worker.evaluate(() => chrome.storage.session.get(null));
  expect(JSON.stringify(local)).not.toContain(TEST_KEY);
  expect(JSON.stringify(session)).toContain(TEST_KEY);

  // Unticking it in the account's settings moves the key back to storage that survives a restart.
  const keep = card.getByLabel('Keep this key only until the browser closes');
  await expect(keep).toBeChecked();
  await keep.uncheck();
  await card.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(card.getByText(`${FIRST_NETWORK_NAME} saved.`)).toBeVisible();
  await expect(card.getByText(`Key ending in ${TEST_KEY.slice(-4)}`, { exact: true })).toBeVisible();
  const localAfter = await worker.evaluate(() => chrome.storage.local.get(null));
  const sessionAfter = await worker.evaluate(() => chrome.storage.session.get(null));
  expect(JSON.stringify(localAfter)).toContain(TEST_KEY);
  expect(JSON.stringify(sessionAfter)).not.toContain(TEST_KEY);

  // Kept either way, the key is the one the links are made with.
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('textbox', { name: 'Your tracking link' })).toHaveValue(DEFAULT_LINK);
  expect(everflow.linkRequests[0]!.headers['x-eflow-api-key']).toBe(TEST_KEY);
});
