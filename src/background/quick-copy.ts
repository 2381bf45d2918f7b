// The right-click menu's and the keyboard's one action: copy the link for an offer or a smart link
// with the last (or a chosen) affiliate, or open the builder when there is no affiliate to use.
import { TARGET_FIELDS, inputFor, type LinkTarget } from '../everflow/link-fields';
import { historyItem, namesFromHistory, type Surface } from '../shared/history/history';
import { recentAffiliatesItem } from '../shared/history/recent-affiliates';
import { pendingPrefillItem } from '../shared/link/prefill';
import { announce, failureNotice } from './feedback';
import { withCachedNames } from './link-names';
import { notifyingReporter } from './link-reporter';
import { makeLink } from './make-link';

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
  if (target === undefined) return announce(failureNotice(NO_OFFER_HERE));
  const affiliate = affiliateId ?? (await recentAffiliatesItem.value())[0];
  if (affiliate === undefined) return openBuilder(target);
  // Names seen earlier (the history, else the look-up cache: no request, so the copy never waits for
  // one) go with the link into the history and the notification; make-link.ts looks up the rest after the copy.
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
    Object.fromEntries(Object.entries(fromHistory).filter(([, name]) => name)),
  );
  await makeLink(inputFor(target, affiliate), surface, notifyingReporter(), { names });
}
