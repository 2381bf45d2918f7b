// `npm run bench`, second part: a bulk job of 1,000 rows (BULK_ROWS) started from the Bulk links page
// of the production build, against a fake Everflow that enforces 20 requests a second with 429s.
// Reports throughput as a share of the limit and counts lost and duplicated rows. Reported, never asserted.
import { rmSync, writeFileSync } from 'node:fs';
import { FakeEverflow } from '../fixtures/fake-everflow';
import { TEST_KEY, launchWithExtension } from '../fixtures/extension';
import { RateLimitedEverflow } from '../fixtures/rate-limited-everflow';

const ROWS = Number(process.env.BULK_ROWS ?? 1000);
const LIMIT = 20;
const OFFER = 42;

async function main() {
  const { context, userDataDir } = await launchWithExtension();
  const fake = new RateLimitedEverflow(LIMIT);
  const everflow = new FakeEverflow();
  const acceptedAt: number[] = [];
  everflow.answer((request, index) => {
    const answer = fake.responder(request, index);
    if (!('hang' in answer) && !('abort' in answer) && (answer as { status?: number }).status === undefined) acceptedAt.push(Date.now());
    return answer;
  });
  await everflow.install(context);
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const base = `chrome-extension://${new URL(worker.url()).host}/`;
    const options = await context.newPage();
    await options.goto(`${base}src/options/options.html`);
    await options.getByLabel('API key', { exact: true }).fill(TEST_KEY);
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
    await finished.waitFor({ timeout: (ROWS / LIMIT) * 1000 * 3 + 30_000 });
    const took = Date.now() - started;
    const text = (await finished.textContent()) ?? '';

    const links = ids.map((id) => fake.log(OFFER, id).links);
    const lost = links.filter((n) => n === 0).length;
    const duplicated = links.filter((n) => n > 1).length;
    const requests = everflow.linkRequests.length;
    // Links a second between the first and the last accepted request, against the fake's limit.
    const span = (acceptedAt.at(-1)! - acceptedAt[0]!) / 1000;
    const rate = (acceptedAt.length - 1) / span;
    const rows: [string, string, string][] = [
      ['Rows', String(ROWS), ''],
      ['Fake Everflow limit', `${LIMIT} requests/s (429 + Retry-After: 1 above it)`, ''],
      ['Start → "Finished" on the page', `${(took / 1000).toFixed(1)} s`, ''],
      ['Links per second (first to last answer)', rate.toFixed(2), ''],
      ['Throughput, share of the limit', (rate / LIMIT).toFixed(3), '≥ 0.9'],
      ['Requests sent / 429 answers', `${requests} / ${fake.throttled}`, ''],
      ['Rows lost / duplicated', `${lost} / ${duplicated}`, '0 / 0'],
      ['Page said', text, ''],
    ];
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['metric', 'value', 'goal'][i]!.length));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
    console.log(line(['metric', 'value', 'goal']));
    console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const row of rows) console.log(line(row));
    writeFileSync(
      'bench-bulk-results.json',
      JSON.stringify({ rows: ROWS, limit: LIMIT, tookMs: took, linksPerSecond: rate, throughput: rate / LIMIT, requests, throttled: fake.throttled, lost, duplicated }, null, 2),
    );
    console.log('Raw numbers: bench-bulk-results.json');
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

await main();
