import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT, TEXT_FIELDS, textOf, type LinkInput } from '../../everflow/link-fields';
import { expandAndCheck, expandTokens, localDate } from './sub-tokens';

const NOW = new Date(2026, 10, 24, 23, 59, 30); // 24 November 2026, local time
const BASE: LinkInput = { linkType: 'offer', offerId: 42, affiliateId: 7, encryptParameters: false, redirectLink: false };

describe('localDate', () => {
  it.each([
    [new Date(2026, 10, 24, 23, 59), '2026-11-24'],
    [new Date(2026, 0, 1, 0, 0), '2026-01-01'],
    [new Date(999, 8, 9, 12), '999-09-09'],
  ])('%s → %s', (date, expected) => {
    expect(localDate(date)).toBe(expected);
  });
});

describe('expandTokens', () => {
  it('a smart link fills {smart_link_id} and leaves {offer_id}, which it does not have, as typed', () => {
    const smart: LinkInput = { linkType: 'smart', campaignId: 5, affiliateId: 7, encryptParameters: false, redirectLink: false };
    expect(expandTokens({ ...smart, sub1: '{smart_link_id}-{offer_id}-{affiliate_id}' }, NOW)).toEqual({
      ...smart,
      sub1: '5-{offer_id}-7',
    });
    expect(expandTokens({ ...BASE, sub1: '{smart_link_id}' }, NOW)).toEqual({ ...BASE, sub1: '{smart_link_id}' });
  });

  const cases: [string, string][] = [
    ['{offer_id}-{affiliate_id}-{date}', '42-7-2026-11-24'],
    ['{date}', '2026-11-24'],
    ['o{offer_id}o{offer_id}', 'o42o42'],
    ['plain text', 'plain text'],
    ['{foo}', '{foo}'],
    ['{Date} {OFFER_ID}', '{Date} {OFFER_ID}'],
    ['{ date }', '{ date }'],
    ['{{date}}', '{2026-11-24}'],
    ['{date', '{date'],
    ['{offer_id}{foo}{affiliate_id}', '42{foo}7'],
    ['$& $1 {date}', '$& $1 2026-11-24'],
  ];

  it.each(cases)('%j → %j in every text field', (typed, expected) => {
    for (const field of TEXT_FIELDS) {
      expect(expandTokens({ ...BASE, [field]: typed }, NOW)).toEqual({ ...BASE, [field]: expected });
    }
  });

  it('leaves IDs, flags and absent fields alone', () => {
    const input: LinkInput = { ...BASE, trackingDomainId: 3, encryptParameters: true, sub2: '{date}' };
    const out = expandTokens(input, NOW);
    expect(out).toEqual({ ...input, sub2: '2026-11-24' });
    expect('sub1' in out).toBe(false);
  });

  it('does not change its argument', () => {
    const input: LinkInput = { ...BASE, sub1: '{date}' };
    expandTokens(input, NOW);
    expect(input.sub1).toBe('{date}');
  });

  const text = fc.string({ maxLength: 60 });
  const input = fc
    .record({ sourceId: text, sub1: text, sub2: text, sub3: text, sub4: text, sub5: text }, { requiredKeys: [] })
    .map((subs): LinkInput => ({ ...BASE, ...subs }));
  const date = fc.date({ min: new Date(1000, 0, 1), max: new Date(9999, 11, 31), noInvalidDate: true });

  it('never throws, and expanding twice changes nothing more', () => {
    fc.assert(
      fc.property(input, date, (value, now) => {
        const once = expandTokens(value, now);
        expect(expandTokens(once, now)).toEqual(once);
      }),
    );
  });

  it('is the identity on text without tokens', () => {
    const noTokens = input.filter((value) =>
      TEXT_FIELDS.every((field) => !/\{(date|offer_id|affiliate_id)\}/.test(textOf(value, field) ?? '')),
    );
    fc.assert(
      fc.property(noTokens, date, (value, now) => {
        expect(expandTokens(value, now)).toEqual(value);
      }),
    );
  });
});

describe('expandAndCheck', () => {
  it('passes the expanded input', () => {
    expect(expandAndCheck({ ...BASE, sub1: 'a-{offer_id}' }, NOW)).toEqual({ ok: true, input: { ...BASE, sub1: 'a-42' } });
  });

  it('refuses a value the tokens make longer than the limit, with the field’s message', () => {
    const typed = `${'x'.repeat(MAX_TEXT - 6)}{date}`; // 200 as typed, 204 once expanded
    expect(expandAndCheck({ ...BASE, sub3: typed }, NOW)).toEqual({
      ok: false,
      errors: { sub3: `Sub 3 can be at most ${MAX_TEXT} characters.` },
    });
  });

  it('accepts a value that lands exactly on the limit', () => {
    const typed = `${'x'.repeat(MAX_TEXT - 10)}{date}`;
    const result = expandAndCheck({ ...BASE, sourceId: typed }, NOW);
    expect(result.ok && textOf(result.input, 'sourceId')?.length).toBe(MAX_TEXT);
  });
});
