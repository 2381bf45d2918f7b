import { describe, expect, it } from 'vitest';
import {
  EMPTY_COPY_FORMATS,
  EXAMPLE_FACTS,
  MAX_TEMPLATES,
  checkTemplate,
  deleteTemplate,
  emptyTokensNote,
  factsFromHistory,
  factsFromSuccess,
  fillTemplate,
  formatChoices,
  formatLink,
  namedLine,
  saveTemplate,
  withoutSecret,
  type CopyFormats,
  type LinkFacts,
} from './copy-formats';
import { EMPTY_FORM } from './link-form';
import { copiedSentence } from './link-notes';
import type { HistoryEntry } from './link-history';
import type { LinkSuccess } from './outcome';

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
    expect(namedLine({ ...facts, linkType: 'smart', targetId: 5, targetName: undefined })).toBe(`Smart link 5 – Acme Media (affiliate 7): ${facts.url}`);
  });
});

describe('filling a template', () => {
  it('replaces every known token, every time it appears', () => {
    expect(fillTemplate('{url} {url} {offer_id} {affiliate_id} {sub1} {sub2} {date}', facts).text).toBe(`${facts.url} ${facts.url} 42 7 spring newsletter 2026-03-14`);
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
    expect(fillTemplate('{smart_link_id} {smart_link_name} [{offer_id}]', { ...facts, linkType: 'smart', targetId: 5, targetName: 'Summer mix' }).text).toBe('5 Summer mix []');
  });
  it('keeps HTML as text', () => {
    expect(fillTemplate('<b>{offer_name}</b>', facts).text).toBe('<b>Spring sale</b>');
  });
});

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
    expect(known.sent).toEqual({ sub1: 'a-2026-03-14', sub2: '7' });
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
    expect(formatLink(EMPTY_COPY_FORMATS, 'named', factsFromHistory(entry)).text).toBe('Summer mix (smart link 5) – Acme (affiliate 7): https://t.example/s');
    expect(fillTemplate('{sub4}', factsFromHistory(entry)).text).toBe('x');
  });
});

describe('formats', () => {
  it('lists the built-in formats, then the templates', () => {
    expect(formatChoices(formats).map((format) => format.name)).toEqual(['Link', 'Link with names', 'Slack intro']);
  });
  it('copies the bare link for an unknown format', () => {
    expect(formatLink(formats, 'gone', facts)).toEqual({ id: 'link', name: 'Link', text: facts.url });
  });
  it('says which format was copied', () => {
    expect(copiedSentence(undefined)).toBe('Copied to clipboard.');
    expect(copiedSentence('Slack intro')).toBe('Copied “Slack intro” to clipboard.');
  });
  it('deleting the default template makes the bare link the default', () => {
    expect(deleteTemplate(formats, 't1')).toEqual({ templates: [], defaultFormat: 'link' });
  });
  it('saves a new template and an edited one in place', () => {
    const added = saveTemplate(formats, { name: ' Email ', text: '{url}' }, 't2');
    expect(added.templates.map((t) => t.name)).toEqual(['Slack intro', 'Email']);
    expect(saveTemplate(added, { name: 'Slack', text: 'x' }, 'new', 't1').templates[0]).toEqual({ id: 't1', name: 'Slack', text: 'x' });
  });
});

describe('checking a template', () => {
  it('needs a name and a text', () => {
    expect(checkTemplate({ name: ' ', text: '' }, [])).toEqual({ name: 'Enter a name for the template.', text: 'Enter the message text.' });
  });
  it('refuses a name taken, ignoring case, but not the template’s own', () => {
    expect(checkTemplate({ name: 'slack INTRO', text: 'x' }, formats.templates).name).toBe('There is already a format called “slack INTRO”; choose another name.');
    expect(checkTemplate({ name: 'link with names', text: 'x' }, []).name).toMatch(/already a format/);
    expect(checkTemplate({ name: 'Slack intro', text: 'x' }, formats.templates, 't1')).toEqual({});
  });
  it('limits the name, the text and the number of templates', () => {
    expect(checkTemplate({ name: 'n'.repeat(61), text: 'x' }, []).name).toBe('A name is at most 60 characters; this one has 61.');
    expect(checkTemplate({ name: 'n', text: 'x'.repeat(1001) }, []).text).toBe('A template is at most 1,000 characters; this one has 1,001.');
    expect(checkTemplate({ name: 'n', text: 'x'.repeat(1000) }, [])).toEqual({});
    const full = Array.from({ length: MAX_TEMPLATES }, (_, i) => ({ id: `t${i}`, name: `T${i}`, text: 'x' }));
    expect(checkTemplate({ name: 'n', text: 'x' }, full).list).toBe('You can keep up to 20 templates; delete one first.');
    expect(checkTemplate({ name: 'T1', text: 'y' }, full, 't1')).toEqual({});
  });
});

describe('the API key never copied', () => {
  const key = 'sEcReT+key/123';
  it('is removed wherever it appears, as typed or URL-encoded', () => {
    const text = fillTemplate(`key ${key} {url}`, { ...facts, url: `https://t.example/?sub1=${encodeURIComponent(key)}` }).text;
    expect(withoutSecret(text, key)).toBe('key  https://t.example/?sub1=');
  });
  it('leaves text alone without a key', () => {
    expect(withoutSecret('abc', null)).toBe('abc');
    expect(withoutSecret('abc', '')).toBe('abc');
  });
});

describe('the preview’s note on empty tokens', () => {
  it('names each empty token', () => {
    expect(emptyTokensNote([])).toBe('');
    expect(emptyTokensNote(['{offer_name}'])).toBe('{offer_name} is empty for this link, so it copies as nothing.');
    expect(emptyTokensNote(['{sub3}', '{sub4}', '{source_id}'])).toBe('{sub3}, {sub4} and {source_id} are empty for this link, so they copy as nothing.');
  });
});
