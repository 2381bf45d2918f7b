// Saved Everflow accounts for the unit tests of the background and the pages: an account as the
// options page would have added it, and storage seeded with it (the accounts item and its key), the
// way src/shared/accounts/ stores them. Tests only.
import { FIRST_ACCOUNT_ID, accountsItem, type Account } from '../../src/shared/accounts/accounts';
import { keptKeysItem, sessionKeysItem } from '../../src/shared/accounts/keys';
import { API_KEY, type FakeChrome } from './fake-chrome';

/** The key of SECOND_ACCOUNT (another network's). */
export const SECOND_KEY = 'k3y-OTHER-9876543210fedcba';

/** A network key's account: the first network's, in the US, as the options page adds it (the first account saved is 'first'). */
export const testAccount = (over: Partial<Account> = {}): Account => ({
  id: FIRST_ACCOUNT_ID,
  kind: 'network',
  region: 'us',
  label: 'Acme Performance',
  networkId: 1,
  networkName: 'Acme Performance',
  identifier: 'acme',
  keyHint: API_KEY.slice(-4),
  sessionOnly: false,
  dashboardDomains: [],
  requestsPerSecond: 20,
  ...over,
});

/** Another network's account (its IDs mean other things), in Europe. */
export const SECOND_ACCOUNT: Account = testAccount({
  id: 'second',
  region: 'eu',
  label: 'Nordlys Media',
  networkId: 2,
  networkName: 'Nordlys Media',
  identifier: 'nordlys',
  keyHint: SECOND_KEY.slice(-4),
});

/** A partner's key of the first network: Sunrise Media (affiliate 7), at Everflow's partner pace. */
export const PARTNER_ACCOUNT: Account = testAccount({
  id: 'partner',
  kind: 'partner',
  label: 'Acme Performance',
  identifier: undefined,
  partnerId: 7,
  partnerName: 'Sunrise Media',
  requestsPerSecond: 5,
});

/**
 * Saves accounts with their keys as the background does (a session-only account's key in
 * storage.session); the last used is the first given unless said.
 */
export function saveAccounts(
  fake: FakeChrome,
  saved: readonly { account: Account; key: string }[],
  lastUsedId: string | null = saved[0]?.account.id ?? null,
): void {
  fake.local.put(accountsItem.key, accountsItem.version, { accounts: saved.map(({ account }) => account), lastUsedId });
  const keys = (sessionOnly: boolean) =>
    Object.fromEntries(saved.filter(({ account }) => account.sessionOnly === sessionOnly).map(({ account, key }) => [account.id, key]));
  fake.local.put(keptKeysItem.key, keptKeysItem.version, keys(false));
  fake.session.put(sessionKeysItem.key, sessionKeysItem.version, keys(true));
}

/** Saves one account (by default the first network's, with API_KEY). */
export function saveAccount(fake: FakeChrome, account: Account = testAccount(), key = API_KEY): void {
  saveAccounts(fake, [{ account, key }]);
}

/** Saves the first account (API_KEY) and SECOND_ACCOUNT (SECOND_KEY); the first is the last used. */
export function saveTwoAccounts(fake: FakeChrome): void {
  saveAccounts(fake, [
    { account: testAccount(), key: API_KEY },
    { account: SECOND_ACCOUNT, key: SECOND_KEY },
  ]);
}
