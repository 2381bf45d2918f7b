// Message templates as the options page edits them: checks with plain messages, saving, deleting,
// and the example link its preview fills in. Pages only (copy-formats.ts is the background's too).
import { hiddenCharacters, hiddenCharactersSentence } from '../../everflow/hidden-characters';
import {
  BUILT_IN_FORMATS,
  MAX_TEMPLATES,
  MAX_TEMPLATE_NAME,
  MAX_TEMPLATE_TEXT,
  type CopyFormats,
  type LinkFacts,
  type Template,
} from './copy-formats';

export interface CopyFormatChoice {
  id: string;
  name: string;
}

/** Every format a person can copy as: the built-in ones, then the templates in their order. */
export function formatChoices(formats: CopyFormats): CopyFormatChoice[] {
  return [...BUILT_IN_FORMATS.map(({ id, name }) => ({ id, name })), ...formats.templates.map(({ id, name }) => ({ id, name }))];
}

export interface TemplateDraft {
  name: string;
  text: string;
}
export type TemplateErrors = Partial<Record<'name' | 'text' | 'list', string>>;

/** Plain messages for what is wrong with `draft`; empty when it can be saved. `editingId`: the template it replaces. */
export function checkTemplate(draft: TemplateDraft, templates: readonly Template[], editingId?: string): TemplateErrors {
  const errors: TemplateErrors = {};
  const name = draft.name.trim();
  const others = templates.filter((template) => template.id !== editingId);
  if (name === '') errors.name = 'Enter a name for the template.';
  else if (name.length > MAX_TEMPLATE_NAME) errors.name = `A name is at most ${MAX_TEMPLATE_NAME} characters; this one has ${name.length}.`;
  else if (
    BUILT_IN_FORMATS.some((format) => format.name.toLowerCase() === name.toLowerCase()) ||
    others.some((template) => template.name.trim().toLowerCase() === name.toLowerCase())
  ) {
    errors.name = `There is already a format called “${name}”; choose another name.`;
  } else if (hiddenCharacters(draft.name).length > 0) errors.name = hiddenCharactersSentence('The name', hiddenCharacters(draft.name));
  if (draft.text.trim() === '') errors.text = 'Enter the message text.';
  else if (draft.text.length > MAX_TEMPLATE_TEXT)
    errors.text = `A template is at most ${MAX_TEMPLATE_TEXT.toLocaleString('en')} characters; this one has ${draft.text.length.toLocaleString('en')}.`;
  else if (hiddenCharacters(draft.text, 'lines').length > 0)
    errors.text = hiddenCharactersSentence('The message text', hiddenCharacters(draft.text, 'lines'));
  if (editingId === undefined && templates.length >= MAX_TEMPLATES)
    errors.list = `You can keep up to ${MAX_TEMPLATES} templates; delete one first.`;
  return errors;
}

/** The formats with `draft` saved (added, or replacing `editingId`); call only when checkTemplate found nothing. */
export function saveTemplate(formats: CopyFormats, draft: TemplateDraft, id: string, editingId?: string): CopyFormats {
  const template = { id, name: draft.name.trim(), text: draft.text };
  const templates =
    editingId === undefined
      ? [...formats.templates, template]
      : formats.templates.map((known) => (known.id === editingId ? { ...template, id: editingId } : known));
  return { ...formats, templates };
}

/** The formats without template `id`; the default goes back to the bare link when it was that one. */
export function deleteTemplate(formats: CopyFormats, id: string): CopyFormats {
  return {
    templates: formats.templates.filter((template) => template.id !== id),
    defaultFormat: formats.defaultFormat === id ? 'link' : formats.defaultFormat,
  };
}

/** An example link for the options page's preview: a realistic offer and affiliate, a sub filled in. */
export const EXAMPLE_FACTS: LinkFacts = {
  url: 'https://www.example-track.com/ABC123/DEF456/?sub1=spring&sub2=newsletter',
  linkType: 'offer',
  targetId: 42,
  targetName: 'Spring sale',
  affiliateId: 7,
  affiliateName: 'Acme Media',
  sent: { sub1: 'spring', sub2: 'newsletter' },
  at: Date.UTC(2026, 2, 14, 12),
};

/** The preview's note on tokens that came out empty ("{sub3} is empty for this link…"); '' when none did. */
export function emptyTokensNote(empty: readonly string[]): string {
  if (empty.length === 0) return '';
  if (empty.length === 1) return `${empty[0]} is empty for this link, so it copies as nothing.`;
  return `${empty.slice(0, -1).join(', ')} and ${empty.at(-1)} are empty for this link, so they copy as nothing.`;
}
