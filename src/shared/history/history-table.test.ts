import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../e2e/fixtures/csv';
import { historyEntry as entry } from '../../../e2e/unit-fixtures/test-history-entry';
import { PARTNER_ACCOUNT, SECOND_ACCOUNT, testAccount } from '../../../e2e/unit-fixtures/test-accounts';
import { CSV_COLUMNS, csvFileName, describeSubs, entryAccount, historyCsv, searchHistory } from './history-table';

const ACCOUNTS = [testAccount(), SECOND_ACCOUNT];

describe('smart links in the history table', () => {
  const smart = entry(5, { campaignName: 'Summer smart link', someOffersClosed: true }, {
    linkType: 'smart',
    campaignId: 5,
    offerId: undefined,
  } as never);
  const history = [entry(1, { offerName: 'Acme Shoes' }), smart];

  const ids = (query: string) => searchHistory(history, query).map((e) => e.id);

  it('search finds a smart link by its ID, its name and its kind', () => {
    expect(ids('summer')).toStrictEqual(['e5']);
    expect(ids('smart link')).toStrictEqual(['e5']);
    expect(ids('acme')).toStrictEqual(['e1']);
    expect(ids('5')).toContain('e5');
  });

  it('the CSV says each row’s kind, its smart link and name, and the note', () => {
    const [header, offer, smartRow] = parseCsv(historyCsv(history, ACCOUNTS));
    const cell = (row: string[] | undefined, column: string) => row![header!.indexOf(column)];
    expect([cell(offer, 'Kind'), cell(offer, 'Offer ID'), cell(offer, 'Smart link ID')]).toStrictEqual(['Offer', '101', '']);
    expect([
      cell(smartRow, 'Kind'),
      cell(smartRow, 'Offer ID'),
      cell(smartRow, 'Smart link ID'),
      cell(smartRow, 'Smart link name'),
    ]).toStrictEqual(['Smart link', '', '5', 'Summer smart link']);
    expect(cell(smartRow, 'Notes')).toMatch(/^Some offers behind this smart link are not open/);
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

const byColumn = (row: string[]) => Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, row[i]]));

describe('historyCsv', () => {
  it('has a header row and one row per entry, in order, with ISO times', () => {
    const csv = historyCsv(
      [
        entry(2, { surface: 'menu', offerName: 'Acme, Inc.' }, { sub1: 'has "quotes"', sub2: '=1+1', trackingDomainId: 3 }),
        entry(1, { surface: 'keyboard', accountId: SECOND_ACCOUNT.id }, { sourceId: 'multi\nline', encryptParameters: true }),
      ],
      ACCOUNTS,
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toStrictEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(byColumn(rows[1]!)).toMatchObject({
      Time: '2026-03-14T09:30:07.000Z',
      Account: 'Acme Performance',
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
      Account: 'Nordlys Media',
      From: 'keyboard',
      'Source ID': 'multi\nline',
      'Offer name': '',
      'Encrypt parameters': 'true',
    });
    expect(rows.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
  });

  it('of an empty history is the header alone', () => {
    expect(parseCsv(historyCsv([], ACCOUNTS))).toStrictEqual([[...CSV_COLUMNS]]);
  });

  it('names each row’s account as a person knows it; one forgotten since is said to be', () => {
    const rows = parseCsv(
      historyCsv([entry(1, { accountId: 'partner' }), entry(2, { accountId: 'forgotten' })], [...ACCOUNTS, PARTNER_ACCOUNT]),
    );
    expect(rows.slice(1).map((row) => byColumn(row).Account)).toStrictEqual([
      'Acme Performance (partner: Sunrise Media)',
      'An account no longer saved',
    ]);
    expect(entryAccount(entry(3), ACCOUNTS)).toBe('Acme Performance');
  });
});

describe('csvFileName', () => {
  it('names the local date', () => {
    expect(csvFileName(new Date(2026, 0, 5, 23, 59))).toBe('everflow-links-2026-01-05.csv');
  });
});
