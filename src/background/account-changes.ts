// What the options page asks of accounts: add one for a key (Everflow says whose key it is and in which
// region), change one (label, where its key is kept, pace, dashboard domains, a new key), forget one
// with what only it holds, and check one's key. Every change is one serialised update of the accounts.
import { checkConnection } from '../everflow/connection-check';
import { failure, type Failure } from '../everflow/failures';
import { identifyInEitherRegion, identifyKey, type KeyIdentity } from '../everflow/key-identity';
import { RateLimiter } from '../everflow/rate-limiter';
import { REGIONS, type Region } from '../everflow/regions';
import {
  FIRST_ACCOUNT_ID,
  MAX_ACCOUNTS,
  accountById,
  accountName,
  accountsItem,
  defaultPace,
  paceKey,
  type Account,
  type Accounts,
} from '../shared/accounts/accounts';
import { normaliseDomain } from '../shared/dashboard/dashboard-url';
import { bulkJobItem, rowKeys } from '../shared/bulk/bulk-job';
import { historyItem } from '../shared/history/history';
import { recentAffiliatesItem } from '../shared/history/recent-affiliates';
import { lastLinkItem } from '../shared/link/outcome';
import { ApiKeySchema } from '../shared/protocol/messages';
import { policyOwner, type Policy } from '../shared/policy/policy';
import { MAX_DASHBOARD_DOMAINS } from '../shared/settings/settings';
import { allKeys, forgetKey, keyHint, keyOf, moveKey, storeKey } from './account-keys';
import { connectionFor, keyGone, learnedIdentity, pacedBy, readAccounts, withIdentity } from './accounts';
import { clearLookupCache } from './lookup-service';
import { currentPolicy, policyRead } from './policy';

type Change = { ok: true; message: string; account: Account } | Failure;

export const ACCOUNT_MESSAGES = {
  duplicate: (name: string) => `This API key is saved already, as ${name}.`,
  full: `You can keep up to ${MAX_ACCOUNTS} Everflow accounts; forget one first.`,
  otherAccount: (name: string, theirs: string) => `Not saved: this API key is ${theirs}’s, not ${name}’s; add it as another account.`,
  notChecked: (sentence: string) => `Not saved: Everflow could not say whose key this is. ${sentence}`,
  refused: (name: string) =>
    `Everflow did not accept ${name}’s API key (it may be mistyped or revoked); replace it under Edit account with a new key from Everflow.`,
  domainsFull: `An account can have up to ${MAX_DASHBOARD_DOMAINS} dashboard domains; remove one first.`,
  notADomain: (typed: string) => `“${typed.slice(0, 80)}” is not a domain name; enter one like links.example.com.`,
  domainTaken: (domain: string, name: string) => `${domain} is ${name}’s dashboard domain already; remove it there first.`,
  notInRegion: (region: Region, owner: string) =>
    `Everflow’s ${regionLabel(region)} region did not accept this API key (it may be mistyped or revoked, or be of another region); ${owner} allows accounts in ${regionLabel(region)} only.`,
  keptForTheSession: (owner: string) => `Keys are kept only until the browser closes: ${owner} sets that for every account.`,
} as const;

const regionLabel = (region: Region) => REGIONS[region].label;

function checkedKey(typed: string): { ok: true; key: string } | Failure {
  const checked = ApiKeySchema.safeParse(typed);
  return checked.success
    ? { ok: true, key: checked.data }
    : failure('invalid-input', checked.error.issues[0]?.message ?? 'Enter the API key.');
}

/**
 * Whose key `key` is, in `region` or else the other region (only in `region` when the policy pins one);
 * the limiter is a check's own (no account yet).
 */
async function identify(key: string, region: Region, policy: Policy) {
  const found = await identifyInEitherRegion(
    (tried) => connectionFor(key, tried, new RateLimiter(2), 'interactive'),
    region,
    policy.region === undefined,
  );
  return !found.ok && found.kind === 'unauthorized' && policy.region !== undefined
    ? failure('unauthorized', ACCOUNT_MESSAGES.notInRegion(region, policyOwner(policy)))
    : found;
}

/** "Everflow knew this key in Europe, not the United States: the account is set to Europe." */
const regionNote = (asked: Region, found: Region, triedOther: boolean) =>
  triedOther && asked !== found
    ? ` Everflow’s ${regionLabel(asked)} region did not know this key, its ${regionLabel(found)} region did: the account is set to ${regionLabel(found)}.`
    : '';

const whatItIs = (account: Account) =>
  account.kind === 'partner'
    ? `a partner key of ${account.networkName ?? 'its network'} (you are ${account.partnerName ?? `partner ${account.partnerId}`})`
    : `a network key of ${account.networkName ?? account.label}`;

const sameIdentity = (account: Account, identity: KeyIdentity) =>
  account.networkId === identity.networkId &&
  account.kind === identity.kind &&
  (identity.kind === 'network' || account.partnerId === identity.partnerId);

/** An account for a key, in the region asked for and kept where asked, unless the administrator's policy sets either. */
export async function addAccount({ key: typed, ...asked }: { key: string; region: Region; sessionOnly: boolean }): Promise<Change> {
  const checked = checkedKey(typed);
  if (!checked.ok) return checked;
  const { key } = checked;
  // The key's region and where it is kept wait for the browser's answer: a policy's are never missed.
  const [list, policy] = await Promise.all([readAccounts(), policyRead()]);
  const region = policy.region ?? asked.region;
  const sessionOnly = policy.sessionOnlyKeys === true || asked.sessionOnly;
  const saved = await savedAs(list, key);
  if (saved) return failure('invalid-input', ACCOUNT_MESSAGES.duplicate(accountName(saved)));
  if (list.accounts.length >= MAX_ACCOUNTS) return failure('invalid-input', ACCOUNT_MESSAGES.full);
  const found = await identify(key, region, policy);
  if (!found.ok)
    return found.kind === 'unauthorized' || found.kind === 'forbidden'
      ? found
      : failure(found.kind, ACCOUNT_MESSAGES.notChecked(found.message));
  let account: Account | undefined;
  let refused: Failure | undefined;
  await accountsItem.update(async (current, status) => {
    // Checked again under the lock: another page may have added the same key meanwhile.
    const again = await savedAs(current, key);
    if (again) refused = failure('invalid-input', ACCOUNT_MESSAGES.duplicate(accountName(again)));
    else if (current.accounts.length >= MAX_ACCOUNTS) refused = failure('invalid-input', ACCOUNT_MESSAGES.full);
    if (refused) return current;
    const blank: Account = {
      // The first account ever saved is 'first': a form typed before any key was saved is its draft. After
      // the last account was forgotten, a new one is new (what pages kept for 'first' is not its).
      id: status === 'missing' ? FIRST_ACCOUNT_ID : crypto.randomUUID(),
      kind: found.identity.kind,
      region: found.region,
      label: '',
      keyHint: keyHint(key),
      sessionOnly,
      dashboardDomains: [],
      // Two keys of one network share Everflow's limit, so they share one pace.
      requestsPerSecond:
        current.accounts.find((known) => paceKey(known) === paceKey({ ...found.identity, id: '', region: found.region }))
          ?.requestsPerSecond ?? defaultPace(found.identity.kind),
    };
    const made = withIdentity(blank, found.identity);
    account = made;
    await storeKey(made.id, key, sessionOnly);
    return { accounts: [...current.accounts, made], lastUsedId: current.lastUsedId ?? made.id };
  });
  if (refused || !account) return refused ?? failure('internal', 'The account could not be saved; try again.');
  return {
    ok: true,
    account,
    message: `Added ${accountName(account)}: ${whatItIs(account)}.${regionNote(region, found.region, found.triedOther)}`,
  };
}

/** The account `key` is saved as, if any. */
async function savedAs(list: Accounts, key: string): Promise<Account | undefined> {
  if (!(await allKeys()).includes(key)) return undefined;
  for (const account of list.accounts) if ((await keyOf(account.id)) === key) return account;
  return undefined;
}

export interface AccountPatch {
  accountId: string;
  label?: string | undefined;
  sessionOnly?: boolean | undefined;
  requestsPerSecond?: number | undefined;
  dashboardDomain?: { action: 'add' | 'remove'; domain: string } | undefined;
  key?: string | undefined;
}

export async function updateAccount(patch: AccountPatch): Promise<Change> {
  const [saved, policy] = await Promise.all([readAccounts(), policyRead()]);
  const before = accountById(saved, patch.accountId);
  if (!before) return failure('invalid-input', GONE);
  if (patch.sessionOnly === false && policy.sessionOnlyKeys === true)
    return failure('invalid-input', ACCOUNT_MESSAGES.keptForTheSession(policyOwner(policy)));
  const domain = patch.dashboardDomain && normaliseDomain(patch.dashboardDomain.domain);
  if (patch.dashboardDomain && domain === undefined)
    return failure('invalid-input', ACCOUNT_MESSAGES.notADomain(patch.dashboardDomain.domain));

  // A new key is checked first (outside the lock: Everflow may take a while): it must be this account's.
  let renewed: { key: string; identity: KeyIdentity; region: Region; note: string } | undefined;
  if (patch.key !== undefined) {
    const checked = checkedKey(patch.key);
    if (!checked.ok) return checked;
    const found = await identify(checked.key, before.region, policy);
    if (!found.ok) return found;
    if (before.networkId !== undefined && !sameIdentity(before, found.identity)) {
      // Named as an account of it would be (accountName): its displayed name, as the labels are.
      const theirs =
        found.identity.kind === 'network'
          ? (found.identity.displayedName ?? found.identity.name)
          : `${found.identity.partnerName} on ${found.identity.networkName}`;
      return failure('invalid-input', ACCOUNT_MESSAGES.otherAccount(accountName(before), theirs));
    }
    renewed = {
      key: checked.key,
      identity: found.identity,
      region: found.region,
      note: regionNote(before.region, found.region, found.triedOther),
    };
  }

  let refused: Failure | undefined;
  let after: Account | undefined;
  await accountsItem.update(async (list) => {
    const current = accountById(list, patch.accountId);
    if (!current) {
      refused = failure('invalid-input', GONE);
      return list;
    }
    let next: Account = { ...current };
    if (patch.label !== undefined) next.label = patch.label.trim() || (current.networkName ?? current.label);
    if (patch.requestsPerSecond !== undefined) next.requestsPerSecond = patch.requestsPerSecond;
    if (patch.dashboardDomain && domain) {
      const owner = list.accounts.find((account) => account.id !== current.id && account.dashboardDomains.includes(domain));
      const others = current.dashboardDomains.filter((known) => known !== domain);
      if (patch.dashboardDomain.action === 'remove') next.dashboardDomains = others;
      else if (owner) refused = failure('invalid-input', ACCOUNT_MESSAGES.domainTaken(domain, accountName(owner)));
      else if (others.length >= MAX_DASHBOARD_DOMAINS) refused = failure('invalid-input', ACCOUNT_MESSAGES.domainsFull);
      else next.dashboardDomains = [...others, domain];
    }
    // Refused whole: nothing of a patch that cannot all be kept is written.
    if (refused) return list;
    if (renewed) {
      next = withIdentity({ ...next, region: renewed.region, keyHint: keyHint(renewed.key) }, renewed.identity);
      await storeKey(current.id, renewed.key, policy.sessionOnlyKeys === true || (patch.sessionOnly ?? current.sessionOnly));
    } else if (patch.sessionOnly !== undefined && patch.sessionOnly !== current.sessionOnly) {
      await moveKey(current.id, patch.sessionOnly);
    }
    if (patch.sessionOnly !== undefined) next.sessionOnly = patch.sessionOnly;
    after = next;
    // The pace is the network's: every account of this network and kind of key keeps the same.
    const samePace = (account: Account) => patch.requestsPerSecond !== undefined && paceKey(account) === paceKey(next);
    return {
      ...list,
      accounts: list.accounts.map((account) =>
        account.id === current.id ? next : samePace(account) ? { ...account, requestsPerSecond: next.requestsPerSecond } : account,
      ),
    };
  });
  if (refused || !after) return refused ?? failure('invalid-input', GONE);
  // Names cached with the old key may be of what the old key could see.
  if (renewed) await clearLookupCache(after.id);
  if (paceKey(before) !== paceKey(after) || before.requestsPerSecond !== after.requestsPerSecond) pacedBy(after, policy);
  const message = renewed ? `New API key saved for ${accountName(after)}.${renewed.note}` : `${accountName(after)} saved.`;
  return { ok: true, account: after, message };
}

const GONE = 'That Everflow account is no longer saved; reload the page to see the accounts as they are.';

/**
 * Forgets an account: its key and what only the background keeps for it (its history, names, recent
 * affiliates, the last link if it is its, a bulk job of its). What pages keep (pins, presets tied to its
 * partners, drafts) they drop themselves: each item keeps its one writer.
 */
export async function forgetAccount(accountId: string): Promise<{ ok: true }> {
  await forgetKey(accountId);
  await accountsItem.update((list) => ({
    accounts: list.accounts.filter((account) => account.id !== accountId),
    lastUsedId: list.lastUsedId === accountId ? (list.accounts.find((account) => account.id !== accountId)?.id ?? null) : list.lastUsedId,
  }));
  let jobRows = 0;
  await Promise.all([
    historyItem.update((history) => {
      const kept = history.filter((entry) => entry.accountId !== accountId);
      return kept.length === history.length ? history : kept;
    }),
    recentAffiliatesItem.update((recent) => {
      if (!(accountId in recent)) return recent;
      const { [accountId]: _gone, ...rest } = recent;
      return rest;
    }),
    lastLinkItem.update((last) => (last?.accountId === accountId ? null : last)),
    bulkJobItem.update((job) => {
      if (job?.accountId !== accountId) return job;
      jobRows = job.rows.length;
      return null;
    }),
    clearLookupCache(accountId),
  ]);
  if (jobRows > 0) await chrome.storage.local.remove(rowKeys(jobRows));
  return { ok: true };
}

/** Checks a saved account's key with Everflow: whose it is, and for a network key its tracking domains. */
export async function testAccount(accountId: string): Promise<{ ok: true; message: string } | Failure> {
  const account = accountById(await readAccounts(), accountId);
  if (!account) return failure('invalid-input', GONE);
  const key = await keyOf(account.id);
  if (!key) return failure('no-key', keyGone(account));
  const connection = connectionFor(key, account.region, pacedBy(account, await currentPolicy()), 'interactive');
  const identity = await identifyKey(connection);
  if ('ok' in identity) {
    // The person is on the options page already: the fix is under this account's Edit account.
    if (identity.kind === 'unauthorized') return failure('unauthorized', ACCOUNT_MESSAGES.refused(accountName(account)));
    return identity;
  }
  await learnedIdentity(account.id, identity);
  if (identity.kind !== 'network')
    return { ok: true, message: `Connected to Everflow as ${identity.partnerName}, a partner of ${identity.networkName}.` };
  const domains = await checkConnection(connection);
  const count =
    domains.ok && domains.domains !== undefined ? ` (${domains.domains} tracking domain${domains.domains === 1 ? '' : 's'})` : '';
  return { ok: true, message: `Connected to Everflow: ${accountName(account)}${count}.` };
}
