// Copy formats: how a made link goes onto the clipboard. Two are built in (the bare link, and one line
// with the names); the team writes message templates with tokens on the options page, and one format
// is the default (the right-click menu, the keyboard shortcut, History's Copy). The pages write this
// item (templates are not secret); the background reads it.
import * as z from 'zod/mini';
import { defineItem } from './storage-item';

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
