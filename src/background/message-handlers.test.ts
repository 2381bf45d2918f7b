// The handlers that change settings, against a fake chrome: what a person would find saved after
// two options pages changed the dashboard domains at the same moment, and after saving a key that
// Everflow (a stubbed fetch) accepts, refuses or cannot be asked about.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_KEY, installFakeChrome, saveKey as storeKey, type FakeChrome } from '../../e2e/unit-fixtures/fake-chrome';
import { stubEverflow, type EverflowStub } from '../../e2e/unit-fixtures/everflow-stub';
import { expectSafeMessage } from '../../e2e/unit-fixtures/test-fetch';
import { MAX_DASHBOARD_DOMAINS, settingsItem, type Settings } from '../shared/settings/settings';

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
  return createHandlers();
}

describe('dashboard domains', () => {
  it('two pages adding a domain at the same moment both keep theirs, and a removal keeps the rest', async () => {
    const { updateSettings } = await handlers();
    const dashboardDomain = (change: { action: 'add' | 'remove'; domain: string }) => updateSettings({ dashboardDomain: change });
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
    const { updateSettings } = await handlers();
    const dashboardDomain = (change: { action: 'add' | 'remove'; domain: string }) => updateSettings({ dashboardDomain: change });
    expect(await dashboardDomain({ action: 'add', domain: 'not a domain' })).toMatchObject({ ok: false, kind: 'invalid-input' });
    for (let n = 0; n < MAX_DASHBOARD_DOMAINS; n++) await dashboardDomain({ action: 'add', domain: `d${n}.example.com` });
    expect(await dashboardDomain({ action: 'add', domain: 'one-more.example.com' })).toMatchObject({
      ok: false,
      message: `You can add up to ${MAX_DASHBOARD_DOMAINS} dashboard domains; remove one first.`,
    });
    expect(domains()).toHaveLength(MAX_DASHBOARD_DOMAINS);
  });
});

const storedKey = () => fake.local.peek<string>('apiKey') ?? fake.session.peek<string>('apiKey');
const region = () => fake.local.peek<Settings>(settingsItem.key)?.region;

describe('the key, checked with Everflow as it is saved', () => {
  const NEW_KEY = 'efk_new_key_0123456789';
  const CHECK = '/v1/networks/domains/tracking';
  let everflow: EverflowStub;

  beforeEach(() => {
    everflow = stubEverflow();
    // Everflow's network has two tracking domains; it knows NEW_KEY and API_KEY in the US, nothing in Europe.
    everflow.reply = (call) =>
      call.path === CHECK && call.url.startsWith('https://api.eflow.team/') && [NEW_KEY, API_KEY].includes(call.headers['X-Eflow-Api-Key']!)
        ? { json: { domains: [{ network_tracking_domain_id: 1 }, { network_tracking_domain_id: 2 }] } }
        : { status: 401, json: { error: 'No Authentication Method Found' } };
  });

  it('saves a key Everflow accepts and says Connected, having sent it only to the chosen region', async () => {
    const { saveKey } = await handlers();
    expect(await saveKey({ region: 'us', sessionOnly: false, key: ` ${NEW_KEY} ` })).toStrictEqual({
      ok: true,
      connected: true,
      message: 'API key saved. Connected to Everflow (2 tracking domains).',
    });
    expect(storedKey()).toBe(NEW_KEY);
    expect(everflow.calls.map((call) => [call.method, call.url, call.headers['X-Eflow-Api-Key']])).toStrictEqual([
      ['GET', `https://api.eflow.team${CHECK}`, NEW_KEY],
    ]);
  });

  it('does not save a key Everflow refuses, keeps the one saved before, and says why in one sentence', async () => {
    storeKey(fake);
    const { saveKey } = await handlers();
    const reply = await saveKey({ region: 'eu', sessionOnly: false, key: NEW_KEY });
    expect(reply).toStrictEqual({
      ok: false,
      kind: 'unauthorized',
      message:
        'Not saved: Everflow’s Europe region did not accept this API key (it may be mistyped or revoked); check it, or choose United States if your Everflow account is there.',
    });
    expectSafeMessage(reply.ok ? '' : reply.message, NEW_KEY);
    expect(storedKey()).toBe(API_KEY);
    expect(region()).toBeUndefined();
  });

  it('saves a key it could not check (Everflow unreachable or in trouble), saying so', async () => {
    everflow.reply = () => 'network-error';
    const { saveKey } = await handlers();
    expect(await saveKey({ region: 'us', sessionOnly: false, key: NEW_KEY })).toStrictEqual({
      ok: true,
      connected: false,
      message: 'API key saved, but could not reach Everflow; check your internet connection and try again.',
    });
    expect(storedKey()).toBe(NEW_KEY);

    everflow.reply = () => ({ status: 403, json: { error: 'Out Of Realm' } });
    expect(await saveKey({ region: 'us', sessionOnly: false, key: API_KEY })).toMatchObject({
      ok: true,
      connected: false,
      message:
        'API key saved, but Everflow did not let this key read the network’s tracking domains; use a network API key (not an affiliate key) whose permissions include tracking links.',
    });
    expect(storedKey()).toBe(API_KEY);
  });

  it('a new region for the saved key is checked; keeping the key for this session only is not', async () => {
    storeKey(fake);
    const { saveKey } = await handlers();
    expect(await saveKey({ region: 'eu', sessionOnly: false })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Not saved: Everflow’s Europe region did not accept the saved API key/),
    });
    expect(region()).toBeUndefined();
    expect(everflow.calls).toHaveLength(1);

    expect(await saveKey({ region: 'us', sessionOnly: true })).toStrictEqual({ ok: true, message: 'Settings saved.' });
    expect(everflow.calls).toHaveLength(1);
    expect(fake.session.peek('apiKey')).toBe(API_KEY);
  });

  it('Test connection checks the typed key in the chosen region without saving it, or else the saved key', async () => {
    const { testConnection } = await handlers();
    expect(await testConnection({})).toMatchObject({ ok: false, kind: 'no-key' });
    expect(await testConnection({ key: NEW_KEY, region: 'us' })).toStrictEqual({
      ok: true,
      message: 'Connected to Everflow (2 tracking domains). This key is not saved yet: press Save to keep it.',
    });
    expect(storedKey()).toBeUndefined();
    expect(await testConnection({ key: NEW_KEY, region: 'eu' })).toMatchObject({ ok: false, kind: 'unauthorized' });
    expect(await testConnection({ key: 'two words' })).toMatchObject({ ok: false, kind: 'invalid-input' });

    storeKey(fake);
    expect(await testConnection({ region: 'us' })).toStrictEqual({ ok: true, message: 'Connected to Everflow (2 tracking domains).' });
    expect(everflow.calls.map((call) => [call.url, call.headers['X-Eflow-Api-Key']])).toStrictEqual([
      [`https://api.eflow.team${CHECK}`, NEW_KEY],
      [`https://api-eu.eflow.team${CHECK}`, NEW_KEY],
      [`https://api.eflow.team${CHECK}`, API_KEY],
    ]);
  });
});

describe('advanced settings and shortcuts', () => {
  it('saves the pace on its own, leaving the region as it was', async () => {
    fake.local.put(settingsItem.key, settingsItem.version, { ...settingsItem.fallback(), region: 'eu' });
    const { updateSettings } = await handlers();
    expect(await updateSettings({ requestsPerSecond: 5 })).toStrictEqual({ ok: true });
    expect(fake.local.peek<Settings>(settingsItem.key)).toMatchObject({ region: 'eu', requestsPerSecond: 5 });
  });

  it('tells the shortcuts as the browser has them, none where a person removed one, and where to set them', async () => {
    fake.commands = fake.commands.map((command) => (command.name === '_execute_action' ? { ...command, shortcut: '' } : command));
    const { getShortcuts } = await handlers();
    expect(await getShortcuts({})).toStrictEqual({
      ok: true,
      open: '',
      copy: 'Ctrl+Shift+Period',
      settings: 'at chrome://extensions/shortcuts',
    });
    vi.stubGlobal('navigator', { ...navigator, userAgent: 'Mozilla/5.0 … Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0' });
    expect(await getShortcuts({})).toMatchObject({ settings: 'at edge://extensions/shortcuts' });
  });
});

describe('copy', () => {
  it('puts the text on the clipboard without the saved API key, however it got there', async () => {
    storeKey(fake);
    const { copy } = await handlers();
    expect(await copy({ text: `Hi ${API_KEY} https://t.example/?sub1=${encodeURIComponent(API_KEY)}` })).toStrictEqual({
      ok: true,
      line: 'Hi  https://t.example/?sub1=',
    });
    expect(fake.clipboard).toStrictEqual(['Hi  https://t.example/?sub1=']);
  });
});

describe('guardTexts', () => {
  it('says which texts hold the saved key, in any encoding, and gives each back without it', async () => {
    storeKey(fake);
    const { guardTexts } = await handlers();
    const texts = ['spring', `x-${encodeURIComponent(API_KEY).toLowerCase()}-y`, `${API_KEY.slice(0, 4)}${API_KEY}${API_KEY.slice(4)}`];
    const reply = await guardTexts({ texts });
    expect(reply).toMatchObject({ ok: true, held: [false, true, true] });
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.cleaned[0]).toBe('spring');
    for (const cleaned of reply.cleaned) expect(cleaned).not.toContain(API_KEY);
    expect(reply.cleaned[1]).toBe('x--y');
  });

  it('without a saved key holds nothing and changes nothing', async () => {
    const { guardTexts } = await handlers();
    expect(await guardTexts({ texts: ['a', 'b'] })).toStrictEqual({ ok: true, held: [false, false], cleaned: ['a', 'b'] });
  });
});
