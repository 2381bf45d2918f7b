// Pinned pairs: pin an offer–affiliate pair (with its preset) from the link just made or from History;
// the popup lists the pins by name and one click or Enter makes and copies that link; Manage reorders
// and unpins; twenty at most.
import type { Page, Worker } from '@playwright/test';
import { linkFor } from './fixtures/fake-everflow';
import { expect, test } from './fixtures/extension';
import { expectAccessible } from './fixtures/page-checks';
import { fillForm } from './fixtures/popup-form';

const SPRING = 'Summer Sale – US – CPA × Sunrise Media';
const GARDEN = 'Garden Tools – CPA × Blue Harbor Ads';

/** Makes a link in the popup once the names of its offer and affiliate are on screen. */
async function generate(popup: Page, offerId: string, affiliateId: string, names: [string, string]) {
  await fillForm(popup, { 'Offer ID': offerId, 'Affiliate ID': affiliateId });
  for (const name of names) await expect(popup.getByText(name, { exact: true })).toBeVisible();
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
}

const pinnedList = (popup: Page) => popup.getByRole('region', { name: 'Pinned' });

test('pin from the link and from History, make a pinned link with Enter, reorder and unpin', async ({
  saveKey,
  openExtensionPage,
  everflow,
  clipboard,
}) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Source ID': 'newsletter', 'Sub 1': 'spring' });
  await popup.getByRole('button', { name: 'Presets' }).click();
  await popup.getByLabel('Save current as preset').fill('Newsletter');
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await popup.getByRole('button', { name: 'Back' }).click();

  // Pinned from the link just made, with the preset the form holds.
  await generate(popup, '42', '7', ['Summer Sale – US – CPA', 'Sunrise Media']);
  const pin = popup.getByRole('button', { name: 'Pin', exact: true });
  await expect(pin).toHaveAttribute('aria-pressed', 'false');
  await pin.click();
  await expect(popup.getByRole('status')).toHaveText(`Pinned ${SPRING}: it is listed at the top of the popup.`);
  await expect(pin).toHaveAttribute('aria-pressed', 'true');
  await expect(pinnedList(popup).getByRole('button', { name: `${SPRING} · Newsletter` })).toBeVisible();

  // Pinned from History: a link made without a preset.
  await popup.getByRole('button', { name: 'Clear' }).click();
  await generate(popup, '99', '8', ['Garden Tools – CPA', 'Blue Harbor Ads']);
  await popup.getByRole('button', { name: 'History' }).click();
  const historyPin = popup.getByRole('button', { name: 'Pin link for offer 99 (Garden Tools – CPA), affiliate 8 (Blue Harbor Ads)' });
  await historyPin.click();
  await expect(historyPin).toHaveAttribute('aria-pressed', 'true');
  await expect(popup.getByRole('status')).toHaveText(`Pinned ${GARDEN}: it is listed at the top of the popup.`);
  // The first link is pinned already: its History entry says so.
  await expect(
    popup.getByRole('button', { name: 'Pin link for offer 42 (Summer Sale – US – CPA), affiliate 7 (Sunrise Media)' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expectAccessible(popup);
  await popup.close();

  // A new popup lists them by name; Enter on one makes and copies its link, with its preset's values.
  const reopened = await openExtensionPage('popup');
  const pins = pinnedList(reopened).getByRole('listitem');
  await expect(pins).toHaveText([`${SPRING} · Newsletter`, GARDEN]);
  await clipboard.write('something else');
  const sent = everflow.linkRequests.length;
  await pinnedList(reopened)
    .getByRole('button', { name: `${SPRING} · Newsletter` })
    .press('Enter');
  await expect(reopened.getByRole('status')).toHaveText('Copied to clipboard.');
  const link = linkFor(42, 7, { source_id: 'newsletter', sub1: 'spring' });
  expect(await clipboard.read()).toBe(link);
  await expect(reopened.getByLabel('Your tracking link')).toHaveValue(link);
  expect(everflow.linkRequests.slice(sent).map((request) => request.body)).toStrictEqual([
    { network_offer_id: 42, network_affiliate_id: 7, source_id: 'newsletter', sub1: 'spring' },
  ]);
  await expect(reopened.getByLabel('Offer ID', { exact: true })).toHaveValue('42');
  await expectAccessible(reopened);

  // Manage: move the second up with the keyboard, then unpin it.
  await reopened.getByRole('button', { name: 'Manage' }).click();
  await expectAccessible(reopened);
  await reopened.getByRole('button', { name: `Move ${GARDEN} up` }).press('Enter');
  await expect(pins).toHaveText([new RegExp(`^${GARDEN}`), new RegExp(`^${SPRING}`)]);
  await expect(reopened.getByRole('status')).toHaveText(`Moved ${GARDEN} up.`);
  await expect(reopened.getByRole('button', { name: `Move ${GARDEN} down` })).toBeFocused();
  await reopened.getByRole('button', { name: `Unpin ${GARDEN}` }).click();
  await expect(reopened.getByRole('status')).toHaveText(`Unpinned ${GARDEN}.`);
  await expect(pins).toHaveCount(1);
  // The link's own toggle unpins too, and the list goes.
  await reopened.getByRole('button', { name: 'Pin', exact: true }).click();
  await expect(reopened.getByRole('status')).toHaveText(`Unpinned ${SPRING}.`);
  await expect(pinnedList(reopened)).toHaveCount(0);
});

/** Twenty pins, as a person who pinned them over time would have them. */
async function storeTwentyPins(worker: Worker) {
  await worker.evaluate(async () => {
    const pins = Array.from({ length: 20 }, (_, index) => ({
      id: `p${index}`,
      linkType: 'offer',
      targetId: 100 + index,
      affiliateId: 7,
      affiliateName: 'Sunrise Media',
    }));
    await chrome.storage.local.set({ pinnedPairs: { v: 1, data: { pins } } });
  });
}

test('twenty pins at most: the popup shows a few and the rest on demand, and a 21st is refused', async ({
  saveKey,
  openExtensionPage,
  worker,
}) => {
  await saveKey();
  await storeTwentyPins(worker);
  const popup = await openExtensionPage('popup');
  const pins = pinnedList(popup).getByRole('listitem');
  await expect(pins).toHaveText(['Offer 100 × Sunrise Media', 'Offer 101 × Sunrise Media', 'Offer 102 × Sunrise Media']);
  await popup.getByRole('button', { name: 'Show all 20' }).click();
  await expect(pins).toHaveCount(20);
  // All twenty still leave the popup within its 600 px: its content scrolls inside.
  await popup.setViewportSize({ width: 400, height: 200 });
  expect(await popup.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(600);
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.getByRole('button', { name: 'Show fewer' }).click();

  await generate(popup, '42', '7', ['Summer Sale – US – CPA', 'Sunrise Media']);
  await popup.getByRole('button', { name: 'Pin', exact: true }).click();
  await expect(popup.getByRole('status')).toHaveText('You can pin up to 20 pairs; unpin one first.');
  await expect(popup.getByRole('button', { name: 'Pin', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await expectAccessible(popup);
});
