// Headless Firefox (Debian's firefox-esr) with the Firefox build from dist-firefox/, driven by
// puppeteer-core over WebDriver BiDi (no geckodriver). Everflow is the same simulator as the Chromium
// suite's, behind the same local HTTPS proxy: Firefox reaches it through the network.proxy.* prefs and
// takes its self-signed certificate with acceptInsecureCerts (docs/testing.md, Firefox).
// Pages are found by their visible labels and roles, as a person finds them.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { FakeEverflow } from '../fixtures/fake-everflow';
import { startSimulatorServer, type SimulatorServer } from '../simulator/server';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_DIST = fileURLToPath(new URL('../../dist-firefox', import.meta.url));
export const TEST_KEY = 'efk_live_Zq9xW3vT7pLm2Rn8Kd4sYh6B';
/** The extension's pages live at moz-extension://<this>/…: pinned by a pref, so a test knows them. */
const UUID = '3b2f5c1e-7d4a-4e8b-9c6f-1a2b3c4d5e6f';
export const ORIGIN = `moz-extension://${UUID}`;

interface BuiltManifest {
  action: { default_popup: string };
  options_ui: { page: string };
  browser_specific_settings: { gecko: { id: string } };
}

export function builtManifest(): BuiltManifest {
  const path = `${FIREFOX_DIST}/manifest.json`;
  if (!existsSync(path)) throw new Error('dist-firefox/ is missing: run `npm run build` first.');
  return JSON.parse(readFileSync(path, 'utf8')) as BuiltManifest;
}

/** A page of the Everflow dashboard (served by the same proxy): an offer page names offer 42. */
export const DASHBOARD = 'https://acme.everflowclient.io';

/** The simulator's proxy, shared by a file's tests; each test gets a fresh simulated network. */
export async function startEverflow(): Promise<{ server: SimulatorServer; current: { sim: FakeEverflow } }> {
  const current = { sim: new FakeEverflow() };
  const server = await startSimulatorServer(() => current.sim, {
    pages: {
      [new URL(DASHBOARD).host]: () => ({
        body: '<!doctype html><title>Everflow</title><h1>Offer dashboard</h1><p>Offer <span id="offer-id">42</span> is live.</p><input aria-label="Notes">',
      }),
    },
  });
  return { server, current };
}

export interface Session {
  browser: Browser;
  everflow: FakeEverflow;
  /** Opens an extension page in a new tab: 'popup', 'options' or a path such as 'src/bulk/bulk.html'. */
  open(which: 'popup' | 'options' | string): Promise<Page>;
  /** Saves a key the way a person does, on the options page, and closes it. */
  saveKey(key?: string): Promise<void>;
}

/** Runs `body` in a fresh Firefox profile with the extension installed, and closes it afterwards. */
export async function withFirefox(
  everflow: Awaited<ReturnType<typeof startEverflow>>,
  body: (session: Session) => Promise<void>,
): Promise<void> {
  const manifest = builtManifest();
  const sim = new FakeEverflow();
  everflow.current.sim = sim;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    // Lets BiDi open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // Everything HTTPS goes to the simulator's proxy, which tunnels only Everflow's hosts.
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': everflow.server.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'extensions.webextensions.uuids': JSON.stringify({ [manifest.browser_specific_settings.gecko.id]: UUID }),
      // Lets a web page (the dashboard tab) read the clipboard back without Firefox's paste prompt (a
      // testing pref); the extension's own pages read it without. The copy itself needs nothing.
      'dom.events.testing.asyncClipboard': true,
    },
  });
  try {
    await browser.installExtension(FIREFOX_DIST);
    const open = async (which: string): Promise<Page> => {
      const path = which === 'popup' ? manifest.action.default_popup : which === 'options' ? manifest.options_ui.page : which;
      const page = await browser.newPage();
      await navigate(browser, page, `${ORIGIN}/${path}`);
      return page;
    };
    const saveKey = async (key = TEST_KEY) => {
      const options = await open('options');
      await fill(options, 'API key', key);
      await clickButton(options, 'Add account');
      // Adding asks Everflow (the simulator) whose key it is.
      await waitForText(options, 'status', /^Added /);
      await options.close();
    };
    await body({ browser, everflow: sim, open, saveKey });
  } finally {
    await browser.close();
  }
}

/**
 * puppeteer's page.goto never sees a moz-extension:// navigation finish; BiDi's own navigate with
 * wait 'none', then waiting for the page and its first field, does.
 */
export async function navigate(browser: Browser, page: Page, url: string): Promise<void> {
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection;
  // The frame's BiDi browsing context id (puppeteer keeps it on the frame, unexported).
  const context = Reflect.get(page.mainFrame(), '_id') as string;
  await connection.send('browsingContext.navigate', { context, url, wait: 'none' });
  await page.waitForFunction(
    (href: string) => location.href === href && document.querySelector('input, textarea, select') !== null,
    { timeout: 10_000, polling: 100 },
    url,
  );
}

const TIMEOUT = 10_000;

/**
 * The visible form control (input, select, textarea) whose accessible name (aria-label,
 * aria-labelledby or its <label>) is exactly `label`.
 */
export async function control(page: Page, label: string): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await page.waitForFunction(
    // No named helpers inside: tsx (esbuild keepNames) would wrap them in a __name() the page lacks.
    (name: string) =>
      [...document.querySelectorAll('input, select, textarea')].find((el) => {
        const aria = el.getAttribute('aria-label');
        const by = el.getAttribute('aria-labelledby');
        const labels = (el as HTMLInputElement).labels;
        const text =
          aria ??
          (by
            ? by
                .split(' ')
                .map((id) => document.getElementById(id)?.textContent)
                .join(' ')
            : labels && labels.length
              ? labels[0]!.textContent
              : '');
        return (text ?? '').replace(/\s+/g, ' ').trim() === name && (el as HTMLElement).offsetParent !== null;
      }) ?? null,
    { timeout: TIMEOUT, polling: 100 },
    label,
  );
  return handle as unknown as ElementHandle<HTMLInputElement>;
}

/** Types into a field as a person does: focus, select what is there, type over it (real key events). */
export async function fill(page: Page, label: string, value: string): Promise<void> {
  const field = await control(page, label);
  await field.evaluate((el) => {
    el.focus();
    el.select();
  });
  if (value === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(value);
}

export async function valueOf(page: Page, label: string): Promise<string> {
  return (await control(page, label)).evaluate((el) => el.value);
}

export async function isChecked(page: Page, label: string): Promise<boolean> {
  return (await control(page, label)).evaluate((el) => el.checked);
}

/** Clicks the visible button (or summary) whose text or aria-label is exactly `name`, with the mouse. */
export async function clickButton(page: Page, name: string): Promise<void> {
  const handle = (await page.waitForFunction(
    (wanted: string) =>
      [...document.querySelectorAll('button, summary, [role=button]')].find(
        (el) =>
          (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim() === wanted &&
          (el as HTMLElement).offsetParent !== null,
      ) ?? null,
    { timeout: TIMEOUT, polling: 100 },
    name,
  )) as unknown as ElementHandle<HTMLElement>;
  await handle.click();
}

/** Texts of the elements with this role (status, alert, option…), as shown. */
export async function textsOf(page: Page, role: string): Promise<string[]> {
  return page.evaluate(
    (r: string) =>
      [...document.querySelectorAll(`[role=${r}]`)].map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean),
    role,
  );
}

/** Waits until an element with this role shows exactly `text` (or text matching the pattern). */
export async function waitForText(page: Page, role: string, text: string | RegExp, timeout = TIMEOUT): Promise<string> {
  const source = typeof text === 'string' ? null : text.source;
  const exact = typeof text === 'string' ? text : null;
  try {
    const found = await page.waitForFunction(
      (r: string, wanted: string | null, pattern: string | null) =>
        [...document.querySelectorAll(`[role=${r}]`)]
          .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
          .find((t) => (wanted !== null ? t === wanted : new RegExp(pattern!).test(t))) ?? null,
      { timeout, polling: 100 },
      role,
      exact,
      source,
    );
    return (await found.jsonValue()) as string;
  } catch (error) {
    throw new Error(`No ${role} showing ${String(text)}; shown: ${JSON.stringify(await textsOf(page, role))}`, { cause: error });
  }
}

/** Waits until `check` holds in the page (e.g. a field's value), with a message naming what was awaited. */
export async function waitUntil<A>(
  page: Page,
  what: string,
  check: (arg: A) => boolean | Promise<boolean>,
  arg: A,
  timeout = TIMEOUT,
): Promise<void> {
  try {
    await page.waitForFunction(check as (arg: unknown) => boolean | Promise<boolean>, { timeout, polling: 100 }, arg);
  } catch (error) {
    throw new Error(`Timed out waiting for ${what}`, { cause: error });
  }
}

/** Waits in Node until `check` holds (e.g. the simulator saw a request). */
export async function eventually(what: string, check: () => boolean, timeout = TIMEOUT): Promise<void> {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Reads the system clipboard back, from a page of the extension (or, with the testing pref above, any page). */
export async function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/**
 * Runs an expression in the browser window itself (Firefox's own UI, system privileges): BiDi lists
 * it under the 'moz:scope' 'chrome' with --remote-allow-system-access. Only the menu and shortcut
 * helpers below use it; they act through Firefox's own menu and shortcut elements.
 */
async function inBrowserWindow(browser: Browser, expression: string): Promise<unknown> {
  const connection = Reflect.get(browser, 'connection') as { send(method: string, params: object): Promise<{ result: unknown }> };
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
    contexts: { context: string; url: string }[];
  };
  const window = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('No browser window in the BiDi tree (is --remote-allow-system-access set?)');
  const reply = (
    await connection.send('script.evaluate', { expression, target: { context: window.context }, awaitPromise: true, 'moz:scope': 'chrome' })
  ).result as {
    type: string;
    result?: { value?: unknown };
    exceptionDetails?: { text?: string };
  };
  if (reply.type !== 'success') throw new Error(`In the browser window: ${reply.exceptionDetails?.text ?? JSON.stringify(reply)}`);
  return reply.result?.value;
}

/**
 * The extension's keyboard shortcut, fired as Firefox fires it: the browser window's <key> element
 * that Firefox registered for the manifest's command (its key, e.g. 'F' for Ctrl+Shift+F, or its
 * keycode, e.g. 'VK_PERIOD' for Ctrl+Shift+Period) runs its command.
 * A key press sent over BiDi reaches only the page, never the browser's shortcuts.
 */
export async function pressShortcut(browser: Browser, key: string): Promise<string> {
  return (await inBrowserWindow(
    browser,
    `(() => {
      const named = ${JSON.stringify(key.toUpperCase())};
      const key = [...document.querySelectorAll('keyset[id^="ext-keyset"] key')].find((k) => (k.getAttribute('key') || k.getAttribute('keycode') || '').toUpperCase() === named);
      if (!key) return 'none';
      key.doCommand();
      return key.getAttribute('modifiers') + '+' + (key.getAttribute('key') || key.getAttribute('keycode'));
    })()`,
  )) as string;
}

/**
 * Right-clicks the element in the page (a real right-click: Firefox opens its context menu and builds
 * the extension's items for that spot), then chooses the item labelled `label` (in the extension's
 * submenu, as Firefox groups several items under the extension's name). Returns the labels shown.
 */
export async function chooseFromContextMenu(browser: Browser, page: Page, selector: string, label: string): Promise<string[]> {
  const target = await page.waitForSelector(selector);
  const box = (await target!.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
  const labels = JSON.parse(
    (await inBrowserWindow(
      browser,
      `new Promise((resolve, reject) => {
      const menu = document.getElementById('contentAreaContextMenu');
      const started = Date.now();
      const look = () => {
        const items = [...menu.querySelectorAll('menuitem, menu')].filter((i) => !i.hidden && i.id.includes('-menuitem-'));
        const item = items.find((i) => i.getAttribute('label') === ${JSON.stringify(label)});
        if (menu.state === 'open' && item) {
          const shown = items.map((i) => i.getAttribute('label'));
          item.doCommand();
          menu.hidePopup();
          resolve(JSON.stringify(shown));
        } else if (Date.now() - started > 5000) reject(new Error('menu ' + menu.state + '; items: ' + items.map((i) => i.getAttribute('label')).join(' | ')));
        else setTimeout(look, 50);
      };
      look();
    })`,
    )) as string,
  ) as string[];
  return labels;
}
