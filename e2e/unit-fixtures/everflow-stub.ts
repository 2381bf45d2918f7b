// A stand-in for Everflow's API behind a stubbed global `fetch`, for unit tests of the background:
// it records every request and answers as the test says, at once or when the test releases it
// ('hold'), so a test decides what is in flight when something else happens. A held request whose
// signal aborts rejects with an AbortError, like the real fetch. Tests only.
import { vi } from 'vitest';
import { installFakeChrome, type FakeChrome } from './fake-chrome';
import { saveAccount } from './test-accounts';

export const LINK_PATH = '/v1/networks/tracking/offers/clicks';
export const SMART_LINK_PATH = '/v1/networks/tracking/campaigns/clicks';

/** How a request is answered: an HTTP answer, a network failure, or held until `answer` is called. */
export type Reply = { status?: number; json?: unknown; headers?: Record<string, string> } | 'network-error' | 'hold';

export interface EverflowCall {
  url: string;
  /** e.g. /v1/networks/tracking/offers/clicks */
  path: string;
  method: string;
  headers: Record<string, string>;
  /** The parsed JSON body, if any. */
  body: Record<string, unknown> | undefined;
  state: 'waiting' | 'answered' | 'aborted';
  /** Answers a held request. */
  answer(reply?: Exclude<Reply, 'hold'>): void;
}

/** The link the fake Everflow makes for an offer and affiliate. */
export const linkFor = (offerId: unknown, affiliateId: unknown) => `https://trk.example.com/${String(offerId)}/${String(affiliateId)}/`;

/** The link the fake Everflow makes for a smart link and affiliate. */
export const smartLinkFor = (campaignId: unknown, affiliateId: unknown) =>
  `https://trk.example.com/smart/${String(campaignId)}/${String(affiliateId)}/`;

/** Everflow's usual answer: a link for a click request (a smart link open to every affiliate), one matching option for a search, one offer or affiliate by ID. */
export function usualReply(call: EverflowCall): Exclude<Reply, 'hold'> {
  if (call.path === LINK_PATH) return { json: { url: linkFor(call.body?.network_offer_id, call.body?.network_affiliate_id) } };
  if (call.path === SMART_LINK_PATH) {
    return {
      json: { url: smartLinkFor(call.body?.network_campaign_id, call.body?.network_affiliate_id), can_affiliate_run_all_offers: true },
    };
  }
  const terms = call.body?.search_terms as { value?: string }[] | undefined;
  const query = terms?.[0]?.value ?? '';
  if (call.path.startsWith('/v1/networks/offerstable')) return { json: { offers: [{ network_offer_id: 11, name: `Offer ${query}` }] } };
  if (call.path.startsWith('/v1/networks/campaigns')) {
    return {
      json: {
        campaigns: [
          { network_campaign_id: 5, campaign_name: 'Summer smart link', campaign_status: 'active' },
          { network_campaign_id: 8, campaign_name: 'Winter smart link', campaign_status: 'paused' },
          { network_campaign_id: 6, campaign_name: 'Members smart link', campaign_status: 'active' },
        ],
      },
    };
  }
  if (call.path.startsWith('/v1/networks/affiliatestable'))
    return { json: { affiliates: [{ network_affiliate_id: 22, name: `Affiliate ${query}` }] } };
  // One offer or affiliate: IDs up to 999 exist (active), larger ones do not.
  const one = /^\/v1\/networks\/(offers|affiliates)\/(\d+)$/.exec(call.path);
  if (call.method === 'GET' && one && Number(one[2]) < 1000) {
    const id = Number(one[2]);
    return one[1] === 'offers'
      ? { json: { network_offer_id: id, name: `Offer ${id}`, offer_status: 'active' } }
      : { json: { network_affiliate_id: id, name: `Affiliate ${id}`, account_status: 'active' } };
  }
  return { status: 404, json: { error: 'not found' } };
}

export interface EverflowStub {
  calls: EverflowCall[];
  /** Decides each new request's reply; default `usualReply`. */
  reply: (call: EverflowCall) => Reply;
  /** Requests to the tracking-link endpoints (offers and smart links). */
  linkCalls(): EverflowCall[];
  /** Requests still waiting for their answer. */
  waiting(): EverflowCall[];
  /** Answers every waiting request (with `reply`, or the usual answer). */
  answerWaiting(reply?: Exclude<Reply, 'hold'>): void;
}

/** The affiliate a tracking-link request asked for. */
export const affiliateOf = (call: EverflowCall) => call.body?.network_affiliate_id as number;

/** Installs the stub as the global `fetch` with vi.stubGlobal. */
export function stubEverflow(): EverflowStub {
  const stub: EverflowStub = {
    calls: [],
    reply: usualReply,
    linkCalls: () => stub.calls.filter((call) => call.path === LINK_PATH || call.path === SMART_LINK_PATH),
    waiting: () => stub.calls.filter((call) => call.state === 'waiting'),
    answerWaiting: (reply) => {
      for (const call of stub.waiting()) call.answer(reply ?? usualReply(call));
    },
  };

  const fetch = (input: string | URL | Request, init: RequestInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(String(input));
      const text = typeof init.body === 'string' ? init.body : undefined;
      const call: EverflowCall = {
        url: url.href,
        path: url.pathname + url.search,
        method: init.method ?? 'GET',
        headers: { ...(init.headers as Record<string, string>) },
        body: text === undefined ? undefined : (JSON.parse(text) as Record<string, unknown>),
        state: 'waiting',
        answer(reply = usualReply(call)) {
          if (call.state !== 'waiting') return;
          call.state = 'answered';
          if (reply === 'network-error') return reject(new TypeError('Failed to fetch'));
          const body = reply.json === undefined ? null : JSON.stringify(reply.json);
          resolve(new Response(body, { status: reply.status ?? 200, headers: reply.headers ?? {} }));
        },
      };
      stub.calls.push(call);
      const signal = init.signal;
      const abort = () => {
        if (call.state !== 'waiting') return;
        call.state = 'aborted';
        reject(new DOMException('The operation was aborted.', 'AbortError'));
      };
      if (signal?.aborted) return abort();
      signal?.addEventListener('abort', abort);
      const reply = stub.reply(call);
      if (reply !== 'hold') call.answer(reply);
    });

  vi.stubGlobal('fetch', vi.fn(fetch));
  return stub;
}

/**
 * A fresh background for each test: fake timers (at `now`, if given), modules loaded anew, a fake
 * chrome with one saved account (test-accounts.ts: the first network's, with API_KEY), and a stubbed Everflow. Call in beforeEach; `stopFakeBackground` in afterEach.
 */
export function startFakeBackground(now?: number): { fake: FakeChrome; everflow: EverflowStub } {
  vi.useFakeTimers();
  if (now !== undefined) vi.setSystemTime(now);
  vi.resetModules();
  const fake = installFakeChrome();
  saveAccount(fake);
  return { fake, everflow: stubEverflow() };
}

export function stopFakeBackground(): void {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
}
