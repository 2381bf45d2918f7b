// Typed, versioned storage. Each item is stored as { v, data }; reading migrates older versions
// forward and falls back to the default (never throws) when the stored value is unreadable.
// Uses chrome.storage directly (Promise-based in MV3) so UI pages need not load the polyfill.
import type * as z from 'zod/mini';

export type Area = 'local' | 'session';

export interface ItemSpec<T> {
  area: Area;
  key: string;
  version: number;
  schema: z.ZodMiniType<T>;
  fallback: () => T;
  /** migrations[n] turns version n's data into version n + 1's. */
  migrations?: Record<number, (data: unknown) => unknown>;
}

export type ReadResult<T> = { value: T; status: 'ok' | 'missing' | 'migrated' | 'reset' };

/** Pure: what a stored raw value means today. Unit-tested without a browser. */
export function decodeStored<T>(spec: ItemSpec<T>, raw: unknown): ReadResult<T> {
  if (raw === undefined) return { value: spec.fallback(), status: 'missing' };
  if (typeof raw !== 'object' || raw === null || !('v' in raw)) return { value: spec.fallback(), status: 'reset' };
  const stored = raw as { v: unknown; data?: unknown };
  if (typeof stored.v !== 'number' || !Number.isInteger(stored.v) || stored.v > spec.version || stored.v < 1) {
    return { value: spec.fallback(), status: 'reset' };
  }
  let data = stored.data;
  for (let v = stored.v; v < spec.version; v++) {
    const step = spec.migrations?.[v];
    if (!step) return { value: spec.fallback(), status: 'reset' };
    try {
      data = step(data);
    } catch {
      return { value: spec.fallback(), status: 'reset' };
    }
  }
  const parsed = spec.schema.safeParse(data);
  if (!parsed.success) return { value: spec.fallback(), status: 'reset' };
  return { value: parsed.data, status: stored.v === spec.version ? 'ok' : 'migrated' };
}

export function encodeStored<T>(spec: ItemSpec<T>, value: T): { v: number; data: T } {
  return { v: spec.version, data: value };
}

export async function readItem<T>(spec: ItemSpec<T>): Promise<ReadResult<T>> {
  const got = await chrome.storage[spec.area].get(spec.key);
  const result = decodeStored(spec, got[spec.key]);
  // Store the migrated (or reset) shape so the migration runs, and the reset is reported, once.
  if (result.status === 'migrated' || result.status === 'reset') await writeItem(spec, result.value);
  return result;
}

export async function read<T>(spec: ItemSpec<T>): Promise<T> {
  return (await readItem(spec)).value;
}

export async function writeItem<T>(spec: ItemSpec<T>, value: T): Promise<void> {
  await chrome.storage[spec.area].set({ [spec.key]: encodeStored(spec, value) });
}

export async function removeItem(spec: ItemSpec<unknown>): Promise<void> {
  await chrome.storage[spec.area].remove(spec.key);
}
