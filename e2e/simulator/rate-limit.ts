// The three rate-limit models Everflow's docs describe (user-guide/rate-limiting, in its versions):
// one counter per network and kind of key, shared by every key of that kind ("Everflow's limits are
// per network and per kind of key"): network keys 30/s (20/s in the older docs), partner keys 5/s with
// bursts of 20. Each answers X-RateLimit-Limit and X-RateLimit-Remaining, and never Retry-After (no
// version of the docs promises it).

export type RateLimitModel = 'bucket' | 'window30' | 'window20' | 'none';

export const MODELS: Record<Exclude<RateLimitModel, 'none'>, { perSecond: number; describe: string }> = {
  bucket: { perSecond: 30, describe: 'token bucket: 30/s sustained, bursts of 50' },
  window30: { perSecond: 30, describe: '30/s counted over a 30-second window (900 per window)' },
  window20: { perSecond: 20, describe: '20/s over a 30-second window (600 per window), then 429 until it resets' },
};

export const WINDOW_MS = 30_000;
export const BUCKET_BURST = 50;
/** Partner (affiliate) keys: 5 requests a second, bursts of 20 (counted over 30 s by the window models). */
export const PARTNER_PER_SECOND = 5;
export const PARTNER_BURST = 20;

export type KeyKind = 'network' | 'affiliate';

export interface Verdict {
  allowed: boolean;
  headers: Record<string, string>;
}

export interface RateLimiter {
  take(now: number): Verdict;
  /** Other keys and users of the same network spend this many requests a second of the same limit. */
  others?: number;
  /**
   * Others have just spent everything that was left (the bucket is empty, the window used up); for a
   * window, `resetsInMs` presets how soon it resets (default: a whole window from now).
   */
  spend?(now: number, resetsInMs?: number): void;
}

/** (a) The current page: a bucket of `burst` tokens refilled at `perSecond`. */
export class TokenBucket implements RateLimiter {
  others = 0;
  private tokens: number;
  private at: number | undefined;
  constructor(
    readonly perSecond = 30,
    readonly burst = BUCKET_BURST,
  ) {
    this.tokens = burst;
  }
  spend(now: number): void {
    this.tokens = 0;
    this.at = now;
  }
  take(now: number): Verdict {
    if (this.at !== undefined)
      this.tokens = Math.max(0, Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * (this.perSecond - this.others)));
    this.at = now;
    const allowed = this.tokens >= 1;
    if (allowed) this.tokens -= 1;
    return { allowed, headers: { 'X-RateLimit-Limit': String(this.perSecond), 'X-RateLimit-Remaining': String(Math.floor(this.tokens)) } };
  }
}

/** (b) and (c): `perSecond × 30` requests per fixed 30-second window; over it, every request is 429 until the window resets. */
export class FixedWindow implements RateLimiter {
  others = 0;
  private start: number | undefined;
  private at = 0;
  private used = 0;
  constructor(
    readonly perSecond: number,
    readonly windowMs = WINDOW_MS,
  ) {}
  get capacity(): number {
    return (this.perSecond * this.windowMs) / 1000;
  }
  spend(now: number, resetsInMs = this.windowMs): void {
    this.start = now - (this.windowMs - Math.min(this.windowMs, Math.max(0, resetsInMs)));
    this.at = now;
    this.used = this.capacity;
  }
  take(now: number): Verdict {
    if (this.start === undefined || now - this.start >= this.windowMs) {
      this.start = now;
      this.at = now;
      this.used = 0;
    }
    this.used = Math.min(this.capacity, this.used + ((now - this.at) / 1000) * this.others);
    this.at = now;
    const allowed = this.used < this.capacity;
    if (allowed) this.used++;
    return {
      allowed,
      headers: { 'X-RateLimit-Limit': String(this.capacity), 'X-RateLimit-Remaining': String(Math.floor(this.capacity - this.used)) },
    };
  }
}

export const UNLIMITED: RateLimiter = { take: () => ({ allowed: true, headers: {} }) };

export function makeLimiter(model: RateLimitModel, kind: KeyKind = 'network'): RateLimiter {
  if (model === 'none') return UNLIMITED;
  if (kind === 'affiliate')
    return model === 'bucket' ? new TokenBucket(PARTNER_PER_SECOND, PARTNER_BURST) : new FixedWindow(PARTNER_PER_SECOND);
  return model === 'bucket' ? new TokenBucket() : new FixedWindow(MODELS[model].perSecond);
}
