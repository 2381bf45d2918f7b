// Compares the popup's times of several builds on a busy machine: `npx tsx e2e/bench/side-by-side.ts
// dist /tmp/other-build …` loads a copy of each into one headless Chromium and, each run, opens the
// blank page and then each build's popup, in alternating order, so every build meets the same load.
// Prints medians and, for each build against the first, the run-by-run difference. Times only.
import { addAccount } from '../fixtures/options-steps';
import type { BrowserContext } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_KEY, builtManifest, launchWithExtension } from '../fixtures/extension';
import { EverflowSimulator } from '../simulator/everflow';
import { startSimulatorServer } from '../simulator/server';
import { BLANK_PAGE, prepareCopy } from './probe';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;
const median = (values: number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

interface Times {
  firstInput: number;
  ready?: number;
}

async function open(context: BrowserContext, url: string): Promise<Times> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { firstInputAt?: number }).firstInputAt !== undefined);
  const times = await page.evaluate(() => ({
    firstInput: (window as unknown as { firstInputAt: number }).firstInputAt,
    ready: performance.getEntriesByName('popup-ready')[0]?.startTime,
  }));
  if (times.ready === undefined && !url.endsWith(BLANK_PAGE)) {
    await page.waitForFunction(() => performance.getEntriesByName('popup-ready').length > 0);
    times.ready = await page.evaluate(() => performance.getEntriesByName('popup-ready')[0]!.startTime);
  }
  await page.close();
  return times.ready === undefined ? { firstInput: times.firstInput } : times;
}

async function main() {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) throw new Error('Name the builds to compare: npx tsx e2e/bench/side-by-side.ts dist /path/to/other/dist');
  const popupPage = builtManifest().action.default_popup;
  const copies = dirs.map((dir, index) => {
    const copy = mkdtempSync(join(tmpdir(), `elb-side-${index}-`));
    cpSync(dir, copy, { recursive: true });
    prepareCopy(copy, popupPage);
    writeFileSync(join(copy, 'bench-build.txt'), String(index));
    return copy;
  });
  const simulator = new EverflowSimulator({ rateLimit: 'none' });
  const server = await startSimulatorServer(() => simulator);
  const { context, userDataDir } = await launchWithExtension([], copies.join(','), server, { keepWelcome: true });
  try {
    while (context.serviceWorkers().length < dirs.length) await context.waitForEvent('serviceworker');
    // Which extension is which build: each copy says its index.
    const bases: string[] = [];
    for (const worker of context.serviceWorkers()) {
      const index = Number(await worker.evaluate(async () => (await fetch('/bench-build.txt')).text()));
      bases[index] = `chrome-extension://${new URL(worker.url()).host}/`;
    }
    // Each build greets its install with its options page: the measured pages open without them.
    await context.waitForEvent('page').catch(() => undefined);
    for (const page of context.pages()) if (page.url().startsWith('chrome-extension://')) await page.close();
    for (const base of bases) {
      const options = await context.newPage();
      await options.goto(base + 'src/options/options.html');
      await addAccount(options, TEST_KEY);
      await options.close();
    }
    const blank: number[] = [];
    const popups = dirs.map(() => ({ first: [] as number[], ready: [] as number[] }));
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const floor = await open(context, bases[0] + BLANK_PAGE);
      const order = run % 2 ? dirs.map((_, i) => i).toReversed() : dirs.map((_, i) => i);
      const times: Times[] = [];
      for (const index of order) times[index] = await open(context, bases[index] + popupPage);
      if (run < WARMUP) continue;
      blank.push(floor.firstInput);
      times.forEach((time, index) => {
        popups[index]!.first.push(time.firstInput);
        popups[index]!.ready.push(time.ready!);
      });
    }
    const floor = median(blank);
    console.log(`${RUNS} runs after ${WARMUP} warm-up runs. Blank page, first input: ${ms(floor)}`);
    dirs.forEach((dir, index) => {
      const { first, ready } = popups[index]!;
      const line = `${dir}: first input ${ms(median(first))} (×${(median(first) / floor).toFixed(2)}), ready ${ms(median(ready))} (×${(median(ready) / floor).toFixed(2)})`;
      const [base] = popups;
      const paired = index === 0 ? '' : `; run by run against ${dirs[0]}: ready ${ms(median(ready.map((r, k) => r - base!.ready[k]!)))}`;
      console.log(line + paired);
    });
  } finally {
    await context.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
  }
}

await main();
