// Team settings: what one person exports (presets, message templates, the default copy format,
// dashboard domains and the pace) and a teammate imports, as one JSON file. Never the API key, never
// the history: the file is built from the named parts below only.
//
// The file is a plain JSON object whose parts are the stored items' own schemas, so it can later be
// served unchanged as Chrome managed storage (each top-level key a policy value; `z.toJSONSchema` of
// TeamSettingsSchema is the starting point of a managed_schema). Nothing reads managed storage yet.
//
// Importing never deletes: what the file has is added, what differs under the same name is replaced,
// the rest is left as it is. A plan lists all of that before anything is written.
import * as z from 'zod/mini';
import { BUILT_IN_FORMATS, CopyFormatsSchema, MAX_TEMPLATES, type CopyFormats } from '../copy-formats/copy-formats';
import { EVERFLOW_DASHBOARD_SUFFIX, normaliseDomain } from '../dashboard/dashboard-url';
import { MAX_PRESETS, PresetListSchema, presetErrors, type Preset, type PresetList } from '../presets/presets';
import { MAX_DASHBOARD_DOMAINS, SettingsSchema, type Settings } from '../settings/settings';
import { localDate } from '../link/sub-tokens';

export const TEAM_SETTINGS_KIND = 'everflow-link-builder/team-settings';
export const TEAM_SETTINGS_VERSION = 1;
/** Larger files are refused before they are read: a real one is a few tens of kilobytes at most. */
export const MAX_TEAM_SETTINGS_BYTES = 1024 * 1024;

export const TeamSettingsSchema = z.object({
  kind: z.literal(TEAM_SETTINGS_KIND),
  version: z.literal(TEAM_SETTINGS_VERSION),
  exportedAt: z.iso.datetime(),
  presets: PresetListSchema,
  copyFormats: CopyFormatsSchema,
  dashboardDomains: SettingsSchema.shape.dashboardDomains,
  requestsPerSecond: SettingsSchema.shape.requestsPerSecond,
});
export type TeamSettings = z.infer<typeof TeamSettingsSchema>;

/** The settings (background-owned) a file carries. */
export type SharedSettings = Pick<Settings, 'dashboardDomains' | 'requestsPerSecond'>;

export interface LocalSettings {
  presets: PresetList;
  copyFormats: CopyFormats;
  settings: SharedSettings;
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
export function exportTeamSettings({ presets, copyFormats, settings }: LocalSettings, now: Date): TeamSettings {
  const defaultId = presets.presets.some((preset) => preset.id === presets.defaultId) ? presets.defaultId : null;
  const known = isBuiltIn(copyFormats.defaultFormat) || copyFormats.templates.some((template) => template.id === copyFormats.defaultFormat);
  return TeamSettingsSchema.parse({
    kind: TEAM_SETTINGS_KIND,
    version: TEAM_SETTINGS_VERSION,
    exportedAt: now.toISOString(),
    presets: { presets: presets.presets, defaultId },
    copyFormats: { templates: copyFormats.templates, defaultFormat: known ? copyFormats.defaultFormat : 'link' },
    dashboardDomains: settings.dashboardDomains,
    requestsPerSecond: settings.requestsPerSecond,
  });
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

/** What is wrong inside a file the schema accepts (the rules the extension keeps as it edits), or undefined. */
function contentsProblem(file: TeamSettings): string | undefined {
  const { presets, defaultId } = file.presets;
  const badPreset = presets.find((preset) => Object.keys(presetErrors(preset.name, preset.values)).length > 0);
  if (badPreset) return invalid(`preset “${badPreset.name.trim().slice(0, 60) || 'without a name'}” is`);
  if (hasDuplicates(presets.map((preset) => preset.id)) || hasDuplicates(presets.map((preset) => preset.name.trim().toLowerCase()))) {
    return invalid('presets are');
  }
  const affiliates = presets.flatMap((preset) => preset.affiliateIds);
  if (new Set(affiliates).size !== affiliates.length) return invalid('presets are');
  if (defaultId !== null && !presets.some((preset) => preset.id === defaultId)) return invalid('default preset is');
  const { templates, defaultFormat } = file.copyFormats;
  if (
    templates.some((template) => template.name.trim() === '' || isBuiltIn(template.id)) ||
    hasDuplicates(templates.map((template) => template.id)) ||
    hasDuplicates(templates.map((template) => template.name.trim().toLowerCase()))
  ) {
    return invalid('message templates are');
  }
  if (!isBuiltIn(defaultFormat) && !templates.some((template) => template.id === defaultFormat)) return invalid('default copy format is');
  const domains = file.dashboardDomains;
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
  canonical(a.values) === canonical(b.values) &&
  canonical(a.affiliateIds.toSorted((x, y) => x - y)) === canonical(b.affiliateIds.toSorted((x, y) => x - y));

/** The three lists a person confirms: each line says what and, where it helps, why. */
export interface PlanLines {
  added: string[];
  replaced: string[];
  unchanged: string[];
}

const lines = (): PlanLines => ({ added: [], replaced: [], unchanged: [] });
const joinLines = (...parts: PlanLines[]): PlanLines => ({
  added: parts.flatMap((part) => part.added),
  replaced: parts.flatMap((part) => part.replaced),
  unchanged: parts.flatMap((part) => part.unchanged),
});

/** How a merge went: the new value and its lines, or why it cannot be done (a limit). */
export type Merge<T> = { ok: true; value: T; lines: PlanLines; count: number; defaultChanged: boolean } | { ok: false; message: string };

const listOf = (ids: number[]) =>
  ids.length === 1 ? `affiliate ${ids[0]}` : `affiliates ${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}`;

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

/**
 * The file's items merged into this browser's by name (ignoring case): a new name is added under a new
 * id; the same name with other contents (`same` says) replaces the one here, keeping its id; the same
 * is left as it is. Each says its line in `out`; `label` names one ("Preset “Newsletter”").
 */
function mergeByName<T extends { id: string; name: string }>(
  local: readonly T[],
  incoming: readonly T[],
  newId: () => string,
  out: PlanLines,
  { label, replacedBy, same }: { label: (name: string) => string; replacedBy: string; same: (here: T, there: T) => boolean },
): ByName<T> {
  const merged = local.map((item) => ({ ...item }));
  const fromFile = new Map<string, string>();
  let count = 0;
  for (const item of incoming) {
    const there = { ...item, name: item.name.trim() };
    const index = merged.findIndex((here) => sameName(here.name, there.name));
    const here = merged[index];
    if (here === undefined) {
      const id = newId();
      merged.push({ ...there, id });
      out.added.push(label(there.name));
      fromFile.set(item.id, id);
      count++;
    } else {
      fromFile.set(item.id, here.id);
      if (same(here, there)) {
        out.unchanged.push(`${label(here.name)} (the same in the file)`);
      } else {
        merged[index] = { ...there, id: here.id };
        out.replaced.push(`${label(here.name)} (${replacedBy})`);
        count++;
      }
    }
  }
  return { merged, fromFile, count };
}

/**
 * The presets with the file's merged in: same name (ignoring case) and other contents → replaced
 * (keeping the local id), new name → added. An affiliate the file ties to one of its presets moves
 * there from any other preset here: the file wins. A default the file names replaces this one's;
 * a file without one leaves it.
 */
export function mergePresets(local: PresetList, incoming: PresetList, newId: () => string): Merge<PresetList> {
  const out = lines();
  const { merged, fromFile, count } = mergeByName(local.presets, incoming.presets, newId, out, {
    label: (name) => `Preset “${name}”`,
    replacedBy: 'the file’s values replace these',
    same: samePreset,
  });
  if (merged.length > MAX_PRESETS) return { ok: false, message: tooMany(merged.length, MAX_PRESETS, 'presets', 'delete') };
  // The file's ties win: a preset here that is not in the file gives up the affiliates the file ties elsewhere.
  const imported = new Set(fromFile.values());
  const tiedTo = new Map<number, Preset>();
  for (const preset of merged) if (imported.has(preset.id)) for (const id of preset.affiliateIds) tiedTo.set(id, preset);
  for (const [index, preset] of merged.entries()) {
    if (imported.has(preset.id)) continue;
    const moved = preset.affiliateIds.filter((id) => tiedTo.has(id));
    if (moved.length === 0) {
      out.unchanged.push(`Preset “${preset.name}” (only in this browser)`);
      continue;
    }
    merged[index] = { ...preset, affiliateIds: preset.affiliateIds.filter((id) => !tiedTo.has(id)) };
    const targets = [...new Set(moved.map((id) => tiedTo.get(id)!))];
    for (const target of targets) {
      const ids = moved.filter((id) => tiedTo.get(id) === target);
      out.replaced.push(
        `Preset “${preset.name}”: ${listOf(ids)} ${ids.length === 1 ? 'moves' : 'move'} to “${target.name}”, as in the file`,
      );
    }
  }
  const name = (id: string | null) => merged.find((preset) => preset.id === id)?.name;
  let defaultId = local.defaultId !== null && name(local.defaultId) !== undefined ? local.defaultId : null;
  let defaultChanged = false;
  const wanted = incoming.defaultId === null ? undefined : fromFile.get(incoming.defaultId);
  if (wanted !== undefined && wanted !== defaultId) {
    out.replaced.push(`Default preset: “${name(wanted)}” instead of ${defaultId === null ? 'none' : `“${name(defaultId)}”`}`);
    defaultId = wanted;
    defaultChanged = true;
  } else if (wanted !== undefined) {
    out.unchanged.push(`Default preset: “${name(wanted)}” (the same in the file)`);
  } else if (defaultId !== null) {
    out.unchanged.push(`Default preset: “${name(defaultId)}” (the file sets none)`);
  }
  return { ok: true, value: { presets: merged, defaultId }, lines: out, count, defaultChanged };
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
  });
  if (merged.length > MAX_TEMPLATES) return { ok: false, message: tooMany(merged.length, MAX_TEMPLATES, 'templates', 'delete') };
  const imported = new Set(fromFile.values());
  for (const template of merged) if (!imported.has(template.id)) out.unchanged.push(`Template “${template.name}” (only in this browser)`);
  const formatName = (id: string) =>
    BUILT_IN_FORMATS.find((format) => format.id === id)?.name ?? merged.find((template) => template.id === id)?.name;
  // A default that no longer names anything is the bare link (copy-formats.ts).
  const current = formatName(local.defaultFormat) === undefined ? 'link' : local.defaultFormat;
  const wanted = isBuiltIn(incoming.defaultFormat) ? incoming.defaultFormat : (fromFile.get(incoming.defaultFormat) ?? current);
  const defaultChanged = wanted !== current;
  if (defaultChanged) out.replaced.push(`Default copy format: “${formatName(wanted)}” instead of “${formatName(current)}”`);
  else out.unchanged.push(`Default copy format: “${formatName(current)}” (the same in the file)`);
  return { ok: true, value: { templates: merged, defaultFormat: wanted }, lines: out, count, defaultChanged };
}

export interface SettingsChange {
  /** Domains to add, in the file's order (each needs the browser's access first). */
  newDomains: string[];
  /** The file's pace, when it differs from this one's. */
  requestsPerSecond?: number;
}

/** Domains: the file's new ones are added, none removed; the pace: the file's replaces this one's. */
export function mergeSettings(local: SharedSettings, incoming: SharedSettings): Merge<SettingsChange> {
  const out = lines();
  const newDomains = incoming.dashboardDomains.filter((domain) => !local.dashboardDomains.includes(domain));
  const total = local.dashboardDomains.length + newDomains.length;
  if (total > MAX_DASHBOARD_DOMAINS) {
    return { ok: false, message: tooMany(total, MAX_DASHBOARD_DOMAINS, 'dashboard domains', 'remove') };
  }
  for (const domain of newDomains) out.added.push(`Dashboard domain ${domain}`);
  for (const domain of local.dashboardDomains) {
    out.unchanged.push(
      `Dashboard domain ${domain} (${incoming.dashboardDomains.includes(domain) ? 'the same in the file' : 'only in this browser'})`,
    );
  }
  const paceChanged = incoming.requestsPerSecond !== local.requestsPerSecond;
  if (paceChanged) out.replaced.push(`Requests per second: ${incoming.requestsPerSecond} instead of ${local.requestsPerSecond}`);
  else out.unchanged.push(`Requests per second: ${local.requestsPerSecond} (the same in the file)`);
  return {
    ok: true,
    value: paceChanged ? { newDomains, requestsPerSecond: incoming.requestsPerSecond } : { newDomains },
    lines: out,
    count: newDomains.length,
    defaultChanged: false,
  };
}

export type ImportPlan =
  | { ok: true; lines: PlanLines; settings: SettingsChange; /** Whether confirming would change anything. */ changes: boolean }
  | { ok: false; message: string };

/** What importing `file` would do to what this browser holds now, before anything is written. */
export function planImport(local: LocalSettings, file: TeamSettings): ImportPlan {
  let n = 0;
  const placeholder = () => `planned-${n++}`;
  const presets = mergePresets(local.presets, file.presets, placeholder);
  const formats = mergeCopyFormats(local.copyFormats, file.copyFormats, placeholder);
  const settings = mergeSettings(local.settings, file);
  if (!presets.ok) return presets;
  if (!formats.ok) return formats;
  if (!settings.ok) return settings;
  const all = joinLines(presets.lines, formats.lines, settings.lines);
  return { ok: true, lines: all, settings: settings.value, changes: all.added.length + all.replaced.length > 0 };
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
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `Imported ${list}.`;
}

/** The sentence for domains the browser was not allowed to reach (so they were not added). */
export function domainsRefusedSentence(domains: readonly string[]): string {
  const list = domains.length === 1 ? domains[0] : `${domains.slice(0, -1).join(', ')} and ${domains.at(-1)}`;
  return `The browser did not allow access to ${list}, so ${domains.length === 1 ? 'it was' : 'they were'} not added.`;
}
