import { describe, expect, it } from 'vitest';
import {
  EMPTY_COPY_FORMATS,
  factsFromHistory,
  factsFromSuccess,
  fillTemplate,
  formatLink,
  namedLine,
  type CopyFormats,
  type LinkFacts,
} from './copy-formats';
import type { HistoryEntry } from '../history/history';
import { lastLinkItem, type LinkSuccess } from '../link/outcome';
import { EXAMPLE_FACTS, formatChoices } from './templates';
import { withoutKey } from '../../everflow/key-in-text';

const at = new Date(2026, 2, 14, 23, 30).getTime(); // local time: {date} is the local day
const facts: LinkFacts = { ...EXAMPLE_FACTS, at };
const formats: CopyFormats = {
  templates: [{ id: 't1', name: 'Slack intro', text: 'Hi {affiliate_name}, here is {offer_name} ({offer_id}): {url} — {date}' }],
  defaultFormat: 't1',
};

describe('the named line', () => {
  it('says the offer and affiliate names with their IDs, then the link', () => {
    expect(namedLine(facts)).toBe(`Spring sale (offer 42) – Acme Media (affiliate 7): ${facts.url}`);
  });
  it('falls back to the IDs when a name is unknown', () => {
    expect(namedLine({ ...facts, targetName: undefined, affiliateName: undefined })).toBe(`Offer 42 – Affiliate 7: ${facts.url}`);
    expect(namedLine({ ...facts, linkType: 'smart', targetId: 5, targetName: undefined })).toBe(
      `Smart link 5 – Acme Media (affiliate 7): ${facts.url}`,
    );
  });
});

describe('filling a template', () => {
  it('replaces every known token, every time it appears', () => {
    expect(fillTemplate('{url} {url} {offer_id} {affiliate_id} {sub1} {sub2} {date}', facts).text).toBe(
      `${facts.url} ${facts.url} 42 7 spring newsletter 2026-03-14`,
    );
  });
  it('leaves unknown tokens and other cases as typed', () => {
    expect(fillTemplate('{URL} {offer} {sub9} {{url}}', facts).text).toBe(`{URL} {offer} {sub9} {${facts.url}}`);
  });
  it('empties a known token whose value is unknown and reports it once', () => {
    const filled = fillTemplate('{sub3}|{offer_name}|{sub3}|{smart_link_id}', { ...facts, targetName: undefined });
    expect(filled.text).toBe('|||');
    expect(filled.empty).toEqual(['{sub3}', '{offer_name}', '{smart_link_id}']);
  });
  it('fills a smart link’s tokens, not an offer’s', () => {
    expect(
      fillTemplate('{smart_link_id} {smart_link_name} [{offer_id}]', { ...facts, linkType: 'smart', targetId: 5, targetName: 'Summer mix' })
        .text,
    ).toBe('5 Summer mix []');
  });
  it('keeps HTML as text', () => {
    expect(fillTemplate('<b>{offer_name}</b>', facts).text).toBe('<b>Spring sale</b>');
  });
});

describe('the API key never copied', () => {
  const key = 'sEcReT+key/123';
  it('is removed wherever a template or a sub puts it, as typed, URL-encoded or in base64', () => {
    const url = `https://t.example/?sub1=${encodeURIComponent(key)}&sub2=${btoa(key)}`;
    const text = fillTemplate(`key ${key} {url} {sub3}`, {
      ...facts,
      url,
      sent: { sub3: encodeURIComponent(encodeURIComponent(key)) },
    }).text;
    expect(withoutKey(text, key)).toBe('key  https://t.example/?sub1=&sub2= ');
  });
});

describe('formats', () => {
  it('lists the built-in formats, then the templates', () => {
    expect(formatChoices(formats).map((format) => format.name)).toEqual(['Link', 'Link with names', 'Slack intro']);
  });
  it('copies the bare link for an unknown format', () => {
    expect(formatLink(formats, 'gone', facts)).toEqual({ id: 'link', name: 'Link', text: facts.url });
  });
});

describe('facts of a link', () => {
  it('from the popup’s link: the subs with their tokens filled in with the link’s date', () => {
    const link: LinkSuccess = {
      ok: true,
      url: 'https://t.example/x',
      accountId: 'first',
      input: {
        linkType: 'offer',
        offerId: 42,
        affiliateId: 7,
        sub1: 'a-{date}',
        sub2: '{affiliate_id}',
        encryptParameters: false,
        redirectLink: false,
      },
      copied: true,
      at,
      offerName: 'Spring sale',
    };
    const known = factsFromSuccess(link);
    expect(known.sent).toMatchObject({ sub1: 'a-2026-03-14', sub2: '7' });
    expect(formatLink(formats, 't1', known).text).toBe('Hi , here is Spring sale (42): https://t.example/x — 2026-03-14');
  });
  it('from a link stored before its request was kept (the bare pair): IDs and names only', () => {
    const link = lastLinkItem.decode({ v: 1, data: { ok: true, url: 'u', affiliateId: 7, offerId: 42, copied: true, at } }).value!;
    const known = factsFromSuccess(link);
    expect(fillTemplate('{offer_id} {sub1}', known)).toEqual({ text: '42 ', empty: ['{sub1}'] });
  });
  it('from a history entry: the input as sent and its names', () => {
    const entry: HistoryEntry = {
      id: 'e',
      accountId: 'first',
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
