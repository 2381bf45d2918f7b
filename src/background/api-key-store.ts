// The API key's own stored items. Only the background imports this module. The key lives either in
// storage.local (kept) or storage.session (gone when the browser closes), never in both, never in sync.
import * as z from 'zod/mini';
import { readItem, removeItem, writeItem, type ItemSpec } from '../shared/storage-item';

const keySchema = z.nullable(z.string().check(z.minLength(1)));

const keptKeyItem: ItemSpec<string | null> = { area: 'local', key: 'apiKey', version: 1, schema: keySchema, fallback: () => null };
const sessionKeyItem: ItemSpec<string | null> = { area: 'session', key: 'apiKey', version: 1, schema: keySchema, fallback: () => null };

export interface StoredKey {
  key: string;
  /** True when the key is forgotten as the browser closes. */
  sessionOnly: boolean;
}

export async function readStoredKey(): Promise<{ stored: StoredKey | null; wasReset: boolean }> {
  const [session, kept] = await Promise.all([readItem(sessionKeyItem), readItem(keptKeyItem)]);
  const wasReset = session.status === 'reset' || kept.status === 'reset';
  if (session.value) return { stored: { key: session.value, sessionOnly: true }, wasReset };
  if (kept.value) return { stored: { key: kept.value, sessionOnly: false }, wasReset };
  return { stored: null, wasReset };
}

export async function readApiKey(): Promise<string | null> {
  return (await readStoredKey()).stored?.key ?? null;
}

export async function saveApiKey(key: string, sessionOnly: boolean): Promise<void> {
  await writeItem(sessionOnly ? sessionKeyItem : keptKeyItem, key);
  await removeItem(sessionOnly ? keptKeyItem : sessionKeyItem);
}

/** Moves the saved key between the two areas without the UI ever seeing it. */
export async function setKeySessionOnly(sessionOnly: boolean): Promise<void> {
  const { stored } = await readStoredKey();
  if (stored && stored.sessionOnly !== sessionOnly) await saveApiKey(stored.key, sessionOnly);
}

export async function forgetApiKey(): Promise<void> {
  await Promise.all([removeItem(keptKeyItem), removeItem(sessionKeyItem)]);
}

/** Enough for a person to recognise which key is saved; never more. */
export function keyHint(key: string): string {
  return key.length > 8 ? key.slice(-4) : '';
}
