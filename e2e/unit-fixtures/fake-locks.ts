// A small, faithful stand-in for the Web Locks API (`navigator.locks`), which Node 20 lacks.
// Exclusive locks only (shared ones are granted like exclusive ones: stricter, never looser), first
// come first served per name, released when the callback's promise settles. Tests only.

type Grant = () => void;

export interface FakeLockOptions {
  mode?: 'exclusive' | 'shared';
  /** Run the callback with null at once, instead of waiting, when the lock is held. */
  ifAvailable?: boolean;
  signal?: AbortSignal;
}

export interface FakeLocks {
  request<T>(name: string, callback: (lock: { name: string; mode: string } | null) => T | Promise<T>): Promise<Awaited<T>>;
  request<T>(
    name: string,
    options: FakeLockOptions,
    callback: (lock: { name: string; mode: string } | null) => T | Promise<T>,
  ): Promise<Awaited<T>>;
  query(): Promise<{ held: { name: string }[]; pending: { name: string }[] }>;
}

export function fakeLocks(): FakeLocks {
  /** Per name: who holds it (the first) and who waits, in order. */
  const queues = new Map<string, Grant[]>();

  function release(name: string): void {
    const queue = queues.get(name)!;
    queue.shift();
    if (queue.length === 0) queues.delete(name);
    else queue[0]!();
  }

  async function request<T>(name: string, ...rest: unknown[]): Promise<Awaited<T>> {
    const [options, callback] = (rest.length === 1 ? [{}, rest[0]] : rest) as [FakeLockOptions, (lock: unknown) => T | Promise<T>];
    if (typeof callback !== 'function') throw new TypeError('navigator.locks.request needs a callback');
    if (options.signal?.aborted) throw new DOMException('The request was aborted.', 'AbortError');
    const queue = queues.get(name) ?? [];
    queues.set(name, queue);
    if (options.ifAvailable && queue.length > 0) return (await callback(null)) as Awaited<T>;
    await new Promise<void>((resolve, reject) => {
      const grant: Grant = () => resolve();
      queue.push(grant);
      if (queue.length === 1) grant();
      options.signal?.addEventListener('abort', () => {
        const index = queue.indexOf(grant);
        // Only a request still waiting can be aborted; a held lock stays held until its callback settles.
        if (index > 0) {
          queue.splice(index, 1);
          reject(new DOMException('The request was aborted.', 'AbortError'));
        }
      });
    });
    try {
      return (await callback({ name, mode: options.mode ?? 'exclusive' })) as Awaited<T>;
    } finally {
      release(name);
    }
  }

  return {
    request: request as FakeLocks['request'],
    async query() {
      const held: { name: string }[] = [];
      const pending: { name: string }[] = [];
      for (const [name, queue] of queues) {
        held.push({ name });
        for (let i = 1; i < queue.length; i++) pending.push({ name });
      }
      return { held, pending };
    },
  };
}
