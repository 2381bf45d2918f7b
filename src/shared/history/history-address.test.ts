import { describe, expect, it } from 'vitest';
import { HISTORY_PAGE, entryIdOf, historyAddress } from './history-address';

describe('the History page at one link', () => {
  it('names the entry in its hash, and reads it back whatever characters the ID holds', () => {
    expect(historyAddress()).toBe(HISTORY_PAGE);
    expect(historyAddress('3f2a-9c')).toBe(`${HISTORY_PAGE}#link-3f2a-9c`);
    for (const id of ['3f2a-9c', 'a b#c/d?é', '%41']) {
      const hash = historyAddress(id).slice(HISTORY_PAGE.length);
      expect(entryIdOf(hash)).toBe(id);
      expect(new URL(`chrome-extension://x/${historyAddress(id)}`).hash).toBe(hash);
    }
  });

  it('names no entry for another hash, an empty one or a broken escape', () => {
    for (const hash of ['', '#', '#link-', '#presets', 'link-42', '#link-%E0%A4%A']) expect(entryIdOf(hash)).toBeUndefined();
  });
});
