// Copy formats: the team writes a message template on the options page (with a live preview), makes it
// the default, and every copy follows: the popup's Generate (and its Copy, in any format), the
// right-click menu, the keyboard shortcut and History. A copied message never holds the API key, and a
// template's HTML is only ever text.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parseCsv } from './fixtures/csv';
import { DASHBOARD, actionTitle, clickMenu, openDashboardPage, pressCommand, serveDashboard } from './fixtures/dashboard';
import { TEST_KEY, expect, test } from './fixtures/extension';
import { linkFor } from './fixtures/fake-everflow';
import { expectAccessible } from './fixtures/page-checks';
import { fillForm } from './fixtures/popup-form';

const OFFER_PAGE = `${DASHBOARD}/offers/42/general`;
const HISTORY_PATH = 'src/history/history.html';
const BULK_PATH = 'src/bulk/bulk.html';

/** Today as the extension writes {date}: the local calendar date. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Adds a template on the options page, as a person does, and makes it the default. */
/** What the status shows of a copied message: its first line, cut to 120 characters. */
const shownOf = (text: string) => (text.length <= 120 ? text : `${text.slice(0, 119).trimEnd()}…`);

async function addDefaultTemplate(options: Page, name: string, text: string) {
  const section = options.getByRole('region', { name: 'Copy formats' });
  await section.getByRole('button', { name: 'Add template' }).click();
  await section.getByLabel('Template name').fill(name);
  await section.getByLabel('Message').fill(text);
  await section.getByRole('button', { name: 'Save template' }).click();
  await expect(section.getByText(`Saved template “${name}”.`)).toBeVisible();
  await section.getByRole('radio', { name }).check();
  await expect(section.getByText(`“${name}” is now the default format.`)).toBeVisible();
}

test('a template written on the options page is the default: Generate copies it, and the popup’s Copy offers every format', async ({
  openExtensionPage,
  saveKey,
  clipboard,
}) => {
  await saveKey();
  const options = await openExtensionPage('options');
  const section = options.getByRole('region', { name: 'Copy formats' });
  await expect(section.getByRole('radio', { name: 'Link', exact: true })).toBeChecked();

  await section.getByRole('button', { name: 'Add template' }).click();
  await section.getByLabel('Template name').fill('Slack intro');
  const message = section.getByLabel('Message');
  await message.fill('Hi {affiliate_name}, your link for {offer_name}: {url} ({sub1}{sub3}) ');
  // The preview fills in an example link as the person types, and says which tokens came out empty.
  const preview = section.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText(
    'Hi Acme Media, your link for Spring sale: https://www.example-track.com/ABC123/DEF456/?sub1=spring&sub2=newsletter (spring)',
  );
  await expect(preview).toContainText('{sub3} is empty for this link, so it copies as nothing.');
  await section.getByRole('button', { name: '{date}' }).click();
  await expect(message).toHaveValue('Hi {affiliate_name}, your link for {offer_name}: {url} ({sub1}{sub3}) {date}');
  await expect(preview).toContainText('(spring) 2026-03-14');
  await expectAccessible(options);

  await section.getByRole('button', { name: 'Save template' }).click();
  await expect(section.getByText('Saved template “Slack intro”.')).toBeVisible();
  // A second template by the same name (any case) is refused beside its field.
  await section.getByRole('button', { name: 'Add template' }).click();
  await section.getByLabel('Template name').fill('SLACK INTRO');
  await section.getByLabel('Message').fill('{url}');
  await section.getByRole('button', { name: 'Save template' }).click();
  await expect(section.getByRole('alert')).toHaveText('There is already a format called “SLACK INTRO”; choose another name.');
  await section.getByRole('button', { name: 'Cancel' }).click();

  await section.getByRole('radio', { name: 'Slack intro' }).check();
  await expect(section.getByText('“Slack intro” is now the default format.')).toBeVisible();
  await expectAccessible(options);

  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7', 'Sub 1': 'spring' });
  // The names the look-ups give are the ones the message says.
  await expect(popup.getByText('Summer Sale – US – CPA').first()).toBeVisible();
  await expect(popup.getByText('Sunrise Media').first()).toBeVisible();
  await popup.getByRole('button', { name: 'Generate link' }).click();
  const url = linkFor(42, 7, { sub1: 'spring' });
  const slackMessage = `Hi Sunrise Media, your link for Summer Sale – US – CPA: ${url} (spring) ${today()}`;
  // What was copied is said, not only that something was (its first line, cut to fit).
  await expect(popup.getByRole('status')).toHaveText(`Copied “Slack intro” to clipboard: ${shownOf(slackMessage)}`);
  expect(await clipboard.read()).toBe(slackMessage);

  // Copy, in another format chosen beside it (keyboard-reachable: a labelled select).
  await popup.bringToFront();
  const format = popup.getByLabel('as', { exact: true });
  await expect(format).toHaveValue(/.+/);
  await format.selectOption({ label: 'Link with names' });
  await popup.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(popup.getByRole('status')).toHaveText(
    `Copied “Link with names” to clipboard: ${shownOf(`Summer Sale – US – CPA (offer 42) – Sunrise Media (affiliate 7): ${url}`)}`,
  );
  expect(await clipboard.read()).toBe(`Summer Sale – US – CPA (offer 42) – Sunrise Media (affiliate 7): ${url}`);

  await popup.bringToFront();
  await format.focus();
  await format.selectOption({ label: 'Link' });
  await popup.keyboard.press('Shift+Tab');
  await expect(popup.getByRole('button', { name: 'Copy', exact: true })).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
  expect(await clipboard.read()).toBe(url);
});

test('the right-click menu, the keyboard shortcut and History copy the default format', async ({
  context,
  worker,
  extensionId,
  everflow,
  openExtensionPage,
  saveKey,
  clipboard,
}) => {
  await serveDashboard(context);
  await saveKey();
  const options = await openExtensionPage('options');
  await addDefaultTemplate(options, 'Note', 'Offer {offer_id} for affiliate {affiliate_id} ({date}): {url}');
  await options.close();

  // One link in the popup makes affiliate 7 the last one used.
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '1', 'Affiliate ID': '7' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('status')).toHaveText(`Copied “Note” to clipboard: Offer 1 for affiliate 7 (${today()}): ${linkFor(1, 7)}`);
  await popup.close();

  const expected = `Offer 42 for affiliate 7 (${today()}): ${linkFor(42, 7)}`;
  await clipboard.write('before');
  await openDashboardPage(context, '/offers/42/general');
  await clickMenu(worker, { menuItemId: 'copy-for-page', pageUrl: OFFER_PAGE });
  await expect.poll(() => clipboard.read()).toBe(expected);
  expect(await actionTitle(worker)).toContain('“Note” copied: offer 42, affiliate 7');

  await clipboard.write('before');
  await openDashboardPage(context, '/offers/42/general');
  await pressCommand(worker, 'copy-link-for-page', OFFER_PAGE);
  await expect.poll(() => everflow.linkRequests.length).toBe(3);
  await expect.poll(() => clipboard.read()).toBe(expected);

  await clipboard.write('before');
  const history = await context.newPage();
  await history.goto(`chrome-extension://${extensionId}/${HISTORY_PATH}`);
  await history.getByRole('button', { name: /^Copy link for offer 1\b/ }).click();
  await expect(history.getByRole('status')).toHaveText(
    `Copied “Note” to clipboard: Offer 1 for affiliate 7 (${today()}): ${linkFor(1, 7)}`,
  );
  expect(await clipboard.read()).toBe(`Offer 1 for affiliate 7 (${today()}): ${linkFor(1, 7)}`);
});

test('a template’s HTML shows and copies as text; the API key in a sub is refused before anything is sent', async ({
  everflow,
  openExtensionPage,
  saveKey,
  clipboard,
}) => {
  await saveKey();
  const options = await openExtensionPage('options');
  const text = '<b>{offer_id}</b> sub={sub1}';
  await addDefaultTemplate(options, 'Risky', text);
  const section = options.getByRole('region', { name: 'Copy formats' });
  await expect(section.getByText(text, { exact: true })).toBeVisible();
  await expect(section.locator('b')).toHaveCount(0);

  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7', 'Sub 1': TEST_KEY });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.locator('#field-sub1-error')).toHaveText(
    'Sub 1 holds your API key, which must never go into a link (nor into Everflow’s reports); remove it and try again.',
  );
  expect(everflow.linkRequests).toHaveLength(0);

  await fillForm(popup, { 'Sub 1': 'spring' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('status')).toHaveText('Copied “Risky” to clipboard: <b>42</b> sub=spring');
  expect(await clipboard.read()).toBe('<b>42</b> sub=spring');
  await expect(popup.locator('b')).toHaveCount(0);
});

test('Bulk links copies every link as a message in the chosen format, one per row, and the CSV gets a Message column', async ({
  context,
  extensionId,
  openExtensionPage,
  saveKey,
  clipboard,
}) => {
  await saveKey();
  const options = await openExtensionPage('options');
  await addDefaultTemplate(options, 'Partner note', 'Affiliate {affiliate_id}: {url}');
  await options.close();

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${BULK_PATH}`);
  await page.getByLabel('Offer ID', { exact: true }).fill('42');
  await page.getByLabel('Affiliate IDs', { exact: true }).fill('7 8');
  await page.getByRole('button', { name: 'Generate 2 links' }).click();
  await expect(page.getByRole('status').first()).toContainText('Finished: 2 links made, 0 failed.', { timeout: 20_000 });

  const format = page.getByLabel('Format for Copy all links and the CSV');
  await expect(format).toHaveValue('link');
  await format.selectOption({ label: 'Partner note' });
  await page.getByRole('button', { name: 'Copy all links' }).click();
  await expect(page.getByText('Copied 2 links as “Partner note”.')).toBeVisible();
  expect(await clipboard.read()).toBe(`Affiliate 7: ${linkFor(42, 7)}\nAffiliate 8: ${linkFor(42, 8)}`);

  await page.bringToFront();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const [header, ...rows] = parseCsv(readFileSync((await download.path())!, 'utf8').slice(1));
  expect(header!.at(-1)).toBe('Message');
  expect(rows.map((row) => row.at(-1))).toEqual([`Affiliate 7: ${linkFor(42, 7)}`, `Affiliate 8: ${linkFor(42, 8)}`]);
  await expectAccessible(page);
});
