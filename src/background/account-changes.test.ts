// Adding, changing, forgetting and testing accounts, against a fake chrome and the Everflow simulator
// behind `fetch` (its networks, keys, realms and regions; odd answers from its per-test overrides).
// Checked as a person would find it: the sentence they are told (never holding a key), the accounts
// listed afterwards, where each key is kept, and what else is still stored. Storage is read raw.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { advanceUntil, installFakeChrome, type FakeChrome } from '../../e2e/unit-fixtures/fake-chrome';
import { saveAccounts, testAccount } from '../../e2e/unit-fixtures/test-accounts';
import { stubSimulator, simulatorPaths } from '../../e2e/unit-fixtures/simulator-fetch';
import { expectSafeMessage } from '../../e2e/unit-fixtures/test-fetch';
import { historyEntry } from '../../e2e/unit-fixtures/test-history-entry';
import { sampleJob } from '../../e2e/unit-fixtures/test-bulk-job';
import type { EverflowSimulator } from '../../e2e/simulator/everflow';
import { PARTNER_KEY, SECOND_NETWORK_KEY, SECOND_NETWORK_OTHER_KEY, US_KEY } from '../../e2e/simulator/network';
import { IDENTITY_MESSAGES } from '../everflow/key-identity';
import { FIRST_ACCOUNT_ID, MAX_ACCOUNTS, type Account, type Accounts } from '../shared/accounts/accounts';
import type { Keys } from '../shared/accounts/keys';
import { bulkJobItem, rowKey, type BulkJob } from '../shared/bulk/bulk-job';
import { historyItem, type HistoryEntry } from '../shared/history/history';
import { recentAffiliatesItem } from '../shared/history/recent-affiliates';
import { lastLinkItem, type LinkSuccess } from '../shared/link/outcome';
import { lookupCacheItem, type CachedLookup } from '../shared/lookups/lookup-cache';
import { MAX_DASHBOARD_DOMAINS } from '../shared/settings/settings';
import { pinnedPairsItem, type PinnedPairs } from '../shared/pinned/pinned-pairs';
import type { AccountPatch } from './account-changes';

vi.mock('webextension-polyfill', async () => (await import('../../e2e/unit-fixtures/fake-chrome')).fakePolyfill());

let fake: FakeChrome;
let sim: EverflowSimulator;

beforeEach(() => {
  vi.useFakeTimers();
  vi.resetModules();
  fake = installFakeChrome();
  sim = stubSimulator();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const listed = () => fake.local.peek<Accounts>('accounts') ?? { accounts: [], lastUsedId: null };
const accountOf = (id: string) => listed().accounts.find((account) => account.id === id);
const keptKeys = () => fake.local.peek<Keys>('accountKeys') ?? {};
const sessionKeys = () => fake.session.peek<Keys>('accountKeys') ?? {};
/** Everything stored, as text: where a key must not be, outside its own items. */
const storedOutsideKeys = () => JSON.stringify([...fake.local.data, ...fake.session.data].filter(([key]) => key !== 'accountKeys'));

/** Runs `work` to its end, moving the fake clock on (each check's limiter spaces Everflow's calls). */
async function settle<T>(work: Promise<T>): Promise<T> {
  let done: { value: T } | undefined;
  void work.then((value) => (done = { value }));
  await advanceUntil(() => done !== undefined, 'the work finishing');
  return done!.value;
}

async function add(key: string, region: 'us' | 'eu' = 'us', sessionOnly = false) {
  const { addAccount } = await import('./account-changes');
  return settle(addAccount({ key, region, sessionOnly }));
}

async function update(patch: AccountPatch) {
  const { updateAccount } = await import('./account-changes');
  return settle(updateAccount(patch));
}

/** The account a change made (the test fails with the sentence it was told otherwise). */
function made(reply: { ok: true; account: Account } | { ok: false; message: string }): Account {
  if (!reply.ok) throw new Error(reply.message);
  return reply.account;
}

describe('addAccount', () => {
  it('a network key: named after its network, its dashboard kept, the key in its own item only', async () => {
    const reply = await add(` ${US_KEY} `);
    expect(reply).toStrictEqual({
      ok: true,
      message: 'Added Acme Performance Network: a network key of Acme Performance Network.',
      account: {
        id: FIRST_ACCOUNT_ID,
        kind: 'network',
        region: 'us',
        label: 'Acme Performance Network',
        networkId: 1,
        networkName: 'Acme Performance Network',
        identifier: 'acme',
        keyHint: US_KEY.slice(-4),
        sessionOnly: false,
        dashboardDomains: [],
        requestsPerSecond: 20,
      },
    });
    expectSafeMessage(reply.ok ? reply.message : '', US_KEY);
    expect(listed()).toStrictEqual({ accounts: [made(reply)], lastUsedId: FIRST_ACCOUNT_ID });
    expect([keptKeys(), sessionKeys()]).toStrictEqual([{ [FIRST_ACCOUNT_ID]: US_KEY }, {}]);
    expect(storedOutsideKeys()).not.toContain(US_KEY);
    expect(simulatorPaths(sim)).toStrictEqual(['GET api.eflow.team/v1/networks']);
  });

  it('a partner key: its partner and network, at Everflow’s partner pace', async () => {
    const reply = await add(PARTNER_KEY, 'us', true);
    expect(reply).toMatchObject({
      ok: true,
      message: 'Added Acme Performance (partner: Sunrise Media): a partner key of Acme Performance (you are Sunrise Media).',
      account: {
        kind: 'partner',
        label: 'Acme Performance',
        networkId: 1,
        networkName: 'Acme Performance',
        partnerId: 7,
        partnerName: 'Sunrise Media',
        sessionOnly: true,
        requestsPerSecond: 5,
      },
    });
    expect(made(reply)).not.toHaveProperty('identifier');
    // Kept for the session only: in storage.session, not storage.local.
    expect([keptKeys(), sessionKeys()]).toStrictEqual([{}, { [FIRST_ACCOUNT_ID]: PARTNER_KEY }]);
  });

  it('a key only the other region knows: the account is set to that region, and the sentence says so', async () => {
    const reply = await add(SECOND_NETWORK_KEY, 'us');
    expect(reply).toMatchObject({
      ok: true,
      message:
        'Added Nordlys Media Partners: a network key of Nordlys Media Partners. Everflow’s United States region did not know this key, its Europe region did: the account is set to Europe.',
      account: { region: 'eu', networkId: 2, identifier: 'nordlys' },
    });
    expect(simulatorPaths(sim)).toStrictEqual(['GET api.eflow.team/v1/networks', 'GET api-eu.eflow.team/v1/networks']);
  });

  it('the same key again is refused, naming the account it is saved as; the second account gets an ID of its own', async () => {
    made(await add(US_KEY));
    const again = await add(US_KEY);
    expect(again).toStrictEqual({
      ok: false,
      kind: 'invalid-input',
      message: 'This API key is saved already, as Acme Performance Network.',
    });
    const second = made(await add(SECOND_NETWORK_KEY, 'eu'));
    expect(second.id).not.toBe(FIRST_ACCOUNT_ID);
    expect(listed().accounts.map((account) => account.id)).toStrictEqual([FIRST_ACCOUNT_ID, second.id]);
    expect(listed().lastUsedId).toBe(FIRST_ACCOUNT_ID);
  });

  it('a key that is neither a network’s nor a partner’s (403 on both realms) is refused in one sentence, and nothing is stored', async () => {
    sim.answer((request) =>
      /^\/v1\/(networks|affiliates)$/.test(request.path) ? { status: 403, json: { error: 'Out Of Realm' } } : undefined,
    );
    const reply = await add(US_KEY);
    expect(reply).toStrictEqual({ ok: false, kind: 'forbidden', message: IDENTITY_MESSAGES.neitherRealm });
    expectSafeMessage(reply.ok ? '' : reply.message, US_KEY);
    expect([listed().accounts, keptKeys(), sessionKeys()]).toStrictEqual([[], {}, {}]);
  });

  it('a key no region knows, a key mistyped, and Everflow out of reach: each refused in one sentence, nothing stored', async () => {
    const unknown = 'efk_live_Unknown0000000000000000';
    const refused = await add(unknown);
    expect(refused).toStrictEqual({ ok: false, kind: 'unauthorized', message: IDENTITY_MESSAGES.noRegion });
    const mistyped = await add('two words');
    expect(mistyped).toMatchObject({ ok: false, kind: 'invalid-input' });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const offline = await add(US_KEY);
    expect(offline).toMatchObject({
      ok: false,
      kind: 'network',
      message: expect.stringMatching(/^Not saved: Everflow could not say whose key this is\. /),
    });

    for (const [reply, key] of [
      [refused, unknown],
      [mistyped, 'two words'],
      [offline, US_KEY],
    ] as const)
      expectSafeMessage(reply.ok ? '' : reply.message, key);
    expect([listed().accounts, keptKeys(), sessionKeys()]).toStrictEqual([[], {}, {}]);
  });

  it(`keeps at most ${MAX_ACCOUNTS} accounts: one more is refused before Everflow is asked`, async () => {
    saveAccounts(
      fake,
      Array.from({ length: MAX_ACCOUNTS }, (_, n) => ({
        account: testAccount({ id: `a${n}`, networkId: 100 + n }),
        key: `key-number-${n}-0123456789`,
      })),
    );
    expect(await add(US_KEY)).toStrictEqual({
      ok: false,
      kind: 'invalid-input',
      message: `You can keep up to ${MAX_ACCOUNTS} Everflow accounts; forget one first.`,
    });
    expect(sim.requests).toStrictEqual([]);
    expect(listed().accounts).toHaveLength(MAX_ACCOUNTS);
  });

  it('two keys added at the same moment (two options pages) are both kept; the same key twice at once only once', async () => {
    const { addAccount } = await import('./account-changes');
    const [one, two] = await settle(
      Promise.all([
        addAccount({ key: US_KEY, region: 'us', sessionOnly: false }),
        addAccount({ key: SECOND_NETWORK_KEY, region: 'eu', sessionOnly: true }),
      ]),
    );
    expect([one.ok, two.ok]).toStrictEqual([true, true]);
    expect(
      listed()
        .accounts.map((account) => account.networkId)
        .toSorted(),
    ).toStrictEqual([1, 2]);
    expect(Object.values(keptKeys())).toStrictEqual([US_KEY]);
    expect(Object.values(sessionKeys())).toStrictEqual([SECOND_NETWORK_KEY]);

    const twice = await settle(Promise.all([0, 1].map(() => addAccount({ key: PARTNER_KEY, region: 'us', sessionOnly: false }))));
    expect(twice.map((reply) => reply.ok).toSorted()).toStrictEqual([false, true]);
    expect(twice.find((reply) => !reply.ok)).toMatchObject({ message: expect.stringMatching(/^This API key is saved already, as /) });
    expect(listed().accounts.filter((account) => account.kind === 'partner')).toHaveLength(1);
  });
});

describe('updateAccount', () => {
  it('a new label; an empty one is the network’s name again', async () => {
    const { id } = made(await add(US_KEY));
    expect(await update({ accountId: id, label: '  Acme (main)  ' })).toMatchObject({
      ok: true,
      message: 'Acme (main) saved.',
      account: { label: 'Acme (main)' },
    });
    expect(accountOf(id)?.label).toBe('Acme (main)');
    await update({ accountId: id, label: ' ' });
    expect(accountOf(id)?.label).toBe('Acme Performance Network');
  });

  it('keeping the key for the session only moves it to storage.session, and back: never in both, never in a message', async () => {
    const { id } = made(await add(US_KEY));
    const toSession = await update({ accountId: id, sessionOnly: true });
    expect([keptKeys(), sessionKeys(), accountOf(id)?.sessionOnly]).toStrictEqual([{}, { [id]: US_KEY }, true]);
    const back = await update({ accountId: id, sessionOnly: false });
    expect([keptKeys(), sessionKeys(), accountOf(id)?.sessionOnly]).toStrictEqual([{ [id]: US_KEY }, {}, false]);
    for (const reply of [toSession, back]) expectSafeMessage(reply.ok ? reply.message : reply.message, US_KEY);
    // Nothing was asked of Everflow for it.
    expect(sim.requests).toHaveLength(1);
  });

  it('a new pace is kept, and the account’s calls follow it', async () => {
    const { id } = made(await add(US_KEY));
    expect(await update({ accountId: id, requestsPerSecond: 7 })).toMatchObject({ ok: true, account: { requestsPerSecond: 7 } });
    expect(accountOf(id)?.requestsPerSecond).toBe(7);
    const { pacedBy } = await import('./accounts');
    expect(pacedBy(accountOf(id)!, {}).currentPace).toBe(7);
  });

  it('dashboard domains: added as host names, refused when not a domain, another account’s, or past the limit', async () => {
    const first = made(await add(US_KEY));
    const second = made(await add(SECOND_NETWORK_KEY, 'eu'));
    expect(
      await update({ accountId: first.id, dashboardDomain: { action: 'add', domain: 'https://Links.Acme.com/offers' } }),
    ).toMatchObject({
      ok: true,
    });
    expect(accountOf(first.id)?.dashboardDomains).toStrictEqual(['links.acme.com']);

    const taken = await update({ accountId: second.id, dashboardDomain: { action: 'add', domain: 'links.acme.com' }, label: 'Nordlys' });
    expect(taken).toStrictEqual({
      ok: false,
      kind: 'invalid-input',
      message: 'links.acme.com is Acme Performance Network’s dashboard domain already; remove it there first.',
    });
    // Refused whole: the label that came with it is not kept either.
    expect(accountOf(second.id)).toMatchObject({ label: 'Nordlys Media Partners', dashboardDomains: [] });

    expect(await update({ accountId: second.id, dashboardDomain: { action: 'add', domain: 'not a domain' } })).toMatchObject({
      ok: false,
      kind: 'invalid-input',
    });
    for (let n = 1; n < MAX_DASHBOARD_DOMAINS; n++)
      await update({ accountId: first.id, dashboardDomain: { action: 'add', domain: `d${n}.acme.com` } });
    expect(await update({ accountId: first.id, dashboardDomain: { action: 'add', domain: 'one-more.acme.com' } })).toMatchObject({
      ok: false,
      message: `An account can have up to ${MAX_DASHBOARD_DOMAINS} dashboard domains; remove one first.`,
    });
    expect(accountOf(first.id)?.dashboardDomains).toHaveLength(MAX_DASHBOARD_DOMAINS);
    await update({ accountId: first.id, dashboardDomain: { action: 'remove', domain: 'links.acme.com' } });
    expect(accountOf(first.id)?.dashboardDomains).not.toContain('links.acme.com');
  });

  it('two pages adding a domain to one account at the same moment both keep theirs', async () => {
    const { id } = made(await add(US_KEY));
    const { updateAccount } = await import('./account-changes');
    await settle(
      Promise.all([
        updateAccount({ accountId: id, dashboardDomain: { action: 'add', domain: 'links.acme.com' } }),
        updateAccount({ accountId: id, dashboardDomain: { action: 'add', domain: 'partners.acme.com' } }),
      ]),
    );
    expect(accountOf(id)?.dashboardDomains.toSorted()).toStrictEqual(['links.acme.com', 'partners.acme.com']);
  });

  it('a new key of another network is refused, the old one kept; one of the same network replaces it, and its cached names go', async () => {
    const { id } = made(await add(SECOND_NETWORK_KEY, 'eu'));
    const other = await update({ accountId: id, key: US_KEY });
    expect(other).toStrictEqual({
      ok: false,
      kind: 'invalid-input',
      message: 'Not saved: this API key is Acme Performance Network’s, not Nordlys Media Partners’s; add it as another account.',
    });
    expectSafeMessage(other.ok ? '' : other.message, US_KEY);
    expect(keptKeys()).toStrictEqual({ [id]: SECOND_NETWORK_KEY });

    fake.local.put(lookupCacheItem.key, lookupCacheItem.version, [{ key: `${id}|offers|||spring`, at: Date.now(), options: [] }]);
    const renewed = await update({ accountId: id, key: SECOND_NETWORK_OTHER_KEY });
    expect(renewed).toMatchObject({
      ok: true,
      message: 'New API key saved for Nordlys Media Partners.',
      account: { keyHint: SECOND_NETWORK_OTHER_KEY.slice(-4), networkId: 2 },
    });
    expect(keptKeys()).toStrictEqual({ [id]: SECOND_NETWORK_OTHER_KEY });
    expect(fake.local.peek(lookupCacheItem.key)).toStrictEqual([]);
  });

  it('an account forgotten meanwhile is said to be, and nothing is written', async () => {
    expect(await update({ accountId: 'forgotten', label: 'x' })).toStrictEqual({
      ok: false,
      kind: 'invalid-input',
      message: 'That Everflow account is no longer saved; reload the page to see the accounts as they are.',
    });
    expect(fake.local.data.has('accounts')).toBe(false);
  });
});

/** The last link, made with `accountId`. */
const link = (accountId: string): LinkSuccess => ({
  ok: true,
  url: 'https://trk.example.com/42/7/',
  accountId,
  input: { linkType: 'offer', offerId: 42, affiliateId: 7, encryptParameters: false, redirectLink: false },
  copied: true,
  at: 1,
});
/** A cached search of `accountId`'s. */
const cached = (accountId: string): CachedLookup => ({ key: `${accountId}|offers|||spring`, at: 1, options: [{ id: 42, name: 'x' }] });

describe('forgetAccount', () => {
  it('forgets its key and what only it held (links, recent affiliates, cached names, the last link, its bulk job); the other account’s stay', async () => {
    const first = made(await add(US_KEY));
    const second = made(await add(SECOND_NETWORK_KEY, 'eu', true));
    fake.local.put(historyItem.key, historyItem.version, [
      historyEntry(3, { accountId: second.id }),
      historyEntry(2, { accountId: first.id }),
      historyEntry(1, { accountId: second.id }),
    ]);
    fake.local.put(recentAffiliatesItem.key, recentAffiliatesItem.version, { [first.id]: [7], [second.id]: [12, 7] });
    fake.local.put(lookupCacheItem.key, lookupCacheItem.version, [cached(first.id), cached(second.id)]);
    fake.local.put(lastLinkItem.key, lastLinkItem.version, link(second.id));
    fake.local.put(bulkJobItem.key, bulkJobItem.version, sampleJob({ accountId: second.id, state: 'done' }));
    fake.local.data.set(rowKey(0), { ok: true, job: 'job-1', url: 'https://trk.example.com/', at: 1 });
    const { markUsed } = await import('./accounts');
    await settle(markUsed(second.id));

    const { forgetAccount } = await import('./account-changes');
    expect(await settle(forgetAccount(second.id))).toStrictEqual({ ok: true });

    expect(listed()).toStrictEqual({ accounts: [first], lastUsedId: first.id });
    expect([keptKeys(), sessionKeys()]).toStrictEqual([{ [first.id]: US_KEY }, {}]);
    expect(fake.local.peek<HistoryEntry[]>(historyItem.key)?.map((entry) => entry.id)).toStrictEqual(['e2']);
    expect(fake.local.peek(recentAffiliatesItem.key)).toStrictEqual({ [first.id]: [7] });
    expect(fake.local.peek(lookupCacheItem.key)).toStrictEqual([cached(first.id)]);
    expect(fake.local.peek(lastLinkItem.key)).toBeNull();
    expect(fake.local.peek<BulkJob | null>(bulkJobItem.key)).toBeNull();
    expect(fake.local.data.has(rowKey(0))).toBe(false);
  });

  it('a key added after the last account was forgotten is a new account: it takes nothing the forgotten one left', async () => {
    const forgotten = made(await add(US_KEY));
    // What pages keep for it (they drop it themselves, when they next write): a pin, a draft.
    const pin = {
      id: 'p1',
      accountId: forgotten.id,
      linkType: 'offer',
      targetId: 42,
      affiliateId: 7,
      targetName: 'Summer Sale – US – CPA',
    };
    fake.local.put(pinnedPairsItem.key, pinnedPairsItem.version, { pins: [pin] });
    const { forgetAccount } = await import('./account-changes');
    await settle(forgetAccount(forgotten.id));

    const another = made(await add(SECOND_NETWORK_KEY, 'eu'));
    expect(another.networkId).toBe(2);
    // Offer 42 × affiliate 7 of the first network is nothing of the second's.
    expect(fake.local.peek<PinnedPairs>(pinnedPairsItem.key)?.pins.filter((kept) => kept.accountId === another.id)).toStrictEqual([]);
  });

  it('leaves the last link and a bulk job of another account alone', async () => {
    const first = made(await add(US_KEY));
    const second = made(await add(SECOND_NETWORK_KEY, 'eu'));
    fake.local.put(lastLinkItem.key, lastLinkItem.version, link(first.id));
    fake.local.put(bulkJobItem.key, bulkJobItem.version, sampleJob({ accountId: first.id }));
    const { forgetAccount } = await import('./account-changes');
    await settle(forgetAccount(second.id));
    expect(fake.local.peek(lastLinkItem.key)).toStrictEqual(link(first.id));
    expect(fake.local.peek<BulkJob>(bulkJobItem.key)?.accountId).toBe(first.id);
    expect(listed().accounts.map((account) => account.id)).toStrictEqual([first.id]);
  });
});

async function test(accountId: string) {
  const { testAccount: check } = await import('./account-changes');
  return settle(check(accountId));
}

describe('testAccount', () => {
  it('a network key: connected, with its network’s name and tracking domains; a partner key: as whom', async () => {
    const network = made(await add(US_KEY));
    const partner = made(await add(PARTNER_KEY));
    expect(await test(network.id)).toStrictEqual({
      ok: true,
      message: expect.stringMatching(/^Connected to Everflow: Acme Performance Network \(\d+ tracking domains?\)\.$/),
    });
    expect(await test(partner.id)).toStrictEqual({
      ok: true,
      message: 'Connected to Everflow as Sunrise Media, a partner of Acme Performance.',
    });
  });

  it('a revoked key is said to be refused, and a session-only key after the browser closed is asked for again', async () => {
    const { id } = made(await add(US_KEY, 'us', true));
    sim.revokeKey(US_KEY);
    const refused = await test(id);
    expect(refused).toMatchObject({ ok: false, kind: 'unauthorized' });
    expectSafeMessage(refused.ok ? '' : refused.message, US_KEY);
    // The browser closed: storage.session is empty.
    fake.session.data.clear();
    expect(await test(id)).toStrictEqual({
      ok: false,
      kind: 'no-key',
      message: 'Acme Performance Network’s API key was kept only until the browser closed; enter it again on the options page.',
    });
  });
});
