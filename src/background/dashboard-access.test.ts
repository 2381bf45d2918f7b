// Giving back the browser's access to white-label domains no longer in the list, at browser start.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { MANIFEST_HOSTS, installFakeChrome, type FakeChrome, type FakeEvent } from '../../e2e/unit-fixtures/fake-chrome';
import { settingsItem } from '../shared/settings/settings';

vi.mock('webextension-polyfill', async () => (await import('../../e2e/unit-fixtures/fake-chrome')).fakePolyfill());

let fake: FakeChrome;

beforeEach(() => {
  vi.resetModules();
  fake = installFakeChrome();
});

afterEach(() => vi.unstubAllGlobals());

it('gives back access to domains no longer listed, keeps the listed ones and the manifest’s own', async () => {
  fake.local.put(settingsItem.key, settingsItem.version, { ...settingsItem.fallback(), dashboardDomains: ['links.acme.com'] });
  fake.grantedOrigins.push('https://links.acme.com/*', 'https://old.acme.com/*', 'https://gone.example.org/*');
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
