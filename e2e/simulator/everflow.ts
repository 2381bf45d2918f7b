// The simulated Everflow API: answers the documented endpoints the extension calls with the documented
// shapes, and refuses what Everflow refuses, for several networks, each with its network keys and
// partner keys. Every request is recorded (with the protocol it came over and when it was answered);
// a test may override answers the docs do not describe (hangs, aborts, broken bodies, a particular
// status) with `answer()`, and choose how the transport behaves (HTTP/2 or HTTP/1.1, answer time).
// Rules and their sources: docs/simulator.md.
import { NETWORK_INFO_PATHS, NetworkApi, type NetworkInfoPath } from './network-api';
import { findAffiliate, seedNetworks, type ApiKey, type Network } from './network';
import { PartnerApi, type PartnerUrlField } from './partner-api';
import { makeLimiter, type KeyKind, type RateLimitModel, type RateLimiter } from './rate-limit';
import { failWith, type ErrorField, type Reply } from './replies';

export type { Reply } from './replies';

export const API_HOSTS = ['api.eflow.team', 'api-eu.eflow.team'] as const;
const REGION_OF_HOST: Record<string, 'us' | 'eu'> = { 'api.eflow.team': 'us', 'api-eu.eflow.team': 'eu' };
export const LINK_PATH = '/v1/networks/tracking/offers/clicks';
export const CAMPAIGN_LINK_PATH = '/v1/networks/tracking/campaigns/clicks';

/**
 * What the simulator's HTTPS endpoint offers in TLS (ALPN): HTTP/2 with HTTP/1.1 as the fallback, or
 * HTTP/1.1 only. Read when a connection is opened.
 */
export type Protocol = 'h2' | 'http/1.1';

/** Everflow's answer time to simulate: `ms`, give or take up to `jitterMs` (evenly spread). */
export interface Latency {
  ms: number;
  jitterMs?: number;
}

/** One answer time drawn for `latency` (never below 0). */
export function answerTimeMs(latency: Latency | undefined, random: () => number = Math.random): number {
  if (!latency) return 0;
  const jitter = latency.jitterMs ?? 0;
  return Math.max(0, latency.ms + (random() * 2 - 1) * jitter);
}

export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON, or the raw text when the body was not JSON, or undefined when there was none. */
  body: unknown;
  rawBody: string | null;
  /** The HTTP version it came over ('2.0' or '1.1'); undefined when not called over the wire. */
  httpVersion?: string | undefined;
  /** The network its key belongs to; undefined when the key was refused. */
  networkId?: number | undefined;
  /** When it arrived and when its answer left (the simulator's clock, ms); no answer: a hang. */
  at: number;
  answeredAt?: number | undefined;
}

export type Answer =
  { status?: number; json?: unknown; text?: string; headers?: Record<string, string>; delayMs?: number } | { abort: true } | { hang: true };

/** An override: an answer, or undefined to let the simulator answer. */
export type Responder = (request: RecordedRequest, index: number) => Answer | undefined | Promise<Answer | undefined>;

export interface RowLog {
  /** Link requests that reached Everflow for this offer and affiliate (any answer). */
  requests: number;
  /** Of those, not refused by the rate limit. */
  accepted: number;
  /** Of those, answered with a link. */
  links: number;
}

export interface SimulatorOptions {
  /** One network instead of the seeded ones (it is then the first and only). */
  network?: Network;
  /** The networks (default: the seeded two, seedNetworks()). */
  networks?: Network[];
  rateLimit?: RateLimitModel;
  now?: () => number;
  random?: () => number;
  protocol?: Protocol;
  latency?: Latency;
  errorField?: ErrorField;
  partnerUrlField?: PartnerUrlField;
  networkInfoPaths?: readonly NetworkInfoPath[];
}

export class EverflowSimulator {
  readonly networks: Network[];
  readonly requests: RecordedRequest[] = [];
  /** The status each recorded request was answered with (same index; undefined while pending, for hangs and aborts). */
  readonly statuses: (number | undefined)[] = [];
  /** ALPN offered to new connections: 'h2' (with HTTP/1.1 as the fallback) or 'http/1.1' only. */
  protocol: Protocol;
  /** Everflow's answer time to every request (overrides' `delayMs` comes on top); none by default. */
  latency: Latency | undefined;
  /** The field of error bodies, for networks that do not set their own (`Network.errorField`). */
  errorField: ErrorField;
  /** The field of GET /v1/affiliates/offers/{id}/url/{urlId}'s answer. */
  partnerUrlField: PartnerUrlField;
  /** Where GET network info answers; elsewhere 404. */
  networkInfoPaths: readonly NetworkInfoPath[];
  private responder: Responder | undefined;
  private limiters = new Map<string, RateLimiter>();
  private model: RateLimitModel;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(options: SimulatorOptions = {}) {
    this.networks = options.networks ?? (options.network ? [options.network] : seedNetworks());
    this.model = options.rateLimit ?? 'bucket';
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.protocol = options.protocol ?? 'h2';
    this.latency = options.latency;
    this.errorField = options.errorField ?? 'error';
    this.partnerUrlField = options.partnerUrlField ?? 'tracking_url';
    this.networkInfoPaths = options.networkInfoPaths ?? NETWORK_INFO_PATHS;
  }

  /** The first network: the one every spec's US_KEY, EU_KEY and PARTNER_KEY belong to. */
  get network(): Network {
    return this.networks[0]!;
  }

  /** The network with this network_id. */
  networkWith(networkId: number): Network {
    const network = this.networks.find((n) => n.network_id === networkId);
    if (!network) throw new Error(`The simulator has no network ${networkId}.`);
    return network;
  }

  /** Choose the rate-limit model of every network that has none of its own (counters start afresh). */
  set rateLimit(model: RateLimitModel) {
    this.model = model;
    this.limiters.clear();
  }
  get rateLimit(): RateLimitModel {
    return this.model;
  }

  /**
   * Other users of the network spend `perSecond` of the same limit (it is shared by every key and user);
   * with `spent`, they have just used up what was left (an empty bucket, a used-up window). With a
   * window model, `resetsInMs` presets how soon after the next request that used-up window resets,
   * so a test meets a closed window without waiting out 30 seconds. Network keys' limits only.
   */
  shareLimit(perSecond: number, options: { spent?: boolean; resetsInMs?: number } = {}): void {
    this.others = perSecond;
    this.spent = !!options.spent;
    this.resetsInMs = options.resetsInMs;
    this.limiters.clear();
  }
  private others = 0;
  private spent = false;
  private resetsInMs: number | undefined;

  /** The key is revoked: Everflow answers 401 from now on. */
  revokeKey(key: string): void {
    for (const network of this.networks) {
      const index = network.keys.findIndex((k) => k.key === key);
      if (index !== -1) network.keys.splice(index, 1);
    }
  }

  /** Every later request is answered by this (an Answer, or a function returning one or undefined to simulate). */
  answer(responder: Responder | Answer): void {
    this.responder = typeof responder === 'function' ? responder : () => responder;
  }

  /** Back to the simulated networks for every request. */
  simulate(): void {
    this.responder = undefined;
  }

  /** Requests to the tracking-link endpoint only. */
  get linkRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path === LINK_PATH);
  }

  /** Requests to the smart-link endpoint only. */
  get smartLinkRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path === CAMPAIGN_LINK_PATH);
  }

  /** How many requests were answered 429. */
  get throttled(): number {
    return this.statuses.filter((status) => status === 429).length;
  }

  /** The most requests (of those `which` picks) the simulator held at once: arrived, not yet answered. */
  peakInFlight(which: (request: RecordedRequest) => boolean = () => true): number {
    const events = this.requests
      .filter(which)
      .flatMap((r) => [[r.at, 1] as const, [r.answeredAt ?? Infinity, -1] as const])
      .toSorted((a, b) => a[0] - b[0] || a[1] - b[1]);
    let open = 0;
    let peak = 0;
    for (const [, change] of events) peak = Math.max(peak, (open += change));
    return peak;
  }

  /** Link requests and answers for one offer and affiliate (bulk rows), in one network or any. */
  log(offerId: number, affiliateId: number, networkId?: number): RowLog {
    const log: RowLog = { requests: 0, accepted: 0, links: 0 };
    this.requests.forEach((request, index) => {
      const body = request.body as { network_offer_id?: unknown; network_affiliate_id?: unknown } | undefined;
      if (request.path !== LINK_PATH || body?.network_offer_id !== offerId || body.network_affiliate_id !== affiliateId) return;
      if (networkId !== undefined && request.networkId !== networkId) return;
      log.requests++;
      const status = this.statuses[index];
      if (status !== undefined && status !== 429) log.accepted++;
      if (status === 200) log.links++;
    });
    return log;
  }

  /**
   * Answers one request (the HTTPS server calls this), after the simulated answer time; a hang is
   * returned at once and never answered.
   */
  async handle(request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    rawBody: string | null;
    httpVersion?: string;
  }): Promise<Reply> {
    const url = new URL(request.url);
    let body: unknown = request.rawBody ?? undefined;
    if (request.rawBody) {
      try {
        body = JSON.parse(request.rawBody);
      } catch {
        // keep the raw text
      }
    }
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]));
    const recorded: RecordedRequest = {
      method: request.method,
      url: request.url,
      path: url.pathname,
      headers,
      body,
      rawBody: request.rawBody,
      httpVersion: request.httpVersion,
      at: this.now(),
    };
    const index = this.requests.push(recorded) - 1;
    this.statuses.push(undefined);
    const found = this.keyOf(url, headers['x-eflow-api-key']);
    recorded.networkId = found?.network.network_id;
    const override = this.responder ? await this.responder(recorded, index) : undefined;
    const reply = override ? toReply(override) : this.answerFromNetwork(recorded, url, body, found);
    if ('hang' in reply) return reply;
    const delay = answerTimeMs(this.latency, this.random) + (override && 'delayMs' in override ? (override.delayMs ?? 0) : 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    recorded.answeredAt = this.now();
    if ('status' in reply) this.statuses[index] = reply.status;
    return reply;
  }

  private keyOf(url: URL, given: string | undefined): { network: Network; key: ApiKey } | undefined {
    const region = REGION_OF_HOST[url.hostname];
    for (const network of this.networks) {
      const key = network.keys.find((k) => k.key === given && k.region === region);
      if (key) return { network, key };
    }
    return undefined;
  }

  /** One counter per network and kind of key, under the network's own model or the simulator's. */
  private limiterFor(network: Network, kind: KeyKind): RateLimiter {
    const model = network.rateLimit ?? this.model;
    const id = `${network.network_id}:${kind}:${model}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = makeLimiter(model, kind);
      if (kind === 'network' && model !== 'none') {
        limiter.others = this.others;
        if (this.spent) limiter.spend?.(this.now(), this.resetsInMs);
      }
      this.limiters.set(id, limiter);
    }
    return limiter;
  }

  private answerFromNetwork(
    request: RecordedRequest,
    url: URL,
    body: unknown,
    found: { network: Network; key: ApiKey } | undefined,
  ): Reply {
    const anyFail = failWith(this.errorField);
    if (!REGION_OF_HOST[url.hostname]) return anyFail(404, 'Not found.');
    if (!found) return anyFail(401, 'No Authentication Method Found');
    const { network, key } = found;
    const fail = failWith(network.errorField ?? this.errorField);
    const within = (root: string) => url.pathname === root || url.pathname.startsWith(`${root}/`);
    const realm = within('/v1/networks') ? 'network' : within('/v1/affiliates') ? 'affiliate' : undefined;
    if (!realm) return fail(404, 'Not found.');
    if (realm !== key.realm) return fail(403, 'Out Of Realm');
    const partner = key.realm === 'affiliate' ? findAffiliate(network, key.network_affiliate_id ?? 0) : undefined;
    if (key.realm === 'affiliate' && !partner) return fail(401, 'No Authentication Method Found');
    const verdict = this.limiterFor(network, key.realm).take(this.now());
    if (!verdict.allowed) return fail(429, 'You have exceeded the rate limit.', verdict.headers);
    const reply = partner
      ? new PartnerApi(network, partner, fail, this.partnerUrlField).answer(request.method, url, body)
      : new NetworkApi(network, fail, this.networkInfoPaths).answer(request.method, url, body);
    if ('status' in reply) reply.headers = { ...verdict.headers, ...reply.headers };
    return reply;
  }
}

function toReply(answer: Answer): Reply {
  if ('hang' in answer || 'abort' in answer) return answer;
  return {
    status: answer.status ?? 200,
    headers: { 'content-type': answer.text === undefined ? 'application/json' : 'text/plain', ...answer.headers },
    body: answer.text ?? JSON.stringify(answer.json ?? {}),
  };
}
