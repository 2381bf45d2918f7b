import { describe, expect, it } from 'vitest';
import {
  BULK_IN_FLIGHT_CEILING,
  BULK_IN_FLIGHT_FLOOR,
  PACE_MARGIN,
  RateLimiter,
  type Lane,
  type LimiterClock,
  type Permit,
} from './rate-limiter';

/** A clock that moves only when told, running due timers in order. */
class FakeClock implements LimiterClock {
  time = 1_000_000;
  /** Real timers fire a little late; so can these. */
  constructor(private readonly lateMs = 0) {}
  private timers: { at: number; callback: () => void; handle: number }[] = [];
  private nextHandle = 1;
  now = () => this.time;
  setTimeout = (callback: () => void, ms: number) => {
    const handle = this.nextHandle++;
    this.timers.push({ at: this.time + ms + this.lateMs, callback, handle });
    return handle;
  };
  clearTimeout = (handle: unknown) => {
    this.timers = this.timers.filter((timer) => timer.handle !== handle);
  };
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await flush();
      const due = this.timers.filter((timer) => timer.at <= end).toSorted((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = Math.max(this.time, due.at);
      due.callback();
    }
    this.time = end;
    await flush();
  }
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

/** Starts `count` requests on `lane` and records when each was let through; each finishes at once. */
function start(limiter: RateLimiter, clock: FakeClock, lane: Lane, count: number, starts: { lane: Lane; at: number }[], hold = false) {
  const permits: Permit[] = [];
  for (let i = 0; i < count; i++) {
    void limiter.acquire(lane).then((permit) => {
      if (!permit) return;
      starts.push({ lane, at: clock.now() });
      if (hold) permits.push(permit);
      else permit.release();
    });
  }
  return permits;
}

describe('RateLimiter', () => {
  it.each([5, 20])('catching up after late timers never puts more than the pace (%d/s) into any one second', async (pace) => {
    // Every timer fires 240 ms late: still "on schedule" for the catch-up, so starts bunch up.
    const clock = new FakeClock(240);
    const limiter = new RateLimiter(pace, clock);
    const starts: { lane: Lane; at: number }[] = [];
    start(limiter, clock, 'bulk', pace * 4, starts);
    await clock.advance(10_000);
    expect(starts).toHaveLength(pace * 4);
    const times = starts.map((s) => s.at);
    for (const at of times) expect(times.filter((t) => t > at - 1000 && t <= at).length).toBeLessThanOrEqual(pace);
  });

  it('lets the first request through at once when idle', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(20, clock);
    const starts: { lane: Lane; at: number }[] = [];
    start(limiter, clock, 'interactive', 1, starts);
    await clock.advance(0);
    expect(starts).toEqual([{ lane: 'interactive', at: clock.time }]);
  });

  it('spaces requests evenly a little under the limit: never more than the limit in any second', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(20, clock);
    const starts: { lane: Lane; at: number }[] = [];
    start(limiter, clock, 'bulk', 100, starts);
    await clock.advance(10_000);
    expect(starts).toHaveLength(100);
    const times = starts.map((s) => s.at);
    for (let i = 0; i < times.length; i++) {
      const inWindow = times.filter((t) => t > times[i]! - 1000 && t <= times[i]!).length;
      expect(inWindow).toBeLessThanOrEqual(20);
    }
    // …and not much under it: 100 requests take about 100 / (20 × margin) seconds.
    const took = (times.at(-1)! - times[0]!) / 1000;
    expect(took).toBeCloseTo(99 / (20 * PACE_MARGIN), 1);
  });

  it('keeps its pace when timers fire late, without ever exceeding the limit', async () => {
    const clock = new FakeClock(4);
    const limiter = new RateLimiter(20, clock);
    const starts: { lane: Lane; at: number }[] = [];
    start(limiter, clock, 'bulk', 100, starts);
    await clock.advance(10_000);
    const times = starts.map((s) => s.at);
    const took = (times.at(-1)! - times[0]!) / 1000;
    expect(took).toBeLessThan((99 / (20 * PACE_MARGIN)) * 1.01);
    for (let i = 0; i < times.length; i++) {
      expect(times.filter((t) => t > times[i]! - 1000 && t <= times[i]!).length).toBeLessThanOrEqual(20);
    }
  });

  it('lets a person’s request go before every waiting bulk row', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(20, clock);
    const starts: { lane: Lane; at: number }[] = [];
    start(limiter, clock, 'bulk', 1000, starts);
    await clock.advance(200);
    const before = clock.time;
    start(limiter, clock, 'interactive', 1, starts);
    await clock.advance(100);
    const popup = starts.find((s) => s.lane === 'interactive')!;
    // At most one gap (~53 ms), not 1,000 rows (~50 s).
    expect(popup.at - before).toBeLessThanOrEqual(Math.ceil(1000 / (20 * PACE_MARGIN)));
  });

  it('runs at most BULK_IN_FLIGHT_FLOOR bulk rows at once before any answer is timed, but never holds a person back for that', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(30, clock);
    const starts: { lane: Lane; at: number }[] = [];
    const permits = start(limiter, clock, 'bulk', 20, starts, true);
    await clock.advance(5000);
    expect(starts).toHaveLength(BULK_IN_FLIGHT_FLOOR);
    start(limiter, clock, 'interactive', 1, starts);
    await clock.advance(100);
    expect(starts.filter((s) => s.lane === 'interactive')).toHaveLength(1);
    permits[0]!.release();
    permits[0]!.release(); // twice is harmless: one place freed
    await clock.advance(100);
    expect(starts.filter((s) => s.lane === 'bulk')).toHaveLength(BULK_IN_FLIGHT_FLOOR + 1);
  });

  it('on a 429 sends nothing until Retry-After has passed, then goes on more slowly and recovers', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(20, clock);
    const starts: { lane: Lane; at: number }[] = [];
    start(limiter, clock, 'bulk', 200, starts);
    await clock.advance(500);
    const t429 = clock.time;
    const sentBefore = starts.length;
    limiter.backOff(2000);
    expect(limiter.currentPace).toBeLessThan(20);
    await clock.advance(1999);
    expect(starts.length).toBe(sentBefore);
    await clock.advance(2);
    expect(starts.length).toBe(sentBefore + 1);
    expect(starts.at(-1)!.at).toBeGreaterThanOrEqual(t429 + 2000);
    await clock.advance(15_000);
    expect(limiter.currentPace).toBe(20);
  });

  it('a request that would wait longer than it allows is refused at once', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(20, clock);
    limiter.backOff(60_000);
    const permit = limiter.acquire('interactive', { maxWaitMs: 10_000 });
    await clock.advance(0);
    await expect(permit).resolves.toBeUndefined();
  });

  it('a cancelled wait gives up its turn', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(1, clock);
    const starts: { lane: Lane; at: number }[] = [];
    start(limiter, clock, 'bulk', 1, starts);
    const controller = new AbortController();
    const cancelled = limiter.acquire('interactive', { signal: controller.signal });
    controller.abort();
    await expect(cancelled).resolves.toBeUndefined();
    start(limiter, clock, 'interactive', 1, starts);
    await clock.advance(1100);
    expect(starts).toHaveLength(2);
  });

  it('follows a changed limit', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(5, clock);
    limiter.setLimit(30);
    const starts: { lane: Lane; at: number }[] = [];
    start(limiter, clock, 'bulk', 60, starts);
    await clock.advance(2000);
    expect(starts.length).toBeGreaterThanOrEqual(55);
    expect(starts.length).toBeLessThanOrEqual(60);
  });
});

/**
 * Bulk rows that Everflow answers `answerMs(i)` after they start: when each started, and how many
 * were in flight at once (most, and over time).
 */
function answered(limiter: RateLimiter, clock: FakeClock, count: number, answerMs: (i: number) => number) {
  const run = { starts: [] as number[], inFlight: 0, peak: 0, inFlightAt: [] as { at: number; inFlight: number }[] };
  for (let i = 0; i < count; i++) {
    void limiter.acquire('bulk').then((permit) => {
      if (!permit) return;
      run.starts.push(clock.now());
      run.peak = Math.max(run.peak, ++run.inFlight);
      run.inFlightAt.push({ at: clock.now(), inFlight: run.inFlight });
      clock.setTimeout(() => {
        run.inFlight--;
        permit.release();
      }, answerMs(i));
    });
  }
  return run;
}

/** The most starts in any one second. */
const busiestSecond = (times: number[]) => Math.max(...times.map((at) => times.filter((t) => t > at - 1000 && t <= at).length));
/** The most in flight at once between two times. */
const peakBetween = (run: ReturnType<typeof answered>, from: number, to: number) =>
  Math.max(0, ...run.inFlightAt.filter((p) => p.at >= from && p.at < to).map((p) => p.inFlight));
/** A reproducible spread of answer times: `ms` give or take `jitterMs`. */
const jittered = (ms: number, jitterMs: number) => (i: number) => ms + ((((i * 7919) % 101) / 100) * 2 - 1) * jitterMs;

describe('bulk rows in flight: as many as the pace needs for Everflow’s answer time', () => {
  const PACE = 30;
  /** `rows` rows at 30/s take this long to start when nothing holds them back. */
  const paced = (rows: number) => ((rows - 1) / (PACE * PACE_MARGIN)) * 1000;

  it.each([
    [0, BULK_IN_FLIGHT_FLOOR, BULK_IN_FLIGHT_FLOOR],
    [300, BULK_IN_FLIGHT_FLOOR + 1, 16],
    [1000, 28, 40],
  ])('answers in %d ms: the pace is kept, with %d to %d rows in flight', async (latency, least, most) => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(PACE, clock);
    const run = answered(limiter, clock, 300, () => latency);
    await clock.advance(30_000);
    expect(run.starts).toHaveLength(300);
    // Once the first answers are timed (the first second), at the pace. The old fixed cap of 8 made
    // 300 ms answers start at 8 / 0.3 s ≈ 27/s, and 1 s answers at 8/s.
    expect(run.starts.at(-1)! - run.starts[49]!).toBeLessThanOrEqual(paced(251) * 1.02);
    expect(run.peak).toBeGreaterThanOrEqual(latency === 0 ? 1 : least);
    expect(run.peak).toBeLessThanOrEqual(most);
  });

  it('never more than the ceiling in flight, however slow the answers', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(PACE, clock);
    const run = answered(limiter, clock, 400, () => 5000);
    await clock.advance(60_000);
    expect(run.starts).toHaveLength(400);
    expect(run.peak).toBe(BULK_IN_FLIGHT_CEILING);
  });

  it('never lets more than the pace start in any second, with answers spread and timers firing late', async () => {
    const clock = new FakeClock(240);
    const limiter = new RateLimiter(PACE, clock);
    const run = answered(limiter, clock, 300, jittered(300, 100));
    await clock.advance(30_000);
    expect(run.starts).toHaveLength(300);
    expect(busiestSecond(run.starts)).toBeLessThanOrEqual(PACE);
  });

  it('a person’s request still goes ahead of every waiting bulk row while many are in flight', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(PACE, clock);
    const run = answered(limiter, clock, 1000, () => 1000);
    await clock.advance(5000);
    expect(run.inFlight).toBeGreaterThan(BULK_IN_FLIGHT_FLOOR);
    const before = clock.time;
    const starts: { lane: Lane; at: number }[] = [];
    start(limiter, clock, 'interactive', 1, starts);
    await clock.advance(100);
    expect(starts[0]!.at - before).toBeLessThanOrEqual(Math.ceil(1000 / (PACE * PACE_MARGIN)));
  });

  it('after a 429, fewer rows go in flight, and as answers come, as many as before', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(PACE, clock);
    const run = answered(limiter, clock, 2000, () => 1000);
    await clock.advance(8000);
    const before = peakBetween(run, clock.time - 3000, clock.time);
    expect(before).toBeGreaterThanOrEqual(28);
    const at429 = clock.time;
    limiter.backOff(2000);
    await clock.advance(4000);
    // The first second after the pause, before any of its answers: the slower pace alone (80%) would
    // put 23 in flight; half the allowance goes.
    const after = peakBetween(run, at429 + 2000, at429 + 3000);
    expect(after).toBeGreaterThanOrEqual(1);
    expect(after).toBeLessThanOrEqual(Math.ceil((before * 2) / 3));
    await clock.advance(30_000);
    expect(peakBetween(run, at429 + 25_000, at429 + 34_000)).toBeGreaterThanOrEqual(28);
  });

  it('answers slowed by a queue on the way (six connections) do not pile more rows into that queue', async () => {
    // A browser with six HTTP/1.1 connections to Everflow, which answers in 300 ms: at most 20/s get
    // through, and a request past the six waits for a connection.
    const clock = new FakeClock();
    const limiter = new RateLimiter(PACE, clock);
    let busy = 0;
    const queue: (() => void)[] = [];
    const connection = (done: () => void) => {
      busy++;
      clock.setTimeout(() => {
        busy--;
        done();
        queue.shift()?.();
      }, 300);
    };
    let outstanding = 0;
    let peak = 0;
    let done = 0;
    for (let i = 0; i < 400; i++) {
      void limiter.acquire('bulk').then((permit) => {
        peak = Math.max(peak, ++outstanding);
        const finish = () => {
          outstanding--;
          done++;
          permit!.release();
        };
        if (busy < 6) connection(finish);
        else queue.push(() => connection(finish));
      });
    }
    await clock.advance(40_000);
    expect(done).toBe(400);
    // Without the check, Little's law on those ever slower answers would fill the ceiling (48), a
    // queue of 42 that a person's request would wait behind (about 2 s).
    expect(peak).toBeLessThanOrEqual(20);
  });
});

describe('strike: a 429 without Retry-After', () => {
  it('pauses for 1, 2, 4… s up to the 30-second window, ignores 429s inside a pause, and starts afresh after calm()', async () => {
    const { RateLimiter: Limiter, escalatingWaitMs } = await import('./rate-limiter');
    let now = 0;
    const clock = { now: () => now, setTimeout: () => 0, clearTimeout: () => undefined };
    const limiter = new Limiter(20, clock);
    expect([1, 2, 3, 4, 5, 6, 7].map(escalatingWaitMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(limiter.strike()).toBe(1000);
    now = 500;
    expect(limiter.strike()).toBe(500);
    expect(limiter.pausedForMs()).toBe(500);
    now = 1000;
    expect(limiter.strike()).toBe(2000);
    now = 3000;
    limiter.calm();
    expect(limiter.strike()).toBe(1000);
  });
});
