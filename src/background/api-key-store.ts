// Reads and writes the API key (its items: shared/accounts/keys.ts). The key lives either in
// storage.local (kept) or storage.session (gone when the browser closes), never in both, never in sync.
import { keptKeyItem, sessionKeyItem } from '../shared/accounts/keys';

export interface StoredKey {
  key: string;
  /** True when the key is forgotten as the browser closes. */
  sessionOnly: boolean;
}

export async function readStoredKey(): Promise<{ stored: StoredKey | null; wasReset: boolean }> {
  const [session, kept] = await Promise.all([sessionKeyItem.load(), keptKeyItem.load()]);
  const wasReset = session.status === 'reset' || kept.status === 'reset';
  if (session.value) return { stored: { key: session.value, sessionOnly: true }, wasReset };
  if (kept.value) return { stored: { key: kept.value, sessionOnly: false }, wasReset };
  return { stored: null, wasReset };
}

export async function readApiKey(): Promise<string | null> {
  return (await readStoredKey()).stored?.key ?? null;
}

export async function saveApiKey(key: string, sessionOnly: boolean): Promise<void> {
  await (sessionOnly ? sessionKeyItem : keptKeyItem).set(key);
  await (sessionOnly ? keptKeyItem : sessionKeyItem).remove();
}

/** Moves the saved key between the two areas without the UI ever seeing it. */
export async function setKeySessionOnly(sessionOnly: boolean): Promise<void> {
  const { stored } = await readStoredKey();
  if (stored && stored.sessionOnly !== sessionOnly) await saveApiKey(stored.key, sessionOnly);
}

export async function forgetApiKey(): Promise<void> {
  await Promise.all([keptKeyItem.remove(), sessionKeyItem.remove()]);
}

/** Enough for a person to recognise which key is saved; never more. */
export function keyHint(key: string): string {
  return key.length > 8 ? key.slice(-4) : '';
}
