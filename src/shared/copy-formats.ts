// Copy formats: how a made link goes onto the clipboard. Two are built in (the bare link, and one line
// with the names); the team writes message templates with tokens on the options page, and one format
// is the default (the right-click menu, the keyboard shortcut, History's Copy). The pages write this
// item (templates are not secret); the background reads it.
import * as z from 'zod/mini';
import { defineItem } from './storage-item';
import { TEXT_FIELDS, parseLinkForm, type LinkInput, type LinkType, type TextField } from './link-form';
import type { HistoryEntry } from './link-history';
import { linkSubject, type LinkSuccess } from './outcome';
import { expandTokens, localDate } from './sub-tokens';

export const MAX_TEMPLATES = 20;
export const MAX_TEMPLATE_NAME = 60;
export const MAX_TEMPLATE_TEXT = 1000;

/** The formats every install has; a template's id never takes one of these. */
export const BUILT_IN_FORMATS = [
  { id: 'link', name: 'Link' },
  { id: 'named', name: 'Link with names' },
] as const;
export type BuiltInFormatId = (typeof BUILT_IN_FORMATS)[number]['id'];

/**
 * Tokens a template may hold. Case-sensitive, like the sub tokens; any other {word} stays as typed.
 * {offer_*} are an offer link's, {smart_link_*} a smart link's.
 */
export const COPY_TOKENS = [
  '{url}',
  '{offer_id}',
  '{offer_name}',
  '{smart_link_id}',
  '{smart_link_name}',
  '{affiliate_id}',
  '{affiliate_name}',
  '{source_id}',
  '{sub1}',
  '{sub2}',
  '{sub3}',
  '{sub4}',
  '{sub5}',
  '{date}',
] as const;

export const TemplateSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  name: z.string().check(z.maxLength(MAX_TEMPLATE_NAME)),
  text: z.string().check(z.maxLength(MAX_TEMPLATE_TEXT)),
});
export type Template = z.infer<typeof TemplateSchema>;

export const CopyFormatsSchema = z.object({
  templates: z.array(TemplateSchema).check(z.maxLength(MAX_TEMPLATES)),
  /** A built-in format's id or a template's; an id no longer known means the bare link. */
  defaultFormat: z.string().check(z.maxLength(100)),
});
export type CopyFormats = z.infer<typeof CopyFormatsSchema>;

export const EMPTY_COPY_FORMATS: CopyFormats = { templates: [], defaultFormat: 'link' };

/** Written by the options page; read by the popup, History, Bulk links and the background. */
export const copyFormatsItem = defineItem<CopyFormats>({
  writer: 'pages',
  area: 'local',
  key: 'copyFormats',
  version: 1,
  schema: CopyFormatsSchema,
  fallback: () => structuredClone(EMPTY_COPY_FORMATS),
});

// ——— Filling a format in: pure, so the popup, History, Bulk links and the background agree. ———

/** What a made link's message may say: its link, what it leads to, the affiliate, what was sent, and when. */
export interface LinkFacts {
  url: string;
  linkType: LinkType;
  /** The offer's ID (offer link) or the smart link's. */
  targetId: number | undefined;
  targetName?: string | undefined;
  affiliateId: number;
  affiliateName?: string | undefined;
  /** Source ID and Sub 1–5 as sent (tokens filled in). */
  sent: Partial<Record<TextField, string>>;
  /** When the link was made (ms since the epoch). */
  at: number;
}

export interface Names3 {
  target?: string | undefined;
  affiliate?: string | undefined;
}

/** The facts of a link made from `input` (its text fields already expanded). */
export function factsFromInput(url: string, input: LinkInput, at: number, names: Names3 = {}): LinkFacts {
  const sent: LinkFacts['sent'] = {};
  for (const field of TEXT_FIELDS) {
    const value = input[field];
    if (value !== undefined) sent[field] = value;
  }
  return {
    url,
    linkType: input.linkType,
    targetId: input.linkType === 'smart' ? input.campaignId : input.offerId,
    targetName: names.target,
    affiliateId: input.affiliateId,
    affiliateName: names.affiliate,
    sent,
    at,
  };
}

/** A link the popup shows: its form holds the subs as typed, so their tokens are filled in with the link's own date. */
export function factsFromSuccess(link: LinkSuccess): LinkFacts {
  const subject = linkSubject(link);
  const checked = link.form ? parseLinkForm(link.form) : undefined;
  const names = { target: subject.name, affiliate: link.affiliateName };
  if (checked?.ok) return factsFromInput(link.url, expandTokens(checked.input, new Date(link.at)), link.at, names);
  return { url: link.url, linkType: link.linkType ?? 'offer', targetId: subject.id, targetName: names.target, affiliateId: link.affiliateId, affiliateName: names.affiliate, sent: {}, at: link.at };
}

/** A history entry holds the input as sent. */
export function factsFromHistory(entry: HistoryEntry): LinkFacts {
  const target = entry.input.linkType === 'smart' ? entry.campaignName : entry.offerName;
  return factsFromInput(entry.url, entry.input, entry.at, { target, affiliate: entry.affiliateName });
}

const subjectWord = (facts: LinkFacts) => (facts.linkType === 'smart' ? 'smart link' : 'offer');

/** "Spring sale (offer 42) – Acme Media (affiliate 7): https://…"; "Offer 42" and "Affiliate 7" when a name is unknown. */
export function namedLine(facts: LinkFacts): string {
  const word = subjectWord(facts);
  const id = facts.targetId ?? '';
  const target = facts.targetName ? `${facts.targetName} (${word} ${id})` : `${word[0]!.toUpperCase()}${word.slice(1)} ${id}`;
  const affiliate = facts.affiliateName ? `${facts.affiliateName} (affiliate ${facts.affiliateId})` : `Affiliate ${facts.affiliateId}`;
  return `${target} – ${affiliate}: ${facts.url}`;
}

export type CopyToken = (typeof COPY_TOKENS)[number];

/** Each token's value for this link; '' when unknown (a name not looked up, a sub left empty, the other kind's ID). */
export function tokenValues(facts: LinkFacts): Record<CopyToken, string> {
  const offer = facts.linkType !== 'smart';
  const id = facts.targetId === undefined ? '' : String(facts.targetId);
  return {
    '{url}': facts.url,
    '{offer_id}': offer ? id : '',
    '{offer_name}': offer ? (facts.targetName ?? '') : '',
    '{smart_link_id}': offer ? '' : id,
    '{smart_link_name}': offer ? '' : (facts.targetName ?? ''),
    '{affiliate_id}': String(facts.affiliateId),
    '{affiliate_name}': facts.affiliateName ?? '',
    '{source_id}': facts.sent.sourceId ?? '',
    '{sub1}': facts.sent.sub1 ?? '',
    '{sub2}': facts.sent.sub2 ?? '',
    '{sub3}': facts.sent.sub3 ?? '',
    '{sub4}': facts.sent.sub4 ?? '',
    '{sub5}': facts.sent.sub5 ?? '',
    '{date}': localDate(new Date(facts.at)),
  };
}

const TOKEN_PATTERN = new RegExp(COPY_TOKENS.map((token) => token.replace(/[{}]/g, '\\$&')).join('|'), 'g');

/**
 * The template with every known token replaced (case-sensitive; any other {word} stays as typed), and
 * the known tokens that came out empty, each once in the order they first appear, for the preview to say.
 */
export function fillTemplate(text: string, facts: LinkFacts): { text: string; empty: CopyToken[] } {
  const values = tokenValues(facts);
  const empty = new Set<CopyToken>();
  const filled = text.replace(TOKEN_PATTERN, (token) => {
    const value = values[token as CopyToken];
    if (value === '') empty.add(token as CopyToken);
    return value;
  });
  return { text: filled, empty: [...empty] };
}

export interface CopyFormatChoice {
  id: string;
  name: string;
}

/** Every format a person can copy as: the built-in ones, then the templates in their order. */
export function formatChoices(formats: CopyFormats): CopyFormatChoice[] {
  return [...BUILT_IN_FORMATS.map(({ id, name }) => ({ id, name })), ...formats.templates.map(({ id, name }) => ({ id, name }))];
}

/** The format `id` names, or the bare link when it names none (a template deleted since). */
export function findFormat(formats: CopyFormats, id: string): CopyFormatChoice & { text?: string } {
  const template = formats.templates.find((known) => known.id === id);
  if (template) return template;
  return BUILT_IN_FORMATS.find((known) => known.id === id) ?? BUILT_IN_FORMATS[0];
}

/** What a copy in format `id` puts on the clipboard; `name` is the format's, for "Copied “…”". */
export function formatLink(formats: CopyFormats, id: string, facts: LinkFacts): { id: string; name: string; text: string } {
  const format = findFormat(formats, id);
  if (format.text !== undefined) return { id: format.id, name: format.name, text: fillTemplate(format.text, facts).text };
  return { id: format.id, name: format.name, text: format.id === 'named' ? namedLine(facts) : facts.url };
}

/**
 * The text without the API key anywhere in it (as typed, or URL-encoded inside a link): a template or
 * a sub could hold it, and a copied message goes to people who must never get it.
 */
export function withoutSecret(text: string, secret: string | null | undefined): string {
  if (!secret) return text;
  let clean = text;
  for (const form of new Set([secret, encodeURIComponent(secret)])) clean = clean.split(form).join('');
  return clean;
}

// ——— Templates as the options page edits them. ———

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
  else if (BUILT_IN_FORMATS.some((format) => format.name.toLowerCase() === name.toLowerCase()) || others.some((template) => template.name.trim().toLowerCase() === name.toLowerCase())) {
    errors.name = `There is already a format called “${name}”; choose another name.`;
  }
  if (draft.text.trim() === '') errors.text = 'Enter the message text.';
  else if (draft.text.length > MAX_TEMPLATE_TEXT) errors.text = `A template is at most ${MAX_TEMPLATE_TEXT.toLocaleString('en')} characters; this one has ${draft.text.length.toLocaleString('en')}.`;
  if (editingId === undefined && templates.length >= MAX_TEMPLATES) errors.list = `You can keep up to ${MAX_TEMPLATES} templates; delete one first.`;
  return errors;
}

/** The formats with `draft` saved (added, or replacing `editingId`); call only when checkTemplate found nothing. */
export function saveTemplate(formats: CopyFormats, draft: TemplateDraft, id: string, editingId?: string): CopyFormats {
  const template = { id, name: draft.name.trim(), text: draft.text };
  const templates = editingId === undefined ? [...formats.templates, template] : formats.templates.map((known) => (known.id === editingId ? { ...template, id: editingId } : known));
  return { ...formats, templates };
}

/** The formats without template `id`; the default goes back to the bare link when it was that one. */
export function deleteTemplate(formats: CopyFormats, id: string): CopyFormats {
  return { templates: formats.templates.filter((template) => template.id !== id), defaultFormat: formats.defaultFormat === id ? 'link' : formats.defaultFormat };
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
