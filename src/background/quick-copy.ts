// One action shared by the right-click menu and the keyboard command: copy the link for an offer or a
// smart link with the last (or a chosen) affiliate, or open the builder when there is no affiliate to use.
import { TARGET_FIELDS, type LinkTarget } from '../everflow/link-fields';
import { EMPTY_FORM } from '../shared/link/link-form';
import type { Surface } from '../shared/history/history';
import { pendingPrefillItem } from '../shared/link/prefill';
import { recentAffiliatesItem } from '../shared/history/recent-affiliates';
import { announce, failureNotice } from './feedback';
import { generateLink } from './link-generation';
import { completeNames, withCachedNames } from './link-names';
import { waitNotice } from './rate-limit-notice';
import { namesFromHistory, historyItem } from '../shared/history/history';

export const NO_OFFER_HERE =
  'This page does not name an offer or a smart link; open one in the Everflow dashboard, or use the link builder.';

export async function openBuilder(target?: LinkTarget): Promise<void> {
  // The popup reads this once; it wins over the page behind it, which may name another offer.
  if (target) await pendingPrefillItem.set({ [TARGET_FIELDS[target.type]]: target.id, at: Date.now() });
  try {
    await chrome.action.openPopup();
  } catch {
    // No focused browser window, or an older Chrome: a small window with the same page.
    const popup = chrome.runtime.getManifest().action?.default_popup ?? 'src/popup/popup.html';
    await chrome.windows.create({ url: chrome.runtime.getURL(popup), type: 'popup', width: 420, height: 640 });
  }
}

/** `surface` says who asked ('menu' or 'keyboard'), for the history. */
export async function quickCopy(surface: Surface, target: LinkTarget | undefined, affiliateId?: number): Promise<void> {
  if (target === undefined) {
    await announce(failureNotice(NO_OFFER_HERE));
    return;
  }
  const affiliate = affiliateId ?? (await recentAffiliatesItem.value())[0];
  if (affiliate === undefined) {
    await openBuilder(target);
    return;
  }
  // Names seen earlier (the history, else the look-up cache: no request, so the copy never waits for
  // one) go with the link into the history and the notification.
  const known = namesFromHistory(await historyItem.value());
  const fromHistory = {
    offer: target.type === 'offer' ? known.offers.get(target.id) : undefined,
    campaign: target.type === 'smart' ? known.campaigns.get(target.id) : undefined,
    affiliate: known.affiliates.get(affiliate),
  };
  const names = await withCachedNames(
    target.type,
    target.id,
    affiliate,
    Object.fromEntries(Object.entries(fromHistory).filter(([, name]) => name !== undefined)),
  );
  // A wait for Everflow's rate limit counts down on the toolbar badge; the result replaces it.
  const notice = waitNotice(surface);
  const outcome = await generateLink(
    { ...EMPTY_FORM, linkType: target.type, [TARGET_FIELDS[target.type]]: String(target.id), affiliateId: String(affiliate) },
    surface,
    { names, onWait: notice.onWait },
  ).finally(notice.stop);
  await announce(outcome);
  // Names neither knew are looked up after the copy, for the history entry (one request each at most).
  if (outcome.ok) await completeNames(outcome);
}
