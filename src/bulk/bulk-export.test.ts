import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../e2e/fixtures/csv';
import type { BulkResult } from '../shared/bulk/bulk-job';
import { EMPTY_FORM } from '../shared/link/link-form';
import { BULK_CSV_COLUMNS, MESSAGE_COLUMN, allLinks, allMessages, bulkCsv, failedIds, rowMessages } from './bulk-export';
import type { CopyFormats } from '../shared/copy-formats/copy-formats';
import { sampleJob as job } from '../../e2e/unit-fixtures/test-bulk-job';

const AT = Date.UTC(2026, 10, 24, 8, 31, 5);

describe('bulkCsv, allLinks and failedIds', () => {
  const results: (BulkResult | undefined)[] = [
    { ok: true, job: 'job-1', url: 'https://t.example/a?x=1,2', at: AT },
    {
      ok: false,
      job: 'job-1',
      message: 'Everflow refused the request (“Affiliate 8 cannot run this offer”); check the IDs.',
      at: AT + 1000,
    },
    undefined,
  ];

  it('has the kind, every field that differs between links (names beside IDs), then what became of the row', () => {
    expect(BULK_CSV_COLUMNS).toEqual([
      'Kind',
      'Offer ID',
      'Offer name',
      'Smart link ID',
      'Smart link name',
      'Affiliate ID',
      'Affiliate name',
      'Source ID',
      'Sub 1',
      'Sub 2',
      'Sub 3',
      'Sub 4',
      'Sub 5',
      'Link',
      'Error',
      'Time',
      'Some offers closed',
      'Direct link',
    ]);
  });

  it('has one line per row in order: subs as sent (tokens filled in), link, or the plain error, or why there is none; names guarded', () => {
    const csv = bulkCsv(job({ state: 'cancelled', form: { ...job().form, sourceId: 'src-{offer_id}' } }), results);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, ...lines] = parseCsv(csv);
    expect(header).toEqual(BULK_CSV_COLUMNS);
    const empty = ['', '', '', ''];
    expect(lines).toEqual([
      [
        'Offer',
        '42',
        'Spring Sale',
        '',
        '',
        '7',
        '',
        'src-42',
        'aff-7',
        ...empty,
        'https://t.example/a?x=1,2',
        '',
        '2026-11-24T08:31:05.000Z',
        '',
        '',
      ],
      [
        'Offer',
        '42',
        '',
        '',
        '',
        '8',
        '',
        'src-42',
        'aff-8',
        ...empty,
        '',
        results[1]!.ok ? '' : results[1]!.message,
        '2026-11-24T08:31:06.000Z',
        '',
        '',
      ],
      ['Offer', '42', '', '', '', '9', `'=HYPERLINK("x")`, 'src-42', 'aff-9', ...empty, '', 'Not made: the job was cancelled.', '', '', ''],
    ]);
  });

  it('a smart-link job: its kind, the smart link’s ID and name in their own columns, and the notes Everflow’s answer gave per row', () => {
    const smart = job({
      form: { ...EMPTY_FORM, linkType: 'smart', offerId: '42', sub1: '{smart_link_id}-{affiliate_id}' },
      rows: [
        { targetId: 6, affiliateId: 7, targetName: 'Members smart link' },
        { targetId: 6, affiliateId: 101 },
      ],
    });
    const made: BulkResult[] = [
      { ok: true, job: 'job-1', url: 'https://t.example/s/7', at: AT },
      { ok: true, job: 'job-1', url: 'https://t.example/s/101', at: AT, someOffersClosed: true, directLink: true },
    ];
    const lines = parseCsv(bulkCsv(smart, made)).slice(1);
    const column = (name: string) => lines.map((line) => line[BULK_CSV_COLUMNS.indexOf(name)]);
    expect(column('Kind')).toEqual(['Smart link', 'Smart link']);
    // The offer typed for offer links is not what these links lead to.
    expect(column('Offer ID')).toEqual(['', '']);
    expect(column('Smart link ID')).toEqual(['6', '6']);
    expect(column('Smart link name')).toEqual(['Members smart link', '']);
    expect(column('Sub 1')).toEqual(['6-7', '6-101']);
    expect(column('Some offers closed')).toEqual(['', 'yes']);
    expect(column('Direct link')).toEqual(['', 'yes']);
  });

  it('copies every link made, one per line, and nothing else', () => {
    expect(allLinks(results)).toBe('https://t.example/a?x=1,2');
    expect(allLinks([results[0], results[0]])).toBe('https://t.example/a?x=1,2\nhttps://t.example/a?x=1,2');
  });

  it('copies the listed IDs of the failed rows: affiliates for one offer, offers or smart links for one affiliate', () => {
    const failed: BulkResult = { ok: false, job: 'job-1', message: 'No.', at: AT };
    expect(failedIds(job(), [failed, results[0], failed])).toBe('7\n9');
    const rows = [5, 8, 9].map((targetId) => ({ targetId, affiliateId: 7 }));
    expect(failedIds(job({ mode: 'targets', rows }), [results[0], failed, undefined])).toBe('8');
    expect(failedIds(job(), [results[0], undefined, undefined])).toBe('');
  });
});

describe('bulk links in a copy format', () => {
  const made: (BulkResult | undefined)[] = [
    { ok: true, job: 'job-1', url: 'https://t.example/a', at: AT },
    undefined,
    { ok: true, job: 'job-1', url: 'https://t.example/c', at: AT },
  ];
  const formats: CopyFormats = {
    templates: [{ id: 't', name: 'Note', text: 'Hi {affiliate_name}: {url} ({sub1})' }],
    defaultFormat: 'link',
  };

  it('makes one message per row with a link: its names, its subs as sent', () => {
    expect(rowMessages(job(), made, formats, 't')).toEqual([
      'Hi : https://t.example/a (aff-7)',
      undefined,
      'Hi =HYPERLINK("x"): https://t.example/c (aff-9)',
    ]);
    expect(rowMessages(job(), made, formats, 'named')).toEqual([
      'Spring Sale (offer 42) – Affiliate 7: https://t.example/a',
      undefined,
      'Offer 42 – =HYPERLINK("x") (affiliate 9): https://t.example/c',
    ]);
  });

  it('copies them one per line, or with a blank line between messages of several lines', () => {
    expect(allMessages(['a', undefined, 'b'])).toBe('a\nb');
    expect(allMessages(['a\nx', 'b'])).toBe('a\nx\n\nb');
  });

  it('adds them to the CSV as its last column', () => {
    const messages = rowMessages(job(), made, formats, 't');
    const [header, ...lines] = parseCsv(bulkCsv(job(), made, messages));
    expect(header).toEqual([...BULK_CSV_COLUMNS, MESSAGE_COLUMN]);
    expect(lines.map((line) => line.at(-1))).toEqual([
      'Hi : https://t.example/a (aff-7)',
      '',
      'Hi =HYPERLINK("x"): https://t.example/c (aff-9)',
    ]);
  });
});
