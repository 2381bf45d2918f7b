// The handlers behind the options page and the popup, against a fake chrome (and the Everflow simulator
// behind `fetch` where Everflow is asked): what a page is told of the accounts (never a key), what a
// person would find saved after two pages changed an account at the same moment, and that no saved key,
// whichever account's, goes onto the clipboard or into a text a page keeps.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_KEY, installFakeChrome, saveSingleKey, type FakeChrome } from '../../e2e/unit-fixtures/fake-chrome';
import { SECOND_ACCOUNT, SECOND_KEY, saveAccount, saveAccounts, saveTwoAccounts, testAccount } from '../../e2e/unit-fixtures/test-accounts';
import { stubSimulator } from '../../e2e/unit-fixtures/simulator-fetch';
import { SECOND_NETWORK_KEY, US_KEY } from '../../e2e/simulator/network';
import { FIRST_ACCOUNT_ID, type Accounts } from '../shared/accounts/accounts';
import { recentAffiliatesItem } from '../shared/history/recent-affiliates';
import { settingsItem, type Settings } from '../shared/settings/settings';
import { RESET_NOTICE } from './message-handlers';

vi.mock('webextension-polyfill', async () => (await import('../../e2e/unit-fixtures/fake-chrome')).fakePolyfill());

let fake: FakeChrome;
const accounts = () => fake.local.peek<Accounts>('accounts');

beforeEach(() => {
  vi.resetModules();
  fake = installFakeChrome();
});

afterEach(() => vi.unstubAllGlobals());

async function handlers() {
  const { createHandlers } = await import('./message-handlers');
  return createHandlers();
}

describe('getStatus', () => {
  it('tells each account and whether its key is there now, never the key; each account’s recent affiliates', async () => {
    saveAccounts(fake, [
      { account: testAccount(), key: API_KEY },
      { account: { ...SECOND_ACCOUNT, sessionOnly: true }, key: SECOND_KEY },
    ]);
    fake.local.put(recentAffiliatesItem.key, recentAffiliatesItem.version, { [FIRST_ACCOUNT_ID]: [7, 3], [SECOND_ACCOUNT.id]: [12] });
    const { getStatus } = await handlers();
    const status = await getStatus({});
    expect(status).toMatchObject({
      ok: true,
      accounts: [
        { id: FIRST_ACCOUNT_ID, hasKey: true, keyHint: API_KEY.slice(-4) },
        { id: SECOND_ACCOUNT.id, hasKey: true, sessionOnly: true },
      ],
      lastUsedId: FIRST_ACCOUNT_ID,
      recentAffiliates: { [FIRST_ACCOUNT_ID]: [7, 3], [SECOND_ACCOUNT.id]: [12] },
      notices: [],
    });
    for (const key of [API_KEY, SECOND_KEY]) expect(JSON.stringify(status)).not.toContain(key);

    // The browser closed: the session-only key is gone, its account stays.
    fake.session.data.clear();
    const after = await getStatus({});
    expect(after.ok && after.accounts.map((account) => account.hasKey)).toStrictEqual([true, false]);
  });

  it('accounts that cannot be read are reset, and the page is told once', async () => {
    fake.local.put('accounts', 1, { accounts: 'damaged' });
    const { getStatus } = await handlers();
    expect(await getStatus({})).toMatchObject({ ok: true, accounts: [], notices: [RESET_NOTICE] });
    expect(await getStatus({})).toMatchObject({ notices: [] });
  });

  it('after an update from the version with one key, the first message already finds that key’s account', async () => {
    stubSimulator();
    saveSingleKey(fake, US_KEY);
    fake.local.put('settings', 4, { region: 'us', requestsPerSecond: 12, dashboardDomains: ['links.acme.com'], newOfferSubs: 'clear' });
    const { getStatus } = await handlers();
    expect(await getStatus({})).toMatchObject({
      accounts: [{ id: FIRST_ACCOUNT_ID, hasKey: true, requestsPerSecond: 12, dashboardDomains: ['links.acme.com'] }],
      lastUsedId: FIRST_ACCOUNT_ID,
      newOfferSubs: 'clear',
    });
  });

  it('a key added right after the update is another account: the old key stays the first', async () => {
    stubSimulator();
    saveSingleKey(fake, US_KEY);
    const { addAccount } = await handlers();
    const added = await addAccount({ key: SECOND_NETWORK_KEY, region: 'eu', sessionOnly: false });
    expect(added).toMatchObject({ ok: true, account: { networkId: 2 } });
    expect(added.ok && added.account.id).not.toBe(FIRST_ACCOUNT_ID);
    expect(accounts()?.accounts.map((account) => account.id)[0]).toBe(FIRST_ACCOUNT_ID);
    expect(fake.local.peek('accountKeys')).toMatchObject({ [FIRST_ACCOUNT_ID]: US_KEY });
  });
});

describe('an account’s dashboard domains', () => {
  it('two pages adding a domain at the same moment both keep theirs, and a removal keeps the rest', async () => {
    saveAccount(fake);
    const { updateAccount } = await handlers();
    const dashboardDomain = (change: { action: 'add' | 'remove'; domain: string }) =>
      updateAccount({ accountId: FIRST_ACCOUNT_ID, dashboardDomain: change });
    const replies = await Promise.all([
      dashboardDomain({ action: 'add', domain: 'links.acme.com' }),
      dashboardDomain({ action: 'add', domain: 'https://Partners.Example.org/offers' }),
    ]);
    expect(replies.map((reply) => reply.ok)).toStrictEqual([true, true]);
    expect(accounts()?.accounts[0]?.dashboardDomains.toSorted()).toStrictEqual(['links.acme.com', 'partners.example.org']);
    await dashboardDomain({ action: 'remove', domain: 'links.acme.com' });
    expect(accounts()?.accounts[0]?.dashboardDomains).toStrictEqual(['partners.example.org']);
  });
});

describe('settings and shortcuts', () => {
  it('saves what a new offer does to the subs, for every account', async () => {
    const { updateSettings } = await handlers();
    expect(await updateSettings({ newOfferSubs: 'clear' })).toStrictEqual({ ok: true });
    expect(fake.local.peek<Settings>(settingsItem.key)).toStrictEqual({ newOfferSubs: 'clear' });
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
  it('puts the text on the clipboard without any saved API key, whichever account’s, however it got there', async () => {
    saveTwoAccounts(fake);
    const { copy } = await handlers();
    expect(await copy({ text: `Hi ${API_KEY} https://t.example/?sub1=${encodeURIComponent(SECOND_KEY)}` })).toStrictEqual({
      ok: true,
      line: 'Hi  https://t.example/?sub1=',
    });
    expect(fake.clipboard).toStrictEqual(['Hi  https://t.example/?sub1=']);
  });
});

describe('guardTexts', () => {
  it('says which texts hold a saved key, in any encoding, and gives each back without it', async () => {
    saveAccount(fake);
    const { guardTexts } = await handlers();
    const texts = ['spring', `x-${encodeURIComponent(API_KEY).toLowerCase()}-y`, `${API_KEY.slice(0, 4)}${API_KEY}${API_KEY.slice(4)}`];
    const reply = await guardTexts({ texts });
    expect(reply).toMatchObject({ ok: true, held: [false, true, true] });
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.cleaned[0]).toBe('spring');
    for (const cleaned of reply.cleaned) expect(cleaned).not.toContain(API_KEY);
    expect(reply.cleaned[1]).toBe('x--y');
  });

  it('another account’s key is held too', async () => {
    saveTwoAccounts(fake);
    const { guardTexts } = await handlers();
    expect(await guardTexts({ texts: [`sub=${SECOND_KEY}`, 'plain'] })).toStrictEqual({
      ok: true,
      held: [true, false],
      cleaned: ['sub=', 'plain'],
    });
  });

  it('without a saved key holds nothing and changes nothing', async () => {
    const { guardTexts } = await handlers();
    expect(await guardTexts({ texts: ['a', 'b'] })).toStrictEqual({ ok: true, held: [false, false], cleaned: ['a', 'b'] });
  });
});
