import { describe, expect, it } from 'vitest';
import { decodeStored } from '../storage/define-item';
import { MAX_HISTORY, appendEntry, namesFromHistory, removeEntry, historyItem } from './history';
import { historyEntry as entry } from '../../../e2e/unit-fixtures/test-history-entry';

const long = (n: number) => ({ ...entry(n), url: `https://trk.example/${'a'.repeat(2_000)}/${n}` });

describe('appendEntry', () => {
  it('puts the new entry first', () => {
    expect(appendEntry([entry(1)], entry(2)).map((e) => e.id)).toStrictEqual(['e2', 'e1']);
  });

  it('drops the oldest beyond the cap', () => {
    const full = Array.from({ length: MAX_HISTORY }, (_, i) => entry(MAX_HISTORY - i));
    const next = appendEntry(full, entry(MAX_HISTORY + 1));
    expect(next).toHaveLength(MAX_HISTORY);
    expect(next[0]!.id).toBe(`e${MAX_HISTORY + 1}`);
    expect(next.at(-1)!.id).toBe('e2');
    expect(next.some((e) => e.id === 'e1')).toBe(false);
  });

  it('drops the oldest while the stored text is over its byte cap, keeping the newest whatever its size', () => {
    const history = Array.from({ length: 10 }, (_, i) => long(10 - i));
    const next = appendEntry(history, long(11), MAX_HISTORY, 8_000);
    expect(next.map((e) => e.id)).toStrictEqual(['e11', 'e10', 'e9']);
    expect(JSON.stringify(next).length).toBeLessThanOrEqual(8_000);
    expect(appendEntry([], long(1), MAX_HISTORY, 100).map((e) => e.id)).toStrictEqual(['e1']);
  });

  it('honours a smaller cap', () => {
    expect(appendEntry([entry(2), entry(1)], entry(3), 2).map((e) => e.id)).toStrictEqual(['e3', 'e2']);
  });

  it('never keeps two entries with one id', () => {
    expect(appendEntry([entry(1), entry(2)], entry(1)).map((e) => e.id)).toStrictEqual(['e1', 'e2']);
  });
});

describe('removeEntry', () => {
  it('removes only the named entry', () => {
    expect(removeEntry([entry(3), entry(2), entry(1)], 'e2').map((e) => e.id)).toStrictEqual(['e3', 'e1']);
    expect(removeEntry([entry(1)], 'missing')).toHaveLength(1);
  });
});

describe('historyItem', () => {
  it('round-trips entries, optional names included', () => {
    const value = [entry(2, { offerName: 'Acme' }, { sub1: 'x', creativeId: 9 }), entry(1)];
    expect(decodeStored(historyItem, historyItem.encode(value))).toStrictEqual({ value, status: 'ok' });
  });

  it('drops a damaged entry and keeps the rest', () => {
    const stored = {
      v: historyItem.version,
      data: [entry(3), { id: 'bad', url: 5 }, entry(1, {}, { offerId: 0 }), entry(2, { surface: 'fax' as never }), entry(0)],
    };
    const read = decodeStored(historyItem, stored);
    expect(read.status).toBe('ok');
    expect(read.value.map((e) => e.id)).toStrictEqual(['e3', 'e0']);
  });

  it('reads entries stored before smart links as offer links, and keeps smart links with their notes', () => {
    const { linkType: _, ...old } = entry(1).input as Record<string, unknown>;
    const smart = entry(2, { campaignName: 'Summer smart link', someOffersClosed: true }, {
      linkType: 'smart',
      campaignId: 5,
      offerId: undefined,
    } as never);
    const read = decodeStored(historyItem, { v: 1, data: [smart, { ...entry(1), input: old }] });
    expect(read.value.map((e) => e.input.linkType)).toStrictEqual(['smart', 'offer']);
    expect(read.value[0]).toMatchObject({
      campaignName: 'Summer smart link',
      someOffersClosed: true,
      input: { campaignId: 5, affiliateId: 202 },
    });
    expect(read.value[0]!.input).not.toHaveProperty('offerId');
    expect(read.value[1]!.input).toMatchObject({ linkType: 'offer', offerId: 101 });
    // A smart link without its smart link is damaged: dropped, the rest kept.
    expect(
      decodeStored(historyItem, { v: 1, data: [entry(3, {}, { linkType: 'smart' } as never), entry(4)] }).value.map((e) => e.id),
    ).toStrictEqual(['e4']);
  });

  it('links made before accounts are the first account’s; an entry of today keeps its own account', () => {
    const { accountId: _first, ...old } = entry(1);
    const read = decodeStored(historyItem, { v: 1, data: [old, { ...entry(2), accountId: 'second' }] });
    expect(read).toStrictEqual({ value: [entry(1), { ...entry(2), accountId: 'second' }], status: 'migrated' });
    // Today's entries must say their account: one that does not is damaged, and dropped.
    expect(decodeStored(historyItem, { v: historyItem.version, data: [old, entry(3)] }).value.map((e) => e.id)).toStrictEqual(['e3']);
  });

  it('is empty when missing or unreadable', () => {
    expect(decodeStored(historyItem, undefined).value).toStrictEqual([]);
    expect(decodeStored(historyItem, { v: 1, data: 'nope' })).toStrictEqual({ value: [], status: 'reset' });
  });
});

describe('namesFromHistory', () => {
  it('keeps the newest name for each offer and affiliate and skips entries without names', () => {
    const history = [
      entry(1, { offerName: 'Acme Shoes (new name)' }, { offerId: 42, affiliateId: 7 }),
      entry(2, { offerName: 'Acme Shoes (old name)', affiliateName: 'Jolly Media' }, { offerId: 42, affiliateId: 7 }),
      entry(3, {}, { offerId: 43, affiliateId: 8 }),
    ];
    const names = namesFromHistory(history);
    expect([...names.offers]).toStrictEqual([[42, 'Acme Shoes (new name)']]);
    expect([...names.affiliates]).toStrictEqual([[7, 'Jolly Media']]);
  });
});
