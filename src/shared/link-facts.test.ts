import { describe, expect, it } from 'vitest';
import { EMPTY_COPY_FORMATS, fillTemplate, formatLink, type CopyFormats } from './copy-formats';
import { factsFromHistory, factsFromSuccess } from './link-facts';
import { EMPTY_FORM } from './link-form';
import type { HistoryEntry } from './link-history';
import type { LinkSuccess } from './outcome';

const at = new Date(2026, 2, 14, 23, 30).getTime(); // local time: {date} is the local day
const formats: CopyFormats = {
  templates: [{ id: 't1', name: 'Slack intro', text: 'Hi {affiliate_name}, here is {offer_name} ({offer_id}): {url} — {date}' }],
  defaultFormat: 't1',
};

describe('facts of a link', () => {
  it('from the popup’s link: the subs with their tokens filled in with the link’s date', () => {
    const link: LinkSuccess = {
      ok: true,
      url: 'https://t.example/x',
      linkType: 'offer',
      offerId: 42,
      affiliateId: 7,
      copied: true,
      at,
      offerName: 'Spring sale',
      form: { ...EMPTY_FORM, offerId: '42', affiliateId: '7', sub1: 'a-{date}', sub2: '{affiliate_id}' },
    };
    const known = factsFromSuccess(link);
    expect(known.sent).toMatchObject({ sub1: 'a-2026-03-14', sub2: '7' });
    expect(formatLink(formats, 't1', known).text).toBe('Hi , here is Spring sale (42): https://t.example/x — 2026-03-14');
  });
  it('from a link without its form: IDs and names only', () => {
    const known = factsFromSuccess({ ok: true, url: 'u', affiliateId: 7, offerId: 42, copied: true, at });
    expect(fillTemplate('{offer_id} {sub1}', known)).toEqual({ text: '42 ', empty: ['{sub1}'] });
  });
  it('from a history entry: the input as sent and its names', () => {
    const entry: HistoryEntry = {
      id: 'e',
      url: 'https://t.example/s',
      input: { linkType: 'smart', campaignId: 5, affiliateId: 7, sub4: 'x', redirectLink: false } as HistoryEntry['input'],
      surface: 'menu',
      at,
      campaignName: 'Summer mix',
      affiliateName: 'Acme',
    };
    expect(formatLink(EMPTY_COPY_FORMATS, 'named', factsFromHistory(entry)).text).toBe(
      'Summer mix (smart link 5) – Acme (affiliate 7): https://t.example/s',
    );
    expect(fillTemplate('{sub4}', factsFromHistory(entry)).text).toBe('x');
  });
});
