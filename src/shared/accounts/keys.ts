// The API key's own stored items: in storage.local (kept) or storage.session (gone when the browser
// closes), never in both, never in sync. Only the background imports this module (a dependency rule
// in dependency-rules.cjs): pages are told whether a key is saved, never the key.
import * as z from 'zod/mini';
import { defineItem } from '../storage/define-item';

const keySchema = z.nullable(z.string().check(z.minLength(1)));

const keyItem = (area: 'local' | 'session') =>
  defineItem<string | null>({ writer: 'background', area, key: 'apiKey', version: 1, schema: keySchema, fallback: () => null });

export const keptKeyItem = keyItem('local');
export const sessionKeyItem = keyItem('session');
