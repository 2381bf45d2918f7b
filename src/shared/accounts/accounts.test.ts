import { describe, expect, it } from 'vitest';
import { PARTNER_ACCOUNT, SECOND_ACCOUNT, testAccount } from '../../../e2e/unit-fixtures/test-accounts';
import {
  FIRST_ACCOUNT_ID,
  NO_ACCOUNTS,
  accountForHost,
  accountName,
  accountsItem,
  allDashboardDomains,
  byFirstAccount,
  defaultAccount,
  defaultPace,
  eachOfFirstAccount,
  ofFirstAccount,
  paceKey,
  type Accounts,
} from './accounts';

const FIRST = testAccount({ dashboardDomains: ['links.acme.com'] });
const PARTNER = { ...PARTNER_ACCOUNT, dashboardDomains: ['partners.acme.com'] };
const LIST: Accounts = { accounts: [FIRST, SECOND_ACCOUNT, PARTNER], lastUsedId: SECOND_ACCOUNT.id };

const idFor = (host: string | undefined) => accountForHost(LIST, host)?.id;

describe('accountForHost', () => {
  it('the account of its dashboard: <identifier>.everflowclient.io, whatever the case', () => {
    expect(idFor('acme.everflowclient.io')).toBe(FIRST_ACCOUNT_ID);
    expect(idFor('Nordlys.EverflowClient.IO')).toBe(SECOND_ACCOUNT.id);
    expect(idFor('everflowclient.io')).toBeUndefined();
    expect(idFor('acme.everflowclient.io.evil.example')).toBeUndefined();
    expect(idFor('other.everflowclient.io')).toBeUndefined();
  });

  it('an account’s white-label domain, whatever the case; a white-label domain wins over an identifier', () => {
    expect(idFor('LINKS.acme.com')).toBe(FIRST_ACCOUNT_ID);
    expect(idFor('partners.acme.com')).toBe('partner');
    const claimed: Accounts = { ...LIST, accounts: [FIRST, { ...SECOND_ACCOUNT, dashboardDomains: ['acme.everflowclient.io'] }] };
    expect(accountForHost(claimed, 'acme.everflowclient.io')?.id).toBe(SECOND_ACCOUNT.id);
  });

  it('no host, or a host no account has, is no account', () => {
    expect(idFor(undefined)).toBeUndefined();
    expect(idFor('')).toBeUndefined();
    expect(idFor('example.com')).toBeUndefined();
  });
});

describe('defaultAccount', () => {
  it('the last used, else the first saved, else none', () => {
    expect(defaultAccount(LIST)?.id).toBe(SECOND_ACCOUNT.id);
    expect(defaultAccount({ ...LIST, lastUsedId: 'forgotten' })?.id).toBe(FIRST_ACCOUNT_ID);
    expect(defaultAccount({ ...LIST, lastUsedId: null })?.id).toBe(FIRST_ACCOUNT_ID);
    expect(defaultAccount(NO_ACCOUNTS)).toBeUndefined();
  });
});

describe('paceKey', () => {
  it('two keys of the same network and kind share one; another kind or network has its own', () => {
    const colleague = testAccount({ id: 'colleague', label: 'Acme (Kim’s key)' });
    expect(paceKey(colleague)).toBe(paceKey(FIRST));
    expect(paceKey(PARTNER)).not.toBe(paceKey(FIRST));
    expect(paceKey(SECOND_ACCOUNT)).not.toBe(paceKey(FIRST));
  });

  it('a key whose network is not known yet has its own', () => {
    const unknown = testAccount({ networkId: undefined });
    const another = testAccount({ id: 'another', networkId: undefined });
    expect(new Set([paceKey(unknown), paceKey(another), paceKey(FIRST)]).size).toBe(3);
  });
});

describe('accountName', () => {
  it('its label, with the partner it is for a partner’s key; an account not named yet is said plainly', () => {
    expect(accountName(FIRST)).toBe('Acme Performance');
    expect(accountName(PARTNER)).toBe('Acme Performance (partner: Sunrise Media)');
    expect(accountName(testAccount({ label: '' }))).toBe('Everflow account');
    expect(accountName({ ...PARTNER, partnerName: undefined })).toBe('Acme Performance');
  });
});

describe('an account’s defaults and dashboards', () => {
  it('a partner key keeps to Everflow’s partner pace, a network key to the usual one', () => {
    expect([defaultPace('partner'), defaultPace('network')]).toStrictEqual([5, 20]);
  });

  it('every account’s white-label domains, each once', () => {
    const twice: Accounts = { ...LIST, accounts: [...LIST.accounts, testAccount({ id: 'x', dashboardDomains: ['links.acme.com'] })] };
    expect(allDashboardDomains(twice, [])).toStrictEqual(['links.acme.com', 'partners.acme.com']);
  });

  it('with the policy’s domains, which are everyone’s, each once', () => {
    expect(allDashboardDomains(LIST, ['partners.acme.com', 'links.corp.example'])).toStrictEqual([
      'links.acme.com',
      'partners.acme.com',
      'links.corp.example',
    ]);
    // No account's own list has it: a page there uses the default account.
    expect(accountForHost(LIST, 'links.corp.example')).toBeUndefined();
  });
});

describe('migration steps: what was stored before accounts is the first account’s', () => {
  it('an object gets the first account, unless it names its own; anything else is left for its schema to judge', () => {
    expect(ofFirstAccount({ url: 'u' })).toStrictEqual({ accountId: FIRST_ACCOUNT_ID, url: 'u' });
    expect(ofFirstAccount({ accountId: 'second' })).toStrictEqual({ accountId: 'second' });
    for (const other of [null, 'text', 3, [1]]) expect(ofFirstAccount(other)).toStrictEqual(other);
  });

  it('each entry of a list; a value kept for the one account, by account', () => {
    expect(eachOfFirstAccount([{ id: 'a' }, 'junk'])).toStrictEqual([{ accountId: FIRST_ACCOUNT_ID, id: 'a' }, 'junk']);
    expect(eachOfFirstAccount('junk')).toBe('junk');
    expect(byFirstAccount([7, 3])).toStrictEqual({ [FIRST_ACCOUNT_ID]: [7, 3] });
  });
});

describe('accountsItem', () => {
  it('reads back its accounts; damaged accounts are none, never a half-read list', () => {
    expect(accountsItem.decode(accountsItem.encode(LIST))).toStrictEqual({ value: LIST, status: 'ok' });
    expect(accountsItem.decode(undefined)).toStrictEqual({ value: NO_ACCOUNTS, status: 'missing' });
    const { kind: _kind, ...noKind } = SECOND_ACCOUNT;
    expect(accountsItem.decode({ v: 1, data: { accounts: [FIRST, noKind], lastUsedId: null } })).toStrictEqual({
      value: NO_ACCOUNTS,
      status: 'reset',
    });
    expect(accountsItem.decode({ v: 1, data: { accounts: [{ ...FIRST, requestsPerSecond: 31 }], lastUsedId: null } }).status).toBe('reset');
  });
});
