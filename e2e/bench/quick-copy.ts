// The right-click menu's and the keyboard's link for `npm run bench`, timed inside the worker: the real
// event fired at the real listener (as e2e/fixtures/dashboard.ts does) until the link is copied, seen
// as the last link being written (make-link.ts writes it right after the copy). Cold: the worker is
// stopped the way Chrome stops an idle one (e2e/fixtures/service-worker.ts), a message from an
// extension page wakes it, and the event is fired as soon as its listeners are registered, as Chrome
// fires the event that woke it. Every time is in ms since the epoch, from the worker's and the page's
// own clocks (performance.timeOrigin + performance.now()), so cold runs are counted from the wake.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { stopWorker } from '../fixtures/service-worker';

export type QuickSurface = 'menu' | 'keyboard';

/** Which link to fire: the menu's page item or the keyboard's command, on the tab showing `pageUrl`. */
export interface QuickLink {
  surface: QuickSurface;
  pageUrl: string;
  /** The keyboard's command, by its name in the manifest. */
  command: string;
}

export interface QuickTimes {
  /** Cold runs: when the page sent the message that woke the stopped worker. */
  wokenAt?: number;
  /** When the worker that made the link started. */
  startedAt: number;
  /** When the worker's listeners were there (a warm worker: at once). */
  readyAt: number;
  firedAt: number;
  copiedAt: number;
}

/** The page item's id in context-menu.ts (MENU.page): "Copy tracking link for offer N …". */
const MENU_ITEM = 'copy-for-page';
const TIMEOUT_MS = 15_000;

/** Fires the menu click or the keyboard command, and times it to the copy. */
export async function fireQuickLink(worker: Worker, link: QuickLink): Promise<QuickTimes> {
  return worker.evaluate(
    // No named functions in here: tsx would wrap them in a helper the worker does not have.
    async ({ surface, pageUrl, command, menuItem, timeoutMs }) => {
      type Event = { hasListeners(): boolean; dispatch(...args: unknown[]): void };
      const event = (surface === 'menu' ? chrome.contextMenus.onClicked : chrome.commands.onCommand) as unknown as Event;
      // A worker just woken registers its listeners at the end of its first run.
      while (!event.hasListeners()) await new Promise((resolve) => setTimeout(resolve, 0));
      const readyAt = performance.timeOrigin + performance.now();
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      const watch: { listener?: (changes: Record<string, chrome.storage.StorageChange>, area: string) => void } = {};
      const copied = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`No link was copied within ${timeoutMs} ms.`)), timeoutMs);
        watch.listener = (changes, area) => {
          if (area !== 'local' || !('lastLink' in changes)) return;
          clearTimeout(timer);
          chrome.storage.onChanged.removeListener(watch.listener!);
          resolve(performance.timeOrigin + performance.now());
        };
        chrome.storage.onChanged.addListener(watch.listener);
      });
      const firedAt = performance.timeOrigin + performance.now();
      if (surface === 'menu') event.dispatch({ menuItemId: menuItem, editable: false, pageUrl }, tab);
      else event.dispatch(command, tab);
      return { startedAt: performance.timeOrigin, readyAt, firedAt, copiedAt: await copied };
    },
    { ...link, menuItem: MENU_ITEM, timeoutMs: TIMEOUT_MS },
  );
}

/**
 * Stops the worker, wakes it with a message from `waker` (an extension page; the router refuses the
 * empty message, the least work a waking event can bring) and fires the link in the new worker
 * (Playwright's `worker` evaluates in whichever worker runs now). Nothing else may keep the worker
 * awake or wake it meanwhile: the popup reopens its port when the worker goes, so close it first.
 */
export async function coldQuickLink(context: BrowserContext, worker: Worker, waker: Page, link: QuickLink): Promise<QuickTimes> {
  const stoppedAt = Date.now();
  if (!(await stopWorker(context))) throw new Error('No service worker was running to stop.');
  const wokenAt = await waker.evaluate(() => {
    const at = performance.timeOrigin + performance.now();
    chrome.runtime.sendMessage({}).catch(() => undefined);
    return at;
  });
  const times = await fireQuickLink(worker, link);
  if (times.startedAt < stoppedAt) throw new Error('The link was made by the worker that should have stopped.');
  return { wokenAt, ...times };
}
