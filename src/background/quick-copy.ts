// The right-click menu's and the keyboard's one action: copy the link for an offer or a smart link
// with the account of the page (its dashboard host, else the last used) and its last (or a chosen)
// affiliate, or open the builder when there is no affiliate to use. A partner's link needs none.
import { MESSAGES, failure } from '../everflow/failures';
import { TARGET_FIELDS, inputFor, type LinkTarget } from '../everflow/link-fields';
import { historyItem, namesFromHistory, type Surface } from '../shared/history/history';
import { recentAffiliatesItem, recentOf } from '../shared/history/recent-affiliates';
import { pendingPrefillItem } from '../shared/link/prefill';
import { chooseAccount } from './accounts';
import { announce, failureNotice } from './feedback';
import { withCachedNames } from './link-names';
import { notifyingReporter } from './link-reporter';
import { makeLink } from './make-link';

export const NO_OFFER_HERE =
  'This page does not name an offer or a smart link; open one in the Everflow dashboard, or use the link builder.';
export const PARTNER_NO_SMART_LINKS = 'A partner key makes links to offers only; open an offer’s page, or use the link builder.';

/** Opens the popup, showing `target` with `accountId` when given (the page's own account). */
export async function openBuilder(target?: LinkTarget, accountId?: string): Promise<void> {
  // The popup reads this once; it wins over the page behind it, which may name another offer.
  if (target)
    await pendingPrefillItem.set({ [TARGET_FIELDS[target.type]]: target.id, ...(accountId ? { accountId } : {}), at: Date.now() });
  try {
    await chrome.action.openPopup();
  } catch {
    // No focused browser window, or an older Chrome: a small window with the same page.
    const popup = chrome.runtime.getManifest().action?.default_popup ?? 'src/popup/popup.html';
    await chrome.windows.create({ url: chrome.runtime.getURL(popup), type: 'popup', width: 420, height: 640 });
  }
}

/** What a page asks for: the offer or smart link it names, and its address (which says its account). */
export interface PageAsk {
  target: LinkTarget | undefined;
  url: string | undefined;
}

/** `surface` says who asked ('menu' or 'keyboard'), for the history. */
export async function quickCopy(surface: Surface, { target, url }: PageAsk, affiliateId?: number): Promise<void> {
  if (target === undefined) return announce(failureNotice(NO_OFFER_HERE));
  const account = await chooseAccount({ url });
  // A no-key failure: its notification leads to the options page's accounts.
  if (!account) return announce(failure('no-key', MESSAGES.noKey));
  const partner = account.kind === 'partner';
  if (partner && target.type === 'smart') return announce(failureNotice(PARTNER_NO_SMART_LINKS));
  const affiliate = partner ? 0 : (affiliateId ?? recentOf(await recentAffiliatesItem.value(), account.id)[0]);
  if (affiliate === undefined) return openBuilder(target, account.id);
  // Names seen earlier (the account's history, else the look-up cache: no request, so the copy never waits
  // for one) go with the link into the history and the notification; make-link.ts looks up the rest after the copy.
  const known = namesFromHistory((await historyItem.value()).filter((entry) => entry.accountId === account.id));
  const fromHistory = {
    offer: target.type === 'offer' ? known.offers.get(target.id) : undefined,
    campaign: target.type === 'smart' ? known.campaigns.get(target.id) : undefined,
    affiliate: partner ? undefined : known.affiliates.get(affiliate),
  };
  const input = inputFor(partner ? { type: 'partner', id: target.id } : target, affiliate);
  const names = await withCachedNames(account.id, input, Object.fromEntries(Object.entries(fromHistory).filter(([, name]) => name)));
  await makeLink(input, surface, notifyingReporter(), { accountId: account.id, names });
}
