// Presets tied to partners: the options page ties an affiliate of one network account to a preset (one
// preset per affiliate of that account), and choosing that affiliate in the popup applies the preset,
// tagged with whom it is for; the link sent carries the preset's values, and removing it for this link
// sends none. With several accounts, a preset picks the network account its affiliates are of.
import type { Page, Worker } from '@playwright/test';
import { PARTNER_KEY, SECOND_NETWORK_KEY } from './fixtures/fake-everflow';
import { expect, test } from './fixtures/extension';
import { expectAccessible } from './fixtures/page-checks';
import { fillForm } from './fixtures/popup-form';

const field = (popup: Page, label: string) => popup.getByLabel(label, { exact: true });

async function savePreset(popup: Page, name: string, values: Record<string, string>) {
  await fillForm(popup, values);
  await popup.getByRole('button', { name: 'Presets' }).click();
  await popup.getByLabel('Save current as preset').fill(name);
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(popup.getByRole('status')).toHaveText(`Saved preset “${name}”.`);
  await popup.getByRole('button', { name: 'Back' }).click();
}

test('a partner’s preset: tied on the options page, applied when that affiliate is chosen, removable for one link', async ({
  saveKey,
  openExtensionPage,
  everflow,
  context,
  extensionId,
}) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await savePreset(popup, 'Newsletter', { 'Source ID': 'newsletter', 'Sub 1': 'spring' });
  await savePreset(popup, 'Social', { 'Source ID': 'social', 'Sub 1': 'feed' });

  // Tie affiliate 7 to Newsletter; Social may not have it too.
  const options = await openExtensionPage('options');
  const newsletter = options.getByRole('form', { name: 'Affiliates for Newsletter' });
  await newsletter.getByLabel('Add affiliate (ID)').fill('7');
  await newsletter.getByRole('button', { name: 'Add' }).click();
  await expect(options.getByText('Affiliate 7 now gets the preset “Newsletter”.')).toBeVisible();
  await expect(newsletter.getByRole('listitem')).toHaveText(['7 · Sunrise MediaRemove']);
  // One account: nothing to choose, and no need to say whose affiliates they are.
  await expect(options.getByLabel('Account', { exact: true })).toHaveCount(0);
  const social = options.getByRole('form', { name: 'Affiliates for Social' });
  await social.getByLabel('Add affiliate (ID)').fill('7');
  await social.getByRole('button', { name: 'Add' }).click();
  await expect(social.getByRole('alert')).toHaveText(
    'Affiliate 7 (Sunrise Media) is already tied to the preset “Newsletter”; remove it there first.',
  );
  await expect(social.getByLabel('Add affiliate (ID)')).toBeFocused();
  await expectAccessible(options);
  // Social becomes the default: the partner's preset still wins for affiliate 7.
  await options.getByRole('form', { name: 'Preset Social' }).getByRole('button', { name: 'Make default' }).click();
  await expect(options.getByText('“Social” is now the default preset for new drafts.')).toBeVisible();

  // In the popup, a fresh form for another affiliate, then affiliate 7 typed: Newsletter is applied.
  await popup.bringToFront();
  await popup.getByRole('button', { name: 'Clear' }).click();
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '8', 'Source ID': '', 'Sub 1': '' });
  await field(popup, 'Affiliate ID').fill('7');
  await expect(field(popup, 'Source ID')).toHaveValue('newsletter');
  await expect(field(popup, 'Sub 1')).toHaveValue('spring');
  await expect(popup.locator('.preset-tag')).toHaveText('Preset: Newsletter (for Sunrise Media)×');
  await expect(popup.getByRole('status')).toHaveText(/^Preset “Newsletter” applied for (Sunrise Media|affiliate 7)\.$/);
  await expectAccessible(popup);

  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
  expect(everflow.linkRequests.at(-1)!.body).toStrictEqual({
    network_offer_id: 42,
    network_affiliate_id: 7,
    source_id: 'newsletter',
    sub1: 'spring',
  });

  // Removed for this link: the form empties and the link sent carries none of it; it is not applied again.
  await popup.getByRole('button', { name: 'Remove preset Newsletter from this link' }).click();
  await expect(field(popup, 'Source ID')).toHaveValue('');
  await expect(popup.locator('.preset-tag')).toHaveCount(0);
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
  expect(everflow.linkRequests.at(-1)!.body).toStrictEqual({ network_offer_id: 42, network_affiliate_id: 7 });

  // A reopened popup keeps the draft as the person left it.
  await popup.close();
  const reopened = await openExtensionPage('popup');
  await expect(field(reopened, 'Affiliate ID')).toHaveValue('7');
  await reopened.waitForTimeout(600);
  await expect(field(reopened, 'Source ID')).toHaveValue('');

  // Clear keeps the recent affiliate: its partner's preset wins over the default (Social).
  await reopened.getByRole('button', { name: 'Clear' }).click();
  await expect(field(reopened, 'Source ID')).toHaveValue('newsletter');
  // Another affiliate, with no preset of its own: the partner's preset goes and the default comes.
  await field(reopened, 'Affiliate ID').fill('8');
  await expect(field(reopened, 'Source ID')).toHaveValue('social');
  await expect(reopened.locator('.preset-tag')).toHaveText('Preset: Social×');

  // Smart links too, with the affiliate picked by name.
  await reopened.getByRole('radio', { name: 'Smart link' }).check();
  await fillForm(reopened, { 'Smart link ID': '5' });
  await field(reopened, 'Affiliate ID').fill('Sunrise');
  await reopened.getByRole('option', { name: '7 · Sunrise Media (active)' }).click();
  await expect(field(reopened, 'Source ID')).toHaveValue('newsletter');
  await reopened.getByRole('button', { name: 'Generate link' }).click();
  await expect(reopened.getByRole('status')).toHaveText('Copied to clipboard.');
  expect(everflow.smartLinkRequests.at(-1)!.body).toStrictEqual({
    network_campaign_id: 5,
    network_affiliate_id: 7,
    source_id: 'newsletter',
    sub1: 'spring',
  });

  // Bulk links, one affiliate × many offers: the partner's preset comes with the affiliate.
  const bulk = await context.newPage();
  await bulk.goto(`chrome-extension://${extensionId}/src/bulk/bulk.html`);
  await bulk.getByRole('radio', { name: 'One affiliate, many offers' }).check();
  await field(bulk, 'Affiliate ID').fill('7');
  await expect(field(bulk, 'Source ID')).toHaveValue('newsletter');
  await expect(field(bulk, 'Sub 1')).toHaveValue('spring');
  await expect(bulk.getByLabel('Preset', { exact: true })).toHaveValue(/.+/);
});

/** Setup only: two presets for everyone, as the popup saves them. */
async function seedPresets(worker: Worker): Promise<void> {
  const values = { sourceId: 'news', sub1: '', sub2: '', sub3: '', sub4: '', sub5: '', encryptParameters: false, redirectLink: false };
  await worker.evaluate((data) => chrome.storage.local.set(data), {
    presets: {
      v: 3,
      data: {
        presets: ['Newsletter', 'Social', 'Display'].map((name) => ({ id: name.toLowerCase(), name, values, affiliateIds: [] })),
        defaultId: null,
      },
    },
  });
}

test('with several accounts, a preset picks the network account its affiliates are of; affiliate 7 of each network is its own partner', async ({
  worker,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  await saveKey(SECOND_NETWORK_KEY, 'Europe');
  await saveKey(PARTNER_KEY);
  await seedPresets(worker);
  const options = await openExtensionPage('options');
  const newsletter = options.getByRole('form', { name: 'Affiliates for Newsletter' });
  const choice = newsletter.getByLabel('Account', { exact: true });
  // Network accounts only: a partner has no affiliates to tie.
  await expect(choice.getByRole('option')).toHaveText(['Acme Performance Network', 'Nordlys Media Partners']);
  await choice.selectOption({ label: 'Nordlys Media Partners' });
  await newsletter.getByLabel('Add affiliate (ID)').fill('7');
  await newsletter.getByRole('button', { name: 'Add' }).click();
  await expect(options.getByText('Affiliate 7 now gets the preset “Newsletter”.')).toBeVisible();
  // Named on that network, and said whose; tied, the preset's account is no longer a choice.
  await expect(newsletter.getByRole('listitem')).toHaveText(['7 · Fjordlys MediaRemove']);
  await expect(newsletter.getByText('Affiliates of Nordlys Media Partners.')).toBeVisible();
  await expect(newsletter.getByLabel('Account', { exact: true })).toHaveCount(0);

  // Affiliate 7 of the first network is another partner: Social may have it.
  const social = options.getByRole('form', { name: 'Affiliates for Social' });
  await expect(social.getByLabel('Account', { exact: true })).toHaveValue(/.+/);
  await expect(social.getByLabel('Account', { exact: true }).locator('option:checked')).toHaveText('Acme Performance Network');
  await social.getByLabel('Add affiliate (ID)').fill('7');
  await social.getByRole('button', { name: 'Add' }).click();
  await expect(social.getByRole('listitem')).toHaveText(['7 · Sunrise MediaRemove']);
  // …but not a second preset of the same account.
  const display = options.getByRole('form', { name: 'Affiliates for Display' });
  await display.getByLabel('Add affiliate (ID)').fill('7');
  await display.getByRole('button', { name: 'Add' }).click();
  await expect(display.getByRole('alert')).toHaveText(
    'Affiliate 7 (Sunrise Media) is already tied to the preset “Social”; remove it there first.',
  );
  await expectAccessible(options);

  // Untied to the last, the preset may pick its account again.
  await newsletter.getByRole('button', { name: 'Remove Affiliate 7 (Fjordlys Media) from Newsletter' }).click();
  await expect(options.getByText('Affiliate 7 (Fjordlys Media) no longer gets the preset “Newsletter”.')).toBeVisible();
  await expect(newsletter.getByLabel('Account', { exact: true })).toBeVisible();
  const stored = (await worker.evaluate(() => chrome.storage.local.get('presets'))) as {
    presets: { data: { presets: { id: string; affiliateIds: number[]; accountId?: string }[] } };
  };
  expect(stored.presets.data.presets.map(({ id, affiliateIds, accountId }) => [id, affiliateIds, accountId !== undefined])).toStrictEqual([
    ['newsletter', [], false],
    ['social', [7], true],
    ['display', [], false],
  ]);
});
