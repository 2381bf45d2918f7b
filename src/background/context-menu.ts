// The right-click menu on dashboard pages. `buildMenu` is pure (unit-tested); the rest registers
// it, keeps the page item's title in step with the tab in front, and handles clicks.
import { dashboardMatchPatterns, readDashboardUrl, toId } from '../shared/dashboard-url';
import { namesFromHistory, type KnownNames } from '../shared/link-history';
import { historyItem } from '../shared/link-history';
import { recentAffiliatesItem, settingsItem } from '../shared/stored-items';
import { announce, failureNotice } from './feedback';
import { NO_OFFER_HERE, openBuilder, quickCopy } from './quick-copy';

export const MENU = {
  page: 'copy-for-page',
  link: 'copy-for-link',
  selection: 'copy-for-selection',
  otherAffiliate: 'copy-for-other-affiliate',
  builder: 'open-builder',
} as const;
const AFFILIATE_PREFIX = 'affiliate-';

type Context = chrome.contextMenus.ContextType;
const ALL: [Context, ...Context[]] = ['page', 'link', 'selection'] as [Context, ...Context[]];

export interface MenuState {
  recentAffiliates: readonly number[];
  dashboardDomains: readonly string[];
  /** The offer named by the dashboard tab in front, when known. */
  pageOfferId?: number | undefined;
  /** Names from the history, so items can say "Acme Shoes" rather than only "offer 1842". */
  names?: KnownNames | undefined;
}

const offerLabel = (id: number, state: MenuState) => {
  const name = state.names?.offers.get(id);
  return name ? `${name} (offer ${id})` : `offer ${id}`;
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
  const offer = state.pageOfferId === undefined ? 'this page’s offer' : offerLabel(state.pageOfferId, state);
  const affiliate = state.recentAffiliates[0];
  return affiliate === undefined
    ? `Build a tracking link for ${offer}…`
    : `Copy tracking link for ${offer}${forAffiliate(affiliate, state)}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Every menu item, in order. Without a last affiliate the copy items say they open the builder. */
export function buildMenu(state: MenuState): chrome.contextMenus.CreateProperties[] {
  const documentUrlPatterns = dashboardMatchPatterns(state.dashboardDomains);
  const last = state.recentAffiliates[0];
  const suffix = last === undefined ? '…' : forAffiliate(last, state);
  const verb = last === undefined ? 'Build a tracking link' : 'Copy tracking link';
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
    { id: MENU.selection, title: `${verb} for offer “%s”${suffix}`, contexts: ['selection'], documentUrlPatterns },
  ];
  if (state.recentAffiliates.length > 0) {
    items.push({ id: MENU.otherAffiliate, title: 'Copy tracking link for affiliate', contexts: ALL, documentUrlPatterns });
    for (const id of state.recentAffiliates) {
      items.push({ id: `${AFFILIATE_PREFIX}${id}`, parentId: MENU.otherAffiliate, title: capitalise(affiliateLabel(id, state)), contexts: ALL, documentUrlPatterns });
    }
  }
  items.push({ id: MENU.builder, title: 'Open link builder…', contexts: ALL, documentUrlPatterns });
  return items;
}

/** Which offer a click is about: the selection, else the link, else the page. */
export function offerForClick(info: chrome.contextMenus.OnClickData, dashboardDomains: readonly string[]): number | undefined {
  if (info.selectionText !== undefined) return toId(info.selectionText);
  if (info.linkUrl !== undefined) return readDashboardUrl(info.linkUrl, dashboardDomains)?.offerId;
  return readDashboardUrl(info.pageUrl, dashboardDomains)?.offerId;
}

async function menuState(): Promise<MenuState> {
  const [recentAffiliates, settings, tabs, history] = await Promise.all([
    recentAffiliatesItem.value(),
    settingsItem.value(),
    chrome.tabs.query({ active: true, lastFocusedWindow: true }),
    historyItem.value(),
  ]);
  const pageOfferId = readDashboardUrl(tabs[0]?.url, settings.dashboardDomains)?.offerId;
  return { recentAffiliates, dashboardDomains: settings.dashboardDomains, pageOfferId, names: namesFromHistory(history) };
}

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
    await chrome.contextMenus.removeAll();
    for (const item of buildMenu(state)) {
      await new Promise<void>((resolve) => chrome.contextMenus.create(item, () => resolve(void chrome.runtime.lastError)));
    }
  });
  waiting = next;
  rebuilding = next.catch(() => undefined);
  return next;
}

/** Keeps "Copy tracking link for offer N" naming the offer of the tab in front. */
export async function refreshPageItem(): Promise<void> {
  const state = await menuState();
  try {
    await chrome.contextMenus.update(MENU.page, { title: pageItemTitle(state) });
  } catch {
    // The menu is being rebuilt; the rebuild uses the same state.
  }
}

export async function onMenuClick(info: chrome.contextMenus.OnClickData): Promise<void> {
  const { dashboardDomains } = await settingsItem.value();
  const offerId = offerForClick(info, dashboardDomains);
  const menuId = String(info.menuItemId);
  if (menuId === MENU.builder) return openBuilder(offerId);
  if (info.selectionText !== undefined && offerId === undefined) {
    const shown = info.selectionText.trim().slice(0, 40);
    return announce(failureNotice(`“${shown}” is not an offer ID; select a whole number such as 1842.`));
  }
  if (offerId === undefined) return announce(failureNotice(NO_OFFER_HERE));
  const chosen = menuId.startsWith(AFFILIATE_PREFIX) ? toId(menuId.slice(AFFILIATE_PREFIX.length)) : undefined;
  return quickCopy('menu', offerId, chosen);
}
