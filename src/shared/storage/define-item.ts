// Typed, versioned storage items. Each item is declared once (defineItem): its area and key, schema,
// version, migrations from every earlier version, a safe default, and the one context that writes
// it. Stored as { v, data }; reading migrates older versions forward and falls back to the default
// (never throws) when the stored value is unreadable or from a newer version.
// Writes are read-modify-writes under a Web Lock named after the item: the lock is shared by the
// service worker and every extension page, so two writers never overwrite each other's change.
// chrome.storage directly (Promise-based in MV3): UI pages need not load the polyfill.
import type * as z from 'zod/mini';

export type Area = 'local' | 'session';

/** What a page says when an item's write fails, e.g. notSaved('The presets'). */
export const notSaved = (what: string) => `${what} could not be saved (browser storage is unavailable or full).`;
/**
 * Who writes an item: the background, or the extension pages (a draft, presets: what a person edits).
 * stored-items.test.ts checks the code keeps to it.
 */
export type Writer = 'background' | 'pages';

export interface ItemDefinition<T> {
  area: Area;
  key: string;
  version: number;
  schema: z.ZodMiniType<T>;
  fallback: () => T;
  /** migrations[n] turns version n's data into version n + 1's. */
  migrations?: Record<number, (data: unknown) => unknown>;
  writer: Writer;
}

export type ReadStatus = 'ok' | 'missing' | 'migrated' | 'reset';
export type ReadResult<T> = { value: T; status: ReadStatus };

export interface StorageItem<T> extends ItemDefinition<T> {
  /** Pure: what a stored raw value means today. */
  decode(raw: unknown): ReadResult<T>;
  /** The stored value as it is stored: `{ v, data }`. */
  encode(value: T): { v: number; data: T };
  /** Reads and decodes; writes nothing. */
  read(): Promise<ReadResult<T>>;
  value(): Promise<T>;
  /**
   * The writer's read: like read(), but a migrated or reset value is stored in today's shape, so a
   * migration runs and a reset is reported once.
   */
  load(): Promise<ReadResult<T>>;
  /**
   * The writer's read-modify-write, one at a time across the worker and every page. `change` gets
   * the current value and returns the next (or the same object to write nothing).
   */
  update(change: (current: T, status: ReadStatus) => T | Promise<T>): Promise<T>;
  set(value: T): Promise<void>;
  /**
   * Writes a whole new value at once, without waiting for the lock. Only for an item that is only ever
   * replaced whole, never updated (the drafts): there is no read-modify-write to keep in order, and a
   * popup that closes right after a keystroke must not lose it while a lock is being granted.
   */
  replace(value: T): Promise<void>;
  remove(): Promise<void>;
  /** Calls `listener` with the decoded value whenever the item changes; returns the unsubscribe. */
  watch(listener: (value: T) => void): () => void;
}

/** What a page can follow as it changes (ui/use-stored.ts): a stored item, or the administrator's policy (shared/policy). */
export type Followed<T> = Pick<StorageItem<T>, 'read' | 'watch' | 'fallback'>;

export function defineItem<T>(definition: ItemDefinition<T>): StorageItem<T> {
  const area = () => chrome.storage[definition.area];
  const lock = `storage:${definition.area}:${definition.key}`;
  const item: StorageItem<T> = {
    ...definition,
    decode: (raw) => decodeStored(definition, raw),
    encode: (value) => ({ v: definition.version, data: value }),
    async read() {
      const got = await area().get(definition.key);
      return item.decode(got[definition.key]);
    },
    async value() {
      return (await item.read()).value;
    },
    async load() {
      let status: ReadStatus = 'ok';
      const value = await item.update((current, found) => {
        status = found;
        return current;
      });
      return { value, status };
    },
    update(change) {
      return navigator.locks.request(lock, async () => {
        const current = await item.read();
        const next = await change(current.value, current.status);
        // Unchanged and already stored in today's shape: nothing to write.
        if (next !== current.value || current.status === 'migrated' || current.status === 'reset') {
          await area().set({ [definition.key]: item.encode(next) });
        }
        return next;
      });
    },
    async set(value) {
      // A whole new value: nothing to read first, only to wait for a write under way.
      await navigator.locks.request(lock, () => area().set({ [definition.key]: item.encode(value) }));
    },
    async replace(value) {
      await area().set({ [definition.key]: item.encode(value) });
    },
    remove() {
      return navigator.locks.request(lock, () => area().remove(definition.key));
    },
    watch(listener) {
      const onChanged = (changes: Record<string, chrome.storage.StorageChange>, areaName: string) => {
        if (areaName === definition.area && definition.key in changes) listener(item.decode(changes[definition.key]!.newValue).value);
      };
      chrome.storage.onChanged.addListener(onChanged);
      return () => chrome.storage.onChanged.removeListener(onChanged);
    },
  };
  return item;
}

/** Pure: what a stored raw value means today. Unit-tested without a browser. */
export function decodeStored<T>(
  spec: Pick<ItemDefinition<T>, 'version' | 'schema' | 'fallback' | 'migrations'>,
  raw: unknown,
): ReadResult<T> {
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
