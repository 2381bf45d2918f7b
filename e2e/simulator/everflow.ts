// The simulated Everflow API: answers the documented endpoints the extension calls with the documented
// shapes, and refuses what Everflow refuses. Every request is recorded; a test may override answers
// the docs do not describe (hangs, aborts, broken bodies, a particular status) with `answer()`.
// Rules and their sources: the README's "Everflow simulator" table and ../shared/everflow-api.md.
import { REDIRECT_LINK_FIELD } from '../../src/everflow/link-fields';
import { directLink, redirectLink, type LinkParams } from './links';
import { findAffiliate, seedNetwork, whyCannotRun, type ApiKey, type Network, type Offer } from './network';
import { makeLimiter, type RateLimitModel, type RateLimiter } from './rate-limit';

export const API_HOSTS = ['api.eflow.team', 'api-eu.eflow.team'] as const;
const REGION_OF_HOST: Record<string, 'us' | 'eu'> = { 'api.eflow.team': 'us', 'api-eu.eflow.team': 'eu' };
export const LINK_PATH = '/v1/networks/tracking/offers/clicks';
export const CAMPAIGN_LINK_PATH = '/v1/networks/tracking/campaigns/clicks';

export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON, or the raw text when the body was not JSON, or undefined when there was none. */
  body: unknown;
  rawBody: string | null;
}

export type Answer =
  { status?: number; json?: unknown; text?: string; headers?: Record<string, string>; delayMs?: number } | { abort: true } | { hang: true };

/** An override: an answer, or undefined to let the simulator answer. */
export type Responder = (request: RecordedRequest, index: number) => Answer | undefined | Promise<Answer | undefined>;

/** What goes back on the wire. */
export type Reply =
  { status: number; headers: Record<string, string>; body: string | Buffer; delayMs?: number } | { abort: true } | { hang: true };

export interface RowLog {
  /** Link requests that reached Everflow for this offer and affiliate (any answer). */
  requests: number;
  /** Of those, not refused by the rate limit. */
  accepted: number;
  /** Of those, answered with a link. */
  links: number;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const error = (status: number, message: string, headers: Record<string, string> = {}) => json(status, { error: message }, headers);

type FieldType = 'integer' | 'string' | 'boolean' | 'array' | 'object';
const LINK_FIELDS: Record<string, FieldType> = {
  network_offer_id: 'integer',
  network_affiliate_id: 'integer',
  network_tracking_domain_id: 'integer',
  network_offer_url_id: 'integer',
  creative_id: 'integer',
  network_traffic_source_id: 'integer',
  source_id: 'string',
  sub1: 'string',
  sub2: 'string',
  sub3: 'string',
  sub4: 'string',
  sub5: 'string',
  is_encrypt_parameters: 'boolean',
  [REDIRECT_LINK_FIELD]: 'boolean',
};
const CAMPAIGN_LINK_FIELDS: Record<string, FieldType> = {
  ...Object.fromEntries(
    Object.entries(LINK_FIELDS).filter(([name]) => !['network_offer_id', 'network_offer_url_id', 'creative_id'].includes(name)),
  ),
  network_campaign_id: 'integer',
};
const TABLE_FIELDS: Record<string, FieldType> = { search_terms: 'array', filters: 'object', paging: 'object' };

function typeOf(value: unknown): FieldType | 'other' {
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'other';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object' && value !== null) return 'object';
  return 'other';
}

/** 400 for a body that is not an object, an unknown field, a wrong type, or a missing required field. */
function checkBody(body: unknown, fields: Record<string, FieldType>, required: string[]): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'Invalid parameters: the body must be a JSON object.';
  const record = body as Record<string, unknown>;
  for (const [name, value] of Object.entries(record)) {
    const type = fields[name];
    if (!type) return `Invalid parameters: unknown field "${name}".`;
    if (typeOf(value) !== type) return `Invalid parameters: "${name}" must be ${type === 'integer' ? 'an integer' : `a ${type}`}.`;
  }
  for (const name of required) if (record[name] === undefined) return `Invalid parameters: "${name}" is required.`;
  return undefined;
}

export class EverflowSimulator {
  readonly network: Network;
  readonly requests: RecordedRequest[] = [];
  /** The status each recorded request was answered with (same index; undefined while pending, for hangs and aborts). */
  readonly statuses: (number | undefined)[] = [];
  private responder: Responder | undefined;
  private limiters = new Map<string, RateLimiter>();
  private model: RateLimitModel;

  constructor(options: { network?: Network; rateLimit?: RateLimitModel; now?: () => number } = {}) {
    this.network = options.network ?? seedNetwork();
    this.model = options.rateLimit ?? 'bucket';
    this.now = options.now ?? Date.now;
  }

  private readonly now: () => number;

  /** Choose the rate-limit model (counters start afresh). */
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
   * so a test meets a closed window without waiting out 30 seconds.
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
    const index = this.network.keys.findIndex((k) => k.key === key);
    if (index !== -1) this.network.keys.splice(index, 1);
  }

  /** Every later request is answered by this (an Answer, or a function returning one or undefined to simulate). */
  answer(responder: Responder | Answer): void {
    this.responder = typeof responder === 'function' ? responder : () => responder;
  }

  /** Back to the simulated network for every request. */
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

  /** Link requests and answers for one offer and affiliate (bulk rows). */
  log(offerId: number, affiliateId: number): RowLog {
    const log: RowLog = { requests: 0, accepted: 0, links: 0 };
    this.requests.forEach((request, index) => {
      const body = request.body as { network_offer_id?: unknown; network_affiliate_id?: unknown } | undefined;
      if (request.path !== LINK_PATH || body?.network_offer_id !== offerId || body.network_affiliate_id !== affiliateId) return;
      log.requests++;
      const status = this.statuses[index];
      if (status !== undefined && status !== 429) log.accepted++;
      if (status === 200) log.links++;
    });
    return log;
  }

  /** Answers one request (the HTTPS server and Playwright routing both call this). */
  async handle(request: { method: string; url: string; headers: Record<string, string>; rawBody: string | null }): Promise<Reply> {
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
    };
    const index = this.requests.push(recorded) - 1;
    this.statuses.push(undefined);
    const override = this.responder ? await this.responder(recorded, index) : undefined;
    const reply = override ? toReply(override) : this.answerFromNetwork(recorded, url, body);
    if ('status' in reply) this.statuses[index] = reply.status;
    return reply;
  }

  private limiterFor(region: string): RateLimiter {
    let limiter = this.limiters.get(region);
    if (!limiter) {
      limiter = makeLimiter(this.model);
      if (this.model !== 'none') limiter.others = this.others;
      if (this.spent) limiter.spend?.(this.now(), this.resetsInMs);
      this.limiters.set(region, limiter);
    }
    return limiter;
  }

  private answerFromNetwork(request: RecordedRequest, url: URL, body: unknown): Reply {
    const region = REGION_OF_HOST[url.hostname];
    if (!region) return error(404, 'Not found.');
    const key = this.network.keys.find((k) => k.key === request.headers['x-eflow-api-key'] && k.region === region);
    if (!key) return error(401, 'No Authentication Method Found');
    const realm = url.pathname.startsWith('/v1/networks/')
      ? 'network'
      : url.pathname.startsWith('/v1/affiliates/')
        ? 'affiliate'
        : undefined;
    if (!realm) return error(404, 'Not found.');
    if (realm !== key.realm) return error(403, 'Out Of Realm');
    const verdict = this.limiterFor(region).take(this.now());
    if (!verdict.allowed) return error(429, 'You have exceeded the rate limit.', verdict.headers);
    const reply = realm === 'network' ? this.networkApi(request.method, url, body) : this.affiliateApi(key, request.method, url, body);
    if ('status' in reply) reply.headers = { ...verdict.headers, ...reply.headers };
    return reply;
  }

  private networkApi(method: string, url: URL, body: unknown): Reply {
    const path = url.pathname.replace(/^\/v1\/networks/, '');
    const route = `${method} ${path}`;
    const n = this.network;
    let match: RegExpMatchArray | null;
    if (route === 'POST /tracking/offers/clicks') return this.offerLink(body, 'json');
    if (route === 'POST /tracking/offers/clicks/qr') return this.offerLink(body, 'png');
    if (route === 'POST /tracking/campaigns/clicks') return this.campaignLink(body);
    if (route === 'POST /offerstable' || route === 'POST /offers/table') {
      return this.table(url, body, 'offers', n.offers, (o) => o.name, 'network_offer_id', 'offer_status', offerView);
    }
    if (route === 'POST /affiliatestable') {
      return this.table(
        url,
        body,
        'affiliates',
        n.affiliates,
        (a) => a.name,
        'network_affiliate_id',
        'account_status',
        (a) => a,
      );
    }
    if (route === 'POST /creativestable') return this.creatives(url, body);
    if (route === 'GET /domains/tracking') return json(200, { domains: n.domains });
    if (route === 'GET /trafficsource') return json(200, { traffic_sources: n.trafficSources });
    if (route === 'GET /campaigns') {
      const campaigns = n.campaigns.map(({ network_offer_ids: _offers, ...campaign }) => campaign);
      return json(200, { campaigns, paging: paging(url, undefined, campaigns.length) });
    }
    if (route === 'GET /offerurls') {
      const filter = url.searchParams.get('filter');
      const offerId = filter?.match(/^network_offer_id=(\d+)$/)?.[1];
      if (filter && !offerId) return error(400, 'Invalid parameters: unknown filter.');
      const urls = n.offerUrls.filter((u) => !offerId || u.network_offer_id === Number(offerId));
      return json(200, { urls });
    }
    if (method === 'GET' && (match = path.match(/^\/offers\/(\d+)$/))) {
      const offer = n.offers.find((o) => o.network_offer_id === Number(match![1]));
      return offer ? json(200, offerView(offer)) : error(404, 'Offer not found.');
    }
    if (method === 'GET' && (match = path.match(/^\/affiliates\/(\d+)$/))) {
      const affiliate = findAffiliate(n, Number(match[1]));
      return affiliate ? json(200, affiliate) : error(404, 'Affiliate not found.');
    }
    if (method === 'GET' && (match = path.match(/^\/affiliates\/(\d+)\/trackingdomains$/))) {
      const affiliate = findAffiliate(n, Number(match[1]));
      if (!affiliate) return error(404, 'Affiliate not found.');
      const domain = n.domains.find((d) => d.network_tracking_domain_id === affiliate.network_tracking_domain_id);
      const tracking_domains = domain
        ? [
            {
              network_affiliate_tracking_domain_id: affiliate.network_affiliate_id * 10,
              network_tracking_domain_id: domain.network_tracking_domain_id,
              is_apply_all_offers: true,
              network_offer_id: 0,
              relationship: {
                tracking_domain: { url: domain.url, domain_status: domain.domain_status, is_ssl_enabled: domain.is_ssl_enabled },
              },
            },
          ]
        : [];
      return json(200, { tracking_domains });
    }
    return error(404, 'Not found.');
  }

  private table<T>(
    url: URL,
    body: unknown,
    list: string,
    items: T[],
    nameOf: (item: T) => string,
    idField: keyof T,
    statusField: keyof T,
    view: (item: T) => unknown,
  ): Reply {
    const problem = checkBody(body, TABLE_FIELDS, []);
    if (problem) return error(400, problem);
    const {
      search_terms: terms = [],
      filters = {},
      paging: bodyPaging,
    } = body as { search_terms?: unknown[]; filters?: Record<string, unknown>; paging?: unknown };
    let found = items;
    for (const term of terms) {
      const t = term as { search_type?: unknown; value?: unknown };
      if (t.search_type !== 'name' || typeof t.value !== 'string') return error(400, 'Invalid parameters: search_terms.');
      const value = t.value.trim().toLowerCase();
      found = found.filter((item) => nameOf(item).toLowerCase().includes(value) || String(item[idField]) === value);
    }
    const status = filters[statusField as string];
    if (status !== undefined) found = found.filter((item) => item[statusField] === status);
    const page = paging(url, bodyPaging, found.length);
    const shown = found.slice((page.page - 1) * page.page_size, page.page * page.page_size);
    return json(200, { [list]: shown.map(view), paging: page });
  }

  private creatives(url: URL, body: unknown): Reply {
    const problem = checkBody(body, TABLE_FIELDS, []);
    if (problem) return error(400, problem);
    // Only search_terms narrow creatives; a filter the docs do not list (e.g. network_offer_id) is ignored.
    const { search_terms: terms = [], paging: bodyPaging } = body as { search_terms?: unknown[]; paging?: unknown };
    let found = this.network.creatives;
    for (const term of terms) {
      const t = term as { search_type?: unknown; value?: unknown };
      if (typeof t.value !== 'string') return error(400, 'Invalid parameters: a search value must be a string.');
      const value = t.value;
      if (t.search_type === 'network_offer_id') found = found.filter((c) => String(c.network_offer_id) === value);
      else if (t.search_type === 'creative_status') found = found.filter((c) => c.creative_status === value);
      else if (t.search_type === 'name') found = found.filter((c) => c.name.toLowerCase().includes(value.toLowerCase()));
      else return error(400, 'Invalid parameters: unknown search_type.');
    }
    const page = paging(url, bodyPaging, found.length);
    return json(200, { creatives: found.slice((page.page - 1) * page.page_size, page.page * page.page_size), paging: page });
  }

  /** Common checks of a link call: the affiliate, tracking domain and traffic source. */
  private linkParts(record: Record<string, unknown>, affiliateId: number) {
    const n = this.network;
    const affiliate = findAffiliate(n, affiliateId);
    if (!affiliate) return { problem: `Affiliate ${affiliateId} does not exist.` };
    const domainId = record.network_tracking_domain_id as number | undefined;
    let domain = domainId === undefined ? undefined : n.domains.find((d) => d.network_tracking_domain_id === domainId);
    if (domainId !== undefined && !domain) return { problem: `Tracking domain ${domainId} does not exist.` };
    if (domain && domain.domain_status !== 'active') return { problem: `Tracking domain ${domainId} is not active.` };
    if (domain && domain.is_unassignable) return { problem: `Tracking domain ${domainId} cannot be assigned.` };
    const sourceId = record.network_traffic_source_id as number | undefined;
    if (sourceId !== undefined && !n.trafficSources.some((s) => s.network_traffic_source_id === sourceId)) {
      return { problem: `Traffic source ${sourceId} does not exist.` };
    }
    domain ??= n.domains.find((d) => d.network_tracking_domain_id === affiliate.network_tracking_domain_id);
    const params: LinkParams = {};
    for (const name of ['sub1', 'sub2', 'sub3', 'sub4', 'sub5', 'source_id'] as const) {
      if (typeof record[name] === 'string') params[name] = record[name];
    }
    return { affiliate, domain, params, encrypt: record.is_encrypt_parameters === true, redirect: record[REDIRECT_LINK_FIELD] === true };
  }

  private offerLink(body: unknown, as: 'json' | 'png'): Reply {
    const problem = checkBody(body, LINK_FIELDS, ['network_offer_id', 'network_affiliate_id']);
    if (problem) return error(400, problem);
    const record = body as Record<string, unknown>;
    const n = this.network;
    const offerId = record.network_offer_id as number;
    const affiliateId = record.network_affiliate_id as number;
    const offer = n.offers.find((o) => o.network_offer_id === offerId);
    if (!offer) return error(400, `Offer ${offerId} does not exist.`);
    const parts = this.linkParts(record, affiliateId);
    if ('problem' in parts) return error(400, parts.problem!);
    const cannot = whyCannotRun(offer, parts.affiliate);
    if (cannot) return error(400, cannot);
    const urlId = record.network_offer_url_id as number | undefined;
    const offerUrl = urlId === undefined ? undefined : n.offerUrls.find((u) => u.network_offer_url_id === urlId);
    if (urlId !== undefined) {
      if (!offerUrl || offerUrl.network_offer_id !== offerId) return error(400, `Offer URL ${urlId} does not belong to offer ${offerId}.`);
      if (offerUrl.url_status !== 'active') return error(400, `Offer URL ${urlId} is not active.`);
      if (offerUrl.is_apply_specific_affiliates && !offerUrl.network_affiliate_ids.includes(affiliateId)) {
        return error(400, `Offer URL ${urlId} is not available to affiliate ${affiliateId}.`);
      }
    }
    const creativeId = record.creative_id as number | undefined;
    if (creativeId !== undefined) {
      const creative = n.creatives.find((c) => c.network_offer_creative_id === creativeId);
      if (!creative || creative.network_offer_id !== offerId)
        return error(400, `Creative ${creativeId} does not belong to offer ${offerId}.`);
      if (creative.creative_status !== 'active') return error(400, `Creative ${creativeId} is not active.`);
    }
    let link: string;
    if (offer.is_direct_linking && !parts.redirect) {
      link = directLink(offerUrl?.destination_url ?? offer.destination_url, offerId, affiliateId, parts.params, parts.encrypt);
    } else {
      const domain = parts.domain ?? this.defaultDomain(offer);
      link = redirectLink({
        domain: domain.url,
        ssl: domain.is_ssl_enabled,
        affiliateId,
        offerId,
        params: parts.params,
        encrypt: parts.encrypt,
      });
    }
    if (as === 'png') return { status: 200, headers: { 'content-type': 'image/png' }, body: TINY_PNG };
    return json(200, { url: link });
  }

  private campaignLink(body: unknown): Reply {
    const problem = checkBody(body, CAMPAIGN_LINK_FIELDS, ['network_campaign_id', 'network_affiliate_id']);
    if (problem) return error(400, problem);
    const record = body as Record<string, unknown>;
    const n = this.network;
    const campaignId = record.network_campaign_id as number;
    const affiliateId = record.network_affiliate_id as number;
    const campaign = n.campaigns.find((c) => c.network_campaign_id === campaignId);
    if (!campaign) return error(400, `Smart link ${campaignId} does not exist.`);
    if (campaign.campaign_status !== 'active') return error(400, `Smart link ${campaignId} is ${campaign.campaign_status}.`);
    const parts = this.linkParts(record, affiliateId);
    if ('problem' in parts) return error(400, parts.problem!);
    if (parts.affiliate.account_status !== 'active') return error(400, `Affiliate ${affiliateId} is not active.`);
    const domain =
      parts.domain ?? n.domains.find((d) => d.network_tracking_domain_id === campaign.network_tracking_domain_id) ?? this.primary();
    const url = redirectLink({
      domain: domain.url,
      ssl: domain.is_ssl_enabled,
      affiliateId,
      offerId: campaignId,
      campaign: true,
      params: parts.params,
      encrypt: parts.encrypt,
    });
    const canRunAll = campaign.network_offer_ids.every((id) => {
      const offer = n.offers.find((o) => o.network_offer_id === id);
      return offer !== undefined && whyCannotRun(offer, parts.affiliate) === undefined;
    });
    return json(200, { url, can_affiliate_run_all_offers: canRunAll });
  }

  private affiliateApi(key: ApiKey, method: string, url: URL, body: unknown): Reply {
    const path = url.pathname.replace(/^\/v1\/affiliates/, '');
    const match = path.match(/^\/offers\/(\d+)\/(?:url\/(\d+)|trackingurl)$/);
    if (!match || (match[2] !== undefined ? method !== 'GET' : method !== 'POST')) return error(404, 'Not found.');
    const offerId = Number(match[1]);
    const urlId = match[2] !== undefined ? Number(match[2]) : (body as { url_id?: unknown } | undefined)?.url_id;
    const params: LinkParams = {};
    if (match[2] === undefined) {
      const problem = checkBody(
        body,
        { url_id: 'integer', sub1: 'string', sub2: 'string', sub3: 'string', sub4: 'string', sub5: 'string' },
        [],
      );
      if (problem) return error(400, problem);
      for (const name of ['sub1', 'sub2', 'sub3', 'sub4', 'sub5'] as const) {
        const value = (body as Record<string, unknown>)[name];
        if (typeof value === 'string') params[name] = value;
      }
    }
    const offer = this.network.offers.find((o) => o.network_offer_id === offerId);
    const affiliate = findAffiliate(this.network, key.network_affiliate_id ?? 0);
    if (!offer || !affiliate || whyCannotRun(offer, affiliate)) return error(400, 'You cannot run this offer.');
    if (
      urlId !== undefined &&
      urlId !== 0 &&
      !this.network.offerUrls.some((u) => u.network_offer_url_id === urlId && u.network_offer_id === offerId)
    ) {
      return error(400, 'Invalid offer URL.');
    }
    const domain = this.defaultDomain(offer);
    return json(200, {
      tracking_url: redirectLink({
        domain: domain.url,
        ssl: domain.is_ssl_enabled,
        affiliateId: affiliate.network_affiliate_id,
        offerId,
        params,
      }),
    });
  }

  private primary() {
    return this.network.domains.find((d) => d.is_primary_domain) ?? this.network.domains[0]!;
  }

  private defaultDomain(offer: Offer) {
    return this.network.domains.find((d) => d.network_tracking_domain_id === offer.network_tracking_domain_id) ?? this.primary();
  }
}

/** An offer as Everflow shows it (the seed's own bookkeeping left out). */
function offerView({ approved: _a, blocked: _b, is_direct_linking: _d, ...offer }: Offer) {
  return offer;
}

function positive(value: unknown, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function paging(url: URL, bodyPaging: unknown, total: number) {
  const fromBody = (typeof bodyPaging === 'object' && bodyPaging !== null ? bodyPaging : {}) as { page?: unknown; page_size?: unknown };
  const page = positive(url.searchParams.get('page') ?? fromBody.page, 1);
  const pageSize = Math.min(2000, positive(url.searchParams.get('page_size') ?? fromBody.page_size, 50));
  return { page, page_size: pageSize, total_count: total };
}

function toReply(answer: Answer): Reply {
  if ('hang' in answer || 'abort' in answer) return answer;
  return {
    status: answer.status ?? 200,
    headers: { 'content-type': answer.text === undefined ? 'application/json' : 'text/plain', ...answer.headers },
    body: answer.text ?? JSON.stringify(answer.json ?? {}),
    ...(answer.delayMs ? { delayMs: answer.delayMs } : {}),
  };
}

// A 1×1 PNG: the simulated QR endpoint's answer is an image, as documented; its pixels do not matter.
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
