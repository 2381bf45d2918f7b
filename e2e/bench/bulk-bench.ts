// `npm run bench`, second part: a bulk job of 1,000 rows (BULK_ROWS) started from the Bulk links page
// of the production build, against the Everflow simulator under each documented rate-limit model
// (token bucket 30/s with bursts of 50; 30/s over a 30-second window; 20/s over a 30-second window).
// The extension's "Requests per second" is set to the model's rate, as a person would from Everflow's
// docs. Reports throughput as a share of the limit, 429s, and lost and duplicated rows. Reported, never asserted.
import { rmSync, writeFileSync } from 'node:fs';
import { TEST_KEY, launchWithExtension } from '../fixtures/extension';
import { EverflowSimulator } from '../simulator/everflow';
import { MODELS } from '../simulator/rate-limit';
import { startSimulatorServer } from '../simulator/server';

const ROWS = Number(process.env.BULK_ROWS ?? 1000);
const OFFER = 42;
const ONLY = process.env.BULK_MODELS?.split(',');

interface Result {
  model: string;
  limit: number;
  tookMs: number;
  linksPerSecond: number;
  share: number;
  requests: number;
  throttled: number;
  lost: number;
  duplicated: number;
  page: string;
}

async function runModel(model: keyof typeof MODELS): Promise<Result> {
  const limit = MODELS[model].perSecond;
  const simulator = new EverflowSimulator({ rateLimit: model });
  const server = await startSimulatorServer(() => simulator);
  const { context, userDataDir } = await launchWithExtension([], undefined, server);
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const base = `chrome-extension://${new URL(worker.url()).host}/`;
    const options = await context.newPage();
    await options.goto(`${base}src/options/options.html`);
    await options.getByLabel('API key', { exact: true }).fill(TEST_KEY);
    await options.getByLabel('Requests per second', { exact: true }).fill(String(limit));
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('API key saved.').waitFor();
    await options.close();

    const page = await context.newPage();
    await page.goto(`${base}src/bulk/bulk.html`);
    await page.getByLabel('Offer ID', { exact: true }).fill(String(OFFER));
    const ids = Array.from({ length: ROWS }, (_, i) => 100_001 + i);
    await page.getByLabel('Affiliate IDs', { exact: true }).fill(ids.join('\n'));
    const started = Date.now();
    await page.getByRole('button', { name: `Generate ${ROWS} links` }).click();
    const finished = page.getByRole('status').filter({ hasText: 'Finished:' });
    await finished.waitFor({ timeout: (ROWS / limit) * 1000 * 3 + 60_000 });
    const took = Date.now() - started;
    const text = (await finished.textContent()) ?? '';

    const links = ids.map((id) => simulator.log(OFFER, id).links);
    const requests = simulator.linkRequests.length;
    // Links a second from the click to "Finished", against the model's limit.
    const rate = links.reduce((a, b) => a + b, 0) / (took / 1000);
    return {
      model,
      limit,
      tookMs: took,
      linksPerSecond: rate,
      share: rate / limit,
      requests,
      throttled: simulator.throttled,
      lost: links.filter((n) => n === 0).length,
      duplicated: links.filter((n) => n > 1).length,
      page: text,
    };
  } finally {
    await context.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

async function main() {
  const results: Result[] = [];
  for (const model of Object.keys(MODELS) as (keyof typeof MODELS)[]) {
    if (ONLY && !ONLY.includes(model)) continue;
    results.push(await runModel(model));
  }
  const header = ['model', 'links/s', 'share of limit (≥ 0.9)', '429s (< 1% of requests)', 'rows lost / duplicated (0 / 0)', 'time'];
  const rows = results.map((r) => [
    `${r.model}: ${MODELS[r.model as keyof typeof MODELS].describe}`,
    r.linksPerSecond.toFixed(2),
    r.share.toFixed(3),
    `${r.throttled} of ${r.requests} (${((r.throttled / r.requests) * 100).toFixed(2)}%)`,
    `${r.lost} / ${r.duplicated}`,
    `${(r.tookMs / 1000).toFixed(1)} s`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`Bulk job of ${ROWS} rows against the Everflow simulator:`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  writeFileSync('bench-bulk-results.json', JSON.stringify({ rows: ROWS, results }, null, 2));
  console.log('Raw numbers: bench-bulk-results.json');
}

await main();
