// `npm run bench`, second part: a bulk job of 1,000 rows (BULK_ROWS) started from the Bulk links page
// of the production build, against the Everflow simulator, over a grid of Everflow's answer time
// (0, 150 ± 50 and 300 ± 100 ms) × protocol (HTTP/2, HTTP/1.1) under the documented rate-limit
// models: token bucket 30/s with bursts of 50 and 30/s over a 30-second window on the whole grid,
// 20/s over a 30-second window at 0 and 300 ms over HTTP/2. The extension's "Requests per second" is
// set to the model's rate, as a person would from Everflow's docs. Reports throughput as a share of
// the limit, 429s, lost and duplicated rows, requests on the wire, the most requests the simulator
// held at once (over HTTP/1.1 the browser's connection ceiling: in flight / answer time is the most it
// allows), the protocol the link requests came over and the machine's load. Reported, never asserted.
// Choose cells with BULK_MODELS=bucket,window30, BULK_LATENCY_MS=0,300, BULK_PROTOCOLS=h2,http/1.1
// (each a filter of the grid), BULK_JITTER_MS (the jitter at every non-zero answer time), or list them:
// BULK_GRID=bucket@300/h2,window20@150/http/1.1. BULK_EXTENSION_DIR measures another build than dist/.
import { FIRST_NETWORK_NAME } from '../fixtures/extension';
import { addAccount, setPace } from '../fixtures/options-steps';
import { rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { TEST_KEY, launchWithExtension } from '../fixtures/extension';
import { PACE_MARGIN } from '../../src/everflow/rate-limiter';
import { EverflowSimulator, LINK_PATH, type Latency, type Protocol, type RecordedRequest } from '../simulator/everflow';
import { MODELS } from '../simulator/rate-limit';
import { startSimulatorServer } from '../simulator/server';

type Model = keyof typeof MODELS;
interface Cell {
  model: Model;
  latency: Latency;
  protocol: Protocol;
}

const ROWS = Number(process.env.BULK_ROWS ?? 1000);
const OFFER = 42;
/** Another build to measure (e.g. a changed limiter built elsewhere); dist/ by default. */
const EXTENSION_DIR = process.env.BULK_EXTENSION_DIR;
const list = (name: string) => process.env[name]?.split(',').map((item) => item.trim());

const LATENCIES = [0, 150, 300];
const PROTOCOLS: Protocol[] = ['h2', 'http/1.1'];
/** Some jitter wherever Everflow takes time to answer: a third of the answer time unless told. */
const latencyOf = (ms: number): Latency => ({ ms, jitterMs: ms === 0 ? 0 : Number(process.env.BULK_JITTER_MS ?? Math.round(ms / 3)) });

function grid(): Cell[] {
  const listed = list('BULK_GRID');
  if (listed) {
    return listed.map((cell) => {
      const match = cell.match(/^(\w+)@(\d+)\/(h2|http\/1\.1)$/);
      if (!match || !Object.hasOwn(MODELS, match[1]!)) throw new Error(`BULK_GRID: "${cell}" is not <model>@<ms>/<h2|http/1.1>.`);
      return { model: match[1] as Model, latency: latencyOf(Number(match[2])), protocol: match[3] as Protocol };
    });
  }
  const cells: Cell[] = [
    ...(['bucket', 'window30'] as const).flatMap((model) =>
      LATENCIES.flatMap((ms) => PROTOCOLS.map((protocol) => ({ model, latency: latencyOf(ms), protocol }))),
    ),
    { model: 'window20', latency: latencyOf(0), protocol: 'h2' },
    { model: 'window20', latency: latencyOf(300), protocol: 'h2' },
  ];
  const [models, latencies, protocols] = [list('BULK_MODELS'), list('BULK_LATENCY_MS')?.map(Number), list('BULK_PROTOCOLS')];
  return cells.filter(
    (c) =>
      (!models || models.includes(c.model)) &&
      (!latencies || latencies.includes(c.latency.ms)) &&
      (!protocols || protocols.includes(c.protocol)),
  );
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
}

function wireOf(links: RecordedRequest[], started: number, finished: number, limit: number): Wire {
  const arrivals = links.map((r) => r.at).toSorted((a, b) => a - b);
  const first = arrivals[0] ?? started;
  const last = arrivals.at(-1) ?? finished;
  const gaps = arrivals.slice(1).map((at, i) => at - arrivals[i]!);
  const paced = 1000 / (limit * PACE_MARGIN);
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
  };
}

interface Result extends Cell {
  limit: number;
  tookMs: number;
  linksPerSecond: number;
  share: number;
  requests: number;
  throttled: number;
  lost: number;
  duplicated: number;
  wire: Wire;
  /** The most link requests the simulator held at once (answered or not yet). */
  maxInFlight: number;
  /** The HTTP versions the link requests came over. */
  httpVersions: string[];
  /** The machine's 1-minute load average when the run ended. */
  load: number;
  page: string;
}

async function run(cell: Cell): Promise<Result> {
  const limit = MODELS[cell.model].perSecond;
  const simulator = new EverflowSimulator({ rateLimit: cell.model, protocol: cell.protocol, latency: cell.latency });
  const server = await startSimulatorServer(() => simulator);
  const { context, userDataDir } = await launchWithExtension([], EXTENSION_DIR, server);
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const base = `chrome-extension://${new URL(worker.url()).host}/`;
    const options = await context.newPage();
    await options.goto(`${base}src/options/options.html`);
    await addAccount(options, TEST_KEY);
    await setPace(options, FIRST_NETWORK_NAME, limit);
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
    const linkRequests = simulator.linkRequests;
    // Links a second from the click to "Finished", against the model's limit.
    const rate = links.reduce((a, b) => a + b, 0) / (took / 1000);
    return {
      ...cell,
      limit,
      tookMs: took,
      linksPerSecond: rate,
      share: rate / limit,
      requests: linkRequests.length,
      throttled: simulator.throttled,
      lost: links.filter((n) => n === 0).length,
      duplicated: links.filter((n) => n > 1).length,
      wire: wireOf(linkRequests, started, finishedAt, limit),
      maxInFlight: simulator.peakInFlight((r) => r.path === LINK_PATH),
      httpVersions: [...new Set(linkRequests.map((r) => r.httpVersion ?? '?'))],
      load: loadavg()[0]!,
      page: text,
    };
  } finally {
    await context.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

const fixed = (n: number, digits = 2) => n.toFixed(digits);
const answerTime = ({ ms, jitterMs }: Latency) => (ms === 0 ? 'at once' : `${ms} ± ${jitterMs ?? 0} ms`);
/** What the most requests in flight allow at this answer time (Little's law), e.g. "6 → ≤ 20/s". */
const ceiling = (r: Result) =>
  r.latency.ms === 0 ? `${r.maxInFlight}` : `${r.maxInFlight} → ≤ ${fixed(r.maxInFlight / (r.latency.ms / 1000), 1)}/s`;

async function main() {
  const cells = grid();
  const [one, five, fifteen] = loadavg().map((n) => fixed(n));
  console.log(
    `${cells.length} bulk jobs of ${ROWS} rows; ${cpus().length} CPUs, load average ${one} / ${five} / ${fifteen} (1, 5, 15 min).`,
  );
  const results: Result[] = [];
  for (const cell of cells) {
    const result = await run(cell);
    results.push(result);
    console.log(
      `  ${cell.model} ${answerTime(cell.latency)} ${cell.protocol}: ${fixed(result.share, 3)} of the limit (load ${fixed(result.load)})`,
    );
  }
  const header = [
    'model',
    'answer time',
    'protocol (seen)',
    'links/s',
    'share of limit (≥ 0.9)',
    '429s (< 1% of requests)',
    'rows lost / duplicated (0 / 0)',
    'time',
    'on the wire: req/s (share)',
    'most in flight → allows',
    'load (1 min)',
  ];
  const rows = results.map((r) => [
    `${r.model}: ${MODELS[r.model].describe}`,
    answerTime(r.latency),
    `${r.protocol} (${r.httpVersions.join(', ')})`,
    fixed(r.linksPerSecond),
    fixed(r.share, 3),
    `${r.throttled} of ${r.requests} (${fixed((r.throttled / r.requests) * 100)}%)`,
    `${r.lost} / ${r.duplicated}`,
    `${fixed(r.tookMs / 1000, 1)} s`,
    `${fixed(r.wire.perSecond)} (${fixed(r.wire.share, 3)})`,
    ceiling(r),
    fixed(r.load),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (columns: string[]) => `| ${columns.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`Bulk job of ${ROWS} rows against the Everflow simulator${EXTENSION_DIR ? ` (build: ${EXTENSION_DIR})` : ''}:`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  writeFileSync('bench-bulk-results.json', JSON.stringify({ rows: ROWS, results }, null, 2));
  console.log('Raw numbers: bench-bulk-results.json');
}

await main();
