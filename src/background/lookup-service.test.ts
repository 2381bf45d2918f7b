// The pickers' look-up service against a fake chrome and a fake Everflow: what the person sees is
// the options (and whether they came from the cache), and what Everflow sees is how often it is
// asked. The cache is filled by real look-ups, never seeded, so these tests do not depend on how
// its entries are keyed or stored.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_KEY, advanceUntil, type FakeChrome } from '../../e2e/unit-fixtures/fake-chrome';
import { usualReply, type EverflowStub, startFakeBackground, stopFakeBackground } from '../../e2e/unit-fixtures/everflow-stub';
import { PARTNER_ACCOUNT, SECOND_ACCOUNT, SECOND_KEY, saveAccounts, saveTwoAccounts } from '../../e2e/unit-fixtures/test-accounts';
import { FIRST_ACCOUNT_ID } from '../shared/accounts/accounts';
import type { LookupReply, LookupRequest, NameReply } from './lookup-service';
import type { NameKind } from '../everflow/lookups';

vi.mock('webextension-polyfill', async () => (await import('../../e2e/unit-fixtures/fake-chrome')).fakePolyfill());

const T0 = Date.UTC(2026, 2, 14, 9, 0, 0);

let fake: FakeChrome;
let everflow: EverflowStub;

beforeEach(() => ({ fake, everflow } = startFakeBackground(T0)));
afterEach(stopFakeBackground);

/** Starts a look-up in the current worker; `reply()` is its answer once it has one. */
async function start(request: LookupRequest) {
  const { runLookup } = await import('./lookup-service');
  let reply: LookupReply | undefined;
  const done = runLookup(request).then((answer) => (reply = answer));
  return { done, reply: () => reply };
}

/** One look-up, run to its answer. */
async function lookUp(request: LookupRequest): Promise<LookupReply> {
  const running = await start(request);
  await advanceUntil(() => running.reply() !== undefined, 'the look-up answering');
  return running.reply()!;
}

/** The names a look-up offers, or its failure's message. */
const names = (reply: LookupReply) => (reply.ok ? reply.options.map((option) => option.name) : reply.message);

/** Chrome stopped the worker; the next message starts a new one (memory gone, storage kept). */
function restartWorker(): void {
  fake.stopWorker();
  vi.resetModules();
}

/** The first account's look-ups unless said. */
const offers = (query: string, accountId = FIRST_ACCOUNT_ID): LookupRequest => ({ accountId, kind: 'offers', query });
const ofFirst = (request: Omit<LookupRequest, 'accountId'>): LookupRequest => ({ accountId: FIRST_ACCOUNT_ID, ...request });
const spring = [{ id: 11, name: 'Offer spring' }];

describe('look-up service', () => {
  it('a fresh cached answer is given without asking Everflow, even by a new worker', async () => {
    expect(await lookUp(offers('spring'))).toStrictEqual({ ok: true, options: spring, cached: false });
    expect(everflow.calls).toHaveLength(1);
    expect(everflow.calls[0]!.body).toMatchObject({ search_terms: [{ search_type: 'name', value: 'spring' }] });

    vi.setSystemTime(T0 + 60_000);
    expect(await lookUp(offers('  Spring '))).toStrictEqual({ ok: true, options: spring, cached: true });
    restartWorker();
    expect(await lookUp(offers('spring'))).toStrictEqual({ ok: true, options: spring, cached: true });
    expect(everflow.calls).toHaveLength(1);
  });

  it('an answer older than CACHE_MAX_AGE_MS is asked for again, and the new answer is used', async () => {
    const { CACHE_MAX_AGE_MS } = await import('./lookup-service');
    await lookUp(offers('spring'));
    everflow.reply = () => ({ json: { offers: [{ network_offer_id: 12, name: 'Spring Sale (renamed)' }] } });
    vi.setSystemTime(T0 + CACHE_MAX_AGE_MS + 1);
    expect(await lookUp(offers('spring'))).toStrictEqual({ ok: true, options: [{ id: 12, name: 'Spring Sale (renamed)' }], cached: false });
    expect(everflow.calls).toHaveLength(2);
  });

  it('another account never gets the names cached for the first: it asks its own network, with its own key', async () => {
    saveTwoAccounts(fake);
    await lookUp(offers('spring'));
    everflow.reply = (call) =>
      call.headers['X-Eflow-Api-Key'] === SECOND_KEY ? { json: { offers: [{ network_offer_id: 42, name: 'Nordlicht Reisen' }] } } : 'hold';
    expect(await lookUp(offers('spring', SECOND_ACCOUNT.id))).toStrictEqual({
      ok: true,
      options: [{ id: 42, name: 'Nordlicht Reisen' }],
      cached: false,
    });
    expect(everflow.calls.map((call) => [new URL(call.url).host, call.headers['X-Eflow-Api-Key']])).toStrictEqual([
      ['api.eflow.team', API_KEY],
      ['api-eu.eflow.team', SECOND_KEY],
    ]);
    // Each account's answer stays its own, in a new worker too.
    restartWorker();
    expect(await lookUp(offers('spring'))).toStrictEqual({ ok: true, options: spring, cached: true });
    expect(await lookUp(offers('spring', SECOND_ACCOUNT.id))).toMatchObject({ options: [{ name: 'Nordlicht Reisen' }], cached: true });
    expect(everflow.calls).toHaveLength(2);
  });

  it('the same search of two accounts at once is two requests, each answered with its own network’s names', async () => {
    saveTwoAccounts(fake);
    everflow.reply = () => 'hold';
    const first = await start(offers('spring'));
    const second = await start(offers('spring', SECOND_ACCOUNT.id));
    await advanceUntil(() => everflow.waiting().length === 2, 'both searches sent');
    for (const call of everflow.waiting()) {
      const name = call.headers['X-Eflow-Api-Key'] === SECOND_KEY ? 'Nordlicht Reisen' : 'Spring Sale';
      call.answer({ json: { offers: [{ network_offer_id: 42, name }] } });
    }
    await advanceUntil(() => first.reply() !== undefined && second.reply() !== undefined, 'both answering');
    expect([names(first.reply()!), names(second.reply()!)]).toStrictEqual([['Spring Sale'], ['Nordlicht Reisen']]);
  });

  it('an account forgotten meanwhile is told so, and nothing is sent', async () => {
    expect(await lookUp(offers('spring', 'forgotten'))).toStrictEqual({
      ok: false,
      kind: 'invalid-input',
      message: 'That Everflow account is no longer saved; choose another one, or add it again on the options page.',
    });
    expect(everflow.calls).toStrictEqual([]);
  });

  it('a partner’s account has no affiliates or smart links to list: nothing is asked of Everflow', async () => {
    saveAccounts(fake, [{ account: { ...PARTNER_ACCOUNT, id: FIRST_ACCOUNT_ID }, key: API_KEY }]);
    expect(await lookUp(ofFirst({ kind: 'affiliates', query: 'jo' }))).toStrictEqual({ ok: true, options: [], cached: false });
    expect(await lookUp(ofFirst({ kind: 'campaigns', query: '' }))).toStrictEqual({ ok: true, options: [], cached: false });
    expect(everflow.calls).toStrictEqual([]);
  });

  it('when Everflow fails, an older cached answer is shown (marked cached); with none, the failure is', async () => {
    const { CACHE_MAX_AGE_MS } = await import('./lookup-service');
    await lookUp(offers('spring'));
    everflow.reply = () => ({ status: 503, json: { error: 'unavailable' } });
    vi.setSystemTime(T0 + 2 * CACHE_MAX_AGE_MS);
    expect(await lookUp(offers('spring'))).toStrictEqual({ ok: true, options: spring, cached: true });
    expect(everflow.calls).toHaveLength(2);

    everflow.reply = () => 'network-error';
    expect(await lookUp(offers('summer'))).toMatchObject({ ok: false, kind: 'network' });
  });

  it('a newer keystroke on the same field cancels the older request, whose reply says it was replaced', async () => {
    everflow.reply = () => 'hold';
    const older = await start(ofFirst({ kind: 'offers', query: 'sp', channel: 'offer' }));
    await advanceUntil(() => everflow.calls.length === 1, 'the first search sent');
    const newer = await start(ofFirst({ kind: 'offers', query: 'spr', channel: 'offer' }));
    // Another field's search is not cancelled by this one.
    const other = await start(ofFirst({ kind: 'affiliates', query: 'jo', channel: 'affiliate' }));
    await advanceUntil(() => older.reply() !== undefined, 'the older search ending');
    expect(older.reply()).toStrictEqual({ ok: false, kind: 'internal', message: 'A newer search replaced this one.' });
    expect(everflow.calls[0]!.state).toBe('aborted');

    await advanceUntil(() => everflow.waiting().length === 2, 'the newer searches sent');
    everflow.answerWaiting();
    await advanceUntil(() => newer.reply() !== undefined && other.reply() !== undefined, 'the newer searches answering');
    expect(newer.reply()).toStrictEqual({ ok: true, options: [{ id: 11, name: 'Offer spr' }], cached: false });
    expect(other.reply()).toStrictEqual({ ok: true, options: [{ id: 22, name: 'Affiliate jo' }], cached: false });
  });

  it('two look-ups answered at the same moment are both kept in the cache', async () => {
    everflow.reply = () => 'hold';
    const first = await start(offers('spring'));
    const second = await start(offers('summer'));
    await advanceUntil(() => everflow.waiting().length === 2, 'both searches sent');
    everflow.answerWaiting();
    await advanceUntil(() => first.reply() !== undefined && second.reply() !== undefined, 'both answering');

    restartWorker();
    everflow.reply = usualReply;
    expect(await lookUp(offers('spring'))).toMatchObject({ ok: true, cached: true });
    expect(await lookUp(offers('summer'))).toMatchObject({ ok: true, cached: true });
    expect(everflow.calls).toHaveLength(2);
  });

  it('the same search asked twice at once is sent to Everflow once', async () => {
    everflow.reply = () => 'hold';
    const first = await start(offers('spring'));
    const second = await start(offers('spring'));
    await vi.advanceTimersByTimeAsync(500);
    everflow.answerWaiting();
    await advanceUntil(() => first.reply() !== undefined && second.reply() !== undefined, 'both answering');
    expect(first.reply()).toMatchObject({ ok: true, options: spring });
    expect(second.reply()).toMatchObject({ ok: true, options: spring });
    expect(everflow.calls).toHaveLength(1);
  });

  it('smart links are listed once and filtered as the person types: one request for every search', async () => {
    expect(names(await lookUp(ofFirst({ kind: 'campaigns', query: 'smart' })))).toStrictEqual([
      'Summer smart link',
      'Members smart link',
      'Winter smart link',
    ]);
    expect(names(await lookUp(ofFirst({ kind: 'campaigns', query: 'mem' })))).toStrictEqual(['Members smart link']);
    expect(names(await lookUp(ofFirst({ kind: 'campaigns', query: 'Smart Winter' })))).toStrictEqual(['Winter smart link']);
    expect(names(await lookUp(ofFirst({ kind: 'campaigns', query: 'nothing like it' })))).toStrictEqual([]);
    expect(everflow.calls.map((call) => call.path)).toStrictEqual(['/v1/networks/campaigns?page=1&page_size=500']);
  });
});

/** One name look-up, run to its answer. */
async function nameOf(
  kind: NameKind,
  id: number,
  options: { cacheOnly?: boolean } = {},
  accountId: string = FIRST_ACCOUNT_ID,
): Promise<NameReply> {
  const { lookupName } = await import('./lookup-service');
  let reply: NameReply | undefined;
  void lookupName(accountId, kind, id, options).then((answer) => (reply = answer));
  await advanceUntil(() => reply !== undefined, 'the name look-up answering');
  return reply!;
}

describe('names by ID', () => {
  it('an offer and an affiliate are asked for once each, then answered from the cache, by a new worker too', async () => {
    expect(await nameOf('offer', 42)).toStrictEqual({ ok: true, option: { id: 42, name: 'Offer 42', status: 'active' }, cached: false });
    expect(await nameOf('affiliate', 7)).toStrictEqual({
      ok: true,
      option: { id: 7, name: 'Affiliate 7', status: 'active' },
      cached: false,
    });
    expect(everflow.calls.map((call) => `${call.method} ${call.path}`)).toStrictEqual([
      'GET /v1/networks/offers/42',
      'GET /v1/networks/affiliates/7',
    ]);

    vi.setSystemTime(T0 + 60_000);
    restartWorker();
    expect(await nameOf('offer', 42)).toMatchObject({ ok: true, option: { name: 'Offer 42' }, cached: true });
    expect(await nameOf('affiliate', 7)).toMatchObject({ ok: true, option: { name: 'Affiliate 7' }, cached: true });
    expect(everflow.calls).toHaveLength(2);
  });

  it('an ID Everflow has nothing for (404) is answered with no option, and that is cached too', async () => {
    expect(await nameOf('offer', 5000)).toStrictEqual({ ok: true, option: null, cached: false });
    expect(await nameOf('offer', 5000)).toStrictEqual({ ok: true, option: null, cached: true });
    expect(everflow.calls).toHaveLength(1);
  });

  it('keeps to the age limit of every look-up: an older name is asked for again', async () => {
    const { CACHE_MAX_AGE_MS } = await import('./lookup-service');
    await nameOf('offer', 42);
    everflow.reply = () => ({ json: { network_offer_id: 42, name: 'Summer Sale (renamed)', offer_status: 'paused' } });
    vi.setSystemTime(T0 + CACHE_MAX_AGE_MS + 1);
    expect(await nameOf('offer', 42)).toStrictEqual({
      ok: true,
      option: { id: 42, name: 'Summer Sale (renamed)', status: 'paused' },
      cached: false,
    });
    expect(everflow.calls).toHaveLength(2);
  });

  it('a smart link is found in the list the picker uses: one request for the picker and every name', async () => {
    expect(names(await lookUp(ofFirst({ kind: 'campaigns', query: 'winter' })))).toStrictEqual(['Winter smart link']);
    expect(await nameOf('campaign', 8)).toStrictEqual({
      ok: true,
      option: { id: 8, name: 'Winter smart link', status: 'paused' },
      cached: true,
    });
    expect(await nameOf('campaign', 404)).toStrictEqual({ ok: true, option: null, cached: true });
    expect(everflow.calls).toHaveLength(1);
  });

  it('cache only: what is known is answered, and nothing is ever sent', async () => {
    expect(await nameOf('offer', 42, { cacheOnly: true })).toMatchObject({ ok: false });
    expect(everflow.calls).toHaveLength(0);
    await nameOf('offer', 42);
    expect(await nameOf('offer', 42, { cacheOnly: true })).toMatchObject({ ok: true, option: { name: 'Offer 42' }, cached: true });
    expect(everflow.calls).toHaveLength(1);
  });

  it('while Everflow’s rate limit holds every call back, a name is not asked for; a cached one still answers', async () => {
    await nameOf('offer', 42);
    everflow.reply = () => ({ status: 429, json: { error: 'Too many requests.' } });
    expect(await nameOf('affiliate', 7)).toMatchObject({ ok: false, kind: 'rate-limited' });
    expect(everflow.calls).toHaveLength(2);
    // The 429 paused the shared limiter: the next look-ups are not sent at all.
    expect(await nameOf('affiliate', 8)).toMatchObject({ ok: false, kind: 'rate-limited' });
    expect(names(await lookUp(offers('summer')))).toMatch(/too many requests/);
    expect(await nameOf('offer', 42)).toMatchObject({ ok: true, option: { name: 'Offer 42' }, cached: true });
    expect(everflow.calls).toHaveLength(2);
  });
});

describe('the stored cache', () => {
  it('holds nothing of the API key, not even a part of it, and another key does not read it', async () => {
    await lookUp(offers('spring'));
    const stored = JSON.stringify(fake.local.peek('lookupCache'));
    expect(stored).toContain('spring');
    for (let from = 0; from + 5 <= API_KEY.length; from++) expect(stored).not.toContain(API_KEY.slice(from, from + 5));
    // Another account (another network) asks Everflow again instead of reading this one's answers.
    saveTwoAccounts(fake);
    restartWorker();
    const before = everflow.calls.length;
    expect(await lookUp(offers('spring', SECOND_ACCOUNT.id))).toMatchObject({ ok: true, cached: false });
    expect(everflow.calls.length).toBe(before + 1);
  });
});
