import { DEFAULT_LINK, linkFor } from './fixtures/fake-everflow';
import { TEST_KEY, expect, test } from './fixtures/extension';
import { fillForm, openMoreOptions } from './fixtures/popup-form';

test('saves a key, generates a link from the popup, and puts it on screen and on the clipboard', async ({
  everflow,
  clipboard,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  await clipboard.write('something the user copied earlier');
  const popup = await openExtensionPage('popup');
  await fillForm(popup, {
    'Offer ID': ' 42 ',
    'Affiliate ID': '7',
    'Source ID': 'newsletter',
    'Sub 1': 'spring',
    'Sub 3': '  campaign-3  ',
  });
  await popup.getByLabel('Sub 3', { exact: true }).press('Enter');

  const link = linkFor(42, 7, { sub1: 'spring', sub3: 'campaign-3', source_id: 'newsletter' });
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(link);
  expect(await clipboard.read()).toBe(link);

  expect(everflow.linkRequests).toHaveLength(1);
  const [request] = everflow.linkRequests;
  expect(request!.method).toBe('POST');
  expect(request!.url).toBe('https://api.eflow.team/v1/networks/tracking/offers/clicks');
  expect(request!.headers['x-eflow-api-key']).toBe(TEST_KEY);
  expect(request!.headers['content-type']).toBe('application/json');
  // Exact body: IDs are JSON numbers, text trimmed, and nothing empty or unchecked is sent.
  expect(request!.rawBody).not.toBeNull();
  expect(request!.body).toStrictEqual({
    network_offer_id: 42,
    network_affiliate_id: 7,
    source_id: 'newsletter',
    sub1: 'spring',
    sub3: 'campaign-3',
  });
});

test('sends the optional IDs as numbers and the checked options as true', async ({ everflow, saveKey, openExtensionPage }) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await fillForm(popup, {
    'Offer ID': '1842',
    'Affiliate ID': '913',
    'Tracking domain ID': '3',
    'Offer URL ID': '12',
    'Creative ID': '58',
    'Traffic source ID': '9',
    'Sub 5': 'x',
  });
  await openMoreOptions(popup);
  await popup.getByLabel('Encrypt parameters').check();
  await popup.getByLabel('Redirect link even for direct-linking offers').check();
  await popup.getByRole('button', { name: 'Generate link' }).click();

  await expect(popup.getByLabel('Your tracking link')).toHaveValue(
    linkFor(1842, 913, { sub5: 'x' }, { domain: 'trk.acme.example', encrypt: true }),
  );
  expect(everflow.linkRequests.map((r) => r.body)).toStrictEqual([
    {
      network_offer_id: 1842,
      network_affiliate_id: 913,
      network_tracking_domain_id: 3,
      network_offer_url_id: 12,
      creative_id: 58,
      network_traffic_source_id: 9,
      sub5: 'x',
      is_encrypt_parameters: true,
      is_redirect_link: true,
    },
  ]);
});

test('the key never appears in the popup', async ({ saveKey, openExtensionPage }) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(DEFAULT_LINK);
  const html = await popup.content();
  const values = await popup.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect(html).not.toContain(TEST_KEY);
  expect(values.join('\n')).not.toContain(TEST_KEY);
});
