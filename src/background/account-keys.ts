// The accounts' API keys (their items: shared/accounts/keys.ts): the only module that reads them. Each
// key lives either in storage.local (kept) or storage.session (gone when the browser closes), never in
// both, never in sync.
import { keptKeysItem, sessionKeysItem } from '../shared/accounts/keys';

/** The key of `accountId`, or null when none is kept (a session-only key after the browser restarted, say). */
export async function keyOf(accountId: string): Promise<string | null> {
  const [session, kept] = await Promise.all([sessionKeysItem.value(), keptKeysItem.value()]);
  return session[accountId] ?? kept[accountId] ?? null;
}

/** Every key kept, whichever account: what must never go into a copy, a link or a file. */
export async function allKeys(): Promise<string[]> {
  const [session, kept] = await Promise.all([sessionKeysItem.value(), keptKeysItem.value()]);
  return [...new Set([...Object.values(session), ...Object.values(kept)])];
}

/** The accounts that have a key now (a session-only key is gone once the browser has closed). */
export async function accountsWithKeys(): Promise<Set<string>> {
  const [session, kept] = await Promise.all([sessionKeysItem.value(), keptKeysItem.value()]);
  return new Set([...Object.keys(session), ...Object.keys(kept)]);
}

/** Keeps `key` as `accountId`'s, in the area `sessionOnly` says (and out of the other). */
export async function storeKey(accountId: string, key: string, sessionOnly: boolean): Promise<void> {
  await (sessionOnly ? sessionKeysItem : keptKeysItem).update((keys) => ({ ...keys, [accountId]: key }));
  await dropFrom(sessionOnly ? keptKeysItem : sessionKeysItem, accountId);
}

/** Moves an account's key between the two areas without any page seeing it. */
export async function moveKey(accountId: string, sessionOnly: boolean): Promise<void> {
  const key = await keyOf(accountId);
  if (key) await storeKey(accountId, key, sessionOnly);
}

export async function forgetKey(accountId: string): Promise<void> {
  await Promise.all([dropFrom(keptKeysItem, accountId), dropFrom(sessionKeysItem, accountId)]);
}

async function dropFrom(item: typeof keptKeysItem, accountId: string): Promise<void> {
  await item.update((keys) => {
    if (!(accountId in keys)) return keys;
    const { [accountId]: _dropped, ...rest } = keys;
    return rest;
  });
}

/** Enough for a person to recognise which key it is; never more. */
export function keyHint(key: string): string {
  return key.length > 8 ? key.slice(-4) : '';
}
