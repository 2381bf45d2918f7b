// The accounts from the background's side, against a fake chrome (and the Everflow simulator behind
// `fetch` where Everflow is asked): what an update from the version with one key leaves stored, which
// account a call is for, and which calls share a pace. Storage is seeded and read raw ({ v, data } per item).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_KEY, advanceUntil, installFakeChrome, saveSingleKey, type FakeChrome } from '../../e2e/unit-fixtures/fake-chrome';
import { PARTNER_ACCOUNT, SECOND_ACCOUNT, SECOND_KEY, saveAccounts, testAccount } from '../../e2e/unit-fixtures/test-accounts';
import { stubSimulator } from '../../e2e/unit-fixtures/simulator-fetch';
import { EU_KEY, PARTNER_KEY, US_KEY } from '../../e2e/simulator/network';
import { FIRST_ACCOUNT_ID, type Account, type Accounts } from '../shared/accounts/accounts';
import type { Keys } from '../shared/accounts/keys';

vi.mock('webextension-polyfill', async () => (await import('../../e2e/unit-fixtures/fake-chrome')).fakePolyfill());

let fake: FakeChrome;

beforeEach(() => {
  vi.useFakeTimers();
  vi.resetModules();
  fake = installFakeChrome();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const accounts = () => fake.local.peek<Accounts>('accounts');
const keptKeys = () => fake.local.peek<Keys>('accountKeys');
const sessionKeys = () => fake.session.peek<Keys>('accountKeys');

/** Runs `work` to its end, moving the fake clock on (the limiter spaces Everflow's calls). */
async function settle<T>(work: Promise<T>): Promise<T> {
  let done: { value: T } | undefined;
  void work.then((value) => (done = { value }));
  await advanceUntil(() => done !== undefined, 'the work finishing');
  return done!.value;
}

async function ready(): Promise<void> {
  const { whenAccountsReady } = await import('./accounts');
  await settle(whenAccountsReady());
}

/** The ID of the account chooseAccount picks for `hint`. */
async function choose(hint: Parameters<typeof import('./accounts').chooseAccount>[0]): Promise<string | undefined> {
  const { chooseAccount } = await import('./accounts');
  return (await settle(chooseAccount(hint)))?.id;
}

async function limiterOf(account: Account) {
  const { pacedBy } = await import('./accounts');
  return pacedBy(account, {});
}

/** Settings as the version before accounts stored them (v4): the one key's region, pace and dashboard domains. */
const settingsV4 = { region: 'eu', requestsPerSecond: 12, dashboardDomains: ['links.acme.com'], newOfferSubs: 'clear' };

describe('the update from the version with one key', () => {
  it('makes the kept key the first account, with the old region, pace and domains, and removes the old key', async () => {
    const sim = stubSimulator();
    saveSingleKey(fake, EU_KEY);
    fake.local.put('settings', 4, settingsV4);
    await ready();

    // What the update wrote first, before Everflow was asked anything.
    const made = fake.local.writes.find((write) => 'accounts' in write)?.accounts as { data: Accounts } | undefined;
    expect(made?.data).toStrictEqual({
      accounts: [
        {
          id: FIRST_ACCOUNT_ID,
          kind: 'network',
          region: 'eu',
          label: '',
          keyHint: EU_KEY.slice(-4),
          sessionOnly: false,
          dashboardDomains: ['links.acme.com'],
          requestsPerSecond: 12,
        },
      ],
      lastUsedId: FIRST_ACCOUNT_ID,
    });
    expect(keptKeys()).toStrictEqual({ [FIRST_ACCOUNT_ID]: EU_KEY });
    expect(sessionKeys() ?? {}).toStrictEqual({});
    expect([fake.local.data.has('apiKey'), fake.session.data.has('apiKey')]).toStrictEqual([false, false]);
    // The key is nowhere but in its own item.
    expect(JSON.stringify(accounts())).not.toContain(EU_KEY);

    // Then Everflow says whose key it is (in the old region), and the account is named after its network.
    await advanceUntil(() => accounts()?.accounts[0]?.networkId !== undefined, 'the first account learning its network');
    expect(accounts()?.accounts[0]).toMatchObject({
      kind: 'network',
      region: 'eu',
      label: 'Acme Performance Network',
      networkId: 1,
      identifier: 'acme',
      requestsPerSecond: 12,
    });
    expect(sim.requests.map((request) => new URL(request.url).host)).toStrictEqual(['api-eu.eflow.team']);
  });

  it('a key kept for the session only stays so: its account is session-only, its key in storage.session alone', async () => {
    stubSimulator();
    saveSingleKey(fake, API_KEY, 'session');
    await ready();
    expect(accounts()?.accounts).toMatchObject([{ id: FIRST_ACCOUNT_ID, sessionOnly: true, region: 'us', requestsPerSecond: 20 }]);
    expect(sessionKeys()).toStrictEqual({ [FIRST_ACCOUNT_ID]: API_KEY });
    expect(keptKeys() ?? {}).toStrictEqual({});
    expect(fake.session.data.has('apiKey')).toBe(false);
  });

  it('settings of every version before accounts give their region, pace and domains (a v1 only its region)', async () => {
    stubSimulator();
    saveSingleKey(fake);
    fake.local.put('settings', 1, { region: 'eu' });
    await ready();
    expect(accounts()?.accounts[0]).toMatchObject({ region: 'eu', requestsPerSecond: 20, dashboardDomains: [] });
  });

  it('a partner’s key learns that it is a partner’s, and whose', async () => {
    stubSimulator();
    saveSingleKey(fake, PARTNER_KEY);
    await ready();
    await advanceUntil(() => accounts()?.accounts[0]?.networkId !== undefined, 'the first account learning whose key it is');
    expect(accounts()?.accounts[0]).toMatchObject({
      kind: 'partner',
      label: 'Acme Performance',
      networkName: 'Acme Performance',
      partnerId: 7,
      partnerName: 'Sunrise Media',
    });
  });

  it('offline, the first account is still made and named later (its label empty, its network unknown)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    saveSingleKey(fake);
    await ready();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(accounts()?.accounts).toMatchObject([{ id: FIRST_ACCOUNT_ID, label: '' }]);
    expect(accounts()?.accounts[0]).not.toHaveProperty('networkId');
    expect(keptKeys()).toStrictEqual({ [FIRST_ACCOUNT_ID]: API_KEY });
  });

  it('runs once even if asked twice at once, and a new worker finds the accounts made', async () => {
    const sim = stubSimulator();
    saveSingleKey(fake, US_KEY);
    const { whenAccountsReady } = await import('./accounts');
    await settle(Promise.all([whenAccountsReady(), whenAccountsReady()]));
    // Another worker (or the same one woken again) asks too.
    vi.resetModules();
    await ready();
    await advanceUntil(() => accounts()?.accounts[0]?.networkId !== undefined, 'the first account learning its network');

    expect(accounts()?.accounts.map((account) => account.id)).toStrictEqual([FIRST_ACCOUNT_ID]);
    expect(keptKeys()).toStrictEqual({ [FIRST_ACCOUNT_ID]: US_KEY });
    expect(fake.local.writes.filter((write) => 'accountKeys' in write)).toHaveLength(1);
    // Whose key it is was asked once.
    expect(sim.requests.map((request) => request.path)).toStrictEqual(['/v1/networks']);
  });

  it('without a key there is nothing to make: no account, and nothing is asked of Everflow', async () => {
    const sim = stubSimulator();
    fake.local.put('settings', 4, settingsV4);
    await ready();
    expect(accounts()?.accounts ?? []).toStrictEqual([]);
    expect(sim.requests).toStrictEqual([]);
  });

  it('accounts saved already are left as they are, even with an old key still stored', async () => {
    stubSimulator();
    saveAccounts(fake, [{ account: SECOND_ACCOUNT, key: SECOND_KEY }]);
    saveSingleKey(fake);
    await ready();
    expect(accounts()?.accounts.map((account) => account.id)).toStrictEqual([SECOND_ACCOUNT.id]);
    expect(keptKeys()).toStrictEqual({ [SECOND_ACCOUNT.id]: SECOND_KEY });
  });
});

describe('chooseAccount', () => {
  const partner = { ...PARTNER_ACCOUNT, dashboardDomains: ['partners.acme-links.example'] };

  beforeEach(() => {
    saveAccounts(
      fake,
      [
        { account: testAccount(), key: API_KEY },
        { account: SECOND_ACCOUNT, key: SECOND_KEY },
        { account: partner, key: PARTNER_KEY },
      ],
      SECOND_ACCOUNT.id,
    );
  });

  it('by its ID; an ID no longer saved is none (never another account)', async () => {
    expect(await choose({ accountId: 'partner' })).toBe('partner');
    expect(await choose({ accountId: 'forgotten', url: 'https://acme.everflowclient.io/offers/42' })).toBeUndefined();
  });

  it('by the dashboard page: its <identifier>.everflowclient.io, whatever the case, or one of its white-label domains', async () => {
    expect(await choose({ url: 'https://acme.everflowclient.io/offers/42' })).toBe(FIRST_ACCOUNT_ID);
    expect(await choose({ url: 'https://NORDLYS.EverflowClient.io/offers/42' })).toBe(SECOND_ACCOUNT.id);
    expect(await choose({ url: 'https://partners.acme-links.example/offers/42' })).toBe('partner');
  });

  it('else the last used, else the first', async () => {
    expect(await choose({ url: 'https://example.com/offers/42' })).toBe(SECOND_ACCOUNT.id);
    expect(await choose({ url: 'not a url' })).toBe(SECOND_ACCOUNT.id);
    expect(await choose({})).toBe(SECOND_ACCOUNT.id);
    saveAccounts(
      fake,
      [
        { account: testAccount(), key: API_KEY },
        { account: SECOND_ACCOUNT, key: SECOND_KEY },
      ],
      'forgotten',
    );
    expect(await choose({})).toBe(FIRST_ACCOUNT_ID);
  });
});

describe('pacedBy', () => {
  it('two accounts of one network and kind of key share one limiter', async () => {
    const one = await limiterOf(testAccount());
    const other = await limiterOf(testAccount({ id: 'colleague', label: 'Acme (Kim’s key)' }));
    expect(other).toBe(one);
    // A 429 on one key pauses the other's calls too: Everflow counts the network's calls together.
    one.backOff(5_000);
    expect(other.pausedForMs()).toBeGreaterThan(0);
  });

  it('not across kinds of key, nor networks; a key whose network is not known yet has its own', async () => {
    const network = await limiterOf(testAccount());
    expect(await limiterOf(PARTNER_ACCOUNT)).not.toBe(network);
    expect(await limiterOf(SECOND_ACCOUNT)).not.toBe(network);
    const unknown = await limiterOf(testAccount({ id: 'new', networkId: undefined }));
    expect(unknown).not.toBe(network);
    expect(await limiterOf(testAccount({ id: 'newer', networkId: undefined }))).not.toBe(unknown);
  });
});

describe('connect', () => {
  it('an account named but no longer saved is said to be; none saved at all, that no key is', async () => {
    const { connect } = await import('./accounts');
    expect(await settle(connect('forgotten', 'interactive'))).toStrictEqual({
      ok: false,
      kind: 'invalid-input',
      message: 'That Everflow account is no longer saved; choose another one, or add it again on the options page.',
    });
    expect(await settle(connect(undefined, 'interactive'))).toMatchObject({ ok: false, kind: 'no-key' });
  });

  it('goes to the account’s region with its own key', async () => {
    saveAccounts(fake, [
      { account: testAccount(), key: API_KEY },
      { account: SECOND_ACCOUNT, key: SECOND_KEY },
    ]);
    const { connect } = await import('./accounts');
    const access = await settle(connect(SECOND_ACCOUNT.id, 'interactive'));
    expect(access.ok && [access.account.id, access.connection.baseUrl, access.connection.apiKey]).toStrictEqual([
      SECOND_ACCOUNT.id,
      'https://api-eu.eflow.team/v1',
      SECOND_KEY,
    ]);
  });
});
