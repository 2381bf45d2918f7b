import { describe, expect, it } from 'vitest';
import { MAX_TEMPLATES, type CopyFormats } from './copy-formats';
import { checkTemplate, deleteTemplate, emptyTokensNote, saveTemplate } from './templates';

const formats: CopyFormats = {
  templates: [{ id: 't1', name: 'Slack intro', text: 'Hi {affiliate_name}, here is {offer_name} ({offer_id}): {url} — {date}' }],
  defaultFormat: 't1',
};

describe('saving and deleting templates', () => {
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
    expect(checkTemplate({ name: 'slack INTRO', text: 'x' }, formats.templates).name).toBe(
      'There is already a format called “slack INTRO”; choose another name.',
    );
    expect(checkTemplate({ name: 'link with names', text: 'x' }, []).name).toMatch(/already a format/);
    expect(checkTemplate({ name: 'Slack intro', text: 'x' }, formats.templates, 't1')).toEqual({});
  });
  it('limits the name, the text and the number of templates', () => {
    expect(checkTemplate({ name: 'n'.repeat(61), text: 'x' }, []).name).toBe('A name is at most 60 characters; this one has 61.');
    expect(checkTemplate({ name: 'n', text: 'x'.repeat(1001) }, []).text).toBe(
      'A template is at most 1,000 characters; this one has 1,001.',
    );
    expect(checkTemplate({ name: 'n', text: 'x'.repeat(1000) }, [])).toEqual({});
    const full = Array.from({ length: MAX_TEMPLATES }, (_, i) => ({ id: `t${i}`, name: `T${i}`, text: 'x' }));
    expect(checkTemplate({ name: 'n', text: 'x' }, full).list).toBe('You can keep up to 20 templates; delete one first.');
    expect(checkTemplate({ name: 'T1', text: 'y' }, full, 't1')).toEqual({});
  });
});

describe('the preview’s note on empty tokens', () => {
  it('names each empty token', () => {
    expect(emptyTokensNote([])).toBe('');
    expect(emptyTokensNote(['{offer_name}'])).toBe('{offer_name} is empty for this link, so it copies as nothing.');
    expect(emptyTokensNote(['{sub3}', '{sub4}', '{source_id}'])).toBe(
      '{sub3}, {sub4} and {source_id} are empty for this link, so they copy as nothing.',
    );
  });
});

describe('a template, written by the team', () => {
  it('is refused with a hidden character in its name or text; line breaks, emoji and any script stay', () => {
    expect(checkTemplate({ name: 'Partner \u202Emessage', text: '{url}' }, []).name).toMatch(/^The name holds a hidden character, U\+202E/);
    expect(checkTemplate({ name: 'Partner', text: 'Hi\u200B {url}' }, []).text).toMatch(
      /^The message text holds a hidden character, U\+200B/,
    );
    expect(checkTemplate({ name: 'Café 🚀', text: 'Bonjour {affiliate_name} 👋\nVoici : {url}\n안녕하세요' }, [])).toStrictEqual({});
  });
});
