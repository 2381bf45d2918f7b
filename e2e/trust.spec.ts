// What is copied is what the person saw, and the API key never rides in a link: the attacks of a trust
// review, each tried through the real UI. A team file that would rewrite every copy, a key pasted into a
// sub, a preset or a template, links that are not what they claim, a redirect from the API host, hidden
// characters in names, a link too long for a QR code, and a pin made before its names arrived.
import type { Page } from '@playwright/test';
import { TEST_KEY, expect, test } from './fixtures/extension';
import { DEFAULT_LINK, linkFor } from './fixtures/fake-everflow';
import { expectFieldError, expectNothingLeaked } from './fixtures/page-checks';
import { fillForm } from './fixtures/popup-form';

const LINK_PATH = '/v1/networks/tracking/offers/clicks';
const preview = (options: Page) => options.getByRole('region', { name: /^Import from/ });
const planList = (options: Page, title: string) => preview(options).getByRole('list', { name: title }).getByRole('listitem');

test('an imported team file shows what it changes: a template’s new text and its web address, a preset’s values and partners, a domain’s reach', async ({
  worker,
  saveKey,
  openExtensionPage,
  clipboard,
}) => {
  await saveKey();
  // This browser's own template, which the file replaces.
  await worker.evaluate(() =>
    chrome.storage.local.set({
      copyFormats: {
        v: 1,
        data: { templates: [{ id: 'mine', name: 'Partner message', text: 'Your link: {url}' }], defaultFormat: 'link' },
      },
    }),
  );
  const file = {
    kind: 'everflow-link-builder/team-settings',
    version: 1,
    exportedAt: '2026-12-01T10:00:00.000Z',
    presets: {
      presets: [
        {
          id: 'p1',
          name: 'Coupons',
          values: {
            sourceId: 'mail',
            sub1: 'spring',
            sub2: '',
            sub3: '',
            sub4: '',
            sub5: '',
            encryptParameters: false,
            redirectLink: true,
          },
          affiliateIds: [77, 8],
        },
      ],
      defaultId: null,
    },
    copyFormats: {
      templates: [{ id: 't1', name: 'Partner message', text: 'Please use https://evil.example/?go={url}' }],
      defaultFormat: 't1',
    },
    dashboardDomains: ['mail.google.com'],
    requestsPerSecond: 20,
  };
  const options = await openExtensionPage('options');
  await options.getByLabel('Import settings…').setInputFiles({
    name: 'team.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(preview(options)).toBeVisible();
  await expect(planList(options, 'Will replace')).toContainText([
    /^Template “Partner message”/,
    /^Default copy format: “Partner message” instead of “Link”/,
  ]);
  // The template's text, old → new, and the address it holds besides the link.
  const template = options.getByLabel('Template “Partner message”: details');
  await expect(template.locator('del')).toHaveText('Your link: {url}');
  await expect(template.locator('ins')).toHaveText('Please use https://evil.example/?go={url}');
  await expect(preview(options).getByText('Holds a web address: https://evil.example/?go=')).toBeVisible();
  // The preset's values and the partners it is for.
  await expect(options.getByLabel('Preset “Coupons”: details')).toHaveText(
    'Source IDmailSub 1springRedirect link even for direct-linking offersonAffiliates8, 77',
  );
  // A domain outside everflowclient.io grants access to a whole site: said, and left unticked.
  const domain = preview(options).getByRole('checkbox', { name: 'Dashboard domain mail.google.com' });
  await expect(domain).not.toBeChecked();
  await expect(preview(options).getByText('Grants access to every page on mail.google.com.')).toBeVisible();

  await preview(options).getByRole('button', { name: 'Import' }).click();
  await expect(options.locator('#team-settings-notice')).toContainText('Imported');
  await expect(options.getByRole('button', { name: 'Remove mail.google.com' })).toHaveCount(0);

  // The copy that follows is seen: its first line is on the popup, not only "copied".
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('status')).toHaveText(
    `Copied “Partner message” to clipboard: Please use https://evil.example/?go=${DEFAULT_LINK}`,
  );
  expect(await clipboard.read()).toBe(`Please use https://evil.example/?go=${DEFAULT_LINK}`);
});

test('the key pasted into a sub, a preset or a template is refused before anything is sent or saved', async ({
  everflow,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7', 'Sub 1': `x-${encodeURIComponent(TEST_KEY).toLowerCase()}` });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expectFieldError(
    popup,
    popup.getByLabel('Sub 1', { exact: true }),
    'Sub 1 holds your API key, which must never go into a link (nor into Everflow’s reports); remove it and try again.',
  );
  expect(everflow.linkRequests).toHaveLength(0);

  // Saved as a preset: refused, nothing stored.
  await popup.getByRole('button', { name: 'Presets' }).click();
  await popup.getByLabel('Save current as preset').fill('Leaky');
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(popup.getByRole('alert')).toHaveText(
    'Sub 1 holds your API key, which must never be saved where links and messages are made from; remove it and save again. Fix it in the form first.',
  );
  await expect(popup.getByRole('button', { name: 'Apply Leaky' })).toHaveCount(0);
  await expectNothingLeaked(popup);

  // In a template's text: refused beside the field.
  const options = await openExtensionPage('options');
  const section = options.getByRole('region', { name: 'Copy formats' });
  await section.getByRole('button', { name: 'Add template' }).click();
  await section.getByLabel('Template name').fill('Leaky');
  await section.getByLabel('Message').fill(`{url} ${btoa(TEST_KEY)}`);
  await section.getByRole('button', { name: 'Save template' }).click();
  await expect(section.getByLabel('Message')).toHaveAttribute('aria-invalid', 'true');
  await expect(section.locator('#template-text-error')).toHaveText(
    'The message text holds your API key, which must never be saved where links and messages are made from; remove it and save again.',
  );
  await expect(section.getByRole('radio', { name: 'Leaky' })).toHaveCount(0);
});

for (const { shape, url, message } of [
  {
    shape: 'another host behind user info',
    url: 'https://trk.brand.com@evil.example/x',
    message:
      'Everflow returned a link that hides another address (user info before @), so it was not copied; check the offer’s URL and tracking domain in Everflow.',
  },
  {
    shape: 'a user and password',
    url: 'https://user:pass@trk.brand.com/x',
    message:
      'Everflow returned a link that hides another address (user info before @), so it was not copied; check the offer’s URL and tracking domain in Everflow.',
  },
  {
    shape: 'an IP address written as one number',
    url: 'http://3232235777/x',
    message:
      'Everflow returned a link to a bare IP address (192.168.1.1) instead of a domain, so it was not copied; check the offer’s URL and tracking domain in Everflow.',
  },
  {
    shape: 'an IPv6 address',
    url: 'https://[::1]/x',
    message:
      'Everflow returned a link to a bare IP address ([::1]) instead of a domain, so it was not copied; check the offer’s URL and tracking domain in Everflow.',
  },
]) {
  test(`a returned link with ${shape} is refused in one sentence, nothing copied`, async ({
    everflow,
    saveKey,
    openExtensionPage,
    clipboard,
  }) => {
    await saveKey();
    everflow.answer((request) => (request.path === LINK_PATH ? { json: { url } } : undefined));
    await clipboard.write('before');
    const popup = await openExtensionPage('popup');
    await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });
    await popup.getByRole('button', { name: 'Generate link' }).click();
    await expect(popup.getByRole('alert')).toHaveText(message);
    await expect(popup.getByLabel('Your tracking link')).toHaveCount(0);
    expect(await clipboard.read()).toBe('before');
  });
}

test('a redirect from the API host is not followed: one plain sentence, the key sent nowhere else', async ({
  everflow,
  saveKey,
  openExtensionPage,
  clipboard,
}) => {
  await saveKey();
  everflow.answer((request) =>
    request.path === LINK_PATH ? { status: 307, headers: { location: 'https://evil.example/collect' }, text: '' } : undefined,
  );
  await clipboard.write('before');
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('alert')).toContainText(
    'Everflow answered with a redirect to another address, which the extension does not follow (your API key was not sent there)',
  );
  expect(everflow.linkRequests).toHaveLength(1);
  expect(everflow.requests.every((request) => new URL(request.url).hostname === 'api.eflow.team')).toBe(true);
  expect(await clipboard.read()).toBe('before');
});

test('names from Everflow lose their hidden characters; emoji and every script stay; a template name with one is refused', async ({
  everflow,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  const offer = everflow.network.offers.find((candidate) => candidate.network_offer_id === 42)!;
  // A soft hyphen, a Hangul filler, a Mongolian vowel separator, a combining grapheme joiner and tag characters.
  offer.name = 'Sum\u00ADmer\u3164 Sale\u180E \u034FUS\u{E0041}\u{E0042}';
  const affiliates = everflow.network.affiliates;
  affiliates.push({ network_affiliate_id: 501, name: 'Café 🚀 Médias', account_status: 'active' });
  affiliates.push({ network_affiliate_id: 502, name: 'شركاء الإعلام', account_status: 'active' });
  affiliates.push({ network_affiliate_id: 503, name: '한빛 미디어 👨‍👩‍👧', account_status: 'active' });
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '501' });
  await expect(popup.locator('#field-offerId-note .field-name')).toHaveText('Summer Sale US');
  await expect(popup.locator('#field-affiliateId-note .field-name')).toHaveText('Café 🚀 Médias');
  for (const [id, name] of [
    ['502', 'شركاء الإعلام'],
    ['503', '한빛 미디어 👨‍👩‍👧'],
  ] as const) {
    await fillForm(popup, { 'Affiliate ID': id });
    await expect(popup.locator('#field-affiliateId-note .field-name')).toHaveText(name);
  }

  const options = await openExtensionPage('options');
  const section = options.getByRole('region', { name: 'Copy formats' });
  await section.getByRole('button', { name: 'Add template' }).click();
  await section.getByLabel('Template name').fill('Partner \u202Emessage');
  await section.getByLabel('Message').fill('{url}');
  await section.getByRole('button', { name: 'Save template' }).click();
  await expect(section.getByRole('alert')).toContainText('The name holds a hidden character, U+202E (direction control)');
});

test('a 3,000-character link is made and copied; its QR code says it is too long instead of breaking the popup', async ({
  everflow,
  saveKey,
  openExtensionPage,
  clipboard,
}) => {
  await saveKey();
  const long = `${linkFor(42, 7)}?sub1=${'a'.repeat(3000 - linkFor(42, 7).length - 6)}`;
  expect(long).toHaveLength(3000);
  everflow.answer((request) => (request.path === LINK_PATH ? { json: { url: long } } : undefined));
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
  expect(await clipboard.read()).toBe(long);
  await popup.getByRole('button', { name: 'Show QR code' }).click();
  await expect(popup.getByText('This link is too long for a QR code; copy the link instead.')).toBeVisible();
  // The rest of the popup still works.
  await expect(popup.getByRole('button', { name: 'Generate link' })).toBeEnabled();
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(long);
});

test('a pair pinned before its names arrived is labelled with them once they do', async ({ everflow, saveKey, openExtensionPage }) => {
  await saveKey();
  everflow.network.affiliates.push({ network_affiliate_id: 77, name: 'Couponista', account_status: 'active' });
  // Everflow is slow to name the affiliate: the link comes, and is pinned, first.
  everflow.answer(async (request) => {
    if (request.path === '/v1/networks/affiliates/77') await new Promise((resolve) => setTimeout(resolve, 2_500));
    return undefined;
  });
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '77' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
  await popup.getByRole('button', { name: 'Pin' }).click();
  const pinned = popup.getByRole('region', { name: 'Pinned' });
  await expect(pinned.getByRole('button', { name: /× Affiliate 77$/ })).toBeVisible();
  await expect(pinned.getByRole('button', { name: 'Summer Sale – US – CPA × Couponista' })).toBeVisible({ timeout: 10_000 });

  // A popup opened later says it too.
  const again = await openExtensionPage('popup');
  await expect(
    again.getByRole('region', { name: 'Pinned' }).getByRole('button', { name: 'Summer Sale – US – CPA × Couponista' }),
  ).toBeVisible();
});
