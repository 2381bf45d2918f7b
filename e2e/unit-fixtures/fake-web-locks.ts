// The Web Locks API (navigator.locks) for unit tests: Node 20 has none. Exclusive locks only, granted
// in request order per name, each held until its callback's promise settles, as browsers do.
import { vi } from 'vitest';

export function installFakeWebLocks(): void {
  const tails = new Map<string, Promise<unknown>>();
  const locks = {
    request<T>(name: string, callback: () => T | Promise<T>): Promise<T> {
      const before = tails.get(name) ?? Promise.resolve();
      const held = before.then(() => callback());
      tails.set(
        name,
        held.catch(() => undefined),
      );
      return held;
    },
  };
  vi.stubGlobal('navigator', { ...globalThis.navigator, locks });
}
