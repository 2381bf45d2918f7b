// One pace for every call this extension makes to Everflow. Everflow allows N requests a second per
// customer, one bucket shared by every key, user and tool of the network, so the extension spaces its
// calls evenly (a little under the limit) instead of bursting, and on a 429 it stops for as long as
// Everflow asks and goes on more slowly, recovering step by step.
// Two lanes: people (popup, menu, look-ups) go before bulk rows, so a popup waits at most one gap,
// never behind a queue of a thousand rows. Bulk rows are also capped in flight: as many as the pace
// needs for the time Everflow takes to answer (Little's law: in flight = starts a second × answer
// time), measured from the permits handed out, so slow answers do not hold the pace back; fewer after
// a 429, climbing back as answers come.
// Pure: the clock and timers are injected, so it is unit-tested without waiting.

export type Lane = 'interactive' | 'bulk';

export interface LimiterClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const REAL_CLOCK: LimiterClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Spaced at this share of the limit: room for clock skew and network jitter at Everflow's end. */
export const PACE_MARGIN = 0.95;
/**
 * A start this late still counts as on schedule: setTimeout fires late, by hundreds of ms on a loaded
 * machine, and the time lost is caught up (at most ~7 starts close together at 30/s), which each of
 * Everflow's documented limits absorbs: a bucket with bursts of 50, or a count over 30 seconds.
 * Measured by npm run bench (bulk): at 10 ms the 30/s models reached 0.88–0.91 of the limit, at
 * 250 ms 0.91–0.94, with no 429.
 */
export const LATE_TIMER_MS = 250;
/** Bulk rows in flight when Everflow answers quickly (and before any answer is timed): few enough to stop fast. */
export const BULK_IN_FLIGHT_FLOOR = 8;
/** The most bulk rows ever in flight, however slowly Everflow answers (the bulk engine starts this many lanes). */
export const BULK_IN_FLIGHT_CEILING = 48;
/** Room above what the pace × answer time needs: answers vary, and a start must not wait for one. */
export const IN_FLIGHT_MARGIN = 1.25;
/**
 * Answers this much slower than they were at their quickest wait in a queue on the way (the browser
 * opens at most 6 HTTP/1.1 connections to a host), not at Everflow: more rows in flight would only
 * lengthen that queue, where a person's request would wait behind them. The allowance counts answer
 * time up to this many times the quickest (smoothed) answer time of the last minute.
 */
export const QUEUED_ANSWER_FACTOR = 1.5;
/** How long the quickest answer time counts before it is measured afresh (Everflow may have slowed down). */
export const QUICKEST_ANSWER_MAX_AGE_MS = 60_000;
/** After a 429 the pace drops to this share of what it was… */
export const SLOWDOWN_FACTOR = 0.8;
/** …and climbs back by this many requests a second for each calm second. */
export const RECOVERY_PER_SECOND = 1;

/** The longest of Everflow's documented rate-limit windows. */
export const RATE_LIMIT_WINDOW_MS = 30_000;

/** After the n-th 429 in a row with no Retry-After: 1 s, 2 s, 4 s, 8 s, 16 s, then the whole 30 s window. */
export function escalatingWaitMs(strike: number): number {
  return Math.min(RATE_LIMIT_WINDOW_MS, 1000 * 2 ** Math.max(0, strike - 1));
}

export interface Permit {
  /** Call when the request has finished (answered or failed), to free its place. */
  release(): void;
}

export interface AcquireOptions {
  signal?: AbortSignal | undefined;
  /** Give up (resolve undefined) rather than wait longer than this for a pause to end. */
  maxWaitMs?: number | undefined;
}

interface Waiter {
  lane: Lane;
  resolve: (permit: Permit | undefined) => void;
  maxWaitMs?: number | undefined;
  since: number;
}

export class RateLimiter {
  private limit: number;
  /** Requests a second right now: the limit, or less after a 429. */
  private pace: number;
  private nextStartAt = 0;
  /**
   * Starts of the last second, oldest first. Catching up after a late timer never puts more starts
   * than the pace into any one second: the pace a person sets is a ceiling, not an average.
   */
  private readonly recentStarts: number[] = [];
  private pausedUntil = 0;
  private calmSince = 0;
  private bulkInFlight = 0;
  private readonly waiting: Waiter[] = [];
  private timer: unknown;
  private timerAt = 0;
  /** Answer time (acquire → release) smoothed as TCP times round trips (RFC 6298), its mean deviation, and its lowest lately. */
  private answerMs: number | undefined;
  private answerDeviationMs = 0;
  private quickestMs = Infinity;
  private quickestAt = 0;
  /** After a 429: bulk rows in flight at most; halved by each, one more for each round of answers. */
  private bulkCap: number = BULK_IN_FLIGHT_CEILING;
  private lastBackOffAt = -Infinity;

  constructor(
    perSecond: number,
    private readonly clock: LimiterClock = REAL_CLOCK,
  ) {
    this.limit = perSecond;
    this.pace = perSecond;
  }

  /** The configured requests a second (settings changed). */
  setLimit(perSecond: number): void {
    if (perSecond === this.limit) return;
    this.limit = perSecond;
    // Not slowed by a 429: take the new pace at once. Slowed: recover() climbs to it (never above).
    this.pace = this.calmSince === 0 ? perSecond : Math.min(this.pace, perSecond);
    this.pump();
  }

  get currentPace(): number {
    return this.pace;
  }

  /**
   * How many bulk rows may be in flight now: starts a second × answer time (give or take its usual
   * spread, and no more than queued answers justify), with a margin; between the floor and the ceiling,
   * and under the cap a 429 set.
   */
  private get bulkAllowance(): number {
    const spreadMs = (this.answerMs ?? 0) + 2 * this.answerDeviationMs;
    const answerMs = Math.min(spreadMs, this.quickestMs * QUEUED_ANSWER_FACTOR);
    const needed = Math.ceil(((this.pace * PACE_MARGIN * answerMs) / 1000) * IN_FLIGHT_MARGIN);
    const allowance = Math.min(BULK_IN_FLIGHT_CEILING, Math.max(BULK_IN_FLIGHT_FLOOR, needed));
    return Math.max(1, Math.min(allowance, Math.floor(this.bulkCap)));
  }

  /** A permit held `ms`: one more answer time. A permit handed out before the last 429 does not raise the cap. */
  private answered(ms: number, grantedAt: number): void {
    const now = this.clock.now();
    if (this.answerMs === undefined) {
      this.answerMs = ms;
      this.answerDeviationMs = ms / 2;
    } else {
      this.answerDeviationMs += (Math.abs(ms - this.answerMs) - this.answerDeviationMs) / 4;
      this.answerMs += (ms - this.answerMs) / 8;
    }
    // Smoothed, so one request cut short (aborted, refused by the browser) does not count as Everflow's speed.
    if (this.answerMs <= this.quickestMs || now - this.quickestAt > QUICKEST_ANSWER_MAX_AGE_MS) {
      this.quickestMs = this.answerMs;
      this.quickestAt = now;
    }
    if (grantedAt >= this.lastBackOffAt && this.bulkCap < BULK_IN_FLIGHT_CEILING) {
      this.bulkCap = Math.min(BULK_IN_FLIGHT_CEILING, this.bulkCap + 1 / Math.max(1, this.bulkCap));
    }
  }

  /** Waits for this request's turn. Undefined when cancelled or when the wait would exceed maxWaitMs. */
  acquire(lane: Lane, options: AcquireOptions = {}): Promise<Permit | undefined> {
    if (options.signal?.aborted) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const signal = options.signal;
      const onAbort = () => this.drop(waiter);
      const waiter: Waiter = {
        lane,
        // Its turn came or it gave up: the job's signal no longer needs to hear of it (one listener per row would pile up).
        resolve: (permit) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(permit);
        },
        maxWaitMs: options.maxWaitMs,
        since: this.clock.now(),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      // People first: an interactive request goes ahead of every waiting bulk row.
      const firstBulk = lane === 'interactive' ? this.waiting.findIndex((w) => w.lane === 'bulk') : -1;
      if (firstBulk === -1) this.waiting.push(waiter);
      else this.waiting.splice(firstBulk, 0, waiter);
      this.pump();
    });
  }

  /**
   * Everflow answered 429 without saying how long to wait (no version of its docs promises Retry-After,
   * and two count the limit over a 30-second window): pause for longer each time, up to the window.
   * A 429 for a request sent before the current pause adds nothing: the pause already covers it.
   * Returns how long everyone now waits.
   */
  strike(): number {
    const now = this.clock.now();
    if (now < this.pausedUntil) return this.pausedUntil - now;
    this.strikes++;
    const wait = escalatingWaitMs(this.strikes);
    this.backOff(wait);
    return wait;
  }

  /** Everflow answered: the next 429 starts the escalation afresh. */
  calm(): void {
    this.strikes = 0;
  }

  /** How long a request asked for now would wait for a pause to end. */
  pausedForMs(): number {
    return Math.max(0, this.pausedUntil - this.clock.now());
  }

  private strikes = 0;

  /** Everflow answered 429: wait `waitMs` before anything else goes, then go on more slowly, with fewer rows in flight. */
  backOff(waitMs: number): void {
    const now = this.clock.now();
    // The rows in flight when it came meet the same 429: one fall-back for them all.
    if (now >= this.pausedUntil) this.bulkCap = Math.max(1, Math.floor(Math.min(this.bulkCap, this.bulkAllowance) / 2));
    this.lastBackOffAt = now;
    this.pausedUntil = Math.max(this.pausedUntil, now + waitMs);
    this.pace = Math.max(1, this.pace * SLOWDOWN_FACTOR);
    this.calmSince = this.pausedUntil;
    this.pump();
  }

  private drop(waiter: Waiter): void {
    if (this.remove(waiter)) this.pump();
  }

  private remove(waiter: Waiter): boolean {
    const index = this.waiting.indexOf(waiter);
    if (index === -1) return false;
    this.waiting.splice(index, 1);
    waiter.resolve(undefined);
    return true;
  }

  private recover(now: number): void {
    if (this.pace >= this.limit || this.calmSince === 0 || now <= this.calmSince) return;
    const calmSeconds = (now - this.calmSince) / 1000;
    this.pace = Math.min(this.limit, this.pace + calmSeconds * RECOVERY_PER_SECOND);
    this.calmSince = this.pace >= this.limit ? 0 : now;
  }

  private pump(): void {
    const now = this.clock.now();
    this.recover(now);
    // Nobody waits through a pause longer than they agreed to.
    const wait = Math.max(this.pausedUntil, this.nextStartAt, this.secondFreeAt(now)) - now;
    const tooLong = this.waiting.filter((waiter) => waiter.maxWaitMs !== undefined && wait > waiter.maxWaitMs);
    for (const waiter of tooLong) this.remove(waiter);
    while (this.waiting.length > 0) {
      const startAt = Math.max(this.pausedUntil, this.nextStartAt, this.secondFreeAt(now));
      if (startAt > now) return this.wakeAt(startAt);
      const allowance = this.bulkAllowance;
      const index = this.waiting.findIndex((w) => w.lane === 'interactive' || this.bulkInFlight < allowance);
      // Only bulk rows wait, and the bulk lane is full: the next release pumps again.
      if (index === -1) return;
      const [waiter] = this.waiting.splice(index, 1) as [Waiter];
      const gap = 1000 / (this.pace * PACE_MARGIN);
      // A busy limiter keeps to its schedule: a timer that fires late must not push every later
      // start back too (that drift cost ~5% of the pace). Much later (idle), it starts afresh from now.
      this.nextStartAt = (this.nextStartAt >= now - LATE_TIMER_MS ? this.nextStartAt : now) + gap;
      this.recentStarts.push(now);
      if (waiter.lane === 'bulk') this.bulkInFlight++;
      let released = false;
      waiter.resolve({
        release: () => {
          if (released) return;
          released = true;
          if (waiter.lane === 'bulk') this.bulkInFlight--;
          this.answered(this.clock.now() - now, now);
          this.pump();
        },
      });
    }
  }

  /** When one more start fits in a second (the last `pace` starts span a full second); 0 when it fits now. */
  private secondFreeAt(now: number): number {
    while (this.recentStarts.length > 0 && this.recentStarts[0]! <= now - 1000) this.recentStarts.shift();
    const perSecond = Math.max(1, Math.floor(this.pace));
    return this.recentStarts.length < perSecond ? 0 : this.recentStarts[this.recentStarts.length - perSecond]! + 1000;
  }

  private wakeAt(at: number): void {
    if (this.timer !== undefined && this.timerAt <= at) return;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = undefined;
        this.pump();
      },
      Math.max(0, at - this.clock.now()),
    );
  }
}
