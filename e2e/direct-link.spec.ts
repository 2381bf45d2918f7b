// A redirect link asked for on a direct-linking offer. The flag's name (is_redirect_link) is
// unconfirmed, so Everflow may ignore it and answer with the advertiser's own address; the extension
// checks the answer's host against the network's tracking domains and says so plainly: in the result,
// in the history, and in the notification when the popup has closed.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/extension';
import { linkFor, type FakeEverflow } from './fixtures/fake-everflow';
import { fillForm, openMoreOptions } from './fixtures/popup-form';
import { directLink } from './simulator/links';

const NOTE = 'Everflow returned a direct link (the advertiser’s own address), not a redirect link on your tracking domain.';
const REDIRECT_FLAG = 'Redirect link even for direct-linking offers';
/** Offer 61 is direct-linking: its own link is the advertiser's address. */
const ADVERTISER_LINK = directLink('https://shop.direct-deals.example/', 61, 7);

/** Everflow ignoring the redirect flag (a name it does not know): the direct link comes back anyway. */
function ignoreRedirectFlag(everflow: FakeEverflow, delayMs = 0): void {
  everflow.answer((request) =>
    request.path === '/v1/networks/tracking/offers/clicks' ? { json: { url: ADVERTISER_LINK }, delayMs } : undefined,
  );
}

async function askForRedirect(popup: Page): Promise<void> {
  await fillForm(popup, { 'Offer ID': '61', 'Affiliate ID': '7' });
  await openMoreOptions(popup);
  await popup.getByLabel(REDIRECT_FLAG).check();
  await popup.getByRole('button', { name: 'Generate link' }).click();
}

test('a redirect link asked for but a direct link returned: the result and the history say so plainly', async ({
  everflow,
  clipboard,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  const popup = await openExtensionPage('popup');

  // Everflow honours the flag: a redirect link on the network's tracking domain, nothing to say.
  await askForRedirect(popup);
  await expect(popup.getByRole('textbox', { name: 'Your tracking link' })).toHaveValue(linkFor(61, 7));
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
  await expect(popup.getByText(NOTE)).toHaveCount(0);
  // The domains were read from Everflow's documented list.
  expect(everflow.requests.filter((request) => request.path === '/v1/networks/domains/tracking')).toHaveLength(1);

  // Everflow ignores the flag: the link is still given and copied, and the person is told what it is.
  ignoreRedirectFlag(everflow);
  await fillForm(popup, { 'Sub 1': 'spring' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('textbox', { name: 'Your tracking link' })).toHaveValue(ADVERTISER_LINK);
  await expect(popup.getByText(NOTE, { exact: true })).toBeVisible();
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
  expect(await clipboard.read()).toBe(ADVERTISER_LINK);
  expect(everflow.linkRequests.at(-1)!.body).toMatchObject({ network_offer_id: 61, is_redirect_link: true });

  // Without the flag, a direct link is what was asked for: nothing to say.
  await popup.getByLabel(REDIRECT_FLAG).uncheck();
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
  await expect(popup.getByText(NOTE)).toHaveCount(0);

  // The history keeps it with the link it belongs to, and only there.
  await popup.getByRole('button', { name: 'History' }).click();
  const entries = popup.getByRole('list', { name: 'Generated links, newest first' }).getByRole('listitem');
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0).getByText(NOTE)).toHaveCount(0);
  await expect(entries.nth(1).getByText(NOTE, { exact: true })).toBeVisible();
  await expect(entries.nth(2).getByText(NOTE)).toHaveCount(0);
});

test('a popup closed before the direct link arrives: the notification says it is a direct link', async ({
  worker,
  everflow,
  clipboard,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  // What the person sees in the notification Chrome shows.
  await worker.evaluate(() => {
    const shown: chrome.notifications.NotificationOptions[] = [];
    (globalThis as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
    const create = chrome.notifications.create.bind(chrome.notifications) as (
      id: string,
      options: chrome.notifications.NotificationOptions,
    ) => Promise<string>;
    (chrome.notifications as unknown as { create: typeof create }).create = (id, options) => {
      shown.push(options);
      return create(id, options);
    };
  });
  ignoreRedirectFlag(everflow, 1_500);
  const popup = await openExtensionPage('popup');
  await askForRedirect(popup);
  await expect.poll(() => everflow.linkRequests.length).toBe(1);
  await popup.close();

  await expect.poll(() => clipboard.read(), { timeout: 10_000 }).toBe(ADVERTISER_LINK);
  await expect
    .poll(() =>
      worker.evaluate(() =>
        (globalThis as unknown as { shownNotifications: { message: string }[] }).shownNotifications.map((n) => n.message),
      ),
    )
    .toStrictEqual([`${NOTE}\n${ADVERTISER_LINK}`]);
  const reopened = await openExtensionPage('popup');
  await expect(reopened.getByRole('textbox', { name: 'Last link' })).toHaveValue(ADVERTISER_LINK);
  await expect(reopened.getByText(NOTE, { exact: true })).toBeVisible();
});
