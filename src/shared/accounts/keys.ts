// The accounts' API keys: each in storage.local (kept) or storage.session (gone when the browser closes),
// never in both, never in sync; by account ID. Only the background imports this module (a dependency rule
// in dependency-rules.cjs): pages are told an account's key hint, never its key.
import * as z from 'zod/mini';
import { defineItem } from '../storage/define-item';

const KeysSchema = z.record(z.string().check(z.maxLength(100)), z.string().check(z.minLength(1), z.maxLength(256)));
export type Keys = z.infer<typeof KeysSchema>;

const keysItem = (area: 'local' | 'session') =>
  defineItem<Keys>({ writer: 'background', area, key: 'accountKeys', version: 1, schema: KeysSchema, fallback: () => ({}) });

export const keptKeysItem = keysItem('local');
export const sessionKeysItem = keysItem('session');

/** The single key of the version before accounts ('apiKey', kept or for the session): read once, to make the first account. */
const legacyKeyItem = (area: 'local' | 'session') =>
  defineItem<string | null>({
    writer: 'background',
    area,
    key: 'apiKey',
    version: 1,
    schema: z.nullable(z.string().check(z.minLength(1))),
    fallback: () => null,
  });
export const legacyKeptKeyItem = legacyKeyItem('local');
export const legacySessionKeyItem = legacyKeyItem('session');
