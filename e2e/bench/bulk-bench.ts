// `npm run bench`, second part: a bulk job of 1,000 rows (BULK_ROWS) started from the Bulk links page
// of the production build, against the Everflow simulator under each documented rate-limit model
// (token bucket 30/s with bursts of 50; 30/s over a 30-second window; 20/s over a 30-second window).
// The extension's "Requests per second" is set to the model's rate, as a person would from Everflow's
// docs. Reports throughput as a share of the limit, 429s, and lost and duplicated rows, and where the time
// went (the pace on the wire, the job's own start and finish, gaps, requests in flight). Reported, never
// asserted. BULK_ROWS, BULK_MODELS=bucket,window30, BULK_LATENCY_MS (Everflow's answer time to simulate)
// and BULK_EXTENSION_DIR (another build than dist/) vary it.
import { rmSync, writeFileSync } from 'node:fs';
import { TEST_KEY, launchWithExtension } from '../fixtures/extension';
import { EverflowSimulator, LINK_PATH, type Reply } from '../simulator/everflow';
import { PACE_MARGIN } from '../../src/everflow/rate-limiter';
import { MODELS } from '../simulator/rate-limit';
import { startSimulatorServer } from '../simulator/server';

const ROWS = Number(process.env.BULK_ROWS ?? 1000);
const OFFER = 42;
const ONLY = process.env.BULK_MODELS?.split(',');
/** Another build to measure (e.g. a changed limiter built elsewhere); dist/ by default. */
const EXTENSION_DIR = process.env.BULK_EXTENSION_DIR;
/** Everflow's answer time to simulate, in ms (the simulator itself answers at once). */
const LATENCY_MS = Number(process.env.BULK_LATENCY_MS ?? 0);

/** Records when each link request reached the simulator and when it was answered (ms, Date.now()). */
class TimedSimulator extends EverflowSimulator {
  readonly timings: { at: number; answeredAt: number }[] = [];
  override async handle(request: Parameters<EverflowSimulator['handle']>[0]): Promise<Reply> {
    const at = Date.now();
    const answered = await super.handle(request);
    const reply = LATENCY_MS > 0 && 'status' in answered ? { ...answered, delayMs: (answered.delayMs ?? 0) + LATENCY_MS } : answered;
    if (new URL(request.url).pathname === LINK_PATH)
      this.timings.push({ at, answeredAt: Date.now() + ('delayMs' in reply ? (reply.delayMs ?? 0) : 0) });
    return reply;
  }
}

const quantile = (values: number[], q: number) => {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

/** Where the time went: the pace on the wire, and what the job spends before its first and after its last request. */
interface Wire {
  /** Link requests a second from the first to the last arrival at the simulator. */
  perSecond: number;
  share: number;
  /** From the click to the first link request. */
  startMs: number;
  /** From the last link request to "Finished:" on the page. */
  endMs: number;
  /** Gaps between consecutive link requests: median, 90th percentile, longest, and how many were over 1.5× the paced gap. */
  gapP50Ms: number;
  gapP90Ms: number;
  gapMaxMs: number;
  longGaps: number;
  /** The most link requests the simulator held at once. */
  maxConcurrent: number;
}

function wireOf(timings: { at: number; answeredAt: number }[], started: number, finished: number, limit: number): Wire {
  const arrivals = timings.map((t) => t.at).toSorted((a, b) => a - b);
  const first = arrivals[0] ?? started;
  const last = arrivals.at(-1) ?? finished;
  const gaps = arrivals.slice(1).map((at, i) => at - arrivals[i]!);
  const paced = 1000 / (limit * PACE_MARGIN);
  const events = timings.flatMap((t) => [[t.at, 1] as const, [t.answeredAt, -1] as const]).toSorted((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let maxConcurrent = 0;
  for (const [, change] of events) maxConcurrent = Math.max(maxConcurrent, (open += change));
  const perSecond = arrivals.length > 1 ? (arrivals.length - 1) / ((last - first) / 1000) : 0;
  return {
    perSecond,
    share: perSecond / limit,
    startMs: first - started,
    endMs: finished - last,
    gapP50Ms: quantile(gaps, 0.5),
    gapP90Ms: quantile(gaps, 0.9),
    gapMaxMs: Math.max(0, ...gaps),
    longGaps: gaps.filter((gap) => gap > paced * 1.5).length,
    maxConcurrent,
  };
}

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
  wire: Wire;
  page: string;
}

async function runModel(model: keyof typeof MODELS): Promise<Result> {
  const limit = MODELS[model].perSecond;
  const simulator = new TimedSimulator({ rateLimit: model });
  const server = await startSimulatorServer(() => simulator);
  const { context, userDataDir } = await launchWithExtension([], EXTENSION_DIR, server);
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
    const finishedAt = Date.now();
    const took = finishedAt - started;
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
      wire: wireOf(simulator.timings, started, finishedAt, limit),
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
  const header = [
    'model',
    'links/s',
    'share of limit (≥ 0.9)',
    '429s (< 1% of requests)',
    'rows lost / duplicated (0 / 0)',
    'time',
    'on the wire: req/s (share)',
    'before 1st / after last request',
    'gaps p50 / p90 / max (> 1.5× paced)',
    'max in flight',
  ];
  const rows = results.map((r) => [
    `${r.model}: ${MODELS[r.model as keyof typeof MODELS].describe}`,
    r.linksPerSecond.toFixed(2),
    r.share.toFixed(3),
    `${r.throttled} of ${r.requests} (${((r.throttled / r.requests) * 100).toFixed(2)}%)`,
    `${r.lost} / ${r.duplicated}`,
    `${(r.tookMs / 1000).toFixed(1)} s`,
    `${r.wire.perSecond.toFixed(2)} (${r.wire.share.toFixed(3)})`,
    `${(r.wire.startMs / 1000).toFixed(2)} s / ${(r.wire.endMs / 1000).toFixed(2)} s`,
    `${r.wire.gapP50Ms} / ${r.wire.gapP90Ms} / ${r.wire.gapMaxMs} ms (${r.wire.longGaps})`,
    String(r.wire.maxConcurrent),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(
    `Bulk job of ${ROWS} rows against the Everflow simulator${LATENCY_MS ? ` answering in ${LATENCY_MS} ms` : ''}${EXTENSION_DIR ? ` (build: ${EXTENSION_DIR})` : ''}:`,
  );
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  writeFileSync('bench-bulk-results.json', JSON.stringify({ rows: ROWS, results }, null, 2));
  console.log('Raw numbers: bench-bulk-results.json');
}

await main();
