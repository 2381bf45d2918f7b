// One action shared by the right-click menu and the keyboard command: copy the link for an offer
// with the last (or a chosen) affiliate, or open the builder when there is no affiliate to use.
import { EMPTY_FORM } from '../shared/link-form';
import type { Surface } from '../shared/link-history';
import { pendingPrefillItem, recentAffiliatesItem } from '../shared/stored-items';
import { announce, failureNotice } from './feedback';
import { generateLink } from './link-generation';
import { waitNotice } from './rate-limit-notice';
import { namesFromHistory } from '../shared/link-history';
import { historyItem } from '../shared/link-history';

export const NO_OFFER_HERE =
  'This page does not name an offer; open an offer in the Everflow dashboard, or use the link builder.';

export async function openBuilder(offerId?: number): Promise<void> {
  // The popup reads this once; it wins over the page behind it, which may name another offer.
  if (offerId !== undefined) await pendingPrefillItem.set({ offerId, at: Date.now() });
  try {
    await chrome.action.openPopup();
  } catch {
    // No focused browser window, or an older Chrome: a small window with the same page.
    const popup = chrome.runtime.getManifest().action?.default_popup ?? 'src/popup/popup.html';
    await chrome.windows.create({ url: chrome.runtime.getURL(popup), type: 'popup', width: 420, height: 640 });
  }
}

/** `surface` says who asked ('menu' or 'keyboard'), for the history. */
export async function quickCopy(surface: Surface, offerId: number | undefined, affiliateId?: number): Promise<void> {
  if (offerId === undefined) {
    await announce(failureNotice(NO_OFFER_HERE));
    return;
  }
  const affiliate = affiliateId ?? (await recentAffiliatesItem.value())[0];
  if (affiliate === undefined) {
    await openBuilder(offerId);
    return;
  }
  // Names seen earlier (in the pickers) go with the link into the history and the notification.
  const known = namesFromHistory(await historyItem.value());
  const names = { offer: known.offers.get(offerId), affiliate: known.affiliates.get(affiliate) };
  // A wait for Everflow's rate limit counts down on the toolbar badge; the result replaces it.
  const notice = waitNotice(surface);
  const outcome = await generateLink(
    { ...EMPTY_FORM, offerId: String(offerId), affiliateId: String(affiliate) },
    surface,
    { ...(names.offer ? { offer: names.offer } : {}), ...(names.affiliate ? { affiliate: names.affiliate } : {}) },
    notice.onWait,
  ).finally(notice.stop);
  await announce(outcome);
}
