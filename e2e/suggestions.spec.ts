// "More options" suggests only what a link for this offer and affiliate can use, from the simulated
// network (no canned answers): the offer's own active creatives found by Everflow's documented search,
// active assignable tracking domains with the affiliate's own first and marked, active offer URLs open
// to that affiliate. Picking any of them makes a link Everflow accepts.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/extension';
import { linkFor } from './fixtures/fake-everflow';
import { fillForm, openMoreOptions } from './fixtures/popup-form';

/** The suggestions the browser offers under a field (its datalist), as the person reads them. */
async function suggestionsFor(popup: Page, label: string): Promise<string[]> {
  const field = popup.getByLabel(label, { exact: true });
  await field.focus();
  const list = await field.getAttribute('list');
  if (!list) return [];
  return popup.locator(`datalist#${list} option`).evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).label));
}

const suggested = (popup: Page, label: string) => expect.poll(() => suggestionsFor(popup, label), { message: `suggestions for ${label}` });

test('creatives: only the chosen offer’s active creatives, found with Everflow’s documented search', async ({
  everflow,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });
  await openMoreOptions(popup);

  // Offer 42 has 55 (active), 56 (paused) and 57 (active, email); 58 and 59 belong to offer 1842.
  await suggested(popup, 'Creative ID').toStrictEqual(['55 · Sale banner 300×250 (active)', '57 · Sale email (active)']);
  const searches = everflow.requests.filter((request) => request.path === '/v1/networks/creativestable');
  expect(searches.map((request) => request.body)).toStrictEqual([
    {
      search_terms: [
        { search_type: 'network_offer_id', value: '42' },
        { search_type: 'creative_status', value: 'active' },
      ],
    },
  ]);

  // Another offer, other creatives.
  await fillForm(popup, { 'Offer ID': '1842' });
  await suggested(popup, 'Creative ID').toStrictEqual(['58 · Shoes banner (active)']);

  // A suggested creative makes a link Everflow accepts.
  await fillForm(popup, { 'Creative ID': '58' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('textbox', { name: 'Your tracking link' })).toHaveValue(
    linkFor(1842, 7, {}, { domain: 'trk.acme.example' }),
  );
  expect(everflow.linkRequests.at(-1)!.body).toMatchObject({ network_offer_id: 1842, creative_id: 58 });
});

test('tracking domains and offer URLs: only usable ones, the affiliate’s own domain first and marked, URLs open to that affiliate', async ({
  everflow,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '913' });
  await openMoreOptions(popup);

  // Domains 4 (inactive) and 5 (unassignable) are left out; 3 is Jolly Media's own.
  await suggested(popup, 'Tracking domain ID').toStrictEqual([
    '3 · trk.acme.example (active, the affiliate’s own)',
    '1 · trk.example-trk.com (active)',
    '6 · plain.example-trk.com (active)',
  ]);
  // Offer 42's URLs: 22 is paused, 24 deleted; 23 is only for Jolly Media (913).
  await suggested(popup, 'Offer URL ID').toStrictEqual(['21 · Sale landing (active)', '23 · Sale landing for Jolly (active)']);

  // For another affiliate, the URL limited to Jolly Media is not offered, and no domain is marked as theirs.
  await fillForm(popup, { 'Affiliate ID': '7' });
  await suggested(popup, 'Offer URL ID').toStrictEqual(['21 · Sale landing (active)']);
  await suggested(popup, 'Tracking domain ID').toStrictEqual([
    '1 · trk.example-trk.com (active)',
    '3 · trk.acme.example (active)',
    '6 · plain.example-trk.com (active)',
  ]);

  // What was suggested makes a link Everflow accepts (a domain without SSL gives an http:// link).
  await fillForm(popup, { 'Tracking domain ID': '6', 'Offer URL ID': '21' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('textbox', { name: 'Your tracking link' })).toHaveValue(
    linkFor(42, 7, {}, { domain: 'plain.example-trk.com', ssl: false }),
  );
  expect(everflow.linkRequests.at(-1)!.body).toMatchObject({ network_tracking_domain_id: 6, network_offer_url_id: 21 });
});
