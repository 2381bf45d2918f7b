import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BulkJob, BulkResult } from '../shared/bulk/bulk-job';
import { MIN_ROWS, MIN_SPAN_MS, describePace, describeTimeLeft, paceAt, progressOf, steadyPace, type ShownPace } from './bulk-progress';
import { sampleJob } from '../../e2e/unit-fixtures/test-bulk-job';

const ok = (at: number): BulkResult => ({ ok: true, job: 'job-1', url: 'https://t.example/', at });
const bad = (at: number): BulkResult => ({ ok: false, job: 'job-1', message: 'No.', at });
const rows = (count: number) => Array.from({ length: count }, (_, i) => ({ targetId: 1, affiliateId: i + 1 }));
/** A running job of `count` rows that began running at `since` (ms on the test's clock). */
const running = (count: number, since = 0, over: Partial<BulkJob> = {}) =>
  sampleJob({ rows: rows(count), createdAt: since, runningSince: since, ...over });
/** `count` results, one every `gapMs`, the first at `from`. */
const every = (gapMs: number, count: number, from: number) => Array.from({ length: count }, (_, i) => ok(from + i * gapMs));

/** A small seeded generator, so the jittered runs below are the same every time. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('progressOf', () => {
  it('counts done, failed and remaining', () => {
    const progress = progressOf(running(100), [...every(100, 20, 1000), bad(3000)], 3000);
    expect(progress).toMatchObject({ total: 100, done: 20, failed: 1, remaining: 79 });
  });

  it('measures the pace from the rows that finished, not from the pace set in Options: 8 a second, 760 to go → 95 s', () => {
    // 40 rows over the last 5 s (one every 125 ms), the last one just now.
    const { pace } = progressOf(running(800), every(125, 40, 10_000), 10_000 + 39 * 125);
    expect(pace?.perSecond).toBeCloseTo(8, 5);
    expect(pace?.secondsLeft).toBeCloseTo(95, 5);
  });

  it('says nothing until there is enough to measure: MIN_ROWS rows, over MIN_SPAN_MS', () => {
    const start = 50_000;
    // Too few rows, however long it took.
    expect(progressOf(running(100, start), every(2000, MIN_ROWS - 1, start + 100), start + 60_000).pace).toBeUndefined();
    // Enough rows, too short a time: a burst at the start says little about the pace that follows.
    expect(progressOf(running(100, start), every(10, 50, start + 100), start + 100 + MIN_SPAN_MS - 1).pace).toBeUndefined();
    expect(progressOf(running(100, start), every(10, 50, start + 100), start + 100 + MIN_SPAN_MS).pace).toBeDefined();
  });

  it('a pause does not poison the pace: only the rows since the job was resumed count', () => {
    // 40 rows at 10 a second, paused at 4 s for ten minutes (two rows in flight answered meanwhile), resumed at 604 s.
    const before = [...every(100, 40, 0), ok(4_100), ok(4_200)];
    const resumed = 604_000;
    const job = running(200, 0, { runningSince: resumed, ranMs: 4_000 });
    // Just after Resume: not enough rows of this run yet, so nothing is said (rather than "about 3 h left").
    const early = [...before, ...every(100, 3, resumed + 100)];
    expect(progressOf(job, early, resumed + 400).pace).toBeUndefined();
    // Three seconds on, 30 rows of this run: 10 a second again, 128 to go.
    const later = [...before, ...every(100, 30, resumed + 100)];
    const { pace } = progressOf(job, later, resumed + 3_100);
    expect(pace?.perSecond).toBeCloseTo(29 / 3, 5);
    expect(pace?.secondsLeft).toBeCloseTo(128 / (29 / 3), 5);
  });

  it('while nothing arrives (Everflow’s rate limit holding every row back), the pace falls and the time left grows', () => {
    const job = running(400);
    const results = every(100, 100, 0);
    const steady = progressOf(job, results, 9_900).pace!;
    const stalled = progressOf(job, results, 39_900).pace!;
    expect(steady.secondsLeft).toBeCloseTo(30, 0);
    expect(stalled.perSecond).toBeLessThan(steady.perSecond / 5);
    expect(stalled.secondsLeft).toBeGreaterThan(steady.secondsLeft * 5);
  });

  it('has no pace when paused or when nothing remains, and a finished job says how long it ran', () => {
    const results = every(100, 50, 0);
    expect(progressOf(running(100, 0, { state: 'paused' }), results, 6_000).pace).toBeUndefined();
    expect(progressOf(running(50), results, 6_000)).toStrictEqual({ total: 50, done: 50, failed: 0, remaining: 0 });
    expect(progressOf(running(50, 0, { state: 'done', ranMs: 4_900 }), results, 6_000).tookMs).toBe(4_900);
    // A job finished before its running time was kept: nothing is made up.
    expect(progressOf(running(50, 0, { state: 'done' }), results, 6_000).tookMs).toBeUndefined();
  });
});

/** Samples what the page shows once a second while `results` arrive for `job`, until nothing remains. */
function shownEachSecond(job: BulkJob, results: BulkResult[], from: number, until: number): { at: number; secondsLeft?: number }[] {
  let shown: ShownPace | undefined;
  const seen = [];
  for (let now = from; now <= until; now += 1000) {
    const arrived = results.filter((result) => result.at <= now);
    shown = steadyPace(shown, progressOf(job, arrived, now).pace, now);
    seen.push({ at: now, ...(shown ? { secondsLeft: paceAt(shown, now).secondsLeft } : {}) });
  }
  return seen;
}

/**
 * Rows arriving at `perSecond`, each gap off by up to ±`jitter` of it, and now and then (one row in
 * `hiccupEvery`) a wait of 1 to 3 s, as when Everflow is slow to answer for a moment.
 */
function jittered(count: number, perSecond: number, jitter: number, random: () => number, hiccupEvery = Infinity): BulkResult[] {
  const gap = 1000 / perSecond;
  let at = 300;
  return Array.from({ length: count }, () => {
    const hiccup = random() < 1 / hiccupEvery ? 1000 + 2000 * random() : 0;
    return ok((at += gap * (1 + jitter * (2 * random() - 1)) + hiccup));
  });
}

describe('steadyPace: the time left a person sees', () => {
  it('counts down a second each second while rows arrive unevenly, and stays near the truth', () => {
    const results = jittered(1000, 20, 0.6, seeded(7));
    const end = results.at(-1)!.at;
    const seen = shownEachSecond(running(1000), results, 0, end - 1000).filter((sample) => sample.secondsLeft !== undefined);
    expect(seen.length).toBeGreaterThan(40);
    const steps = seen.slice(1).map((sample, i) => seen[i]!.secondsLeft! - sample.secondsLeft!);
    // Every second it goes down by one; a new measure is taken at most twice in the whole job, never upwards by much.
    expect(steps.filter((step) => Math.abs(step - 1) > 1e-9).length).toBeLessThanOrEqual(2);
    expect(Math.min(...steps)).toBeGreaterThan(-3);
    for (const sample of seen) {
      const truth = (end - sample.at) / 1000;
      expect(Math.abs(sample.secondsLeft! - truth)).toBeLessThanOrEqual(Math.max(5, truth * 0.2) + 1);
    }
  });

  it('what a person reads goes up rarely (twice, and once more each half minute at most), however unevenly rows arrive', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 200, max: 2000 }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.integer(),
        (perSecond, count, jitter, seed) => {
          // A wait of 1 to 3 s about every 20 s.
          const results = jittered(count, perSecond, jitter, seeded(seed), perSecond * 20);
          const seen = shownEachSecond(running(count), results, 0, results.at(-1)!.at);
          // As read: "about 45 s left" is 45, "about 3 min left" 180.
          const read = seen.flatMap((sample) => (sample.secondsLeft === undefined ? [] : [sample.secondsLeft]));
          const rounded = read.map((left) => (left < 90 ? Math.round(left / 5) * 5 : left < 5400 ? Math.round(left / 60) * 60 : 0));
          const rises = rounded.filter((left, i) => i > 0 && left > rounded[i - 1]!).length;
          return rises <= 2 + results.at(-1)!.at / 30_000;
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a real change is shown: a 30-second wait for Everflow’s rate limit moves the time left up once', () => {
    // 10 a second for 20 s, then nothing for 30 s, then 10 a second again.
    const results = [...every(100, 200, 100), ...every(100, 300, 50_100)];
    const seen = shownEachSecond(running(500), results, 0, 60_000);
    const at = (ms: number) => seen.find((sample) => sample.at === ms)!.secondsLeft!;
    expect(at(20_000)).toBeCloseTo(30, -1);
    const rises = seen.slice(1).filter((sample, i) => (sample.secondsLeft ?? 0) > (seen[i]!.secondsLeft ?? Infinity));
    expect(rises.length).toBeGreaterThanOrEqual(1);
    expect(at(45_000)).toBeGreaterThan(at(20_000));
  });

  it('nothing is shown once the measured pace is gone (paused, finished)', () => {
    const shown: ShownPace = { perSecond: 10, secondsLeft: 60, at: 0 };
    expect(steadyPace(shown, undefined, 1000)).toBeUndefined();
  });
});

describe('describePace and describeTimeLeft', () => {
  it.each([
    [28.4, '28 links/s'],
    [9.96, '10.0 links/s'],
    [2.46, '2.5 links/s'],
  ])('%d a second → %s', (perSecond, text) => {
    expect(describePace(perSecond)).toBe(text);
  });

  it.each([
    [2, 'less than 5 s left'],
    [42, 'about 40 s left'],
    [89, 'about 90 s left'],
    [150, 'about 3 min left'],
    [7200, 'about 2 h left'],
  ])('%d s → %s', (seconds, text) => {
    expect(describeTimeLeft(seconds)).toBe(text);
  });
});
