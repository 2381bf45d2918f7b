// The accounts from the background's side: which one a call is for (named, or the dashboard tab's, or
// the last used), the connection it goes through (its region's API, its key, its network's one pace),
// and the update from the version with one key, which makes that key the first account.
import { MESSAGES, failure, type Failure } from '../everflow/failures';
import { identifyKey, type KeyIdentity } from '../everflow/key-identity';
import type { Connection } from '../everflow/http';
import { RateLimiter, type Lane } from '../everflow/rate-limiter';
import { apiBase, type Region } from '../everflow/regions';
import {
  FIRST_ACCOUNT_ID,
  accountById,
  accountForHost,
  accountName,
  accountsItem,
  defaultAccount,
  paceKey,
  type Account,
  type Accounts,
} from '../shared/accounts/accounts';
import { legacyKeptKeyItem, legacySessionKeyItem } from '../shared/accounts/keys';
import { paceUnder, type Policy } from '../shared/policy/policy';
import { DEFAULT_REQUESTS_PER_SECOND, settingsBeforeAccounts } from '../shared/settings/settings';
import { allKeys, keyHint, keyOf, storeKey } from './account-keys';
import { currentPolicy, keepKeysForTheSession, policyRead } from './policy';
import { memory } from './worker-memory';

/** Said when no account is saved yet (the popup, the menu, the keyboard). */
export const NO_ACCOUNT = failure('no-key', MESSAGES.noKey);
/** Said when an account's key was kept for the session only and the browser has closed since. */
export const keyGone = (account: Pick<Account, 'label' | 'kind' | 'partnerName'>) =>
  `${accountName(account)}’s API key was kept only until the browser closed; enter it again on the options page.`;
/** Said when an account named by a page no longer exists (forgotten on the options page meanwhile). */
export const ACCOUNT_GONE = 'That Everflow account is no longer saved; choose another one, or add it again on the options page.';

let ready: Promise<{ rewritten: boolean }> | undefined;

/** What an account learns from its key's identity: its kind, network and partner, and a label when it has none. */
export function withIdentity(account: Account, identity: KeyIdentity): Account {
  const { networkName: _network, identifier: _identifier, partnerId: _partner, partnerName: _partnerName, ...rest } = account;
  if (identity.kind === 'network') {
    const named = identity.displayedName ?? identity.name;
    return {
      ...rest,
      kind: 'network',
      label: account.label || named,
      networkId: identity.networkId,
      networkName: named,
      ...(identity.identifier ? { identifier: identity.identifier } : {}),
    };
  }
  return {
    ...rest,
    kind: 'partner',
    label: account.label || identity.networkName,
    networkId: identity.networkId,
    networkName: identity.networkName,
    partnerId: identity.partnerId,
    partnerName: identity.partnerName,
  };
}

/** Keeps what Everflow said of an account's key (its network's name and dashboard, say). */
export async function learnedIdentity(accountId: string, identity: KeyIdentity): Promise<void> {
  await accountsItem.update((list) => ({
    ...list,
    accounts: list.accounts.map((account) => (account.id === accountId ? withIdentity(account, identity) : account)),
  }));
}

/** The first account, made from the key of the version before accounts, learns whose key it is (once, not waited for). */
async function learnFirstIdentity(): Promise<void> {
  const account = accountById(await accountsItem.value(), FIRST_ACCOUNT_ID);
  const key = account && (await keyOf(account.id));
  if (!account || !key || account.networkId !== undefined) return;
  const identity = await identifyKey(connectionFor(key, account.region, pacedBy(account, await currentPolicy()), 'bulk'));
  // Not known now (offline, say): the options page's Test connection learns it later.
  if (!('ok' in identity)) await learnedIdentity(account.id, identity);
}

/**
 * Resolves once the accounts can be read: the first time in a worker, an update from the version with one
 * key makes that key the first account (with its region, pace and dashboard domains), so everything stored
 * before belongs to it, and an administrator's policy that keeps keys for the session only moves those
 * kept longer. Every caller that reads accounts or writes settings waits for this first.
 */
export function whenAccountsReady(): Promise<{ rewritten: boolean }> {
  ready ??= makeFirstAccount().then(
    (made) => {
      if (made) void learnFirstIdentity().catch(() => undefined);
      // Not waited for: the browser may take seconds to give the policy (policy.ts: currentPolicy).
      void policyRead()
        .then(keepKeysForTheSession)
        .catch(() => undefined);
      return { rewritten: made };
    },
    () => {
      // Storage unavailable: tried again by the next caller.
      ready = undefined;
      return { rewritten: false };
    },
  );
  return ready;
}

/** True when it made the first account. */
async function makeFirstAccount(): Promise<boolean> {
  // Only with a key of the version before accounts to take over: otherwise nothing is written (an
  // unreadable accounts item stays for getStatus to find, reset and say so).
  const [oldSession, oldKept] = await Promise.all([legacySessionKeyItem.value(), legacyKeptKeyItem.value()]);
  if (!(oldSession ?? oldKept)) return false;
  let made = false;
  await accountsItem.update(async (list) => {
    if (list.accounts.length > 0) return list;
    const [session, kept] = await Promise.all([legacySessionKeyItem.value(), legacyKeptKeyItem.value()]);
    const key = session ?? kept;
    if (!key) return list;
    const old = settingsBeforeAccounts((await chrome.storage.local.get('settings')).settings);
    await storeKey(FIRST_ACCOUNT_ID, key, session !== null);
    await Promise.all([legacySessionKeyItem.remove(), legacyKeptKeyItem.remove()]);
    const first: Account = {
      id: FIRST_ACCOUNT_ID,
      kind: 'network',
      region: old?.region ?? 'us',
      // Named after its network once Everflow has said which it is (learnIdentity).
      label: '',
      keyHint: keyHint(key),
      sessionOnly: session !== null,
      dashboardDomains: old?.dashboardDomains ?? [],
      requestsPerSecond: old?.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND,
    };
    made = true;
    return { accounts: [first], lastUsedId: FIRST_ACCOUNT_ID };
  });
  return made;
}

export async function readAccounts(): Promise<Accounts> {
  // Read beside the first check of a worker (a link from a just-woken worker waits for one read, not
  // two); read again after it only in the worker that has just made the first account.
  const [list, { rewritten }] = await Promise.all([accountsItem.value(), whenAccountsReady()]);
  return rewritten ? accountsItem.value() : list;
}

/** The account a call is for: the one named, else the one whose dashboard `url` is, else the last used. */
export async function chooseAccount(
  hint: { accountId?: string | undefined; url?: string | undefined } = {},
  /** The accounts, when the caller has just read them. */
  read?: Accounts,
): Promise<Account | undefined> {
  const list = read ?? (await readAccounts());
  if (hint.accountId) return accountById(list, hint.accountId);
  return accountForHost(list, hostOf(hint.url)) ?? defaultAccount(list);
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/**
 * The one limiter of an account's network and kind of key, set to the account's pace under the policy's
 * cap (both read fresh by each caller).
 */
export function pacedBy(account: Pick<Account, 'id' | 'kind' | 'region' | 'networkId' | 'requestsPerSecond'>, policy: Policy): RateLimiter {
  const key = paceKey(account);
  const pace = paceUnder(account.requestsPerSecond, policy);
  let limiter = memory.limiters.get(key);
  if (!limiter) memory.limiters.set(key, (limiter = new RateLimiter(pace)));
  limiter.setLimit(pace);
  return limiter;
}

/** A connection for `account` (or the account named by ID) in `lane`, or why there is none. */
export async function connect(
  which: Account | string | undefined,
  lane: Lane,
): Promise<{ ok: true; connection: Connection; account: Account } | Failure> {
  if (which === undefined) return NO_ACCOUNT;
  // The account, the keys and the policy are read together: a just-woken worker waits for one round of reads.
  const id = typeof which === 'string' ? which : which.id;
  const [account, apiKey, keys, policy] = await Promise.all([
    typeof which === 'string' ? chooseAccount({ accountId: which }) : which,
    keyOf(id),
    allKeys(),
    currentPolicy(),
  ]);
  if (!account) return failure('invalid-input', ACCOUNT_GONE);
  if (!apiKey) return failure('no-key', keyGone(account));
  const otherKeys = keys.filter((key) => key !== apiKey);
  return { ok: true, account, connection: { ...connectionFor(apiKey, account.region, pacedBy(account, policy), lane), otherKeys } };
}

/** A connection with a key being checked (typed and not saved yet), in `region`. */
export function connectionFor(apiKey: string, region: Region, limiter: RateLimiter, lane: Lane): Connection {
  return { baseUrl: apiBase(region), apiKey, limiter, serverTrouble: memory.serverTrouble, lane };
}

/** The account a link was just made with is the one the popup starts with next time. */
export async function markUsed(accountId: string): Promise<void> {
  await accountsItem.update((list) => (list.lastUsedId === accountId ? list : { ...list, lastUsedId: accountId }));
}
