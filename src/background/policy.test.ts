// An administrator's policy, from the background's side: the region pinned (no other region tried), the
// pace capped, keys kept for the session only (those kept longer moved as soon as the policy is seen, and
// when it arrives while the browser runs), the policy's dashboard domains kept, the welcome left out, the
// policy's default copy format. Against a fake chrome whose storage.managed is the policy, and the
// Everflow simulator behind `fetch`.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  API_KEY,
  EXTENSION_ID,
  MANIFEST_HOSTS,
  advanceUntil,
  installFakeChrome,
  type FakeChrome,
  type FakeEvent,
} from '../../e2e/unit-fixtures/fake-chrome';
import { saveAccounts, testAccount } from '../../e2e/unit-fixtures/test-accounts';
import { simulatorPaths, stubSimulator } from '../../e2e/unit-fixtures/simulator-fetch';
import type { EverflowSimulator } from '../../e2e/simulator/everflow';
import { EU_KEY, US_KEY } from '../../e2e/simulator/network';
import type { Accounts } from '../shared/accounts/accounts';
import type { Keys } from '../shared/accounts/keys';
import type { Connection } from '../everflow/http';
import type { RateLimiter } from '../everflow/rate-limiter';

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

/** The pace a connection's calls keep to (its limiter is the account's RateLimiter: accounts.ts pacedBy). */
const paceOf = (connection: Connection) => (connection.limiter as RateLimiter).currentPace;

const listed = () => fake.local.peek<Accounts>('accounts') ?? { accounts: [], lastUsedId: null };
const keptKeys = () => fake.local.peek<Keys>('accountKeys') ?? {};
const sessionKeys = () => fake.session.peek<Keys>('accountKeys') ?? {};

async function settle<T>(work: Promise<T>): Promise<T> {
  let done: { value: T } | undefined;
  void work.then((value) => (done = { value }));
  await advanceUntil(() => done !== undefined, 'the work finishing');
  return done!.value;
}

async function add(key: string, region: 'us' | 'eu', sessionOnly = false) {
  const { addAccount } = await import('./account-changes');
  return settle(addAccount({ key, region, sessionOnly }));
}

describe('a pinned region', () => {
  it('adds every account in it, whatever region was asked for', async () => {
    await fake.setPolicy({ region: 'eu', organisationName: 'Acme Corp' });
    const reply = await add(EU_KEY, 'us');
    expect(reply).toMatchObject({ ok: true, account: { region: 'eu' } });
    expect(simulatorPaths(sim).every((path) => path.includes('api-eu.eflow.team'))).toBe(true);
  });

  it('never tries the other region: a key Everflow knows only there is refused, saying why', async () => {
    await fake.setPolicy({ region: 'eu', organisationName: 'Acme Corp' });
    const reply = await add(US_KEY, 'eu');
    expect(reply).toMatchObject({
      ok: false,
      kind: 'unauthorized',
      message:
        'Everflow’s Europe region did not accept this API key (it may be mistyped or revoked, or be of another region); Acme Corp allows accounts in Europe only.',
    });
    expect(simulatorPaths(sim).some((path) => path.includes('api.eflow.team'))).toBe(false);
    expect(listed().accounts).toStrictEqual([]);
  });

  it('a value the policy cannot mean is ignored on its own: the other keys still apply', async () => {
    await fake.setPolicy({ region: 'mars', sessionOnlyKeys: true });
    const reply = await add(EU_KEY, 'us');
    // Not pinned: the United States did not know the key, Europe did.
    expect(reply).toMatchObject({ ok: true, account: { region: 'eu', sessionOnly: true } });
  });
});

describe('keys kept for the session only', () => {
  it('a new account’s key goes to session storage even when asked to be kept', async () => {
    await fake.setPolicy({ sessionOnlyKeys: true });
    const reply = await add(US_KEY, 'us', false);
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.account.sessionOnly).toBe(true);
    expect(sessionKeys()).toStrictEqual({ [reply.account.id]: US_KEY });
    expect(keptKeys()).toStrictEqual({});
  });

  it('keys kept before the policy move to session storage once a worker reads the accounts', async () => {
    saveAccounts(fake, [{ account: testAccount({ sessionOnly: false }), key: API_KEY }]);
    await fake.setPolicy({ sessionOnlyKeys: true });
    const { readAccounts } = await import('./accounts');
    await settle(readAccounts());
    await advanceUntil(() => sessionKeys().first === API_KEY, 'the key moving');
    expect((await settle(readAccounts())).accounts[0]!.sessionOnly).toBe(true);
    expect([keptKeys(), sessionKeys()]).toStrictEqual([{}, { first: API_KEY }]);
  });

  it('a policy that arrives while the browser runs moves them at once', async () => {
    saveAccounts(fake, [{ account: testAccount({ sessionOnly: false }), key: API_KEY }]);
    await import('./worker');
    const { readAccounts } = await import('./accounts');
    await settle(readAccounts());
    expect(keptKeys()).toStrictEqual({ first: API_KEY });
    await fake.setPolicy({ sessionOnlyKeys: true });
    await advanceUntil(() => sessionKeys().first === API_KEY, 'the key moving');
    expect(keptKeys()).toStrictEqual({});
    expect(listed().accounts[0]!.sessionOnly).toBe(true);
  });

  it('an account cannot be set to keep its key longer', async () => {
    saveAccounts(fake, [{ account: testAccount({ sessionOnly: true }), key: API_KEY }]);
    await fake.setPolicy({ sessionOnlyKeys: true });
    const { updateAccount } = await import('./account-changes');
    expect(await settle(updateAccount({ accountId: 'first', sessionOnly: false }))).toMatchObject({
      ok: false,
      message: 'Keys are kept only until the browser closes: your administrator sets that for every account.',
    });
    expect(sessionKeys()).toStrictEqual({ first: API_KEY });
  });
});

describe('the pace cap', () => {
  it('each account’s calls keep to the lower of its own pace and the cap', async () => {
    saveAccounts(fake, [{ account: testAccount({ requestsPerSecond: 20 }), key: API_KEY }]);
    await fake.setPolicy({ maxRequestsPerSecond: 6 });
    const { connect } = await import('./accounts');
    const access = await settle(connect('first', 'interactive'));
    if (!access.ok) throw new Error(access.message);
    expect(paceOf(access.connection)).toBe(6);
  });

  it('a pace under the cap stays; a cap changed while the browser runs applies to the next call', async () => {
    saveAccounts(fake, [{ account: testAccount({ requestsPerSecond: 4 }), key: API_KEY }]);
    await import('./worker');
    await fake.setPolicy({ maxRequestsPerSecond: 6 });
    const { connect } = await import('./accounts');
    const pace = async () => {
      const access = await settle(connect('first', 'interactive'));
      return access.ok ? paceOf(access.connection) : access.message;
    };
    expect(await pace()).toBe(4);
    await fake.setPolicy({ maxRequestsPerSecond: 2 });
    // The worker reads the changed policy again (storage.onChanged, area 'managed').
    await vi.advanceTimersByTimeAsync(10);
    expect(await pace()).toBe(2);
  });
});

it('access to the policy’s dashboard domains is never given back at browser start', async () => {
  saveAccounts(fake, [{ account: testAccount({ dashboardDomains: ['links.acme.com'] }), key: API_KEY }]);
  await fake.setPolicy({ dashboardDomains: ['Links.Corp.Example', 'not a domain'] });
  fake.grantedOrigins.push('https://links.acme.com/*', 'https://links.corp.example/*', 'https://old.example.org/*');
  const { releaseUnusedDashboardAccess } = await import('./dashboard-access');
  await settle(releaseUnusedDashboardAccess());
  expect(fake.grantedOrigins.toSorted()).toStrictEqual(
    [...MANIFEST_HOSTS, 'https://links.acme.com/*', 'https://links.corp.example/*'].toSorted(),
  );
});

it('with showWelcome false, a new install opens no welcome tab', async () => {
  vi.useRealTimers();
  await fake.setPolicy({ showWelcome: false });
  await import('./worker');
  await Promise.all((fake.chrome.runtime.onInstalled as unknown as FakeEvent).dispatch({ reason: 'install' } as never));
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(fake.openedTabs).toStrictEqual([]);
  expect(fake.openedTabs).not.toContain(`chrome-extension://${EXTENSION_ID}/src/options/options.html`);
});

it('the policy’s templates and default copy format are the background’s, beside the person’s own', async () => {
  fake.local.put('copyFormats', 1, { templates: [{ id: 'mine', name: 'Slack', text: 'mine {url}' }], defaultFormat: 'mine' });
  await fake.setPolicy({ messageTemplates: [{ name: 'Slack', text: 'Team: {url}' }], defaultCopyFormat: 'Slack' });
  const { copyFormats } = await import('./copy-format-cache');
  expect(await settle(copyFormats())).toStrictEqual({
    templates: [
      { id: 'policy:Slack', name: 'Slack', text: 'Team: {url}' },
      { id: 'mine', name: 'Slack (yours)', text: 'mine {url}' },
    ],
    defaultFormat: 'policy:Slack',
  });
});
