// Checks on the test fixtures the background's tests rely on (e2e/unit-fixtures/): if the fake
// Web Locks or the fake storage drifted from the browser's behaviour, those tests could pass
// against code that loses writes in Chrome. (Vitest collects tests from src/ only.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeChrome, QUOTA_MESSAGE } from '../../e2e/unit-fixtures/fake-chrome';
import { fakeLocks } from '../../e2e/unit-fixtures/fake-locks';

afterEach(() => {
  vi.unstubAllGlobals();
});

const tick = async (turns = 10) => {
  for (let i = 0; i < turns; i++) await Promise.resolve();
};

describe('fake navigator.locks', () => {
  it('runs callbacks on one name one at a time, first come first served, releasing when each settles (even by throwing)', async () => {
    const locks = fakeLocks();
    const log: string[] = [];
    const gates: (() => void)[] = [];
    const hold = (label: string, fail = false) =>
      locks.request('item', async () => {
        log.push(`start ${label}`);
        await new Promise<void>((resolve) => gates.push(resolve));
        log.push(`end ${label}`);
        if (fail) throw new Error(label);
        return label;
      });
    const a = hold('a', true);
    const b = hold('b');
    const other = locks.request('other', () => 'other');
    await tick();
    expect(log).toStrictEqual(['start a']);
    expect(await other).toBe('other');
    gates.shift()!();
    await expect(a).rejects.toThrow('a');
    await tick();
    expect(log).toStrictEqual(['start a', 'end a', 'start b']);
    gates.shift()!();
    expect(await b).toBe('b');
    expect(await locks.query()).toStrictEqual({ held: [], pending: [] });
  });
});

describe('fake chrome.storage', () => {
  it('reports changes with oldValue and newValue, keeps copies, and refuses writes like a full storage', async () => {
    const fake = installFakeChrome();
    const seen: unknown[] = [];
    fake.chrome.storage.onChanged.addListener((changes, area) => seen.push({ area, changes }));
    const value = { list: [1] };
    await fake.chrome.storage.local.set({ item: value });
    value.list.push(2);
    await fake.chrome.storage.local.set({ item: { list: [1, 3] } });
    await fake.chrome.storage.local.set({ item: { list: [1, 3] } });
    await fake.chrome.storage.local.remove('item');
    expect(seen).toStrictEqual([
      { area: 'local', changes: { item: { newValue: { list: [1] } } } },
      { area: 'local', changes: { item: { oldValue: { list: [1] }, newValue: { list: [1, 3] } } } },
      { area: 'local', changes: { item: { oldValue: { list: [1, 3] } } } },
    ]);

    fake.fillStorageFor('history');
    await expect(fake.chrome.storage.local.set({ history: [] })).rejects.toThrow(QUOTA_MESSAGE);
    await fake.chrome.storage.local.set({ other: 1 });
    expect(await fake.chrome.storage.local.get(['history', 'other'])).toStrictEqual({ other: 1 });
  });
});
