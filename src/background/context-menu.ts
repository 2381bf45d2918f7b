// The right-click menu on dashboard pages: offers and smart links. `buildMenu` is pure (unit-tested); the rest registers
// it, keeps the page item's title in step with the tab in front, and handles clicks.
import type { LinkTarget } from '../everflow/link-fields';
import { dashboardMatchPatterns, pageTarget, readDashboardUrl, toId } from '../shared/dashboard/dashboard-url';
import { namesFromHistory, type KnownNames, historyItem } from '../shared/history/history';
import { recentAffiliatesItem } from '../shared/history/recent-affiliates';
import { settingsItem } from '../shared/settings/settings';
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
  recentAffiliates: readonly number[];
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
  const affiliate = state.recentAffiliates[0];
  return affiliate === undefined ? `Build a ${link} for ${what}…` : `Copy ${link} for ${what}${forAffiliate(affiliate, state)}`;
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
    { id: MENU.selection, title: `${verb} for offer “%s”${suffix}`, contexts: ['selection'], documentUrlPatterns },
  ];
  if (state.recentAffiliates.length > 0) {
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

/** Which offer or smart link a click is about: the selection (an offer ID), else the link, else the page. */
export function targetForClick(info: chrome.contextMenus.OnClickData, dashboardDomains: readonly string[]): LinkTarget | undefined {
  if (info.selectionText !== undefined) {
    const id = toId(info.selectionText);
    return id === undefined ? undefined : { type: 'offer', id };
  }
  return pageTarget(readDashboardUrl(info.linkUrl ?? info.pageUrl, dashboardDomains));
}

/** The settings and the dashboard tab in front: all a tab switch can change in the menu. */
async function pageState(): Promise<Pick<MenuState, 'recentAffiliates' | 'dashboardDomains' | 'pageTarget'>> {
  const [recentAffiliates, settings, tabs] = await Promise.all([
    recentAffiliatesItem.value(),
    settingsItem.value(),
    chrome.tabs.query({ active: true, lastFocusedWindow: true }),
  ]);
  const target = pageTarget(readDashboardUrl(tabs[0]?.url, settings.dashboardDomains));
  return { recentAffiliates, dashboardDomains: settings.dashboardDomains, pageTarget: target };
}

async function menuState(): Promise<MenuState> {
  const [state, history] = await Promise.all([pageState(), historyItem.value()]);
  return { ...state, names: namesFromHistory(history) };
}

/**
 * What the page item's title was last made for (the page's offer or smart link and the last
 * affiliate), so a tab switch that changes neither reads no history and writes no menu. A change of
 * names or settings rebuilds the whole menu (registerMenu), which sets it again.
 */
let titleMadeFor: string | undefined;
const titleKey = ({ pageTarget: target, recentAffiliates }: Pick<MenuState, 'pageTarget' | 'recentAffiliates'>) =>
  JSON.stringify([target?.type, target?.id, recentAffiliates[0]]);

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
  const key = titleKey(page);
  if (key === titleMadeFor) return;
  titleMadeFor = key;
  const names = namesFromHistory(await historyItem.value());
  try {
    await chrome.contextMenus.update(MENU.page, { title: pageItemTitle({ ...page, names }) });
  } catch {
    // The menu is being rebuilt; the rebuild uses the same state.
  }
}

export async function onMenuClick(info: chrome.contextMenus.OnClickData): Promise<void> {
  const { dashboardDomains } = await settingsItem.value();
  const target = targetForClick(info, dashboardDomains);
  const menuId = String(info.menuItemId);
  if (menuId === MENU.builder) return openBuilder(target);
  if (info.selectionText !== undefined && target === undefined) {
    const shown = info.selectionText.trim().slice(0, 40);
    return announce(failureNotice(`“${shown}” is not an offer ID; select a whole number such as 1842.`));
  }
  if (target === undefined) return announce(failureNotice(NO_OFFER_HERE));
  const chosen = menuId.startsWith(AFFILIATE_PREFIX) ? toId(menuId.slice(AFFILIATE_PREFIX.length)) : undefined;
  return quickCopy('menu', target, chosen);
}
