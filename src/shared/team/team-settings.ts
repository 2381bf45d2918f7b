// Team settings: what one person exports (presets, message templates, the default copy format, and
// one account's dashboard domains and pace) and a teammate imports, as one JSON file. Never the API
// key, never the history: the file is built from the named parts below only.
//
// Offer and affiliate IDs mean nothing across networks, so a preset tied to affiliates carries its
// network's ID (`networkId`), never this browser's account ID; importing ties it to an account here
// of that network (the one chosen, when it is). A file from the version with one key has neither:
// its ties go to the chosen account. Domains and the pace are an account's: those of the account the
// person chooses are exported, and an import gives the file's to the account chosen.
//
// The file is a plain JSON object whose parts are the stored items' own schemas, so it can later be
// served unchanged as Chrome managed storage (each top-level key a policy value; `z.toJSONSchema` of
// TeamSettingsSchema is the starting point of a managed_schema). Nothing reads managed storage yet.
//
// Importing never deletes: what the file has is added, what differs under the same name is replaced,
// the rest is left as it is. A plan lists all of that before anything is written, line by line with
// what each holds or changes and what to look at (a web address in a template, the access a
// dashboard domain grants, pinned pairs a preset's new values reach). Names and texts arrive without
// hidden characters (everflow/text.ts): the file is read as it is, and cleaned as it is imported.
import * as z from 'zod/mini';
import { hiddenCharacters, hiddenCharactersList, type HiddenCharacter } from '../../everflow/hidden-characters';
import { shortened, withoutHiddenCharacters, type TextShape } from '../../everflow/text';
import { FIELD_LABELS, FLAG_FIELDS, TEXT_FIELDS } from '../../everflow/link-fields';
import { BUILT_IN_FORMATS, CopyFormatsSchema, MAX_TEMPLATES, type CopyFormats, type Template } from '../copy-formats/copy-formats';
import { EVERFLOW_DASHBOARD_SUFFIX, normaliseDomain } from '../dashboard/dashboard-url';
import type { Pin } from '../pinned/pinned-pairs';
import {
  MAX_PRESETS,
  PRESET_ID_FIELDS,
  PresetListSchema,
  PresetSchema,
  presetErrors,
  type Preset,
  type PresetList,
  type PresetValues,
} from '../presets/presets';
import { MAX_DASHBOARD_DOMAINS } from '../settings/settings';
import { AccountSchema, accountName, type Account } from '../accounts/accounts';
import { localDate } from '../link/sub-tokens';

export const TEAM_SETTINGS_KIND = 'everflow-link-builder/team-settings';
export const TEAM_SETTINGS_VERSION = 1;
/** Larger files are refused before they are read: a real one is a few tens of kilobytes at most. */
export const MAX_TEAM_SETTINGS_BYTES = 1024 * 1024;

/** A preset as a file carries it: its affiliates' network by Everflow's ID, not by this browser's account. */
export const FilePresetSchema = z.extend(z.omit(PresetSchema, { accountId: true }), {
  networkId: AccountSchema.shape.networkId,
});
export type FilePreset = z.infer<typeof FilePresetSchema>;
export const FilePresetListSchema = z.extend(PresetListSchema, {
  presets: z.array(FilePresetSchema).check(z.maxLength(MAX_PRESETS)),
});
export type FilePresetList = z.infer<typeof FilePresetListSchema>;

export const TeamSettingsSchema = z.object({
  kind: z.literal(TEAM_SETTINGS_KIND),
  version: z.literal(TEAM_SETTINGS_VERSION),
  exportedAt: z.iso.datetime(),
  presets: FilePresetListSchema,
  copyFormats: CopyFormatsSchema,
  /** One account's; absent from a file exported while no account was saved. */
  dashboardDomains: z.optional(AccountSchema.shape.dashboardDomains),
  requestsPerSecond: z.optional(AccountSchema.shape.requestsPerSecond),
});
export type TeamSettings = z.infer<typeof TeamSettingsSchema>;

/** The account's settings (background-owned) a file carries: those of the account it is exported from or imported into. */
export type SharedSettings = Pick<Account, 'dashboardDomains' | 'requestsPerSecond'>;

/** What the file needs to know of an account here: which it is, its kind and network, and its name for the plan. */
export type AccountRef = Pick<Account, 'id' | 'kind' | 'networkId' | 'label' | 'partnerName' | 'dashboardDomains'>;

export interface LocalSettings {
  presets: PresetList;
  copyFormats: CopyFormats;
  /** The chosen account's dashboard domains and pace; absent while no account is saved. */
  settings?: SharedSettings | undefined;
  /** Every account here: which network a preset's affiliates are of (export), and the account they are tied to (import). */
  accounts?: readonly AccountRef[] | undefined;
  /** The account the person chose: `settings` are its, and a file's ties of no stated network go to it. */
  accountId?: string | undefined;
}

/** everflow-link-builder-settings-YYYY-MM-DD.json, the local date. */
export function teamSettingsFileName(now: Date): string {
  return `everflow-link-builder-settings-${localDate(now)}.json`;
}

const isBuiltIn = (id: string) => BUILT_IN_FORMATS.some((format) => format.id === id);

/**
 * The file for what this browser holds. Only the parts named here go in (the schema drops anything
 * else), and a default that points at nothing is written as none, so every export imports again.
 */
export function exportTeamSettings({ presets, copyFormats, settings, accounts = [] }: LocalSettings, now: Date): TeamSettings {
  const defaultId = presets.presets.some((preset) => preset.id === presets.defaultId) ? presets.defaultId : null;
  const known = isBuiltIn(copyFormats.defaultFormat) || copyFormats.templates.some((template) => template.id === copyFormats.defaultFormat);
  return TeamSettingsSchema.parse({
    kind: TEAM_SETTINGS_KIND,
    version: TEAM_SETTINGS_VERSION,
    exportedAt: now.toISOString(),
    presets: { presets: presets.presets.map((preset) => filePreset(preset, accounts)), defaultId },
    copyFormats: { templates: copyFormats.templates, defaultFormat: known ? copyFormats.defaultFormat : 'link' },
    ...(settings ? { dashboardDomains: settings.dashboardDomains, requestsPerSecond: settings.requestsPerSecond } : {}),
  });
}

/** A preset as the file has it: its account replaced by that account's network, when it is tied to affiliates. */
function filePreset({ accountId, ...preset }: Preset, accounts: readonly AccountRef[]): FilePreset {
  const networkId = preset.affiliateIds.length > 0 ? accounts.find((account) => account.id === accountId)?.networkId : undefined;
  return networkId === undefined ? preset : { ...preset, networkId };
}

export function teamSettingsJson(file: TeamSettings): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ParsedTeamSettings = { ok: true; file: TeamSettings } | { ok: false; message: string };

const NOTHING_CHANGED = 'so nothing was changed';
export const TOO_LARGE = `That file is larger than 1 MB, so it was not read and nothing was changed.`;
export const NOT_JSON = `That file is not JSON (it may be damaged or another kind of file), ${NOTHING_CHANGED}.`;
export const FOREIGN = `That file is not a Link Builder for Everflow settings file, ${NOTHING_CHANGED}.`;
export const NEWER = `That file comes from a newer version of Link Builder for Everflow, ${NOTHING_CHANGED}; update the extension and import it again.`;
const invalid = (what: string) => `That file’s ${what} not valid, ${NOTHING_CHANGED}.`;

const PART_NAMES: Record<string, string> = {
  kind: 'header is',
  version: 'version is',
  exportedAt: 'export date is',
  presets: 'presets are',
  copyFormats: 'message templates are',
  dashboardDomains: 'dashboard domains are',
  requestsPerSecond: 'requests per second are',
};

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const hasDuplicates = (values: readonly string[]) => new Set(values).size !== values.length;

/**
 * What is wrong inside a file the schema accepts (the rules the extension keeps as it edits), or
 * undefined. Checked as it will be imported, hidden characters removed: a name of them alone is no name.
 */
function contentsProblem(file: TeamSettings): string | undefined {
  const presets = file.presets.presets.map((preset) => cleanPreset(preset).item);
  const { defaultId } = file.presets;
  const badPreset = presets.find((preset) => Object.keys(presetErrors(preset.name, preset.values)).length > 0);
  if (badPreset) return invalid(`preset “${badPreset.name.trim().slice(0, 60) || 'without a name'}” is`);
  if (hasDuplicates(presets.map((preset) => preset.id)) || hasDuplicates(presets.map((preset) => preset.name.trim().toLowerCase()))) {
    return invalid('presets are');
  }
  // An affiliate is in one preset at most, on its network (a file without networks: on the one network).
  const affiliates = presets.flatMap((preset) => preset.affiliateIds.map((id) => `${preset.networkId ?? ''}:${id}`));
  if (new Set(affiliates).size !== affiliates.length) return invalid('presets are');
  if (defaultId !== null && !presets.some((preset) => preset.id === defaultId)) return invalid('default preset is');
  const templates = file.copyFormats.templates.map((template) => cleanTemplate(template).item);
  const { defaultFormat } = file.copyFormats;
  if (
    templates.some((template) => template.name.trim() === '' || template.text.trim() === '' || isBuiltIn(template.id)) ||
    hasDuplicates(templates.map((template) => template.id)) ||
    hasDuplicates(templates.map((template) => template.name.trim().toLowerCase()))
  ) {
    return invalid('message templates are');
  }
  if (!isBuiltIn(defaultFormat) && !templates.some((template) => template.id === defaultFormat)) return invalid('default copy format is');
  const domains = file.dashboardDomains ?? [];
  if (
    domains.some((domain) => normaliseDomain(domain) !== domain || domain.endsWith(`.${EVERFLOW_DASHBOARD_SUFFIX}`)) ||
    hasDuplicates(domains)
  ) {
    return invalid('dashboard domains are');
  }
  return undefined;
}

/** Reads a settings file's text: one plain sentence for a file that is not JSON, foreign, newer or invalid. */
export function parseTeamSettings(text: string): ParsedTeamSettings {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: NOT_JSON };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || (data as { kind?: unknown }).kind !== TEAM_SETTINGS_KIND) {
    return { ok: false, message: FOREIGN };
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > TEAM_SETTINGS_VERSION) return { ok: false, message: NEWER };
  const parsed = TeamSettingsSchema.safeParse(data);
  if (!parsed.success) {
    const part = String(parsed.error.issues[0]?.path[0] ?? 'kind');
    return { ok: false, message: invalid(PART_NAMES[part] ?? 'contents are') };
  }
  const problem = contentsProblem(parsed.data);
  return problem ? { ok: false, message: problem } : { ok: true, file: parsed.data };
}

/** Reads a chosen file: one over MAX_TEAM_SETTINGS_BYTES is refused by its size, unread. */
export async function readTeamSettingsFile(file: Pick<Blob, 'size' | 'text'>): Promise<ParsedTeamSettings> {
  if (file.size > MAX_TEAM_SETTINGS_BYTES) return { ok: false, message: TOO_LARGE };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, message: `That file could not be read, ${NOTHING_CHANGED}.` };
  }
  return parseTeamSettings(text);
}

/** JSON with object keys in order, so two values compare by content alone. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const samePreset = (a: Preset, b: Preset) =>
  a.name === b.name &&
  a.accountId === b.accountId &&
  canonical(a.values) === canonical(b.values) &&
  canonical(a.affiliateIds.toSorted((x, y) => x - y)) === canonical(b.affiliateIds.toSorted((x, y) => x - y));

/** "a", "a and b", "a, b and c". */
const sayList = (items: readonly (string | number)[]) =>
  items.length < 2 ? String(items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

// ——— Cleaning on import: the file's names and texts lose their hidden characters (everflow/text.ts). ———

/** An item as it is imported, and the hidden characters each part of it held ("name", "text", "values"). */
interface Cleaned<T> {
  item: T;
  hidden: { part: string; found: HiddenCharacter[] }[];
}

/** Cleans the named parts of one item; `parts` maps a part's name to its texts and their shape. */
function cleaned<T>(item: T, parts: { part: string; texts: [string, TextShape][] }[], clean: () => T): Cleaned<T> {
  const hidden = parts
    .map(({ part, texts }) => ({ part, found: texts.flatMap(([text, shape]) => hiddenCharacters(text, shape)) }))
    .filter(({ found }) => found.length > 0);
  return { item: hidden.length === 0 ? item : clean(), hidden };
}

const cleanLine = (text: string) => withoutHiddenCharacters(text).trim();

function cleanPreset<T extends Preset | FilePreset>(preset: T): Cleaned<T> {
  const texts = TEXT_FIELDS.map((field) => [preset.values[field], 'line'] as [string, TextShape]);
  return cleaned(
    preset,
    [
      { part: 'name', texts: [[preset.name, 'line']] },
      { part: 'values', texts },
    ],
    () => ({
      ...preset,
      name: cleanLine(preset.name),
      values: { ...preset.values, ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, cleanLine(preset.values[field])])) },
    }),
  );
}

function cleanTemplate(template: Template): Cleaned<Template> {
  return cleaned(
    template,
    [
      { part: 'name', texts: [[template.name, 'line']] },
      { part: 'text', texts: [[template.text, 'lines']] },
    ],
    () => ({ ...template, name: cleanLine(template.name), text: withoutHiddenCharacters(template.text, 'lines') }),
  );
}

/** "Hidden characters removed from its name and text: U+202E (direction control)." */
function hiddenWarning({ hidden }: Cleaned<unknown>): string[] {
  if (hidden.length === 0) return [];
  const found = new Map<string, HiddenCharacter>();
  for (const character of hidden.flatMap((part) => part.found)) found.set(character.codePoint, character);
  return [`Hidden characters removed from its ${sayList(hidden.map(({ part }) => part))}: ${hiddenCharactersList([...found.values()])}.`];
}

// ——— The plan's lines ———

/** One fact a line shows: what, the value it will have, and the value it has here when the import changes it. */
export interface PlanDetail {
  /** "Text", "Sub 1", "Affiliates". */
  what: string;
  value: string;
  /** This browser's value, only when the import changes it. */
  before?: string;
}

/** One line of the plan: a heading, the facts under it, and what to look at before importing. */
export interface PlanLine {
  /** "Preset “Newsletter”", "Template “Welcome”", "Dashboard domain links.acme.com", "Requests per second: 10 instead of 25". */
  label: string;
  /** Why the line is in its list, where that is not plain: "the same in the file", "only in this browser". */
  note?: string;
  details: PlanDetail[];
  /** Each one sentence, to show prominently. */
  warnings: string[];
  /** A dashboard domain the file would add: the page lets each be ticked on its own (see `planImport`). */
  domain?: string;
}

/** The three lists a person confirms. */
export interface PlanLines {
  added: PlanLine[];
  replaced: PlanLine[];
  unchanged: PlanLine[];
}

const line = (label: string, more: Partial<PlanLine> = {}): PlanLine => ({ label, details: [], warnings: [], ...more });

/** A line as one piece of text, its details and warnings left out: "Preset “Social” (the same in the file)". */
export const planLineText = (planned: PlanLine): string => (planned.note ? `${planned.label} (${planned.note})` : planned.label);

/** A detail as one piece of text: "Sub 1: spring", "Text: Hi {url} → Hello {url}". */
export const planDetailText = ({ what, value, before }: PlanDetail): string =>
  before === undefined ? `${what}: ${value}` : `${what}: ${before} → ${value}`;

const lines = (): PlanLines => ({ added: [], replaced: [], unchanged: [] });
const joinLines = (...parts: PlanLines[]): PlanLines => ({
  added: parts.flatMap((part) => part.added),
  replaced: parts.flatMap((part) => part.replaced),
  unchanged: parts.flatMap((part) => part.unchanged),
});

/** How a merge went: the new value and its lines, or why it cannot be done (a limit). */
export type Merge<T> = { ok: true; value: T; lines: PlanLines; count: number; defaultChanged: boolean } | { ok: false; message: string };

const listOf = (ids: number[]) => (ids.length === 1 ? `affiliate ${ids[0]}` : `affiliates ${sayList(ids)}`);

/** The refusal when an import would pass one of the extension's limits. */
const tooMany = (total: number, max: number, things: string, verb: 'delete' | 'remove') =>
  `Importing would make ${total} ${things} and you can keep up to ${max}, so nothing was changed; ${verb} ${total - max} first.`;

interface ByName<T> {
  merged: T[];
  /** Each of the file's ids → the id that item has here. */
  fromFile: Map<string, string>;
  /** How many were added or replaced. */
  count: number;
}

interface ByNameRules<T> {
  /** Names one: "Preset “Newsletter”". */
  label: (name: string) => string;
  /** The note on a replaced one. */
  replacedBy: string;
  same: (here: T, there: T) => boolean;
  /** The item as it is imported. */
  clean: (item: T) => Cleaned<T>;
  /** What an added item holds, or (given `here`) what the file's changes in this browser's. */
  details: (there: T, here?: T) => PlanDetail[];
  /** What to look at before importing it. */
  warnings: (there: T, here?: T) => string[];
}

/** A detail for a changed name ("Name: Welcome → welcome"), when only its case or spacing differs. */
const nameDetail = (there: { name: string }, here?: { name: string }): PlanDetail[] =>
  here && here.name !== there.name ? [{ what: 'Name', value: there.name, before: here.name }] : [];

/**
 * The file's items merged into this browser's by name (ignoring case), each cleaned first: a new name
 * is added under a new id; the same name with other contents (`same` says) replaces the one here,
 * keeping its id; the same is left as it is. Each says its line in `out`.
 */
function mergeByName<T extends { id: string; name: string }>(
  local: readonly T[],
  incoming: readonly T[],
  newId: () => string,
  out: PlanLines,
  rules: ByNameRules<T>,
): ByName<T> {
  const merged = local.map((item) => ({ ...item }));
  const fromFile = new Map<string, string>();
  let count = 0;
  for (const item of incoming) {
    const clean = rules.clean(item);
    const there = { ...clean.item, name: clean.item.name.trim() };
    const cleanedNote = hiddenWarning(clean);
    const index = merged.findIndex((here) => sameName(here.name, there.name));
    const here = merged[index];
    if (here === undefined) {
      const id = newId();
      merged.push({ ...there, id });
      out.added.push(
        line(rules.label(there.name), { details: rules.details(there), warnings: [...rules.warnings(there), ...cleanedNote] }),
      );
      fromFile.set(item.id, id);
      count++;
    } else {
      fromFile.set(item.id, here.id);
      if (rules.same(here, there)) {
        out.unchanged.push(line(rules.label(here.name), { note: 'the same in the file', warnings: cleanedNote }));
      } else {
        merged[index] = { ...there, id: here.id };
        out.replaced.push(
          line(rules.label(here.name), {
            note: rules.replacedBy,
            details: [...nameDetail(there, here), ...rules.details(there, here)],
            warnings: [...rules.warnings(there, here), ...cleanedNote],
          }),
        );
        count++;
      }
    }
  }
  return { merged, fromFile, count };
}

const NONE = 'none';
const idList = (ids: readonly number[]) => (ids.length === 0 ? NONE : ids.toSorted((a, b) => a - b).join(', '));

/** Each value a preset sets, as shown: text as typed, flags on or off, IDs; "none" for what it leaves out. */
function presetFacts(values: PresetValues): Map<string, string> {
  const facts = new Map<string, string>();
  for (const field of TEXT_FIELDS) facts.set(FIELD_LABELS[field], values[field] || NONE);
  for (const field of PRESET_ID_FIELDS) facts.set(FIELD_LABELS[field], values[field] ?? NONE);
  for (const field of FLAG_FIELDS) facts.set(FIELD_LABELS[field], values[field] ? 'on' : 'off');
  return facts;
}
const UNSET = new Set([NONE, 'off']);

/**
 * An added preset's details are what it sets, and the affiliates it is tied to (and whose, where there
 * are several accounts); a replacing one's are what either sets, with this browser's value beside each
 * one that changes.
 */
function presetDetails(names: ReadonlyMap<string, string>, there: Preset, here?: Preset): PlanDetail[] {
  const file = presetFacts(there.values);
  const local = here && presetFacts(here.values);
  const details: PlanDetail[] = [];
  for (const [what, value] of file) {
    const before = local?.get(what);
    if (UNSET.has(value) && (before === undefined || UNSET.has(before))) continue;
    details.push(before === undefined || before === value ? { what, value } : { what, value, before });
  }
  const [affiliates, affiliatesBefore] = [idList(there.affiliateIds), here && idList(here.affiliateIds)];
  if (affiliates !== NONE || (affiliatesBefore !== undefined && affiliatesBefore !== NONE)) {
    details.push(
      affiliatesBefore === undefined || affiliatesBefore === affiliates
        ? { what: 'Affiliates', value: affiliates }
        : { what: 'Affiliates', value: affiliates, before: affiliatesBefore },
    );
  }
  const [whose, whoseBefore] = [there.accountId && names.get(there.accountId), here?.accountId && names.get(here.accountId)];
  if (whose && there.affiliateIds.length > 0) {
    details.push(!whoseBefore || whoseBefore === whose ? { what: 'Of', value: whose } : { what: 'Of', value: whose, before: whoseBefore });
  }
  return details;
}

/**
 * A replaced preset keeps its id here, so the pinned pairs made with it go on using it, with the
 * file's values from now on: as when the preset is edited on the options page. Say how many.
 */
function pinsWarning(pins: readonly PinRef[], there: Preset, here?: Preset): string[] {
  if (!here || canonical(here.values) === canonical(there.values)) return [];
  const n = pins.filter((pin) => pin.presetId === here.id).length;
  if (n === 0) return [];
  return [`${n === 1 ? 'A pinned pair made' : `${n} pinned pairs made`} with this preset will send the file’s values from now on.`];
}

/** What a plan needs of a pin: the preset it uses. */
export type PinRef = Pick<Pin, 'presetId'>;

/** The accounts here, and the one the person chose, for tying the file's presets to them. */
export interface ImportAccounts {
  list: readonly AccountRef[];
  chosenId?: string | undefined;
}

/**
 * A file's preset as this browser keeps it: tied to an account of the network its affiliates are of
 * (the chosen account when it is of that network), or, for a file that says no network, to the chosen
 * network account. Affiliates no account here can be of are left out, and the warning says so. With
 * no network account at all, a file without networks keeps its ties as the version with one key did.
 */
function tiedHere({ networkId, ...preset }: FilePreset, { list, chosenId }: ImportAccounts): { preset: Preset; warnings: string[] } {
  if (preset.affiliateIds.length === 0) return { preset, warnings: [] };
  const networks = list.filter((account) => account.kind === 'network');
  const chosen = networks.find((account) => account.id === chosenId);
  const account =
    networkId === undefined
      ? (chosen ?? (networks.length === 1 ? networks[0] : undefined))
      : chosen?.networkId === networkId
        ? chosen
        : networks.find((candidate) => candidate.networkId === networkId);
  if (account) return { preset: { ...preset, accountId: account.id }, warnings: [] };
  if (networkId === undefined && networks.length === 0) return { preset, warnings: [] };
  const which = listOf(preset.affiliateIds);
  const warning =
    networkId === undefined
      ? `Imported without ${which}: choose the network account they are of above, then import again to tie them.`
      : `Imported without ${which}: they are of Everflow network ${networkId}, and no network account here is of it.`;
  return { preset: { ...preset, affiliateIds: [] }, warnings: [warning] };
}

/** An affiliate of an account: affiliate 7 of one network is not affiliate 7 of another. */
const tie = (preset: Preset, id: number) => `${preset.accountId ?? ''}:${id}`;

/**
 * The presets with the file's merged in: same name (ignoring case) and other contents → replaced
 * (keeping the local id), new name → added. Each is first tied to an account here (`accounts`, see
 * `tiedHere`). An affiliate the file ties to one of its presets moves there from any other preset here
 * for that account: the file wins. A default the file names replaces this one's; a file without one
 * leaves it. `pins`: this browser's pinned pairs, for the lines to say which a replaced preset's values reach.
 */
export function mergePresets(
  local: PresetList,
  incoming: FilePresetList,
  newId: () => string,
  pins: readonly PinRef[] = [],
  accounts: ImportAccounts = { list: [] },
): Merge<PresetList> {
  const out = lines();
  const tied = incoming.presets.map((preset) => ({ id: preset.id, ...tiedHere(preset, accounts) }));
  const tieWarnings = new Map(tied.map(({ id, warnings }) => [id, warnings]));
  // Whose affiliates a preset is for is said only where it could be another account's.
  const names = new Map(accounts.list.length > 1 ? accounts.list.map((account) => [account.id, accountName(account)]) : []);
  const { merged, fromFile, count } = mergeByName(
    local.presets,
    tied.map(({ preset }) => preset),
    newId,
    out,
    {
      label: (name) => `Preset “${name}”`,
      replacedBy: 'the file’s values replace these',
      same: samePreset,
      clean: cleanPreset,
      details: (there, here) => presetDetails(names, there, here),
      warnings: (there, here) => [...pinsWarning(pins, there, here), ...(tieWarnings.get(there.id) ?? [])],
    },
  );
  if (merged.length > MAX_PRESETS) return { ok: false, message: tooMany(merged.length, MAX_PRESETS, 'presets', 'delete') };
  // The file's ties win: a preset here that is not in the file gives up the affiliates (of the same account) the file ties elsewhere.
  const imported = new Set(fromFile.values());
  const tiedTo = new Map<string, Preset>();
  for (const preset of merged) if (imported.has(preset.id)) for (const id of preset.affiliateIds) tiedTo.set(tie(preset, id), preset);
  for (const [index, preset] of merged.entries()) {
    if (imported.has(preset.id)) continue;
    const moved = preset.affiliateIds.filter((id) => tiedTo.has(tie(preset, id)));
    if (moved.length === 0) {
      out.unchanged.push(line(`Preset “${preset.name}”`, { note: 'only in this browser' }));
      continue;
    }
    const kept = preset.affiliateIds.filter((id) => !tiedTo.has(tie(preset, id)));
    merged[index] = { ...preset, affiliateIds: kept };
    const targets = [...new Set(moved.map((id) => tiedTo.get(tie(preset, id))!))];
    const moves = targets.map((target) => {
      const ids = moved.filter((id) => tiedTo.get(tie(preset, id)) === target);
      return `${listOf(ids)} ${ids.length === 1 ? 'moves' : 'move'} to “${target.name}”`;
    });
    out.replaced.push(
      line(`Preset “${preset.name}”`, {
        note: `${sayList(moves)}, as in the file`,
        details: [{ what: 'Affiliates', value: idList(kept), before: idList(preset.affiliateIds) }],
      }),
    );
  }
  const name = (id: string | null) => merged.find((preset) => preset.id === id)?.name;
  let defaultId = local.defaultId !== null && name(local.defaultId) !== undefined ? local.defaultId : null;
  let defaultChanged = false;
  const wanted = incoming.defaultId === null ? undefined : fromFile.get(incoming.defaultId);
  if (wanted !== undefined && wanted !== defaultId) {
    out.replaced.push(line(`Default preset: “${name(wanted)}” instead of ${defaultId === null ? 'none' : `“${name(defaultId)}”`}`));
    defaultId = wanted;
    defaultChanged = true;
  } else if (wanted !== undefined) {
    out.unchanged.push(line(`Default preset: “${name(wanted)}”`, { note: 'the same in the file' }));
  } else if (defaultId !== null) {
    out.unchanged.push(line(`Default preset: “${name(defaultId)}”`, { note: 'the file sets none' }));
  }
  return { ok: true, value: { presets: merged, defaultId }, lines: out, count, defaultChanged };
}

/** Web addresses a template writes out itself (its {url} token is the link, and is not one). */
const WEB_ADDRESS = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"'`{}]+|\b(?:[a-z0-9-]+\.)+[a-z]{2,}\/[^\s<>"'`{}]*/gi;
const MAX_ADDRESSES_SAID = 3;
const MAX_ADDRESS_SHOWN = 80;

/** "Holds a web address: https://evil.example/…", one for each address the template's text holds. */
function webAddressWarnings(template: Template): string[] {
  const addresses = [...new Set(template.text.match(WEB_ADDRESS) ?? [])];
  const said = addresses
    .slice(0, MAX_ADDRESSES_SAID)
    .map((address) => `Holds a web address: ${shortened(address, MAX_ADDRESS_SHOWN, '…')}`);
  const more = addresses.length - said.length;
  return more > 0 ? [...said, `Holds ${more} more web ${more === 1 ? 'address' : 'addresses'}.`] : said;
}

/**
 * The templates with the file's merged in, by name (ignoring case) as presets are; the file's default
 * format, its template id mapped to the id that template has here, replaces this one's when it differs.
 */
export function mergeCopyFormats(local: CopyFormats, incoming: CopyFormats, newId: () => string): Merge<CopyFormats> {
  const out = lines();
  const { merged, fromFile, count } = mergeByName(local.templates, incoming.templates, newId, out, {
    label: (name) => `Template “${name}”`,
    replacedBy: 'the file’s text replaces this one',
    same: (here, there) => here.name === there.name && here.text === there.text,
    clean: cleanTemplate,
    details: (there, here) => [
      here && here.text !== there.text ? { what: 'Text', value: there.text, before: here.text } : { what: 'Text', value: there.text },
    ],
    warnings: webAddressWarnings,
  });
  if (merged.length > MAX_TEMPLATES) return { ok: false, message: tooMany(merged.length, MAX_TEMPLATES, 'templates', 'delete') };
  const imported = new Set(fromFile.values());
  for (const template of merged)
    if (!imported.has(template.id)) out.unchanged.push(line(`Template “${template.name}”`, { note: 'only in this browser' }));
  const formatName = (id: string) =>
    BUILT_IN_FORMATS.find((format) => format.id === id)?.name ?? merged.find((template) => template.id === id)?.name;
  // A default that no longer names anything is the bare link (copy-formats.ts).
  const current = formatName(local.defaultFormat) === undefined ? 'link' : local.defaultFormat;
  const wanted = isBuiltIn(incoming.defaultFormat) ? incoming.defaultFormat : (fromFile.get(incoming.defaultFormat) ?? current);
  const defaultChanged = wanted !== current;
  if (defaultChanged) out.replaced.push(line(`Default copy format: “${formatName(wanted)}” instead of “${formatName(current)}”`));
  else out.unchanged.push(line(`Default copy format: “${formatName(current)}”`, { note: 'the same in the file' }));
  return { ok: true, value: { templates: merged, defaultFormat: wanted }, lines: out, count, defaultChanged };
}

export interface SettingsChange {
  /** Domains to add, in the file's order (each needs the browser's access first). */
  newDomains: string[];
  /** The file's pace, when it differs from this one's. */
  requestsPerSecond?: number;
}

/** The warning on a dashboard domain, which the browser's access then covers whole. */
export const domainAccessWarning = (domain: string) => `Grants access to every page on ${domain}.`;

/** What a file may carry of an account's settings (a file exported while no account was saved carries none). */
export type FileSettings = Partial<SharedSettings>;

/** Said of the file's domains and pace while no account is saved here to take them. */
export const NO_ACCOUNT_FOR_SETTINGS = 'not imported: they are an Everflow account’s; add one first';

/**
 * Domains: the file's new ones are offered, each on its own line, and those in `chosen` (ticked by
 * the person) are added; none is removed, and one another account here has (`taken`: domain → its
 * account's name) is not offered. The pace: the file's replaces this one's. Both go to one account
 * (`local` is its); with none saved, nothing of them is imported.
 */
export function mergeSettings(
  local: SharedSettings | undefined,
  incoming: FileSettings,
  chosen: readonly string[],
  taken: ReadonlyMap<string, string> = new Map(),
): Merge<SettingsChange> {
  const out = lines();
  const fileDomains = incoming.dashboardDomains ?? [];
  if (!local) {
    if (fileDomains.length > 0 || incoming.requestsPerSecond !== undefined) {
      out.unchanged.push(line('The file’s dashboard domains and requests per second', { note: NO_ACCOUNT_FOR_SETTINGS }));
    }
    return { ok: true, value: { newDomains: [] }, lines: out, count: 0, defaultChanged: false };
  }
  const offered = fileDomains.filter((domain) => !local.dashboardDomains.includes(domain) && !taken.has(domain));
  const newDomains = offered.filter((domain) => chosen.includes(domain));
  const total = local.dashboardDomains.length + newDomains.length;
  if (total > MAX_DASHBOARD_DOMAINS) {
    return { ok: false, message: tooMany(total, MAX_DASHBOARD_DOMAINS, 'dashboard domains', 'remove') };
  }
  // The file holds no *.everflowclient.io domain (contentsProblem): the extension may read those already.
  for (const domain of offered) out.added.push(line(`Dashboard domain ${domain}`, { domain, warnings: [domainAccessWarning(domain)] }));
  for (const domain of local.dashboardDomains) {
    out.unchanged.push(
      line(`Dashboard domain ${domain}`, { note: fileDomains.includes(domain) ? 'the same in the file' : 'only in this browser' }),
    );
  }
  for (const domain of fileDomains) {
    const owner = taken.get(domain);
    if (owner !== undefined && !local.dashboardDomains.includes(domain)) {
      out.unchanged.push(line(`Dashboard domain ${domain}`, { note: `${owner}’s already` }));
    }
  }
  const pace = incoming.requestsPerSecond;
  const paceChanged = pace !== undefined && pace !== local.requestsPerSecond;
  if (paceChanged) out.replaced.push(line(`Requests per second: ${pace} instead of ${local.requestsPerSecond}`));
  else if (pace !== undefined)
    out.unchanged.push(line(`Requests per second: ${local.requestsPerSecond}`, { note: 'the same in the file' }));
  return {
    ok: true,
    value: paceChanged ? { newDomains, requestsPerSecond: pace } : { newDomains },
    lines: out,
    count: newDomains.length,
    defaultChanged: false,
  };
}

/** What the person decides around the plan, and what it needs to know of this browser besides the settings. */
export interface PlanChoices {
  /** This browser's pinned pairs. */
  pins: readonly PinRef[];
  /** The file's new dashboard domains the person ticked; the others are not added. */
  domains: readonly string[];
}

export type ImportPlan =
  | {
      ok: true;
      lines: PlanLines;
      settings: SettingsChange;
      /** Every new dashboard domain the file offers, in its order: the lines with a `domain`. */
      offeredDomains: string[];
      /** Whether confirming would change anything. */
      changes: boolean;
    }
  | { ok: false; message: string };

/** What importing `file` would do to what this browser holds now, before anything is written. */
export function planImport(local: LocalSettings, file: TeamSettings, { pins, domains }: PlanChoices): ImportPlan {
  let n = 0;
  const placeholder = () => `planned-${n++}`;
  const accounts = local.accounts ?? [];
  const presets = mergePresets(local.presets, file.presets, placeholder, pins, { list: accounts, chosenId: local.accountId });
  const formats = mergeCopyFormats(local.copyFormats, file.copyFormats, placeholder);
  const taken = new Map(
    accounts
      .filter((account) => account.id !== local.accountId)
      .flatMap((account) => account.dashboardDomains.map((domain) => [domain, accountName(account)] as const)),
  );
  const settings = mergeSettings(local.settings, file, domains, taken);
  if (!presets.ok) return presets;
  if (!formats.ok) return formats;
  if (!settings.ok) return settings;
  const all = joinLines(presets.lines, formats.lines, settings.lines);
  const offeredDomains = all.added.flatMap((planned) => (planned.domain === undefined ? [] : [planned.domain]));
  const changes =
    all.replaced.length > 0 || all.added.some((planned) => planned.domain === undefined) || settings.value.newDomains.length > 0;
  return { ok: true, lines: all, settings: settings.value, offeredDomains, changes };
}

export interface Imported {
  presets: number;
  templates: number;
  domains: number;
  pace: boolean;
  defaultPreset: boolean;
  defaultFormat: boolean;
}

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Imported 3 presets, 1 template, 2 dashboard domains and the pace." */
export function importedSentence(done: Imported): string {
  const parts = [
    done.presets > 0 ? counted(done.presets, 'preset', 'presets') : '',
    done.templates > 0 ? counted(done.templates, 'template', 'templates') : '',
    done.domains > 0 ? counted(done.domains, 'dashboard domain', 'dashboard domains') : '',
    done.defaultPreset ? 'the default preset' : '',
    done.defaultFormat ? 'the default copy format' : '',
    done.pace ? 'the pace' : '',
  ].filter(Boolean);
  if (parts.length === 0) return 'Nothing was imported: this browser already has everything in the file.';
  return `Imported ${sayList(parts)}.`;
}

/** The sentence for domains the browser was not allowed to reach (so they were not added). */
export function domainsRefusedSentence(domains: readonly string[]): string {
  return `The browser did not allow access to ${sayList(domains)}, so ${domains.length === 1 ? 'it was' : 'they were'} not added.`;
}
