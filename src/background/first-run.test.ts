// The first run: a new install opens the options page (its welcome); nothing else does.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { EXTENSION_ID, installFakeChrome, type FakeChrome, type FakeEvent } from '../../e2e/unit-fixtures/fake-chrome';

vi.mock('webextension-polyfill', async () => (await import('../../e2e/unit-fixtures/fake-chrome')).fakePolyfill());

let fake: FakeChrome;
const installed = (details: chrome.runtime.InstalledDetails) =>
  Promise.all((fake.chrome.runtime.onInstalled as unknown as FakeEvent).dispatch(details as never));

beforeEach(async () => {
  vi.resetModules();
  fake = installFakeChrome();
  await import('./worker');
});

afterEach(() => vi.unstubAllGlobals());

it('a new install opens the options page in a tab, once', async () => {
  await installed({ reason: 'install' } as chrome.runtime.InstalledDetails);
  await vi.waitFor(() => expect(fake.openedTabs).toStrictEqual([`chrome-extension://${EXTENSION_ID}/src/options/options.html`]));
});

it('an update of the extension or of the browser opens nothing', async () => {
  await installed({ reason: 'update', previousVersion: '0.0.9' } as chrome.runtime.InstalledDetails);
  await installed({ reason: 'chrome_update' } as chrome.runtime.InstalledDetails);
  await installed({ reason: 'shared_module_update' } as chrome.runtime.InstalledDetails);
  // Give a stray open every chance to happen.
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(fake.openedTabs).toStrictEqual([]);
});

it('a person’s install is greeted at once though the browser cannot yet say the policy; one the policy pushed waits for it, and its showWelcome: false', async () => {
  let answer: (() => void) | undefined;
  fake.policyReady = new Promise<void>((resolve) => (answer = resolve));
  await fake.setPolicy({ showWelcome: false });
  await installed({ reason: 'install' } as chrome.runtime.InstalledDetails);
  await vi.waitFor(() => expect(fake.openedTabs).toHaveLength(1));

  fake.openedTabs.length = 0;
  fake.installType = 'admin';
  const pushed = installed({ reason: 'install' } as chrome.runtime.InstalledDetails);
  await new Promise((resolve) => setTimeout(resolve, 400));
  answer?.();
  await pushed;
  expect(fake.openedTabs).toStrictEqual([]);
});

it('an install the policy pushed is greeted when the policy does not say otherwise', async () => {
  fake.installType = 'admin';
  await fake.setPolicy({ organisationName: 'Acme Corp' });
  await installed({ reason: 'install' } as chrome.runtime.InstalledDetails);
  await vi.waitFor(() => expect(fake.openedTabs).toHaveLength(1));
});
