// The handlers that change settings, against a fake chrome: what a person would find saved after
// two options pages changed the dashboard domains at the same moment.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeChrome, type FakeChrome } from '../../e2e/unit-fixtures/fake-chrome';
import { MAX_DASHBOARD_DOMAINS, settingsItem, type Settings } from '../shared/stored-items';

vi.mock('webextension-polyfill', async () => (await import('../../e2e/unit-fixtures/fake-chrome')).fakePolyfill());

let fake: FakeChrome;
const domains = () => fake.local.peek<Settings>(settingsItem.key)?.dashboardDomains;

beforeEach(() => {
  vi.resetModules();
  fake = installFakeChrome();
});

afterEach(() => vi.unstubAllGlobals());

async function handlers() {
  const { createHandlers } = await import('./message-handlers');
  return createHandlers({ count: () => 0, post: () => undefined });
}

describe('dashboard domains', () => {
  it('two pages adding a domain at the same moment both keep theirs, and a removal keeps the rest', async () => {
    const { dashboardDomain } = await handlers();
    const replies = await Promise.all([
      dashboardDomain({ action: 'add', domain: 'links.acme.com' }),
      dashboardDomain({ action: 'add', domain: 'https://Partners.Example.org/offers' }),
    ]);
    expect(replies).toStrictEqual([{ ok: true }, { ok: true }]);
    expect(domains()?.toSorted()).toStrictEqual(['links.acme.com', 'partners.example.org']);
    await dashboardDomain({ action: 'remove', domain: 'links.acme.com' });
    expect(domains()).toStrictEqual(['partners.example.org']);
  });

  it('refuses what is not a domain, and a domain past the limit, changing nothing', async () => {
    const { dashboardDomain } = await handlers();
    expect(await dashboardDomain({ action: 'add', domain: 'not a domain' })).toMatchObject({ ok: false, kind: 'invalid-input' });
    for (let n = 0; n < MAX_DASHBOARD_DOMAINS; n++) await dashboardDomain({ action: 'add', domain: `d${n}.example.com` });
    expect(await dashboardDomain({ action: 'add', domain: 'one-more.example.com' })).toMatchObject({
      ok: false,
      message: `You can add up to ${MAX_DASHBOARD_DOMAINS} dashboard domains; remove one first.`,
    });
    expect(domains()).toHaveLength(MAX_DASHBOARD_DOMAINS);
  });
});
