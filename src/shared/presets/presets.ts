// Presets: named sets of Source ID, Sub 1–5 and "More options" values, saved from the popup, applied
// in one click, edited and deleted on the options page; one may be the default for new drafts. This
// module owns their stored item and the pure helpers over it. The pages write the item (presets are
// not secret), each change one serialised update.
import * as z from 'zod/mini';
import { EMPTY_FORM, formFromInput, parseLinkForm, type FieldErrors, type LinkForm } from '../link/link-form';
import { FLAG_FIELDS, MAX_ID, idInText, TEXT_FIELDS, type LinkInput } from '../../everflow/link-fields';
import { defineItem } from '../storage/define-item';
import { AccountIdSchema, ofFirstAccount } from '../accounts/accounts';
import { hiddenCharacters, hiddenCharactersSentence } from '../../everflow/hidden-characters';
import { expandTokens } from '../link/sub-tokens';
import { managedId, withManaged } from '../policy/managed-items';
import {
  MAX_PRESETS,
  MAX_PRESET_AFFILIATES,
  MAX_PRESET_NAME,
  PRESET_ID_FIELDS,
  PresetValuesSchema,
  type ManagedPreset,
  type PresetValues,
} from './preset-values';

export {
  MAX_PRESETS,
  MAX_PRESET_NAME,
  MAX_PRESET_AFFILIATES,
  ManagedPresetSchema,
  PRESET_ID_FIELDS,
  PresetValuesSchema,
  type ManagedPreset,
  type PresetIdField,
  type PresetValues,
} from './preset-values';

export const PresetSchema = z.object({
  id: z.string().check(z.maxLength(100)),
  name: z.string().check(z.maxLength(MAX_PRESET_NAME)),
  values: PresetValuesSchema,
  /** The affiliates this preset is for: choosing one of them in the popup applies it. */
  affiliateIds: z.array(z.number().check(z.gte(1), z.lte(MAX_ID), z.refine(Number.isInteger))).check(z.maxLength(MAX_PRESET_AFFILIATES)),
  /** The account those affiliates are of (their IDs are its network's); absent while the preset is tied to none, and for everyone. */
  accountId: z.optional(AccountIdSchema),
});
export type Preset = z.infer<typeof PresetSchema>;

export const PresetListSchema = z.object({
  presets: z.array(PresetSchema).check(z.maxLength(MAX_PRESETS)),
  /** The preset applied to new drafts (a cleared form, or the popup's first open), if any. */
  defaultId: z.nullable(z.string()),
});
export type PresetList = z.infer<typeof PresetListSchema>;

export const EMPTY_PRESETS: PresetList = { presets: [], defaultId: null };

/** Saved from the popup, edited on the options page. */
export const presetsItem = defineItem<PresetList>({
  writer: 'pages',
  area: 'local',
  key: 'presets',
  version: 3,
  schema: PresetListSchema,
  fallback: () => structuredClone(EMPTY_PRESETS),
  migrations: {
    // v1's presets were for everyone: tied to no affiliate.
    1: (data) => {
      const list = data as { presets?: unknown };
      return Array.isArray(list.presets)
        ? { ...list, presets: list.presets.map((preset: object) => ({ ...preset, affiliateIds: [] })) }
        : data;
    },
    // Presets tied to affiliates before accounts are the first account's; the others stay everyone's.
    2: (data) => {
      const list = data as { presets?: unknown };
      return Array.isArray(list.presets)
        ? {
            ...list,
            presets: list.presets.map((preset: { affiliateIds?: unknown }) =>
              Array.isArray(preset.affiliateIds) && preset.affiliateIds.length > 0 ? ofFirstAccount(preset) : preset,
            ),
          }
        : data;
    },
  },
});

/** A policy's preset as the extension uses it (its ID `policy:…`), or undefined when the form's rules refuse its name or values. */
export function presetFromManaged(managed: ManagedPreset): Preset | undefined {
  const values = applyPresetValues(managed.values ?? {});
  if (Object.keys(presetErrors(managed.name, values)).length > 0) return undefined;
  return { id: managedId(managed.id ?? managed.name.trim()), name: managed.name.trim(), values, affiliateIds: [] };
}

/** Every value a preset may hold, as the policy gave them, the rest empty or off. */
function applyPresetValues(given: Partial<PresetValues>): PresetValues {
  return presetValuesFromForm(applyPreset(EMPTY_FORM, { ...presetValuesFromForm(EMPTY_FORM), ...given }));
}

/**
 * The policy's presets the form's rules accept, each ID and name (ignoring case) once, the first kept;
 * at most MAX_PRESETS. Checked here, not as the policy is read, so the background (which uses no
 * presets) does not carry the form's rules.
 */
function usableManaged(managed: readonly ManagedPreset[]): Preset[] {
  const kept: Preset[] = [];
  for (const entry of managed) {
    const preset = presetFromManaged(entry);
    if (!preset || kept.length >= MAX_PRESETS) continue;
    const name = preset.name.toLowerCase();
    if (!kept.some((known) => known.id === preset.id || known.name.toLowerCase() === name)) kept.push(preset);
  }
  return kept;
}

/**
 * The presets as everyone uses them (the popup, Bulk links, History, the options page): the policy's
 * first, read-only, then the person's own (names as in managed-items.ts). The default stays the
 * person's choice, which may be one of the policy's.
 */
export function effectivePresets(stored: PresetList, managed: readonly ManagedPreset[]): PresetList {
  const theirs = usableManaged(managed);
  return theirs.length === 0 ? stored : { presets: withManaged(theirs, stored.presets), defaultId: stored.defaultId };
}

/** What a preset keeps of the form: text trimmed, flags, and the optional IDs that are filled in. */
export function presetValuesFromForm(form: LinkForm): PresetValues {
  const values = {} as PresetValues;
  for (const field of FLAG_FIELDS) values[field] = form[field];
  for (const field of TEXT_FIELDS) values[field] = form[field].trim();
  for (const field of PRESET_ID_FIELDS) if (form[field].trim() !== '') values[field] = form[field].trim();
  return values;
}

/** The form with a preset applied: the kind of link, Offer ID, Smart link ID and Affiliate ID are never touched. */
export function applyPreset(form: LinkForm, values: PresetValues): LinkForm {
  const next = { ...form };
  for (const field of [...TEXT_FIELDS, ...PRESET_ID_FIELDS]) {
    const value = values[field];
    if (value !== undefined) next[field] = value;
  }
  for (const field of FLAG_FIELDS) next[field] = values[field];
  return next;
}

export type PresetErrors = FieldErrors & { name?: string };

/** One message per invalid name or value, with the form's own rules and messages; {} when all is well. */
export function presetErrors(name: string, values: PresetValues): PresetErrors {
  const errors: PresetErrors = {};
  const trimmed = name.trim();
  if (trimmed === '') errors.name = 'Enter a name for the preset.';
  else if (trimmed.length > MAX_PRESET_NAME) errors.name = `A preset name can be at most ${MAX_PRESET_NAME} characters.`;
  else if (hiddenCharacters(name).length > 0) errors.name = hiddenCharactersSentence('The name', hiddenCharacters(name));
  // Offer and affiliate are not a preset's: stand-ins let the form's rules check the rest.
  const check = parseLinkForm({ ...EMPTY_FORM, ...values, offerId: '1', affiliateId: '1' });
  if (!check.ok) Object.assign(errors, check.errors);
  return errors;
}

export type PresetChange = { ok: true; list: PresetList; id: string } | { ok: false; message: string };

/**
 * Saves values under a name: a preset with the same name (ignoring case) gets the new values,
 * otherwise a new one is added at the end, up to MAX_PRESETS.
 */
export function savePreset(list: PresetList, name: string, values: PresetValues, newId: string): PresetChange {
  const trimmed = name.trim();
  const same = list.presets.find((preset) => preset.name.toLowerCase() === trimmed.toLowerCase());
  if (same) return updatePreset(list, same.id, trimmed, values);
  if (list.presets.length >= MAX_PRESETS)
    return { ok: false, message: `You can keep up to ${MAX_PRESETS} presets; delete one on the options page first.` };
  return { ok: true, id: newId, list: { ...list, presets: [...list.presets, { id: newId, name: trimmed, values, affiliateIds: [] }] } };
}

/** Renames and re-values one preset; another preset of that name is refused. */
export function updatePreset(list: PresetList, id: string, name: string, values: PresetValues): PresetChange {
  const trimmed = name.trim();
  if (!list.presets.some((preset) => preset.id === id)) return { ok: false, message: 'That preset no longer exists.' };
  if (list.presets.some((preset) => preset.id !== id && preset.name.toLowerCase() === trimmed.toLowerCase())) {
    return { ok: false, message: `Another preset is already called “${trimmed}”.` };
  }
  return {
    ok: true,
    id,
    list: { ...list, presets: list.presets.map((preset) => (preset.id === id ? { ...preset, name: trimmed, values } : preset)) },
  };
}

export function deletePreset(list: PresetList, id: string): PresetList {
  return { presets: list.presets.filter((preset) => preset.id !== id), defaultId: list.defaultId === id ? null : list.defaultId };
}

/** Makes one preset the default, or none (null). An unknown id means none. */
export function setDefaultPreset(list: PresetList, id: string | null): PresetList {
  return { ...list, defaultId: id !== null && list.presets.some((preset) => preset.id === id) ? id : null };
}

export function defaultPreset(list: PresetList): Preset | undefined {
  return list.defaultId === null ? undefined : list.presets.find((preset) => preset.id === list.defaultId);
}

/** Whether a preset sets anything at all (an empty one would seem active on every empty form). */
const setsSomething = (values: PresetValues) =>
  TEXT_FIELDS.some((field) => values[field] !== '') ||
  FLAG_FIELDS.some((field) => values[field]) ||
  PRESET_ID_FIELDS.some((field) => values[field] !== undefined);

/** Whether the form holds these values exactly (text trimmed). */
const holds = (form: LinkForm, values: PresetValues) =>
  TEXT_FIELDS.every((field) => form[field].trim() === values[field]) &&
  FLAG_FIELDS.every((field) => form[field] === values[field]) &&
  PRESET_ID_FIELDS.every((field) => (form[field].trim() || undefined) === values[field]);

/**
 * The preset whose values the form holds exactly (text trimmed), so the popup can show which preset
 * will be sent; undefined once any of those values is changed by hand.
 */
export function activePreset(list: PresetList, form: LinkForm): Preset | undefined {
  return list.presets.find(({ values }) => setsSomething(values) && holds(form, values));
}

/**
 * The preset a made link was sent with: its values, their tokens ({date}, {offer_id}…) filled in as
 * they were for this link (`at`), are what the link's input holds. A history entry keeps the input as
 * sent, so a preset with tokens is found too.
 */
export function presetSentWith(list: PresetList, input: LinkInput, at: number): Preset | undefined {
  const sent = formFromInput(input);
  return list.presets.find(({ values }) => {
    if (!setsSomething(values)) return false;
    const checked = parseLinkForm(applyPreset(withoutPreset(sent), values));
    return checked.ok && holds(sent, presetValuesFromForm(formFromInput(expandTokens(checked.input, new Date(at)))));
  });
}

/** The form without what a preset holds: Source ID, subs, flags and the optional IDs emptied. */
export function withoutPreset(form: LinkForm): LinkForm {
  const next = { ...form };
  for (const field of [...TEXT_FIELDS, ...PRESET_ID_FIELDS]) next[field] = '';
  for (const field of FLAG_FIELDS) next[field] = false;
  return next;
}

/** An affiliate as said in a sentence: "Affiliate 7 (Sunrise Media)", or "Affiliate 7" when its name is unknown. */
export const affiliateWords = (id: number, name?: string) => (name ? `Affiliate ${id} (${name})` : `Affiliate ${id}`);

/**
 * The presets as one account sees them: a preset tied to another account's affiliates is tied to none of
 * this one's (affiliate 7 of one network is not affiliate 7 of another), and stays usable by hand.
 */
export function presetsOf(list: PresetList, accountId: string | undefined): PresetList {
  const others = (preset: Preset) => preset.accountId !== undefined && preset.accountId !== accountId;
  if (!list.presets.some(others)) return list;
  return { ...list, presets: list.presets.map((preset) => (others(preset) ? { ...preset, affiliateIds: [] } : preset)) };
}

/** The preset tied to this affiliate (its partner's preset), if any. */
export function presetForAffiliate(list: PresetList, affiliate: number | string): Preset | undefined {
  const id = typeof affiliate === 'number' ? affiliate : idInText(affiliate);
  return id === undefined ? undefined : list.presets.find((preset) => preset.affiliateIds.includes(id));
}

/**
 * Ties an affiliate to a preset, so choosing it in the popup applies the preset. An affiliate belongs
 * to one preset at most (the refusal names the other), and a preset to MAX_PRESET_AFFILIATES at most.
 */
export function tieAffiliate(
  list: PresetList,
  presetId: string,
  affiliateId: number,
  affiliateName?: string,
  /** The account whose affiliate it is; a preset's affiliates are all of one account. */
  accountId?: string,
): PresetChange {
  const preset = list.presets.find((candidate) => candidate.id === presetId);
  if (!preset) return { ok: false, message: 'That preset no longer exists.' };
  const who = affiliateWords(affiliateId, affiliateName);
  if (preset.affiliateIds.length > 0 && preset.accountId !== accountId) {
    return { ok: false, message: 'This preset is for another Everflow account’s affiliates; tie this one to another preset.' };
  }
  if (preset.affiliateIds.includes(affiliateId)) return { ok: false, message: `${who} is already tied to this preset.` };
  const other = presetForAffiliate(presetsOf(list, accountId), affiliateId);
  if (other) return { ok: false, message: `${who} is already tied to the preset “${other.name}”; remove it there first.` };
  if (preset.affiliateIds.length >= MAX_PRESET_AFFILIATES) {
    return { ok: false, message: `A preset can be for up to ${MAX_PRESET_AFFILIATES} affiliates; remove one first.` };
  }
  const tied = { ...preset, affiliateIds: [...preset.affiliateIds, affiliateId], ...(accountId ? { accountId } : {}) };
  return {
    ok: true,
    id: presetId,
    list: { ...list, presets: list.presets.map((candidate) => (candidate.id === presetId ? tied : candidate)) },
  };
}

/** Unties an affiliate from a preset; the same list when it was not tied. */
export function untieAffiliate(list: PresetList, presetId: string, affiliateId: number): PresetList {
  const preset = list.presets.find((candidate) => candidate.id === presetId);
  if (!preset?.affiliateIds.includes(affiliateId)) return list;
  const { accountId: _account, ...rest } = preset;
  const affiliateIds = preset.affiliateIds.filter((id) => id !== affiliateId);
  // Tied to none any more: for every account again.
  const untied = affiliateIds.length === 0 ? { ...rest, affiliateIds } : { ...preset, affiliateIds };
  return { ...list, presets: list.presets.map((candidate) => (candidate.id === presetId ? untied : candidate)) };
}

/**
 * The preset a new draft takes: the partner's preset for the affiliate on the form, which wins over the
 * default preset, or else the default.
 */
export function presetForNewDraft(list: PresetList, form: LinkForm): Preset | undefined {
  return presetForAffiliate(list, form.affiliateId) ?? defaultPreset(list);
}

/** A partner's preset put on the form, or the previous partner's taken off it. */
export type PartnerChange = { form: LinkForm; applied: Preset } | { form: LinkForm; removed: Preset };

/**
 * What the Affiliate ID on `form` does to it, coming after `before`: its partner's preset is applied,
 * unless the form holds it already; an affiliate with none takes off the previous affiliate's partner
 * preset (while the form still holds it) and puts the default preset, if any, in its place, as on a
 * new draft. Undefined when nothing changes.
 */
export function partnerChange(list: PresetList, form: LinkForm, before: string): PartnerChange | undefined {
  const affiliate = idInText(form.affiliateId);
  const partner = affiliate === undefined ? undefined : presetForAffiliate(list, affiliate);
  const active = activePreset(list, form);
  if (partner) return active?.id === partner.id ? undefined : { form: applyPreset(form, partner.values), applied: partner };
  const previous = presetForAffiliate(list, before);
  if (affiliate === undefined || !previous || active?.id !== previous.id) return undefined;
  const fallback = defaultPreset(list);
  const bare = withoutPreset(form);
  return { form: fallback && fallback.id !== previous.id ? applyPreset(bare, fallback.values) : bare, removed: previous };
}
