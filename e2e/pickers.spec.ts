// Finding offers and affiliates by name: one search per pause in typing, keyboard choice, cached
// answers, quiet fallback to plain IDs, and suggestion lists under "More options".
import type { Page } from '@playwright/test';
import { DEFAULT_LINK, type FakeEverflow, type RecordedRequest } from './fixtures/fake-everflow';
import { expect, test } from './fixtures/extension';
import { openMoreOptions } from './fixtures/popup-form';

const OFFERS = [
  { network_offer_id: 1842, name: 'Acme Shoes – US – CPA', offer_status: 'active' },
  { network_offer_id: 1843, name: 'Acme Boots – EU – CPL', offer_status: 'paused' },
];
const AFFILIATES = [{ network_affiliate_id: 913, name: 'Jolly Media', account_status: 'active' }];

function fakeDirectory(everflow: FakeEverflow, searches: 'answer' | 'forbidden' = 'answer') {
  everflow.answer((request: RecordedRequest) => {
    if (request.path === '/v1/networks/offerstable')
      return searches === 'answer' ? { json: { offers: OFFERS, paging: { page: 1 } } } : { status: 403, json: { error: 'out of realm' } };
    if (request.path === '/v1/networks/affiliatestable') return { json: { affiliates: AFFILIATES } };
    if (request.path === '/v1/networks/domains/tracking')
      return { json: { domains: [{ network_tracking_domain_id: 3, url: 'trk.acme.example', domain_status: 'active' }] } };
    if (request.path === '/v1/networks/trafficsource')
      return { json: { traffic_sources: [{ network_traffic_source_id: 4, name: 'Email' }] } };
    return { json: { url: DEFAULT_LINK } };
  });
}

const searches = (everflow: FakeEverflow, path: string) => everflow.requests.filter((r) => r.path === path);
const offerField = (popup: Page) => popup.getByRole('combobox', { name: 'Offer ID' });

test('typing a name searches once, and the keyboard picks the offer', async ({ worker, everflow, saveKey, openExtensionPage }) => {
  await saveKey();
  fakeDirectory(everflow);
  const popup = await openExtensionPage('popup');
  await popup.getByLabel('Offer ID', { exact: true }).focus();
  await expect(offerField(popup)).toBeVisible();
  await offerField(popup).pressSequentially('acme', { delay: 40 });

  const list = popup.getByRole('listbox', { name: 'Matching offers' });
  await expect(list.getByRole('option')).toHaveText(['1842 · Acme Shoes – US – CPA (active)', '1843 · Acme Boots – EU – CPL (paused)']);
  expect(searches(everflow, '/v1/networks/offerstable').map((r) => r.body)).toStrictEqual([
    { search_terms: [{ search_type: 'name', value: 'acme' }] },
  ]);
  await expect(offerField(popup)).toHaveAttribute('aria-expanded', 'true');

  await offerField(popup).press('ArrowDown');
  await expect(list.getByRole('option', { selected: true })).toHaveText('1842 · Acme Shoes – US – CPA (active)');
  await offerField(popup).press('Enter');
  await expect(offerField(popup)).toHaveValue('1842');
  await expect(popup.getByText('Acme Shoes – US – CPA', { exact: true })).toBeVisible();
  await expect(list).toHaveCount(0);
  // Enter chose; it did not submit.
  expect(everflow.linkRequests).toHaveLength(0);

  await popup.getByLabel('Affiliate ID', { exact: true }).fill('7');
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('textbox', { name: 'Your tracking link' })).toHaveValue(DEFAULT_LINK);
  expect(everflow.linkRequests[0]!.body).toMatchObject({ network_offer_id: 1842, network_affiliate_id: 7 });
  // The name goes wherever the ID does: the result, and the history.
  await expect(popup.getByText('Offer 1842 Acme Shoes – US – CPA · Affiliate 7')).toBeVisible();
  const stored = await worker.evaluate(() => chrome.storage.local.get('history'));
  expect((stored.history as { data: { offerName?: string }[] }).data[0]!.offerName).toBe('Acme Shoes – US – CPA');
});

test('a repeated search answers from the cache, and a bare number never searches', async ({ everflow, saveKey, openExtensionPage }) => {
  await saveKey();
  fakeDirectory(everflow);
  const popup = await openExtensionPage('popup');
  await popup.getByLabel('Offer ID', { exact: true }).focus();
  await offerField(popup).pressSequentially('acme', { delay: 40 });
  await expect(popup.getByRole('option')).toHaveCount(2);
  await offerField(popup).fill('');
  await offerField(popup).pressSequentially('acme', { delay: 40 });
  await expect(popup.getByRole('option')).toHaveCount(2);
  await offerField(popup).fill('1842');
  await expect(popup.getByRole('listbox')).toHaveCount(0);
  await popup.waitForTimeout(600);
  expect(searches(everflow, '/v1/networks/offerstable')).toHaveLength(1);

  // A new popup still has the answer (the background keeps it).
  const again = await openExtensionPage('popup');
  await again.getByLabel('Offer ID', { exact: true }).focus();
  await offerField(again).fill('');
  await offerField(again).pressSequentially('acme', { delay: 40 });
  await expect(again.getByRole('option')).toHaveCount(2);
  expect(searches(everflow, '/v1/networks/offerstable')).toHaveLength(1);
});

test('the affiliate picker takes a mouse choice too', async ({ everflow, saveKey, openExtensionPage }) => {
  await saveKey();
  fakeDirectory(everflow);
  const popup = await openExtensionPage('popup');
  const affiliate = popup.getByLabel('Affiliate ID', { exact: true });
  await affiliate.focus();
  await popup.getByRole('combobox', { name: 'Affiliate ID' }).pressSequentially('jolly', { delay: 40 });
  await popup.getByRole('option', { name: '913 · Jolly Media (active)' }).click();
  await expect(affiliate).toHaveValue('913');
  expect(searches(everflow, '/v1/networks/affiliatestable')[0]!.body).toStrictEqual({
    search_terms: [{ search_type: 'name', value: 'jolly' }],
  });
});

test('when Everflow refuses the search, a note says so and a typed ID still makes the link', async ({
  everflow,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  fakeDirectory(everflow, 'forbidden');
  const popup = await openExtensionPage('popup');
  await popup.getByLabel('Offer ID', { exact: true }).focus();
  await offerField(popup).pressSequentially('acme', { delay: 40 });
  await expect(popup.getByRole('status').filter({ hasText: 'Search is unavailable' })).toContainText('Enter the ID instead.');
  await offerField(popup).fill('42');
  await popup.getByLabel('Affiliate ID', { exact: true }).fill('7');
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('textbox', { name: 'Your tracking link' })).toHaveValue(DEFAULT_LINK);
  expect(everflow.linkRequests[0]!.body).toStrictEqual({ network_offer_id: 42, network_affiliate_id: 7 });
});

test('"More options" suggests the network’s tracking domains and traffic sources', async ({ everflow, saveKey, openExtensionPage }) => {
  await saveKey();
  fakeDirectory(everflow);
  const popup = await openExtensionPage('popup');
  await popup.getByLabel('Offer ID', { exact: true }).fill('42');
  await openMoreOptions(popup);
  const domain = popup.getByLabel('Tracking domain ID');
  await domain.focus();
  await expect(popup.locator('datalist#list-trackingDomainId option')).toHaveAttribute('label', '3 · trk.acme.example (active)');
  await expect(domain).toHaveAttribute('list', 'list-trackingDomainId');
  await popup.getByLabel('Traffic source ID').focus();
  await expect(popup.locator('datalist#list-trafficSourceId option')).toHaveAttribute('value', '4');
  // The raw ID is still what is typed and sent.
  await domain.fill('3');
  await popup.getByLabel('Affiliate ID', { exact: true }).fill('7');
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('textbox', { name: 'Your tracking link' })).toHaveValue(DEFAULT_LINK);
  expect(everflow.linkRequests[0]!.body).toMatchObject({ network_tracking_domain_id: 3 });
});
