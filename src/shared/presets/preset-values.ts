// What a preset holds (Source ID, Sub 1–5, the "More options"), and a preset as an administrator's
// policy sets one: the shapes alone, so the policy's reading (shared/policy, the background's too) does
// not carry the presets' logic (presets.ts, pages only).
import * as z from 'zod/mini';
import {
  FLAG_FIELDS,
  ID_FIELDS,
  MAX_TEXT,
  MORE_OPTIONS,
  TEXT_FIELDS,
  type FlagField,
  type IdField,
  type TextField,
} from '../../everflow/link-fields';

export const MAX_PRESETS = 50;
export const MAX_PRESET_NAME = 60;
/** The affiliates (partners) one preset can be tied to; an affiliate belongs to one preset at most. */
export const MAX_PRESET_AFFILIATES = 50;

/**
 * The optional IDs a preset may hold ("More options"); the offer, smart link and affiliate are never
 * part of one, so one preset serves both kinds of link (a smart link leaves out the offer's own fields).
 */
export const PRESET_ID_FIELDS = ID_FIELDS.filter((field) => MORE_OPTIONS.includes(field)) as PresetIdField[];
export type PresetIdField = Exclude<IdField, 'offerId' | 'campaignId' | 'affiliateId'>;

const text = z.string().check(z.maxLength(MAX_TEXT));
const idText = z.optional(z.string().check(z.maxLength(20)));

export const PresetValuesSchema = z.object({
  ...(Object.fromEntries(TEXT_FIELDS.map((field) => [field, text])) as Record<TextField, typeof text>),
  ...(Object.fromEntries(FLAG_FIELDS.map((field) => [field, z.boolean()])) as Record<FlagField, z.ZodMiniBoolean>),
  /** Present only when they were set when the preset was saved. */
  ...(Object.fromEntries(PRESET_ID_FIELDS.map((field) => [field, idText])) as Record<PresetIdField, typeof idText>),
});
export type PresetValues = z.infer<typeof PresetValuesSchema>;

/**
 * A preset as an administrator's policy sets it: a name and the values it sets (any left out are empty,
 * or off). Never affiliates: their IDs are one network's, and which accounts a browser has is its person's.
 */
export const ManagedPresetSchema = z.object({
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(60), z.describe('Optional; stays the same when the name changes.'))),
  name: z.string().check(z.maxLength(MAX_PRESET_NAME), z.describe('The name shown in the popup, Bulk links and on the options page.')),
  values: z.optional(
    z.partial(PresetValuesSchema).check(z.describe('Source ID, Sub 1–5 (sourceId, sub1 … sub5) and the “More options” this preset sets.')),
  ),
});
export type ManagedPreset = z.infer<typeof ManagedPresetSchema>;
