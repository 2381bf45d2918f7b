import { describe, expect, it, vi } from 'vitest';
import { MENU, buildMenu, targetForClick, pageItemTitle, type MenuState } from './context-menu';

// storage-item imports webextension-polyfill, which throws outside a browser. The pure functions never use it.
vi.mock('webextension-polyfill', () => ({ default: {} }));

const EVERFLOW = 'https://*.everflowclient.io/*';
const ALL = ['page', 'link', 'selection'];

function click(fields: Partial<chrome.contextMenus.OnClickData>): chrome.contextMenus.OnClickData {
  return { menuItemId: MENU.page, editable: false, ...fields };
}

describe('MENU', () => {
  it('has stable item ids', () => {
    expect(MENU).toStrictEqual({
      page: 'copy-for-page',
      link: 'copy-for-link',
      smartLink: 'copy-for-smart-link',
      selection: 'copy-for-selection',
      otherAffiliate: 'copy-for-other-affiliate',
      builder: 'open-builder',
    });
  });
});

describe('pageItemTitle', () => {
  it.each<[string, MenuState, string]>([
    ['no offer, no affiliate', { recentAffiliates: [], dashboardDomains: [] }, 'Build a tracking link for this page’s offer…'],
    [
      'an offer, no affiliate',
      { recentAffiliates: [], dashboardDomains: [], pageTarget: { type: 'offer', id: 42 } },
      'Build a tracking link for offer 42…',
    ],
    ['no offer, an affiliate', { recentAffiliates: [7], dashboardDomains: [] }, 'Copy tracking link for this page’s offer (affiliate 7)'],
    [
      'an offer and several affiliates (the first is the last used)',
      { recentAffiliates: [7, 12, 3], dashboardDomains: [], pageTarget: { type: 'offer', id: 42 } },
      'Copy tracking link for offer 42 (affiliate 7)',
    ],
    [
      'an explicitly unknown offer',
      { recentAffiliates: [913], dashboardDomains: [], pageTarget: undefined },
      'Copy tracking link for this page’s offer (affiliate 913)',
    ],
  ])('%s', (_, state, expected) => {
    expect(pageItemTitle(state)).toBe(expected);
  });
});

describe('buildMenu', () => {
  it('without recent affiliates: page, link, selection and builder items that say they build', () => {
    const patterns = [EVERFLOW];
    expect(buildMenu({ recentAffiliates: [], dashboardDomains: [] })).toStrictEqual([
      { id: 'copy-for-page', title: 'Build a tracking link for this page’s offer…', contexts: ['page'], documentUrlPatterns: patterns },
      {
        id: 'copy-for-link',
        title: 'Build a tracking link for the linked offer…',
        contexts: ['link'],
        documentUrlPatterns: patterns,
        targetUrlPatterns: ['https://*.everflowclient.io/*offer*'],
      },
      {
        id: 'copy-for-smart-link',
        title: 'Build a link for the linked smart link…',
        contexts: ['link'],
        documentUrlPatterns: patterns,
        targetUrlPatterns: ['https://*.everflowclient.io/*smart*', 'https://*.everflowclient.io/*campaign*'],
      },
      { id: 'copy-for-selection', title: 'Build a tracking link for offer “%s”…', contexts: ['selection'], documentUrlPatterns: patterns },
      { id: 'open-builder', title: 'Open link builder…', contexts: ALL, documentUrlPatterns: patterns },
    ]);
  });

  it('with recent affiliates: copy items name the last one, and a submenu offers each', () => {
    const patterns = [EVERFLOW, 'https://links.acme.com/*'];
    expect(
      buildMenu({ recentAffiliates: [7, 12], dashboardDomains: ['links.acme.com'], pageTarget: { type: 'offer', id: 42 } }),
    ).toStrictEqual([
      { id: 'copy-for-page', title: 'Copy tracking link for offer 42 (affiliate 7)', contexts: ['page'], documentUrlPatterns: patterns },
      {
        id: 'copy-for-link',
        title: 'Copy tracking link for the linked offer (affiliate 7)',
        contexts: ['link'],
        documentUrlPatterns: patterns,
        targetUrlPatterns: ['https://*.everflowclient.io/*offer*', 'https://links.acme.com/*offer*'],
      },
      {
        id: 'copy-for-smart-link',
        title: 'Copy the linked smart link (affiliate 7)',
        contexts: ['link'],
        documentUrlPatterns: patterns,
        targetUrlPatterns: [
          'https://*.everflowclient.io/*smart*',
          'https://*.everflowclient.io/*campaign*',
          'https://links.acme.com/*smart*',
          'https://links.acme.com/*campaign*',
        ],
      },
      {
        id: 'copy-for-selection',
        title: 'Copy tracking link for offer “%s” (affiliate 7)',
        contexts: ['selection'],
        documentUrlPatterns: patterns,
      },
      { id: 'copy-for-other-affiliate', title: 'Copy tracking link for affiliate', contexts: ALL, documentUrlPatterns: patterns },
      { id: 'affiliate-7', parentId: 'copy-for-other-affiliate', title: 'Affiliate 7', contexts: ALL, documentUrlPatterns: patterns },
      { id: 'affiliate-12', parentId: 'copy-for-other-affiliate', title: 'Affiliate 12', contexts: ALL, documentUrlPatterns: patterns },
      { id: 'open-builder', title: 'Open link builder…', contexts: ALL, documentUrlPatterns: patterns },
    ]);
  });

  it('has no affiliate submenu and no child items without recent affiliates', () => {
    const items = buildMenu({ recentAffiliates: [], dashboardDomains: ['links.acme.com'], pageTarget: { type: 'offer', id: 42 } });
    expect(items.map((item) => item.id)).toStrictEqual([
      'copy-for-page',
      'copy-for-link',
      'copy-for-smart-link',
      'copy-for-selection',
      'open-builder',
    ]);
    expect(items.filter((item) => item.parentId !== undefined)).toStrictEqual([]);
  });

  it('lists every white-label domain on every item, in order', () => {
    const domains = ['links.acme.com', 'portal.example.org'];
    const items = buildMenu({ recentAffiliates: [5], dashboardDomains: domains });
    expect(items).toHaveLength(7);
    for (const item of items) {
      expect(item.documentUrlPatterns).toStrictEqual([EVERFLOW, 'https://links.acme.com/*', 'https://portal.example.org/*']);
    }
    expect(items[1]!.targetUrlPatterns).toStrictEqual([
      'https://*.everflowclient.io/*offer*',
      'https://links.acme.com/*offer*',
      'https://portal.example.org/*offer*',
    ]);
  });

  it('gives every child of the submenu its parent, and only children have one', () => {
    const items = buildMenu({ recentAffiliates: [3, 1, 2], dashboardDomains: [] });
    const children = items.filter((item) => item.parentId !== undefined);
    expect(children.map((item) => [item.id, item.parentId, item.title])).toStrictEqual([
      ['affiliate-3', MENU.otherAffiliate, 'Affiliate 3'],
      ['affiliate-1', MENU.otherAffiliate, 'Affiliate 1'],
      ['affiliate-2', MENU.otherAffiliate, 'Affiliate 2'],
    ]);
    // The parent comes before its children, as chrome.contextMenus.create needs.
    const parentIndex = items.findIndex((item) => item.id === MENU.otherAffiliate);
    expect(parentIndex).toBe(4);
    expect(items.findIndex((item) => item.parentId !== undefined)).toBe(parentIndex + 1);
  });

  it('only targets links on the link items', () => {
    const items = buildMenu({ recentAffiliates: [7], dashboardDomains: [] });
    expect(items.filter((item) => item.targetUrlPatterns !== undefined).map((item) => item.id)).toStrictEqual([MENU.link, MENU.smartLink]);
  });

  it('gives every item a unique id', () => {
    const ids = buildMenu({ recentAffiliates: [7, 12, 3], dashboardDomains: ['links.acme.com'] }).map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('does not change its input', () => {
    const state: MenuState = { recentAffiliates: [7], dashboardDomains: ['links.acme.com'], pageTarget: { type: 'offer', id: 42 } };
    const copy = structuredClone(state);
    buildMenu(state);
    expect(state).toStrictEqual(copy);
  });
});

describe('targetForClick', () => {
  const domains = ['links.acme.com'];
  const page = 'https://acme.everflowclient.io/offers/1';

  it.each<[string, Partial<chrome.contextMenus.OnClickData>, number | undefined]>([
    ['a smart link page is not an offer', { pageUrl: 'https://acme.everflowclient.io/smartlinks/5' }, undefined],
    ['the page offer', { pageUrl: page }, 1],
    ['a hash-route page', { pageUrl: 'https://acme.everflowclient.io/#/offers/5' }, 5],
    ['a white-label page', { pageUrl: 'https://links.acme.com/offers/6' }, 6],
    ['a page naming only an affiliate', { pageUrl: 'https://acme.everflowclient.io/partners/9' }, undefined],
    ['a page outside the dashboard', { pageUrl: 'https://example.com/offers/1' }, undefined],
    ['no page URL at all', {}, undefined],
    ['a link over the page', { pageUrl: page, linkUrl: 'https://acme.everflowclient.io/offers/2/general' }, 2],
    ['a white-label link', { pageUrl: page, linkUrl: 'https://links.acme.com/affiliates/7/offers/8' }, 8],
    ['a link outside the dashboard, not falling back to the page', { pageUrl: page, linkUrl: 'https://example.com/offers/2' }, undefined],
    [
      'a dashboard link naming no offer, not falling back to the page',
      { pageUrl: page, linkUrl: 'https://acme.everflowclient.io/partners/9' },
      undefined,
    ],
    ['a selection over a link and the page', { pageUrl: page, linkUrl: 'https://acme.everflowclient.io/offers/2', selectionText: '3' }, 3],
    ['a selection with spaces around it', { pageUrl: page, selectionText: '  1842 \n' }, 1842],
    [
      'a selection that is not an ID, not falling back',
      { pageUrl: page, linkUrl: 'https://acme.everflowclient.io/offers/2', selectionText: 'Offer 3' },
      undefined,
    ],
    ['a selection of 0', { pageUrl: page, selectionText: '0' }, undefined],
    ['a selection too large', { pageUrl: page, selectionText: '2147483648' }, undefined],
    ['an empty selection', { pageUrl: page, selectionText: '' }, undefined],
  ])('%s', (_, fields, expected) => {
    const target = targetForClick(click(fields), domains);
    expect(target?.type === 'offer' ? target.id : undefined).toBe(expected);
  });

  it.each<[string, Partial<chrome.contextMenus.OnClickData>, number]>([
    ['a smart link page', { pageUrl: 'https://acme.everflowclient.io/smartlinks/5' }, 5],
    ['a campaigns page on a white-label domain', { pageUrl: 'https://links.acme.com/campaigns/6/reporting' }, 6],
    ['a link to a smart link over an offer page', { pageUrl: page, linkUrl: 'https://acme.everflowclient.io/smart-links/7' }, 7],
  ])('smart links: %s', (_, fields, expected) => {
    expect(targetForClick(click(fields), domains)).toStrictEqual({ type: 'smart', id: expected });
  });

  it('ignores a white-label link when the domain was not added', () => {
    expect(targetForClick(click({ linkUrl: 'https://links.acme.com/offers/8' }), [])).toBeUndefined();
  });
});

describe('smart links in the menu', () => {
  it('names the smart link in front, with its name when known', () => {
    const smart = { type: 'smart', id: 5 } as const;
    expect(pageItemTitle({ recentAffiliates: [], dashboardDomains: [], pageTarget: smart })).toBe('Build a smart link for smart link 5…');
    expect(pageItemTitle({ recentAffiliates: [7], dashboardDomains: [], pageTarget: { type: 'smart', id: 6 } })).toBe(
      'Copy smart link for smart link 6 (affiliate 7)',
    );
    const names = { offers: new Map(), campaigns: new Map([[5, 'Summer smart link']]), affiliates: new Map([[7, 'Jolly Media']]) };
    expect(pageItemTitle({ recentAffiliates: [7], dashboardDomains: [], pageTarget: smart, names })).toBe(
      'Copy smart link for Summer smart link (smart link 5) for Jolly Media (affiliate 7)',
    );
  });
});

describe('names in the menu', () => {
  const named: MenuState = {
    recentAffiliates: [7, 8],
    dashboardDomains: [],
    pageTarget: { type: 'offer', id: 42 },
    names: {
      offers: new Map([[42, 'Acme Shoes – US – CPA']]),
      campaigns: new Map([[5, 'Summer smart link']]),
      affiliates: new Map([[7, 'Jolly Media']]),
    },
  };

  it('says names where the history knows them, and IDs where it does not', () => {
    expect(pageItemTitle(named)).toBe('Copy tracking link for Acme Shoes – US – CPA (offer 42) for Jolly Media (affiliate 7)');
    const items = buildMenu(named);
    expect(items.find((item) => item.id === MENU.selection)?.title).toBe('Copy tracking link for offer “%s” for Jolly Media (affiliate 7)');
    expect(items.filter((item) => item.parentId === MENU.otherAffiliate).map((item) => item.title)).toStrictEqual([
      'Jolly Media (affiliate 7)',
      'Affiliate 8',
    ]);
  });
});
