// The Firefox build in a real headless Firefox, against the Everflow simulator: the same user stories
// as the Chromium suite's main paths. `npm run test:firefox` (after `npm run build`).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { PARTNER_KEYS, linkFor } from '../fixtures/fake-everflow';
import {
  DASHBOARD,
  ORIGIN,
  TEST_KEY,
  chooseFromContextMenu,
  clickButton,
  control,
  eventually,
  fill,
  isChecked,
  pressShortcut,
  readClipboard,
  startEverflow,
  textsOf,
  valueOf,
  waitForText,
  waitUntil,
  withFirefox,
  type Session,
} from './firefox';

let everflow: Awaited<ReturnType<typeof startEverflow>>;
before(async () => {
  everflow = await startEverflow();
});
after(async () => {
  await everflow.server.close();
});

const LINK_FIELD = 'Your tracking link';

/** Where a tab is: puppeteer reports a moz-extension:// tab as about:blank, so the tab is asked. */
const locationOf = (page: Page) => page.evaluate(() => location.href).catch(() => '');

test('installing opens the options page, which welcomes a person with no key yet', () =>
  withFirefox(everflow, async ({ browser }) => {
    let welcome: Page | undefined;
    for (const end = Date.now() + 10_000; !welcome && Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 100))) {
      for (const page of await browser.pages()) if ((await locationOf(page)) === `${ORIGIN}/src/options/options.html`) welcome = page;
    }
    assert.ok(welcome, 'installing opened the options page');
    await waitUntil(
      welcome,
      'the welcome',
      (heading: string) => [...document.querySelectorAll('h2')].some((h) => h.textContent === heading),
      'Welcome: your first link in two steps',
    );
    await waitUntil(
      welcome,
      'the first link’s step, naming the shortcut',
      (shortcut: string) => document.querySelector('.welcome kbd')?.textContent === shortcut,
      'Ctrl+Shift+F',
    );
  }));

test('saves a key on the options page, which then shows it masked', () =>
  withFirefox(everflow, async ({ open, saveKey }) => {
    await saveKey();
    const options = await open('options');
    await waitUntil(options, 'the saved key, masked', (last4: string) => document.body.textContent!.includes(last4), TEST_KEY.slice(-4));
    assert.ok(!(await options.evaluate(() => document.body.innerHTML)).includes(TEST_KEY), 'the key is never shown in full');
  }));

test('the popup page makes a link: the documented request, the link on screen and on the clipboard', () =>
  withFirefox(everflow, async ({ everflow: sim, open, saveKey }) => {
    await saveKey();
    const popup = await open('popup');
    await fill(popup, 'Offer ID', ' 42 ');
    await fill(popup, 'Affiliate ID', '7');
    await fill(popup, 'Source ID', 'newsletter');
    await fill(popup, 'Sub 1', 'spring');
    await popup.keyboard.press('Enter');

    const link = linkFor(42, 7, { sub1: 'spring', source_id: 'newsletter' });
    await waitForText(popup, 'status', 'Copied to clipboard.');
    assert.equal(await valueOf(popup, LINK_FIELD), link);
    assert.equal(await readClipboard(popup), link);

    assert.equal(sim.linkRequests.length, 1);
    const [request] = sim.linkRequests;
    assert.equal(request!.method, 'POST');
    assert.equal(request!.url, 'https://api.eflow.team/v1/networks/tracking/offers/clicks');
    assert.equal(request!.headers['x-eflow-api-key'], TEST_KEY);
    assert.equal(request!.headers['content-type'], 'application/json');
    assert.deepEqual(request!.body, { network_offer_id: 42, network_affiliate_id: 7, source_id: 'newsletter', sub1: 'spring' });
  }));

test('an Everflow refusal is one plain sentence, and the typing is kept', () =>
  withFirefox(everflow, async ({ everflow: sim, open, saveKey }) => {
    await saveKey();
    const popup = await open('popup');
    // Offer 77 is private; affiliate 8 is not approved for it: Everflow answers 400 with its reason.
    await fill(popup, 'Offer ID', '77');
    await fill(popup, 'Affiliate ID', '8');
    await fill(popup, 'Sub 1', 'spring');
    await clickButton(popup, 'Generate link');

    // Everflow's own sentence first, then one short line on what to do.
    const alert = await waitForText(popup, 'alert', /^Everflow: /);
    assert.match(alert, /^Everflow: “[^”]+”\s*Check the IDs and options, then try again\.$/);
    assert.equal(sim.linkRequests.length, 1);
    assert.deepEqual(
      { offer: await valueOf(popup, 'Offer ID'), affiliate: await valueOf(popup, 'Affiliate ID'), sub1: await valueOf(popup, 'Sub 1') },
      { offer: '77', affiliate: '8', sub1: 'spring' },
    );
    assert.equal(await readClipboard(popup), '', 'nothing was copied');
  }));

test('a typed draft is kept when the popup closes and opens again', () =>
  withFirefox(everflow, async ({ everflow: sim, open, saveKey }) => {
    await saveKey();
    const first = await open('popup');
    await fill(first, 'Offer ID', '1842');
    await fill(first, 'Affiliate ID', '913');
    await fill(first, 'Source ID', 'newsletter');
    await fill(first, 'Sub 4', 'banner-b');
    // The names under the IDs arrive after typing and move the form down: a person clicks once it is still.
    await waitUntil(
      first,
      'the names shown',
      () => document.body.innerText.includes('Jolly Media') && document.body.innerText.includes('Acme Shoes'),
      null,
    );
    await clickButton(first, 'More options');
    await (await control(first, 'Encrypt parameters')).click();
    // The draft is saved as the person types: close once the last change (the box) is stored.
    await waitUntil(
      first,
      'the draft stored',
      async () => JSON.stringify(await chrome.storage.local.get('draft')).includes('"encryptParameters":true'),
      null,
    );
    await first.close();

    const again = await open('popup');
    await waitUntil(
      again,
      'the draft restored',
      () => (document.querySelector('input[name="offerId"]') as HTMLInputElement | null)?.value === '1842',
      null,
    );
    for (const [label, value] of Object.entries({
      'Offer ID': '1842',
      'Affiliate ID': '913',
      'Source ID': 'newsletter',
      'Sub 1': '',
      'Sub 4': 'banner-b',
    })) {
      assert.equal(await valueOf(again, label), value, label);
    }
    assert.equal(await isChecked(again, 'Encrypt parameters'), true);
    assert.deepEqual(await textsOf(again, 'alert'), []);
    assert.equal(sim.linkRequests.length, 0);

    await clickButton(again, 'Generate link');
    await waitForText(again, 'status', 'Copied to clipboard.');
    assert.equal(
      await valueOf(again, LINK_FIELD),
      linkFor(1842, 913, { sub4: 'banner-b', source_id: 'newsletter' }, { domain: 'trk.acme.example', encrypt: true }),
    );
  }));

test('finds an offer by name and picks it with the keyboard', () =>
  withFirefox(everflow, async ({ everflow: sim, open, saveKey }) => {
    await saveKey();
    const popup = await open('popup');
    await fill(popup, 'Offer ID', 'acme');
    const shown = await waitForText(popup, 'option', /^1842 · Acme Shoes – US – CPA/);
    assert.equal(shown, '1842 · Acme Shoes – US – CPA (active)');
    const searches = sim.requests.filter((r) => r.path === '/v1/networks/offerstable');
    assert.equal(searches.length, 1, 'one search per pause in typing');
    assert.deepEqual((searches[0]!.body as { search_terms: unknown }).search_terms, [{ search_type: 'name', value: 'acme' }]);

    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Enter');
    await waitUntil(
      popup,
      'the chosen offer in the field',
      () => document.body.textContent!.includes('Acme Shoes – US – CPA') && !document.querySelector('[role=listbox]'),
      null,
    );
    assert.equal(await valueOf(popup, 'Offer ID'), '1842');
    assert.equal(sim.linkRequests.length, 0, 'Enter chose; it did not submit');

    await fill(popup, 'Affiliate ID', '7');
    await clickButton(popup, 'Generate link');
    await waitForText(popup, 'status', 'Copied to clipboard.');
    assert.equal(await valueOf(popup, LINK_FIELD), linkFor(1842, 7, {}, { domain: 'trk.acme.example' }));
    assert.deepEqual(sim.linkRequests[0]!.body, { network_offer_id: 1842, network_affiliate_id: 7 });
  }));

test('a partner’s key: an offer found by name, the partner’s own link from the Affiliate API', () =>
  withFirefox(everflow, async ({ everflow: sim, open, saveKey }) => {
    await saveKey(PARTNER_KEYS.first[7]);
    const popup = await open('popup');
    await fill(popup, 'Offer ID', 'private');
    await waitForText(popup, 'option', /^77 · Private Club – CPS/);
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Enter');
    await waitUntil(popup, 'the chosen offer in the field', () => !document.querySelector('[role=listbox]'), null);
    assert.equal(await valueOf(popup, 'Offer ID'), '77');
    await clickButton(popup, 'Generate link');
    await waitForText(popup, 'status', 'Copied to clipboard.');
    const link = await valueOf(popup, LINK_FIELD);
    assert.match(link, /^https?:\/\//);
    assert.equal(await readClipboard(popup), link);
    assert.equal(sim.requests.at(-1)!.path, '/v1/affiliates/offers/77/url/0');
    assert.equal(sim.linkRequests.length, 0, 'no Network API link call');
  }));

test('a small bulk job finishes with every row linked once', () =>
  withFirefox(everflow, async ({ everflow: sim, open, saveKey }) => {
    await saveKey();
    const ids = [101, 102, 103, 104, 105, 106];
    const page = await open('src/bulk/bulk.html');
    await fill(page, 'Offer ID', '42');
    await fill(page, 'Affiliate IDs', ids.join(', '));
    await clickButton(page, `Generate ${ids.length} links`);
    await waitForText(page, 'status', /Finished: 6 links made, 0 failed\./, 30_000);
    for (const affiliate of ids) assert.equal(sim.log(42, affiliate).links, 1, `links for affiliate ${affiliate}`);
    assert.equal(sim.linkRequests.length, ids.length);
    const table = await page.evaluate(() => document.querySelector('table')?.textContent ?? '');
    for (const affiliate of ids) assert.ok(table.includes(linkFor(42, affiliate)), `row ${affiliate} shows its link`);
  }));

/** Makes a link for affiliate 7 in the popup, so the menu and shortcut have a last affiliate, then opens offer 42's dashboard page. */
async function dashboardWithLastAffiliate({ browser, open, saveKey }: Session): Promise<Page> {
  await saveKey();
  const popup = await open('popup');
  await fill(popup, 'Offer ID', '9');
  await fill(popup, 'Affiliate ID', '7');
  await clickButton(popup, 'Generate link');
  await waitForText(popup, 'status', 'Copied to clipboard.');
  await popup.close();
  const page = await browser.newPage();
  await page.goto(`${DASHBOARD}/offers/42/general`);
  await page.bringToFront();
  return page;
}

/** What the History page sees: the toolbar badge (the popup would clear it) and the newest entry. */
async function afterQuickCopy(open: Session['open']): Promise<{ badge: string; surface: unknown; url: unknown }> {
  const page = await open('src/history/history.html');
  const seen = await page.evaluate(async () => {
    const badge = await chrome.action.getBadgeText({});
    const { history } = await chrome.storage.local.get('history');
    const newest = (history as { data: { surface: unknown; url: unknown }[] }).data[0]!;
    return { badge, surface: newest.surface, url: newest.url };
  });
  await page.close();
  return seen;
}

test('the right-click menu on a dashboard offer page copies its link for the last affiliate', () =>
  withFirefox(everflow, async (session) => {
    const { browser, everflow: sim, open } = session;
    const page = await dashboardWithLastAffiliate(session);
    const shown = await chooseFromContextMenu(
      browser,
      page,
      '#offer-id',
      'Copy tracking link for offer 42 for Sunrise Media (affiliate 7)',
    );
    assert.ok(shown.includes('Open link builder…'), `the menu's items: ${shown.join(' | ')}`);

    await eventually('the menu’s request', () => sim.linkRequests.length === 2);
    assert.deepEqual(sim.linkRequests[1]!.body, { network_offer_id: 42, network_affiliate_id: 7 });
    const link = linkFor(42, 7);
    await waitUntil(
      page,
      'the link on the clipboard',
      async (expected: string) => (await navigator.clipboard.readText()) === expected,
      link,
    );
    assert.deepEqual(await afterQuickCopy(open), { badge: '✓', surface: 'menu', url: link });
  }));

test('the keyboard shortcut (Ctrl+Shift+Period) on a dashboard offer page copies its link for the last affiliate', () =>
  withFirefox(everflow, async (session) => {
    const { browser, everflow: sim, open } = session;
    const page = await dashboardWithLastAffiliate(session);
    assert.equal(await pressShortcut(browser, 'VK_PERIOD'), 'accel,shift+VK_PERIOD');

    await eventually('the shortcut’s request', () => sim.linkRequests.length === 2);
    assert.deepEqual(sim.linkRequests[1]!.body, { network_offer_id: 42, network_affiliate_id: 7 });
    const link = linkFor(42, 7);
    await waitUntil(
      page,
      'the link on the clipboard',
      async (expected: string) => (await navigator.clipboard.readText()) === expected,
      link,
    );
    assert.deepEqual(await afterQuickCopy(open), { badge: '✓', surface: 'keyboard', url: link });
  }));
