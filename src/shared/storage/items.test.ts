// Every stored item has one writer (declared with the item): this reads the extension's code and
// checks that each write to an item (set, update, load, remove) stands where its writer runs.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STORED_ITEMS } from './items';

const SRC = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative(SRC, path)] : [];
  });
}

const items = Object.entries(STORED_ITEMS).map(([name, { item }]) => [name, item] as const);

const inBackground = (file: string) => file.startsWith('background/');

describe('stored items', () => {
  it('each is declared once, under a key of its own, and listed in the index', () => {
    const keys = items.map(([, item]) => `${item.area}:${item.key}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Every item the code declares (`export const fooItem = defineItem(…)` or a maker of items) is in the index.
    const declared = sourceFiles(SRC).flatMap((file) =>
      [...readFileSync(join(SRC, file), 'utf8').matchAll(/export const (\w+Item) = (?:defineItem\b|\w+Item\()/g)].map((match) => match[1]),
    );
    expect(declared.toSorted()).toStrictEqual(Object.keys(STORED_ITEMS).toSorted());
    expect(items.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'settingsItem',
        'draftItem',
        'historyItem',
        'presetsItem',
        'pinnedPairsItem',
        'copyFormatsItem',
        'bulkJobItem',
      ]),
    );
  });

  it.each(items)('%s is written only where its writer runs', (name, item) => {
    // `item.update(`, or through a choice of items: `(sessionOnly ? sessionKeysItem : keptKeysItem).update(`.
    const writes = new RegExp(`\\b${name}(?:\\s*:[^;()]*)?\\)?\\.(set|replace|update|load|remove)\\(`);
    const writers = sourceFiles(SRC).filter((file) => writes.test(readFileSync(join(SRC, file), 'utf8')));
    expect(writers.length).toBeGreaterThan(0);
    if (item.writer === 'background') expect(writers.filter((file) => !inBackground(file))).toStrictEqual([]);
    else expect(writers.filter(inBackground)).toStrictEqual([]);
  });

  it('the drafts, written at once without the lock, are only ever replaced whole, never updated', () => {
    const updates = sourceFiles(SRC).filter((file) => /\b(draftItem|bulkDraftItem)\.update\(/.test(readFileSync(join(SRC, file), 'utf8')));
    expect(updates).toStrictEqual([]);
  });
});
