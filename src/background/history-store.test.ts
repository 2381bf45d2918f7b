import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeLocks } from '../../e2e/unit-fixtures/fake-locks';
import type { LinkInput } from '../everflow/link-fields';

const later = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 5));

/** A chrome.storage.local whose reads and writes take a while, so unserialised writes would clobber each other. */
function slowStorage() {
  const data: Record<string, unknown> = {};
  const local = {
    async get(key: string) {
      await later();
      return { [key]: structuredClone(data[key]) };
    },
    async set(items: Record<string, unknown>) {
      await later();
      Object.assign(data, structuredClone(items));
    },
  };
  vi.stubGlobal('chrome', { storage: { local } });
  vi.stubGlobal('navigator', { locks: fakeLocks() });
  return data;
}

const input = (offerId: number): LinkInput => ({
  linkType: 'offer',
  offerId,
  affiliateId: 7,
  encryptParameters: false,
  redirectLink: false,
});

describe('history-store', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('records every one of many links made at once, newest first', async () => {
    const data = slowStorage();
    const { recordLink } = await import('./history-store');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordLink(`https://t.example/${i}`, input(i + 1), 'menu', { accountId: 'first', at: 1000 + i }),
      ),
    );
    const stored = (data.history as { v: number; data: { url: string; surface: string; id: string }[] }).data;
    expect(stored).toHaveLength(20);
    expect(stored.map((e) => e.url)).toStrictEqual(Array.from({ length: 20 }, (_, i) => `https://t.example/${19 - i}`));
    expect(new Set(stored.map((e) => e.id)).size).toBe(20);
    expect(stored.every((e) => e.surface === 'menu')).toBe(true);
  });

  it('runs deletes and clears in order with records', async () => {
    const data = slowStorage();
    const { recordLink, deleteEntry, clearHistory } = await import('./history-store');
    await recordLink('https://t.example/a', input(1), 'popup', { accountId: 'first', at: 1 });
    await recordLink('https://t.example/b', input(2), 'keyboard', { accountId: 'first', at: 2 });
    const history = () => (data.history as { data: { id: string; url: string }[] }).data;
    const [b] = history();
    await Promise.all([deleteEntry(b!.id), recordLink('https://t.example/c', input(3), 'popup', { accountId: 'first', at: 3 })]);
    expect(history().map((e) => e.url)).toStrictEqual(['https://t.example/c', 'https://t.example/a']);
    await Promise.all([clearHistory(), recordLink('https://t.example/d', input(4), 'popup', { accountId: 'first', at: 4 })]);
    expect(history().map((e) => e.url)).toStrictEqual(['https://t.example/d']);
  });

  it('clears one account’s links and keeps the other’s, even with a link recorded at the same moment', async () => {
    const data = slowStorage();
    const { recordLink, clearHistory } = await import('./history-store');
    await recordLink('https://t.example/a', input(1), 'popup', { accountId: 'first', at: 1 });
    await recordLink('https://t.example/b', input(1), 'popup', { accountId: 'second', at: 2 });
    const history = () => (data.history as { data: { accountId: string; url: string }[] }).data;
    expect(history().map((e) => [e.accountId, e.url])).toStrictEqual([
      ['second', 'https://t.example/b'],
      ['first', 'https://t.example/a'],
    ]);
    await Promise.all([clearHistory('first'), recordLink('https://t.example/c', input(3), 'menu', { accountId: 'second', at: 3 })]);
    expect(history().map((e) => [e.accountId, e.url])).toStrictEqual([
      ['second', 'https://t.example/c'],
      ['second', 'https://t.example/b'],
    ]);
  });

  it('keeps going after a failed write', async () => {
    const data = slowStorage();
    const { recordLink } = await import('./history-store');
    const local = (globalThis as unknown as { chrome: { storage: { local: { set: (i: object) => Promise<void> } } } }).chrome.storage.local;
    const set = local.set;
    local.set = vi.fn().mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded')).mockImplementation(set);
    await expect(recordLink('https://t.example/x', input(1), 'popup', { accountId: 'first', at: 1 })).rejects.toThrow();
    await recordLink('https://t.example/y', input(2), 'popup', { accountId: 'first', at: 2 });
    expect((data.history as { data: { url: string }[] }).data.map((e) => e.url)).toStrictEqual(['https://t.example/y']);
  });
});
