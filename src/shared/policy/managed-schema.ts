// The policy's schema for Chrome and Edge (manifest storage.managed_schema), made from PolicySchema at
// build time (vite.config.ts), so the two cannot disagree. Chrome refuses to load an extension whose
// managed schema it cannot parse, and it parses a subset of JSON Schema only: the top level an object;
// the keywords below and no others (no length limits, patterns, `required`, or `additionalProperties:
// false`, whose value must be a schema there); integer bounds that fit 32 bits. What the subset cannot
// say (text lengths, a name's rules) the extension checks itself as it reads the policy (policy.ts).
import * as z from 'zod/mini';
import { PolicySchema } from './policy';

/** Its file in the Chrome and Edge builds. */
export const MANAGED_SCHEMA_FILE = 'managed-schema.json';

/** The keywords Chrome's schema parser knows that this schema may use, and the types it understands. */
export const CHROME_SCHEMA_KEYWORDS = ['type', 'properties', 'items', 'enum', 'description', 'title', 'minimum', 'maximum'] as const;
export const CHROME_SCHEMA_TYPES = ['object', 'array', 'string', 'integer', 'number', 'boolean'] as const;
/** Keywords of zod's JSON Schema that say what Chrome's subset cannot; the extension's own reading checks them. */
const LEFT_TO_THE_EXTENSION = new Set(['$schema', 'required', 'additionalProperties', 'maxLength', 'minLength', 'maxItems', 'minItems']);
const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

export type ChromeSchema = { [keyword in (typeof CHROME_SCHEMA_KEYWORDS)[number]]?: unknown };

/** One node of zod's JSON Schema in Chrome's subset; throws on anything the subset cannot say (a union, say). */
export function toChrome(node: Record<string, unknown>, path: string): ChromeSchema {
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (LEFT_TO_THE_EXTENSION.has(keyword)) continue;
    if (!(CHROME_SCHEMA_KEYWORDS as readonly string[]).includes(keyword))
      throw new Error(`${path}: "${keyword}" is not in Chrome's managed-schema subset`);
    if (keyword === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, Record<string, unknown>>).map(([key, child]) => [key, toChrome(child, `${path}.${key}`)]),
      );
    } else if (keyword === 'items') {
      out.items = toChrome(value as Record<string, unknown>, `${path}[]`);
    } else if ((keyword === 'minimum' || keyword === 'maximum') && (typeof value !== 'number' || value < INT32.min || value > INT32.max)) {
      throw new Error(`${path}: Chrome reads "${keyword}" as a 32-bit integer; ${String(value)} is not one`);
    } else out[keyword] = value;
  }
  if (!(CHROME_SCHEMA_TYPES as readonly unknown[]).includes(out.type))
    throw new Error(`${path}: type ${String(out.type)} is not one Chrome knows`);
  return out;
}

/** The managed schema the Chrome and Edge builds carry. */
export function managedSchema(): ChromeSchema {
  const schema = toChrome(z.toJSONSchema(PolicySchema) as Record<string, unknown>, 'policy');
  if (schema.type !== 'object') throw new Error('Chrome takes a managed schema whose top level is an object');
  return { title: 'Link Builder for Everflow: an administrator’s policy', ...schema };
}
