// The administrator's policy from the background's side (shared/policy/policy.ts says what it is): the
// policy as last read, kept in the worker's memory, and what it asks of what is stored already. With
// sessionOnlyKeys, every key kept beyond the session moves to session storage as soon as the policy is
// seen: when a worker first reads the accounts, and when the policy changes while the browser runs.
import { accountsItem } from '../shared/accounts/accounts';
import { NO_POLICY, managedPolicy, type Policy } from '../shared/policy/policy';
import { soon } from '../shared/policy/managed-read';
import { moveKey } from './account-keys';
import { memory } from './worker-memory';

/** The policy as the browser answered: read once per worker, then as worker.ts hears it change (policyChanged). */
export function policyRead(): Promise<Policy> {
  memory.policy ??= managedPolicy.settled();
  return memory.policy;
}

/**
 * The policy for what a person waits for (a link, a look-up, a copy): the browser's answer, or none for
 * now while the browser has not given it (some 5 s after it starts; shared/policy/managed-read.ts).
 */
export function currentPolicy(): Promise<Policy> {
  return soon(policyRead(), NO_POLICY);
}

/** With sessionOnlyKeys, every account's key kept beyond the session moves to session storage (one serialised update). */
export async function keepKeysForTheSession(policy: Policy): Promise<void> {
  if (policy.sessionOnlyKeys !== true) return;
  await accountsItem.update(async (list) => {
    const kept = list.accounts.filter((account) => !account.sessionOnly);
    if (kept.length === 0) return list;
    for (const account of kept) await moveKey(account.id, true);
    return { ...list, accounts: list.accounts.map((account) => ({ ...account, sessionOnly: true })) };
  });
}

/** The policy changed while the browser runs (storage.onChanged, area 'managed'): read it again and apply it. */
export async function policyChanged(): Promise<Policy> {
  const policy = managedPolicy.settled();
  memory.policy = policy;
  await keepKeysForTheSession(await policy);
  return policy;
}
