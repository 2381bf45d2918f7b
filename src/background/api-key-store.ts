// The API key's own stored item. Only the background imports this module.
import * as z from 'zod/mini';
import { read, removeItem, writeItem, type ItemSpec } from '../shared/storage-item';

const apiKeyItem: ItemSpec<string | null> = {
  area: 'local',
  key: 'apiKey',
  version: 1,
  schema: z.nullable(z.string().check(z.minLength(1))),
  fallback: () => null,
};

export function readApiKey(): Promise<string | null> {
  return read(apiKeyItem);
}

export function saveApiKey(key: string): Promise<void> {
  return writeItem(apiKeyItem, key);
}

export function forgetApiKey(): Promise<void> {
  return removeItem(apiKeyItem);
}

/** Enough for a person to recognise which key is saved; never more. */
export function keyHint(key: string): string {
  return key.length > 8 ? key.slice(-4) : '';
}
