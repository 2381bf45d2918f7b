// The managed schema Chrome and Edge load: only what Chrome's schema parser takes (else Chrome refuses to
// load the extension), and the same keys and types, all the way down, as the schema the extension reads
// the policy with.
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { CHROME_SCHEMA_KEYWORDS, CHROME_SCHEMA_TYPES, managedSchema, toChrome, type ChromeSchema } from './managed-schema';
import { PolicySchema } from './policy';

type Node = Record<string, unknown>;

/** Every node of a schema, with its path. */
function* nodes(node: Node, path = 'policy'): Generator<[string, Node]> {
  yield [path, node];
  for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Node>)) yield* nodes(child, `${path}.${key}`);
  if (node.items) yield* nodes(node.items as Node, `${path}[]`);
}

/** A schema's shape: each node's type and, for objects, its properties' names. */
const shapeOf = (schema: Node) =>
  [...nodes(schema)].map(([path, node]) => [path, node.type, Object.keys((node.properties ?? {}) as Node).toSorted()]);

describe('the managed schema', () => {
  const schema = managedSchema() as Node;

  it('is an object at the top, as Chrome requires', () => {
    expect(schema.type).toBe('object');
  });

  it('uses only keywords and types of Chrome’s subset, integer bounds within 32 bits', () => {
    for (const [path, node] of nodes(schema)) {
      expect(
        Object.keys(node).filter((keyword) => !(CHROME_SCHEMA_KEYWORDS as readonly string[]).includes(keyword)),
        path,
      ).toStrictEqual([]);
      expect(CHROME_SCHEMA_TYPES, path).toContain(node.type);
      for (const bound of ['minimum', 'maximum'] as const) {
        if (bound in node) expect(Number.isInteger(node[bound]) && Math.abs(node[bound] as number) < 2 ** 31, path).toBe(true);
      }
      if ('enum' in node) expect(node.type, path).toBe('string');
    }
  });

  it('has every key the extension reads, and the same types all the way down', () => {
    expect(Object.keys(schema.properties as Node).toSorted()).toStrictEqual(Object.keys(PolicySchema.shape).toSorted());
    expect(shapeOf(schema)).toStrictEqual(shapeOf(z.toJSONSchema(PolicySchema) as Node));
  });

  it('keeps the bounds and choices the subset can say', () => {
    const properties = schema.properties as Record<string, ChromeSchema>;
    expect(properties.maxRequestsPerSecond).toMatchObject({ type: 'integer', minimum: 1, maximum: 30 });
    expect(properties.region).toMatchObject({ type: 'string', enum: ['us', 'eu'] });
  });

  it('refuses what the subset cannot say, rather than write a schema Chrome would not load', () => {
    expect(() => toChrome(z.toJSONSchema(z.object({ a: z.union([z.string(), z.object({ b: z.string() })]) })) as Node, 'x')).toThrow(
      /"anyOf"/,
    );
    expect(() => toChrome(z.toJSONSchema(z.object({ n: z.int() })) as Node, 'x')).toThrow(/32-bit/);
    expect(() => toChrome({ type: 'null' }, 'x')).toThrow(/type null/);
  });
});
