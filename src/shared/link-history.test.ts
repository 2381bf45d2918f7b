import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../e2e/fixtures/csv';
import { decodeStored, encodeStored } from './storage-item';
import {
  CSV_COLUMNS,
  MAX_HISTORY,
  appendEntry,
  csvCell,
  csvFileName,
  describeSubs,
  historyCsv,
  historyItem,
  namesFromHistory,
  removeEntry,
  searchHistory,
  type HistoryEntry,
} from './link-history';

const AT = Date.UTC(2026, 2, 14, 9, 30, 5);

function entry(n: number, extra: Partial<HistoryEntry> = {}, input: Partial<HistoryEntry['input']> = {}): HistoryEntry {
  return {
    id: `e${n}`,
    url: `https://trk.example.com/${n}/`,
    input: { offerId: 100 + n, affiliateId: 200 + n, encryptParameters: false, redirectLink: false, ...input },
    surface: 'popup',
    at: AT + n * 1000,
    ...extra,
  };
}


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

describe('searchHistory', () => {
  const history = [
    entry(1, {}, { sub1: 'Spring-Sale' }),
    entry(2, { url: 'https://links.acme.test/ABC?x=1' }, { sourceId: 'newsletter' }),
    entry(3, { offerName: 'Acme Shoes', affiliateName: 'Big Partner' }, { sub5: 'tail' }),
  ];
  const ids = (query: string) => searchHistory(history, query).map((e) => e.id);

  it('an empty or blank query keeps everything, in order', () => {
    expect(ids('')).toStrictEqual(['e1', 'e2', 'e3']);
    expect(ids('   ')).toStrictEqual(['e1', 'e2', 'e3']);
  });

  it('matches the offer ID and the affiliate ID', () => {
    expect(ids('102')).toStrictEqual(['e2']);
    expect(ids('203')).toStrictEqual(['e3']);
  });

  it('matches any sub value and the source ID, case-insensitively', () => {
    expect(ids('spring-sale')).toStrictEqual(['e1']);
    expect(ids('NEWSLETTER')).toStrictEqual(['e2']);
    expect(ids('tail')).toStrictEqual(['e3']);
  });

  it('matches a piece of the URL', () => {
    expect(ids('acme.test/abc')).toStrictEqual(['e2']);
    expect(ids('trk.example.com/1/')).toStrictEqual(['e1']);
  });

  it('matches names when known', () => {
    expect(ids('shoes')).toStrictEqual(['e3']);
    expect(ids('big partner')).toStrictEqual(['e3']);
  });

  it('needs every word to match somewhere', () => {
    expect(ids('101 spring')).toStrictEqual(['e1']);
    expect(ids('101 newsletter')).toStrictEqual([]);
  });
});

describe('describeSubs', () => {
  it('names each given value, in form order', () => {
    expect(describeSubs(entry(1, {}, { sub2: 'b', sourceId: 's' }).input)).toBe('Source ID: s · Sub 2: b');
    expect(describeSubs(entry(1).input)).toBe('');
  });
});

describe('csvCell', () => {
  it('leaves plain values alone', () => {
    expect(csvCell('abc')).toBe('abc');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it('defuses values a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('a=b')).toBe('a=b');
  });
});

const byColumn = (row: string[]) => Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, row[i]]));

describe('historyCsv', () => {
  it('has a header row and one row per entry, in order, with ISO times', () => {
    const csv = historyCsv([
      entry(2, { surface: 'menu', offerName: 'Acme, Inc.' }, { sub1: 'has "quotes"', sub2: '=1+1', trackingDomainId: 3 }),
      entry(1, { surface: 'keyboard' }, { sourceId: 'multi\nline', encryptParameters: true }),
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toStrictEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(byColumn(rows[1]!)).toMatchObject({
      Time: '2026-03-14T09:30:07.000Z',
      From: 'menu',
      'Offer ID': '102',
      'Offer name': 'Acme, Inc.',
      'Affiliate ID': '202',
      'Sub 1': 'has "quotes"',
      'Sub 2': "'=1+1",
      'Tracking domain ID': '3',
      'Encrypt parameters': 'false',
      Link: 'https://trk.example.com/2/',
    });
    expect(byColumn(rows[2]!)).toMatchObject({
      Time: '2026-03-14T09:30:06.000Z',
      From: 'keyboard',
      'Source ID': 'multi\nline',
      'Offer name': '',
      'Encrypt parameters': 'true',
    });
    expect(rows.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
  });

  it('of an empty history is the header alone', () => {
    expect(parseCsv(historyCsv([]))).toStrictEqual([[...CSV_COLUMNS]]);
  });
});

describe('csvFileName', () => {
  it('names the local date', () => {
    expect(csvFileName(new Date(2026, 0, 5, 23, 59))).toBe('everflow-links-2026-01-05.csv');
  });
});

describe('historyItem', () => {
  it('round-trips entries, optional names included', () => {
    const value = [entry(2, { offerName: 'Acme' }, { sub1: 'x', creativeId: 9 }), entry(1)];
    expect(decodeStored(historyItem, encodeStored(historyItem, value))).toStrictEqual({ value, status: 'ok' });
  });

  it('drops a damaged entry and keeps the rest', () => {
    const stored = { v: 1, data: [entry(3), { id: 'bad', url: 5 }, entry(1, {}, { offerId: 0 }), entry(2, { surface: 'fax' as never }), entry(0)] };
    const read = decodeStored(historyItem, stored);
    expect(read.status).toBe('ok');
    expect(read.value.map((e) => e.id)).toStrictEqual(['e3', 'e0']);
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
