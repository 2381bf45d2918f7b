// Copy formats: how a made link goes onto the clipboard. Two are built in (the bare link, and one line
// with the names); the team writes message templates with tokens on the options page, and one format
// is the default (the right-click menu, the keyboard shortcut, History's Copy). The pages write this
// item (templates are not secret); the background reads it.
import * as z from 'zod/mini';
import { defineItem } from '../storage/define-item';
import { LINK_TYPE_LABELS, LINK_TYPE_NAMES } from '../../everflow/link-fields';
import { affiliateOf, type LinkInput, type LinkType, type TextField } from '../../everflow/link-fields';
import { expandTokens, localDate } from '../link/sub-tokens';
import type { HistoryEntry } from '../history/history';
import { linkSubject, type LinkSuccess } from '../link/outcome';
import { managedId, withManaged } from '../policy/managed-items';

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

/** A message template as an administrator's policy sets it; `id` optional (its name names it otherwise). */
export const ManagedTemplateSchema = z.object({
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(60), z.describe('Optional; stays the same when the name changes.'))),
  name: z.string().check(z.maxLength(MAX_TEMPLATE_NAME), z.describe('The name shown where a link can be copied.')),
  text: z.string().check(z.maxLength(MAX_TEMPLATE_TEXT), z.describe('The message, with tokens such as {url}, {offer_name}, {sub1}.')),
});
export type ManagedTemplate = z.infer<typeof ManagedTemplateSchema>;

const templateFromManaged = (managed: ManagedTemplate): Template => ({
  id: managedId(managed.id ?? managed.name.trim()),
  name: managed.name.trim(),
  text: managed.text,
});

/**
 * The format a policy's `defaultCopyFormat` names: a built-in format's id, or one of the policy's own
 * templates by its id or its name; undefined when it names none of them.
 */
export function managedFormatId(named: string, managed: readonly ManagedTemplate[]): string | undefined {
  if (BUILT_IN_FORMATS.some((format) => format.id === named)) return named;
  const template =
    managed.find((candidate) => candidate.id === named) ?? managed.find((candidate) => candidate.name.trim() === named.trim());
  return template && templateFromManaged(template).id;
}

/**
 * The copy formats as everyone uses them (the popup, History, Bulk links, the background's copies): the
 * policy's templates first, read-only, then the person's own (names as in managed-items.ts). The
 * policy's default format, when it sets one, is the default; otherwise the person's.
 */
export function effectiveCopyFormats(
  stored: CopyFormats,
  managed: readonly ManagedTemplate[],
  managedDefault: string | undefined,
): CopyFormats {
  const defaultFormat = (managedDefault !== undefined && managedFormatId(managedDefault, managed)) || stored.defaultFormat;
  if (managed.length === 0) return defaultFormat === stored.defaultFormat ? stored : { ...stored, defaultFormat };
  return { templates: withManaged(managed.map(templateFromManaged), stored.templates), defaultFormat };
}

// ——— Filling a format in: pure, so the popup, History, Bulk links and the background agree. ———

/** What a made link's message may say: its link, what it leads to, the affiliate, what was sent, and when. */
export interface LinkFacts {
  url: string;
  linkType: LinkType;
  /** The offer's ID (offer link) or the smart link's. */
  targetId: number | undefined;
  targetName?: string | undefined;
  /** The affiliate of a network key's link; none on a partner's own link (the partner is the affiliate). */
  affiliateId: number | undefined;
  affiliateName?: string | undefined;
  /** Source ID and Sub 1–5 as sent (tokens filled in). */
  sent: Partial<Record<TextField, string>>;
  /** When the link was made (ms since the epoch). */
  at: number;
}

/** The names a link's facts carry, where known. */
export interface FactNames {
  target?: string | undefined;
  affiliate?: string | undefined;
}

/** The facts of a link made from `input` (its text fields already expanded). */
export function factsFromInput(url: string, input: LinkInput, at: number, names: FactNames = {}): LinkFacts {
  const smart = input.linkType === 'smart';
  // The input itself carries Source ID and the subs as sent.
  return {
    url,
    linkType: input.linkType,
    targetId: smart ? input.campaignId : input.offerId,
    targetName: names.target,
    affiliateId: affiliateOf(input),
    affiliateName: names.affiliate,
    sent: input,
    at,
  };
}

/** "Spring sale (offer 42) – Acme Media (affiliate 7): https://…"; "Offer 42" and "Affiliate 7" when a name is unknown. */
export function namedLine(facts: LinkFacts): string {
  const [word, Word] = [LINK_TYPE_NAMES[facts.linkType], LINK_TYPE_LABELS[facts.linkType]];
  const id = facts.targetId ?? '';
  const target = facts.targetName ? `${facts.targetName} (${word} ${id})` : `${Word} ${id}`;
  if (facts.affiliateId === undefined) return `${target}: ${facts.url}`;
  const affiliate = facts.affiliateName ? `${facts.affiliateName} (affiliate ${facts.affiliateId})` : `Affiliate ${facts.affiliateId}`;
  return `${target} – ${affiliate}: ${facts.url}`;
}

export type CopyToken = (typeof COPY_TOKENS)[number];

/** Each token's value (by its name inside the braces); '' or absent when unknown (a name not looked up, a sub left empty, the other kind's ID). */
function tokenValues(facts: LinkFacts): Record<string, string | undefined> {
  const offer = facts.linkType !== 'smart';
  const id = facts.targetId === undefined ? '' : String(facts.targetId);
  const name = facts.targetName;
  return {
    ...facts.sent,
    url: facts.url,
    offer_id: offer ? id : '',
    offer_name: offer ? name : '',
    smart_link_id: offer ? '' : id,
    smart_link_name: offer ? '' : name,
    affiliate_id: facts.affiliateId === undefined ? '' : String(facts.affiliateId),
    affiliate_name: facts.affiliateName,
    source_id: facts.sent.sourceId,
    date: localDate(new Date(facts.at)),
  };
}

const TOKEN_PATTERN = new RegExp(COPY_TOKENS.join('|').replace(/[{}]/g, '\\$&'), 'g');

/**
 * The template with every known token replaced (case-sensitive; any other {word} stays as typed), and
 * the known tokens that came out empty, each once in the order they first appear, for the preview to say.
 */
export function fillTemplate(text: string, facts: LinkFacts): { text: string; empty: CopyToken[] } {
  const values = tokenValues(facts);
  const empty = new Set<CopyToken>();
  const filled = text.replace(TOKEN_PATTERN, (token) => {
    const value = values[token.slice(1, -1)] || '';
    if (!value) empty.add(token as CopyToken);
    return value;
  });
  return { text: filled, empty: [...empty] };
}

/** The format `id` names, or the bare link when it names none (a template deleted since). */
export function findFormat(formats: CopyFormats, id: string): { id: string; name: string; text?: string } {
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

// ——— The facts of a link the popup shows (its form holds the subs as typed) or History holds (the input as sent). ———

/** A link the popup shows: its request as asked, the tokens filled in with the link's own date. */
export function factsFromSuccess(link: LinkSuccess): LinkFacts {
  const subject = linkSubject(link);
  return factsFromInput(link.url, expandTokens(link.input, new Date(link.at)), link.at, {
    target: subject.name,
    affiliate: link.affiliateName,
  });
}

/** A history entry holds the input as sent. */
export function factsFromHistory(entry: HistoryEntry): LinkFacts {
  const target = entry.input.linkType === 'smart' ? entry.campaignName : entry.offerName;
  return factsFromInput(entry.url, entry.input, entry.at, { target, affiliate: entry.affiliateName });
}
