// The right-click menu on dashboard pages: offers and smart links. `buildMenu` is pure (unit-tested); the rest registers
// it, keeps the page item's title in step with the tab in front, and handles clicks.
import type { LinkTarget } from '../everflow/link-fields';
import { dashboardMatchPatterns, pageTarget, readDashboardUrl, toId } from '../shared/dashboard/dashboard-url';
import type { Account } from '../shared/accounts/accounts';
import { namesFromHistory, type KnownNames, historyItem } from '../shared/history/history';
import { recentAffiliatesItem, recentOf } from '../shared/history/recent-affiliates';
import { chooseAccount, readAccounts } from './accounts';
import { knownDashboardDomains } from './dashboard-access';
import { announce, failureNotice } from './feedback';
import { NO_OFFER_HERE, openBuilder, quickCopy } from './quick-copy';

export const MENU = {
  page: 'copy-for-page',
  link: 'copy-for-link',
  smartLink: 'copy-for-smart-link',
  selection: 'copy-for-selection',
  otherAffiliate: 'copy-for-other-affiliate',
  builder: 'open-builder',
} as const;
const AFFILIATE_PREFIX = 'affiliate-';

type Context = chrome.contextMenus.ContextType;
const ALL: [Context, ...Context[]] = ['page', 'link', 'selection'] as [Context, ...Context[]];

export interface MenuState {
  /** The recent affiliates of the account the tab in front belongs to (none for a partner's: its links are its own). */
  recentAffiliates: readonly number[];
  /** The tab in front belongs to a partner's account: its links need no affiliate, and it has no smart links. */
  partner?: boolean | undefined;
  /** Every account's dashboard domains: the menu shows on any of them. */
  dashboardDomains: readonly string[];
  /** The offer or smart link named by the dashboard tab in front, when known. */
  pageTarget?: LinkTarget | undefined;
  /** Names from the history, so items can say "Acme Shoes" rather than only "offer 1842". */
  names?: KnownNames | undefined;
}

const targetLabel = ({ type, id }: LinkTarget, state: MenuState) => {
  const kind = type === 'smart' ? 'smart link' : 'offer';
  const name = (type === 'smart' ? state.names?.campaigns : state.names?.offers)?.get(id);
  return name ? `${name} (${kind} ${id})` : `${kind} ${id}`;
};
const affiliateLabel = (id: number, state: MenuState) => {
  const name = state.names?.affiliates.get(id);
  return name ? `${name} (affiliate ${id})` : `affiliate ${id}`;
};

/** " (affiliate 7)", or " for Jolly Media (affiliate 7)" when the name is known. */
const forAffiliate = (id: number, state: MenuState) => {
  const name = state.names?.affiliates.get(id);
  return name ? ` for ${name} (affiliate ${id})` : ` (affiliate ${id})`;
};

export function pageItemTitle(state: MenuState): string {
  const target = state.pageTarget;
  const what = target === undefined ? 'this page’s offer' : targetLabel(target, state);
  const link = target?.type === 'smart' ? 'smart link' : 'tracking link';
  if (state.partner) return `Copy my ${link} for ${what}`;
  const affiliate = state.recentAffiliates[0];
  return affiliate === undefined ? `Build a ${link} for ${what}…` : `Copy ${link} for ${what}${forAffiliate(affiliate, state)}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Every menu item, in order. Without a last affiliate the copy items say they open the builder. */
export function buildMenu(state: MenuState): chrome.contextMenus.CreateProperties[] {
  const documentUrlPatterns = dashboardMatchPatterns(state.dashboardDomains);
  const last = state.recentAffiliates[0];
  // A partner's link is its own: nothing to choose, so every item copies.
  const suffix = state.partner ? '' : last === undefined ? '…' : forAffiliate(last, state);
  const verb = state.partner ? 'Copy my tracking link' : last === undefined ? 'Build a tracking link' : 'Copy tracking link';
  const items: chrome.contextMenus.CreateProperties[] = [
    { id: MENU.page, title: pageItemTitle(state), contexts: ['page'], documentUrlPatterns },
    {
      id: MENU.link,
      title: `${verb} for the linked offer${suffix}`,
      contexts: ['link'],
      documentUrlPatterns,
      // Offer links inside the dashboard; anything else is not an offer.
      targetUrlPatterns: documentUrlPatterns.map((pattern) => pattern.replace(/\/\*$/, '/*offer*')),
    },
    ...smartLinkItem(state, last, suffix, documentUrlPatterns),
    { id: MENU.selection, title: `${verb} for offer “%s”${suffix}`, contexts: ['selection'], documentUrlPatterns },
  ];
  if (state.recentAffiliates.length > 0 && !state.partner) {
    items.push({ id: MENU.otherAffiliate, title: 'Copy tracking link for affiliate', contexts: ALL, documentUrlPatterns });
    for (const id of state.recentAffiliates) {
      items.push({
        id: `${AFFILIATE_PREFIX}${id}`,
        parentId: MENU.otherAffiliate,
        title: capitalise(affiliateLabel(id, state)),
        contexts: ALL,
        documentUrlPatterns,
      });
    }
  }
  items.push({ id: MENU.builder, title: 'Open link builder…', contexts: ALL, documentUrlPatterns });
  return items;
}

/** The item for a linked smart link; none for a partner, whose key makes no smart links. */
function smartLinkItem(
  state: MenuState,
  last: number | undefined,
  suffix: string,
  documentUrlPatterns: string[],
): chrome.contextMenus.CreateProperties[] {
  if (state.partner) return [];
  return [
    {
      id: MENU.smartLink,
      title: last === undefined ? 'Build a link for the linked smart link…' : `Copy the linked smart link${suffix}`,
      contexts: ['link'],
      documentUrlPatterns,
      // Smart-link pages, however the dashboard spells them (smartlinks, smart-links, campaigns).
      targetUrlPatterns: documentUrlPatterns.flatMap((pattern) =>
        ['/*smart*', '/*campaign*'].map((path) => pattern.replace(/\/\*$/, path)),
      ),
    },
  ];
}

/** Which offer or smart link a click is about: the selection (an offer ID), else the link, else the page. */
export function targetForClick(info: chrome.contextMenus.OnClickData, dashboardDomains: readonly string[]): LinkTarget | undefined {
  if (info.selectionText !== undefined) {
    const id = toId(info.selectionText);
    return id === undefined ? undefined : { type: 'offer', id };
  }
  return pageTarget(readDashboardUrl(info.linkUrl ?? info.pageUrl, dashboardDomains));
}

type PageState = Pick<MenuState, 'recentAffiliates' | 'partner' | 'dashboardDomains' | 'pageTarget'> & { account: Account | undefined };

/** The dashboard tab in front, its account and that account's recent affiliates: all a tab switch can change in the menu. */
async function pageState(): Promise<PageState> {
  const [recent, accounts, tabs] = await Promise.all([
    recentAffiliatesItem.value(),
    readAccounts(),
    chrome.tabs.query({ active: true, lastFocusedWindow: true }),
  ]);
  const url = tabs[0]?.url;
  const [dashboardDomains, account] = await Promise.all([knownDashboardDomains(accounts), chooseAccount({ url })]);
  return {
    account,
    partner: account?.kind === 'partner',
    recentAffiliates: account?.kind === 'partner' ? [] : recentOf(recent, account?.id),
    dashboardDomains,
    pageTarget: pageTarget(readDashboardUrl(url, dashboardDomains)),
  };
}

/** Names from the account's own history: another network's offer 42 is another offer. */
const namesOf = async (account: Account | undefined) =>
  namesFromHistory((await historyItem.value()).filter((entry) => entry.accountId === account?.id));

async function menuState(): Promise<MenuState & { account: Account | undefined }> {
  const state = await pageState();
  return { ...state, names: await namesOf(state.account) };
}

/**
 * What the page item's title was last made for (the page's offer or smart link and the last
 * affiliate), so a tab switch that changes neither reads no history and writes no menu. A change of
 * names or settings rebuilds the whole menu (registerMenu), which sets it again.
 */
let titleMadeFor: string | undefined;
const titleKey = ({ pageTarget: target, recentAffiliates }: Pick<MenuState, 'pageTarget' | 'recentAffiliates'>) =>
  JSON.stringify([target?.type, target?.id, recentAffiliates[0]]);
/** The account the whole menu was last built for: another account's tab has other items (its affiliates, or none). */
let menuMadeFor: string | undefined;

let rebuilding: Promise<void> = Promise.resolve();
let waiting: Promise<void> | undefined;

/**
 * Removes and recreates every item. Rebuilds run one after another; a request made while one is still
 * waiting its turn joins it (that rebuild reads the state when it starts, so it covers both), and a
 * failed rebuild does not stop later ones.
 */
export function registerMenu(): Promise<void> {
  if (waiting) return waiting;
  const next = rebuilding.then(async () => {
    waiting = undefined;
    const state = await menuState();
    titleMadeFor = titleKey(state);
    menuMadeFor = state.account?.id;
    await chrome.contextMenus.removeAll();
    for (const item of buildMenu(state)) {
      await new Promise<void>((resolve) => chrome.contextMenus.create(item, () => resolve(void chrome.runtime.lastError)));
    }
  });
  waiting = next;
  rebuilding = next.catch(() => undefined);
  return next;
}

/** Keeps "Copy tracking link for offer N" naming the offer (or smart link) of the tab in front. */
export async function refreshPageItem(): Promise<void> {
  const page = await pageState();
  if (page.account?.id !== menuMadeFor) return void registerMenu();
  const key = titleKey(page);
  if (key === titleMadeFor) return;
  titleMadeFor = key;
  const names = await namesOf(page.account);
  try {
    await chrome.contextMenus.update(MENU.page, { title: pageItemTitle({ ...page, names }) });
  } catch {
    // The menu is being rebuilt; the rebuild uses the same state.
  }
}

export async function onMenuClick(info: chrome.contextMenus.OnClickData): Promise<void> {
  const accounts = await readAccounts();
  const target = targetForClick(info, await knownDashboardDomains(accounts));
  const menuId = String(info.menuItemId);
  if (menuId === MENU.builder) return openBuilder(target);
  if (info.selectionText !== undefined && target === undefined) {
    const shown = info.selectionText.trim().slice(0, 40);
    return announce(failureNotice(`“${shown}” is not an offer ID; select a whole number such as 1842.`));
  }
  if (target === undefined) return announce(failureNotice(NO_OFFER_HERE));
  const chosen = menuId.startsWith(AFFILIATE_PREFIX) ? toId(menuId.slice(AFFILIATE_PREFIX.length)) : undefined;
  return quickCopy('menu', { target, url: info.pageUrl, accounts }, chosen);
}
