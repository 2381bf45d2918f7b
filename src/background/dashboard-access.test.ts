// Giving back the browser's access to white-label domains no longer in the list, at browser start.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import {
  API_KEY,
  MANIFEST_HOSTS,
  installFakeChrome,
  saveSingleKey,
  type FakeChrome,
  type FakeEvent,
} from '../../e2e/unit-fixtures/fake-chrome';
import { SECOND_ACCOUNT, SECOND_KEY, saveAccounts, testAccount } from '../../e2e/unit-fixtures/test-accounts';

vi.mock('webextension-polyfill', async () => (await import('../../e2e/unit-fixtures/fake-chrome')).fakePolyfill());

let fake: FakeChrome;

beforeEach(() => {
  vi.resetModules();
  fake = installFakeChrome();
});

afterEach(() => vi.unstubAllGlobals());

it('gives back access to domains no account lists, keeps every account’s and the manifest’s own', async () => {
  saveAccounts(fake, [
    { account: testAccount({ dashboardDomains: ['links.acme.com'] }), key: API_KEY },
    { account: { ...SECOND_ACCOUNT, dashboardDomains: ['dash.nordlys.example'] }, key: SECOND_KEY },
  ]);
  fake.grantedOrigins.push(
    'https://links.acme.com/*',
    'https://dash.nordlys.example/*',
    'https://old.acme.com/*',
    'https://gone.example.org/*',
  );
  const { releaseUnusedDashboardAccess } = await import('./dashboard-access');
  await releaseUnusedDashboardAccess();
  expect(fake.grantedOrigins.toSorted()).toStrictEqual(
    [...MANIFEST_HOSTS, 'https://links.acme.com/*', 'https://dash.nordlys.example/*'].toSorted(),
  );
});

it('an update from the version with one key keeps that key’s dashboard domains: the first account has them', async () => {
  // The first account then asks Everflow whose key it is: offline here.
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
  );
  saveSingleKey(fake);
  fake.local.put('settings', 4, { region: 'us', requestsPerSecond: 20, dashboardDomains: ['links.acme.com'], newOfferSubs: 'keep' });
  fake.grantedOrigins.push('https://links.acme.com/*', 'https://old.acme.com/*');
  const { releaseUnusedDashboardAccess } = await import('./dashboard-access');
  await releaseUnusedDashboardAccess();
  expect(fake.grantedOrigins.toSorted()).toStrictEqual([...MANIFEST_HOSTS, 'https://links.acme.com/*'].toSorted());
});

it('runs when the browser starts', async () => {
  fake.grantedOrigins.push('https://old.acme.com/*');
  await import('./worker');
  (fake.chrome.runtime.onStartup as unknown as FakeEvent).dispatch();
  await vi.waitFor(() => expect(fake.grantedOrigins).toStrictEqual(MANIFEST_HOSTS));
});
