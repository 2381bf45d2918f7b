// `npm run bench`: measures the production build in headless Chromium and prints a table (and
// writes bench-results.json). Medians after a warm-up. Times are reported, never asserted. The
// extension holds what a person's has after a while (seed.ts): a full history, a finished bulk job.
// The popup (first input, ready, click to clipboard warm and cold), then the right-click menu and the
// keyboard on a dashboard page, warm and with the worker stopped (quick-copy.ts), and the bytes.
import { addAccount } from '../fixtures/options-steps';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUDGETS, DIST, backgroundBytes, popupBytes, zipBytes } from '../fixtures/bundle-size';
import { DASHBOARD, openDashboardPage, serveDashboard } from '../fixtures/dashboard';
import { CHROMIUM, TEST_KEY, builtManifest, launchWithExtension } from '../fixtures/extension';
import { stopWorker } from '../fixtures/service-worker';
import { EverflowSimulator } from '../simulator/everflow';
import { startSimulatorServer } from '../simulator/server';
import { BLANK_PAGE, addStorageFloorPage, prepareCopy } from './probe';
import { coldQuickLink, fireQuickLink, type QuickSurface } from './quick-copy';
import { seedUsedExtension } from './seed';
import { POPUP_READS } from '../../src/popup/startup/startup-data';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 3;
/** The pause before each warm click: quicker than a person makes two links. */
const BETWEEN_CLICKS_MS = 300;
/** Before the worker is stopped: the last link's bookkeeping (history, recent affiliates, notification) is done. */
const SETTLE_MS = 600;
/** The dashboard page the menu and the keyboard make their links on: the offer the popup used, for its affiliate. */
const QUICK_PAGE = `${DASHBOARD}/offers/42/general`;
const SURFACES: QuickSurface[] = ['menu', 'keyboard'];

const median = (values: number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (n: number) => Math.round(n * 10) / 10;
const loadText = (load: number[]) => load.map((n) => n.toFixed(2)).join(' / ');

async function pageTimes(context: BrowserContext, url: string, waitForReady: boolean): Promise<{ firstInput: number; ready?: number }> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { firstInputAt?: number }).firstInputAt !== undefined);
  const firstInput = await page.evaluate(() => (window as unknown as { firstInputAt: number }).firstInputAt);
  let ready: number | undefined;
  if (waitForReady) {
    await page.waitForFunction(() => performance.getEntriesByName('popup-ready').length > 0);
    ready = await page.evaluate(() => performance.getEntriesByName('popup-ready')[0]!.startTime);
  }
  await page.close();
  return ready === undefined ? { firstInput } : { firstInput, ready };
}

/** Presses Generate and resolves when "Copied to clipboard." is announced (the copy precedes the reply). */
async function clickToClipboard(popup: Page): Promise<number> {
  return popup.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const status = document.querySelector('[role="status"]')!;
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Generate link')!;
        let start = 0;
        const observer = new MutationObserver(() => {
          if (status.textContent === 'Copied to clipboard.') {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
        start = performance.now();
        button.click();
      }),
  );
}

async function fakeRoundTrip(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    const start = performance.now();
    await (await fetch('https://api.eflow.team/v1/networks/tracking/offers/clicks', { method: 'POST', body: '{}' })).text();
    return performance.now() - start;
  });
}

async function main() {
  const loadAtStart = loadavg();
  console.log(
    `Chromium: ${CHROMIUM}; ${RUNS} runs after ${WARMUP} warm-up runs; ${cpus().length} CPUs, load average ${loadText(loadAtStart)}.`,
  );
  // A copy of dist/ with one extra blank page: the floor, measured in the same extension and run.
  const copy = mkdtempSync(join(tmpdir(), 'elb-bench-'));
  cpSync(DIST, copy, { recursive: true });
  prepareCopy(copy, builtManifest().action.default_popup);
  const floorPage = addStorageFloorPage(copy, POPUP_READS.local, POPUP_READS.session);

  // The Everflow simulator over real HTTPS (its proxy); no rate limit, so the runs measure the extension.
  const simulator = new EverflowSimulator({ rateLimit: 'none' });
  const server = await startSimulatorServer(() => simulator);
  const { context, userDataDir } = await launchWithExtension([], copy, server);
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const base = `chrome-extension://${new URL(worker.url()).host}/`;
    const popupUrl = base + builtManifest().action.default_popup;

    const options = await context.newPage();
    await options.goto(base + 'src/options/options.html');
    await addAccount(options, TEST_KEY);
    await options.close();
    await seedUsedExtension(worker);

    const floorUrl = base + floorPage;
    const blank: number[] = [];
    const first: number[] = [];
    const ready: number[] = [];
    const storageFloor: number[] = [];
    for (let run = 0; run < WARMUP + RUNS; run++) {
      // Interleaved, so drift in the machine's load hits all three alike; the popup and the storage
      // floor swap places each run, so neither always opens as the other's page closes.
      const b = await pageTimes(context, base + BLANK_PAGE, false);
      const popupFirst = run % 2 === 0;
      const one = await pageTimes(context, popupFirst ? popupUrl : floorUrl, true);
      const two = await pageTimes(context, popupFirst ? floorUrl : popupUrl, true);
      const [p, f] = popupFirst ? [one, two] : [two, one];
      if (run < WARMUP) continue;
      blank.push(b.firstInput);
      first.push(p.firstInput);
      ready.push(p.ready!);
      storageFloor.push(f.ready!);
    }

    const popup = await context.newPage();
    await popup.goto(popupUrl);
    await popup.getByLabel('Offer ID', { exact: true }).fill('42');
    await popup.getByLabel('Affiliate ID', { exact: true }).fill('7');
    const rtt: number[] = [];
    const warm: number[] = [];
    const backToBack: number[] = [];
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const trip = await fakeRoundTrip(context.serviceWorkers()[0] ?? worker);
      // A person's next click comes well after the last link's bookkeeping (history, recent
      // affiliates, last link) is done; back to back, the click waits behind those writes.
      await popup.waitForTimeout(BETWEEN_CLICKS_MS);
      const took = await clickToClipboard(popup);
      const next = await clickToClipboard(popup);
      if (run >= WARMUP) {
        rtt.push(trip);
        warm.push(took);
        backToBack.push(next);
      }
    }
    const cold: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await stopWorker(context);
      cold.push(await clickToClipboard(popup));
      await popup.waitForTimeout(600); // let the popup's port reconnect before the next stop
    }

    // The right-click menu and the keyboard, on a dashboard offer page, for the last affiliate. The
    // popup goes first: it reopens its port whenever the worker stops, which would wake the worker.
    await popup.close();
    await serveDashboard(context);
    const waker = await context.newPage();
    await waker.goto(base + BLANK_PAGE);
    const dashboard = await openDashboardPage(context, QUICK_PAGE);
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as { commands: Record<string, unknown> };
    const command = Object.keys(manifest.commands).find((name) => name !== '_execute_action')!;
    const quick = { menu: { warm: [] as number[], cold: [] as number[] }, keyboard: { warm: [] as number[], cold: [] as number[] } };
    /** Cold runs, menu and keyboard together: where the time goes between the wake and the copy. */
    const coldSplit = { start: [] as number[], modules: [] as number[], link: [] as number[] };
    const warmLink: number[] = [];
    for (let run = 0; run < WARMUP + RUNS; run++) {
      for (const surface of SURFACES) {
        await dashboard.waitForTimeout(BETWEEN_CLICKS_MS);
        const times = await fireQuickLink(context.serviceWorkers()[0] ?? worker, { surface, pageUrl: QUICK_PAGE, command });
        if (run < WARMUP) continue;
        quick[surface].warm.push(times.copiedAt - times.firedAt);
        warmLink.push(times.copiedAt - times.firedAt);
      }
    }
    for (let run = 0; run < RUNS; run++) {
      for (const surface of SURFACES) {
        await dashboard.waitForTimeout(SETTLE_MS);
        const times = await coldQuickLink(context, context.serviceWorkers()[0] ?? worker, waker, { surface, pageUrl: QUICK_PAGE, command });
        quick[surface].cold.push(times.copiedAt - times.wokenAt!);
        coldSplit.start.push(times.startedAt - times.wokenAt!);
        coldSplit.modules.push(times.readyAt - times.startedAt);
        coldSplit.link.push(times.copiedAt - times.firedAt);
      }
    }
    await waker.close();

    const clip = await context.newPage();
    await context.grantPermissions(['clipboard-read'], { origin: 'https://api.eflow.team' });
    await clip.goto('https://api.eflow.team/v1/');
    await clip.bringToFront();
    const onClipboard = await clip.evaluate(() => navigator.clipboard.readText()).catch(() => '(unreadable)');

    const floor = median(blank);
    const warmMedian = median(warm);
    const rows: [string, string, string, string][] = [
      ['Blank extension page: first input (floor)', `${round(floor)} ms`, '', ''],
      ['Popup: first input', `${round(median(first))} ms`, `×${(median(first) / floor).toFixed(2)}`, '≤ ×1.25'],
      [
        'Storage floor: the popup’s stored items read, one value shown (no framework)',
        `${round(median(storageFloor))} ms`,
        `×${(median(storageFloor) / floor).toFixed(2)} of the blank page`,
        '',
      ],
      [
        'Popup: ready (draft + prefill applied)',
        `${round(median(ready))} ms`,
        `×${(median(ready) / median(storageFloor)).toFixed(2)} of the storage floor`,
        '≤ ×1.3',
      ],
      ['Simulated Everflow round trip (from the worker, through its HTTPS proxy)', `${round(median(rtt))} ms`, '', ''],
      ['Click → clipboard, warm', `${round(warmMedian)} ms`, `+${round(warmMedian - median(rtt))} ms over the fake`, '≤ +30 ms'],
      [
        'Click → clipboard, right after the last link (its writes still running)',
        `${round(median(backToBack))} ms`,
        `+${round(median(backToBack) - median(rtt))} ms over the fake`,
        '',
      ],
      [
        'Click → clipboard, cold (worker stopped)',
        `${round(median(cold))} ms`,
        `+${round(median(cold) - warmMedian)} ms over warm`,
        '≤ +150 ms',
      ],
      ...SURFACES.flatMap((surface): [string, string, string, string][] => {
        const [warmQuick, coldQuick] = [median(quick[surface].warm), median(quick[surface].cold)];
        const what = surface === 'menu' ? 'Right-click menu' : 'Keyboard shortcut';
        return [
          [`${what} → link copied, warm`, `${round(warmQuick)} ms`, `+${round(warmQuick - median(rtt))} ms over the fake`, ''],
          [
            `${what} → link copied, cold (worker stopped; from the event that wakes it)`,
            `${round(coldQuick)} ms`,
            `+${round(coldQuick - warmQuick)} ms over warm`,
            '≤ +60 ms',
          ],
        ];
      }),
      // Where a cold link's time goes (menu and keyboard runs together).
      ['Cold: the browser starts the worker (woken → its first line)', `${round(median(coldSplit.start))} ms`, '', ''],
      ['Cold: the worker’s modules load and run (→ listeners registered)', `${round(median(coldSplit.modules))} ms`, '', ''],
      [
        'Cold: the event → link copied, in the new worker',
        `${round(median(coldSplit.link))} ms`,
        `+${round(median(coldSplit.link) - median(warmLink))} ms over warm`,
        '',
      ],
      ['Popup JS+CSS, gzip', `${popupBytes().gzip} B`, '', `≤ ${BUDGETS.popup} B`],
      ['Background JS, gzip', `${backgroundBytes().gzip} B`, '', `≤ ${BUDGETS.background} B`],
      ['Store zip', `${zipBytes().gzip} B`, '', `≤ ${BUDGETS.zip} B`],
    ];
    const widths = [0, 1, 2, 3].map((i) =>
      Math.max(...rows.map((r) => r[i]!.length), ['metric', 'median', 'relative', 'budget'][i]!.length),
    );
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
    console.log(line(['metric', 'median', 'relative', 'budget']));
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const row of rows) console.log(line(row));
    console.log(`Last link on the clipboard: ${onClipboard}`);
    console.log(`Load average at the end: ${loadText(loadavg())} (1, 5, 15 min; at the start ${loadText(loadAtStart)}).`);

    writeFileSync(
      'bench-results.json',
      JSON.stringify(
        {
          runs: RUNS,
          load: { start: loadAtStart, end: loadavg() },
          chromium: CHROMIUM,
          ms: {
            blankFirstInput: blank,
            popupFirstInput: first,
            popupReady: ready,
            storageFloorReady: storageFloor,
            fakeRoundTrip: rtt,
            clickWarm: warm,
            clickBackToBack: backToBack,
            clickCold: cold,
            menuWarm: quick.menu.warm,
            menuCold: quick.menu.cold,
            keyboardWarm: quick.keyboard.warm,
            keyboardCold: quick.keyboard.cold,
            coldWorkerStart: coldSplit.start,
            coldModules: coldSplit.modules,
            coldEventToCopy: coldSplit.link,
          },
          medians: Object.fromEntries(rows.map((r) => [r[0], r[1]])),
          bytes: { popup: popupBytes(), background: backgroundBytes(), zip: zipBytes() },
        },
        null,
        2,
      ),
    );
    console.log('Raw numbers: bench-results.json');
  } finally {
    await context.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(copy, { recursive: true, force: true });
  }
}

await main();
