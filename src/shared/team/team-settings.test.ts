import * as z from 'zod/mini';
import { describe, expect, it, vi } from 'vitest';
import { EMPTY_COPY_FORMATS, MAX_TEMPLATES, type CopyFormats } from '../copy-formats/copy-formats';
import { MAX_PRESETS, type Preset, type PresetList, type PresetValues } from '../presets/presets';
import { MAX_DASHBOARD_DOMAINS } from '../settings/settings';
import {
  FOREIGN,
  MAX_TEAM_SETTINGS_BYTES,
  NEWER,
  NOT_JSON,
  TEAM_SETTINGS_KIND,
  TOO_LARGE,
  TeamSettingsSchema,
  domainsRefusedSentence,
  exportTeamSettings,
  importedSentence,
  mergeCopyFormats,
  mergePresets,
  mergeSettings,
  parseTeamSettings,
  planDetailText,
  planImport,
  planLineText,
  readTeamSettingsFile,
  teamSettingsFileName,
  teamSettingsJson,
  NO_ACCOUNT_FOR_SETTINGS,
  type AccountRef,
  type LocalSettings,
  type PlanChoices,
  type PlanLine,
  type PlanLines,
  type TeamSettings,
} from './team-settings';

const NOW = new Date(2026, 10, 30, 14, 5);
const EMPTY_PRESETS_LIST: PresetList = { presets: [], defaultId: null };
const VALUES: PresetValues = {
  sourceId: 'newsletter',
  sub1: 'spring',
  sub2: '',
  sub3: '',
  sub4: '',
  sub5: '',
  encryptParameters: false,
  redirectLink: false,
};
const preset = (id: string, name: string, more: Partial<Preset> = {}): Preset => ({ id, name, values: VALUES, affiliateIds: [], ...more });

const LOCAL: LocalSettings = {
  presets: {
    presets: [preset('p1', 'Newsletter', { affiliateIds: [7] }), preset('p2', 'Social', { values: { ...VALUES, sub1: 'fb' } })],
    defaultId: 'p1',
  },
  copyFormats: { templates: [{ id: 't1', name: 'Welcome', text: 'Hi {affiliate_name}: {url}' }], defaultFormat: 't1' },
  settings: { dashboardDomains: ['links.acme-partners.com'], requestsPerSecond: 25 },
};

const counter = (prefix: string) => {
  let n = 0;
  return () => `${prefix}${++n}`;
};
const fileOf = (local: LocalSettings = LOCAL): TeamSettings => exportTeamSettings(local, NOW);
/** No pins, every domain the file offers ticked. */
const ALL_DOMAINS = (file: TeamSettings): PlanChoices => ({ pins: [], domains: file.dashboardDomains ?? [] });
/** The lines as one piece of text each, as a plain list shows them. */
const texts = (lines: PlanLines) => ({
  added: lines.added.map(planLineText),
  replaced: lines.replaced.map(planLineText),
  unchanged: lines.unchanged.map(planLineText),
});
/** A line's details and warnings, as text. */
const shown = (planned: PlanLine | undefined) => ({
  details: planned?.details.map(planDetailText),
  warnings: planned?.warnings,
});

describe('export', () => {
  it('holds presets, templates, the default format, dashboard domains and the pace, with its kind and version', () => {
    const file = fileOf();
    expect(file).toStrictEqual({
      kind: TEAM_SETTINGS_KIND,
      version: 1,
      exportedAt: NOW.toISOString(),
      presets: LOCAL.presets,
      copyFormats: LOCAL.copyFormats,
      dashboardDomains: ['links.acme-partners.com'],
      requestsPerSecond: 25,
    });
    expect(teamSettingsFileName(NOW)).toBe('everflow-link-builder-settings-2026-11-30.json');
  });

  it('cannot carry the API key, the history or any other setting, even when they are handed to it', () => {
    const secret = 'efk_live_SECRET_KEY_1234';
    const smuggled = {
      presets: { ...LOCAL.presets, apiKey: secret, presets: LOCAL.presets.presets.map((p) => ({ ...p, key: secret })) },
      copyFormats: { ...LOCAL.copyFormats, history: [{ url: 'https://trk.example/1' }] },
      settings: { ...LOCAL.settings, region: 'eu', newOfferSubs: 'clear', apiKey: secret, history: [{ url: 'https://trk.example/1' }] },
      apiKey: secret,
      history: [{ url: 'https://trk.example/1' }],
    } as unknown as LocalSettings;
    const text = teamSettingsJson(exportTeamSettings(smuggled, NOW));
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/key|history|trk\.example|region|newOfferSubs/i);
    expect(Object.keys(JSON.parse(text) as object).toSorted()).toStrictEqual([
      'copyFormats',
      'dashboardDomains',
      'exportedAt',
      'kind',
      'presets',
      'requestsPerSecond',
      'version',
    ]);
  });

  it('writes a default that points at nothing as none, so every export imports again', () => {
    const file = fileOf({
      ...LOCAL,
      presets: { ...LOCAL.presets, defaultId: 'gone' },
      copyFormats: { ...LOCAL.copyFormats, defaultFormat: 'gone' },
    });
    expect(file.presets.defaultId).toBeNull();
    expect(file.copyFormats.defaultFormat).toBe('link');
    expect(parseTeamSettings(teamSettingsJson(file))).toStrictEqual({ ok: true, file });
  });

  it('round-trips: an export read back is the same, and importing it into the same browser changes nothing', () => {
    const file = fileOf();
    expect(parseTeamSettings(teamSettingsJson(file))).toStrictEqual({ ok: true, file });
    const plan = planImport(LOCAL, file, ALL_DOMAINS(file));
    expect(plan.ok && plan.changes).toBe(false);
  });

  it('is a plain JSON shape (what Chrome managed storage can later serve)', () => {
    const schema = z.toJSONSchema(TeamSettingsSchema) as { type: string; properties: Record<string, unknown> };
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).toSorted()).toStrictEqual([
      'copyFormats',
      'dashboardDomains',
      'exportedAt',
      'kind',
      'presets',
      'requestsPerSecond',
      'version',
    ]);
  });
});

const good = fileOf();
const withChange = (change: (file: Record<string, unknown>) => void) => {
  const file = structuredClone(good) as unknown as Record<string, unknown>;
  change(file);
  return JSON.stringify(file);
};
const refused = (change: (file: Record<string, unknown>) => void) => {
  const result = parseTeamSettings(withChange(change));
  return result.ok ? 'accepted' : result.message;
};
const presetsOf = (file: Record<string, unknown>) => (file.presets as PresetList).presets;
const templatesOf = (file: Record<string, unknown>) => (file.copyFormats as CopyFormats).templates;

describe('reading a file', () => {
  it('refuses a file over 1 MB by its size, without reading it', async () => {
    const text = vi.fn(async () => teamSettingsJson(good));
    expect(await readTeamSettingsFile({ size: MAX_TEAM_SETTINGS_BYTES + 1, text })).toStrictEqual({ ok: false, message: TOO_LARGE });
    expect(text).not.toHaveBeenCalled();
    expect(await readTeamSettingsFile({ size: 100, text })).toStrictEqual({ ok: true, file: good });
  });

  it('says in one sentence when a file is not JSON, not this extension’s, or from a newer version', () => {
    expect(parseTeamSettings('name,url\nx,y')).toStrictEqual({ ok: false, message: NOT_JSON });
    expect(parseTeamSettings('')).toStrictEqual({ ok: false, message: NOT_JSON });
    for (const foreign of ['[]', 'null', '42', '{"presets": []}', '{"kind": "other-extension/settings", "version": 1}']) {
      expect(parseTeamSettings(foreign)).toStrictEqual({ ok: false, message: FOREIGN });
    }
    expect(parseTeamSettings(withChange((file) => (file.version = 2)))).toStrictEqual({ ok: false, message: NEWER });
    for (const message of [NOT_JSON, FOREIGN, NEWER, TOO_LARGE]) expect(message.match(/[.;]/g)?.filter((c) => c === '.')).toHaveLength(1);
  });

  it('refuses contents the extension itself would never keep, naming the part', () => {
    expect(refused((file) => (file.version = 0))).toBe('That file’s version is not valid, so nothing was changed.');
    expect(refused((file) => (file.requestsPerSecond = 99))).toBe('That file’s requests per second are not valid, so nothing was changed.');
    expect(refused((file) => delete file.copyFormats)).toBe('That file’s message templates are not valid, so nothing was changed.');
    expect(refused((file) => (presetsOf(file)[0]!.name = ''))).toBe(
      'That file’s preset “without a name” is not valid, so nothing was changed.',
    );
    expect(refused((file) => (presetsOf(file)[1]!.name = 'NEWSLETTER'))).toBe('That file’s presets are not valid, so nothing was changed.');
    expect(refused((file) => (presetsOf(file)[1]!.affiliateIds = [7]))).toBe('That file’s presets are not valid, so nothing was changed.');
    expect(refused((file) => ((file.presets as PresetList).defaultId = 'nope'))).toBe(
      'That file’s default preset is not valid, so nothing was changed.',
    );
    expect(refused((file) => ((file.copyFormats as CopyFormats).templates[0]!.id = 'link'))).toBe(
      'That file’s message templates are not valid, so nothing was changed.',
    );
    expect(refused((file) => ((file.copyFormats as CopyFormats).defaultFormat = 'nope'))).toBe(
      'That file’s default copy format is not valid, so nothing was changed.',
    );
    for (const domain of ['Links.Acme.com', 'not a domain', 'acme.everflowclient.io']) {
      expect(refused((file) => (file.dashboardDomains = [domain]))).toBe(
        'That file’s dashboard domains are not valid, so nothing was changed.',
      );
    }
    expect(refused((file) => (file.dashboardDomains = ['a.example.com', 'a.example.com']))).toBe(
      'That file’s dashboard domains are not valid, so nothing was changed.',
    );
  });
});

describe('presets', () => {
  it('adds new names, replaces the same name (ignoring case) with other contents keeping the local id, and leaves the rest', () => {
    const incoming: PresetList = {
      presets: [
        preset('f1', 'newsletter', { values: { ...VALUES, sub2: 'q1' }, affiliateIds: [7] }),
        preset('f2', 'Social', { values: { ...VALUES, sub1: 'fb' } }),
        preset('f3', 'Display', { affiliateIds: [9] }),
      ],
      defaultId: null,
    };
    const merge = mergePresets({ ...LOCAL.presets, presets: [...LOCAL.presets.presets, preset('p3', 'Mine')] }, incoming, counter('new-'));
    expect(merge.ok).toBe(true);
    if (!merge.ok) return;
    expect(merge.value.presets).toStrictEqual([
      preset('p1', 'newsletter', { values: { ...VALUES, sub2: 'q1' }, affiliateIds: [7] }),
      preset('p2', 'Social', { values: { ...VALUES, sub1: 'fb' } }),
      preset('p3', 'Mine'),
      preset('new-1', 'Display', { affiliateIds: [9] }),
    ]);
    expect(merge.value.defaultId).toBe('p1');
    expect(merge.count).toBe(2);
    expect(texts(merge.lines)).toStrictEqual({
      added: ['Preset “Display”'],
      replaced: ['Preset “Newsletter” (the file’s values replace these)'],
      unchanged: [
        'Preset “Social” (the same in the file)',
        'Preset “Mine” (only in this browser)',
        'Default preset: “newsletter” (the file sets none)',
      ],
    });
  });

  it('moves an affiliate the file ties to one of its presets away from any other preset here (the file wins), and says so', () => {
    const local: PresetList = {
      presets: [preset('p1', 'Email', { affiliateIds: [7, 8, 12] }), preset('p2', 'Social', { affiliateIds: [3] })],
      defaultId: null,
    };
    const incoming: PresetList = {
      presets: [preset('f1', 'Newsletter', { affiliateIds: [7, 12] }), preset('f2', 'Social', { affiliateIds: [3, 8] })],
      defaultId: null,
    };
    const merge = mergePresets(local, incoming, counter('new-'));
    if (!merge.ok) throw new Error(merge.message);
    expect(merge.value.presets.map((p) => [p.name, p.affiliateIds])).toStrictEqual([
      ['Email', []],
      ['Social', [3, 8]],
      ['Newsletter', [7, 12]],
    ]);
    expect(merge.lines.replaced.map(planLineText)).toStrictEqual([
      'Preset “Social” (the file’s values replace these)',
      'Preset “Email” (affiliates 7 and 12 move to “Newsletter” and affiliate 8 moves to “Social”, as in the file)',
    ]);
    expect(shown(merge.lines.replaced[0]).details).toStrictEqual(['Source ID: newsletter', 'Sub 1: spring', 'Affiliates: 3 → 3, 8']);
    expect(shown(merge.lines.replaced[1]).details).toStrictEqual(['Affiliates: 7, 8, 12 → none']);
    // Every affiliate is in one preset at most afterwards.
    const ids = merge.value.presets.flatMap((p) => p.affiliateIds);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('takes the file’s default, mapped to the preset’s id here', () => {
    const incoming: PresetList = { presets: [preset('f1', 'Social', { values: { ...VALUES, sub1: 'fb' } })], defaultId: 'f1' };
    const merge = mergePresets(LOCAL.presets, incoming, counter('new-'));
    if (!merge.ok) throw new Error(merge.message);
    expect(merge.value.defaultId).toBe('p2');
    expect(merge.defaultChanged).toBe(true);
    expect(merge.lines.replaced.map(planLineText)).toStrictEqual(['Default preset: “Social” instead of “Newsletter”']);
  });

  it('refuses to go past the limit, changing nothing', () => {
    const full: PresetList = { presets: Array.from({ length: MAX_PRESETS }, (_, i) => preset(`p${i}`, `Local ${i}`)), defaultId: null };
    const merge = mergePresets(full, { presets: [preset('f1', 'New one'), preset('f2', 'Local 3')], defaultId: null }, counter('new-'));
    expect(merge).toStrictEqual({
      ok: false,
      message: 'Importing would make 51 presets and you can keep up to 50, so nothing was changed; delete 1 first.',
    });
  });
});

describe('templates and the default format', () => {
  it('adds with ids of this browser, replaces by name, and maps the file’s default to the id here', () => {
    const incoming: CopyFormats = {
      templates: [
        { id: 't1', name: 'Launch', text: 'New: {url}' },
        { id: 'x9', name: 'welcome', text: 'Hello {affiliate_name}: {url}' },
      ],
      defaultFormat: 't1',
    };
    const merge = mergeCopyFormats(LOCAL.copyFormats, incoming, counter('new-'));
    if (!merge.ok) throw new Error(merge.message);
    expect(merge.value).toStrictEqual({
      templates: [
        { id: 't1', name: 'welcome', text: 'Hello {affiliate_name}: {url}' },
        { id: 'new-1', name: 'Launch', text: 'New: {url}' },
      ],
      // The file's t1 is "Launch", here new-1 (this browser's t1 is another template).
      defaultFormat: 'new-1',
    });
    expect(texts(merge.lines)).toStrictEqual({
      added: ['Template “Launch”'],
      replaced: ['Template “Welcome” (the file’s text replaces this one)', 'Default copy format: “Launch” instead of “welcome”'],
      unchanged: [],
    });
  });

  it('a built-in default replaces a template default; the same leaves it', () => {
    const link = mergeCopyFormats(LOCAL.copyFormats, { templates: [], defaultFormat: 'named' }, counter('n'));
    if (!link.ok) throw new Error(link.message);
    expect(link.value.defaultFormat).toBe('named');
    expect(link.lines.replaced.map(planLineText)).toStrictEqual(['Default copy format: “Link with names” instead of “Welcome”']);
    const same = mergeCopyFormats(EMPTY_COPY_FORMATS, EMPTY_COPY_FORMATS, counter('n'));
    expect(same.ok && same.defaultChanged).toBe(false);
  });

  it('refuses to go past the limit', () => {
    const full: CopyFormats = {
      templates: Array.from({ length: MAX_TEMPLATES }, (_, i) => ({ id: `t${i}`, name: `T ${i}`, text: '{url}' })),
      defaultFormat: 'link',
    };
    expect(
      mergeCopyFormats(full, { templates: [{ id: 'a', name: 'Another', text: '{url}' }], defaultFormat: 'link' }, counter('n')).ok,
    ).toBe(false);
  });
});

describe('dashboard domains and the pace', () => {
  it('adds the file’s new domains (removing none) and takes its pace when it differs', () => {
    const incoming = { dashboardDomains: ['links.acme-emea.com', 'links.acme-partners.com'], requestsPerSecond: 10 };
    const merge = mergeSettings(LOCAL.settings, incoming, incoming.dashboardDomains);
    if (!merge.ok) throw new Error(merge.message);
    expect(merge.value).toStrictEqual({ newDomains: ['links.acme-emea.com'], requestsPerSecond: 10 });
    expect(texts(merge.lines)).toStrictEqual({
      added: ['Dashboard domain links.acme-emea.com'],
      replaced: ['Requests per second: 10 instead of 25'],
      unchanged: ['Dashboard domain links.acme-partners.com (the same in the file)'],
    });
    const same = mergeSettings(LOCAL.settings, { dashboardDomains: [], requestsPerSecond: 25 }, []);
    expect(same.ok && same.value).toStrictEqual({ newDomains: [] });
  });

  it('refuses to go past the limit', () => {
    const many = Array.from({ length: MAX_DASHBOARD_DOMAINS }, (_, i) => `d${i}.example.com`);
    const merge = mergeSettings(
      { dashboardDomains: many, requestsPerSecond: 20 },
      { dashboardDomains: ['new.example.com'], requestsPerSecond: 20 },
      ['new.example.com'],
    );
    expect(merge).toStrictEqual({
      ok: false,
      message: 'Importing would make 21 dashboard domains and you can keep up to 20, so nothing was changed; remove 1 first.',
    });
  });
});

describe('the plan', () => {
  it('into a fresh browser, lists everything as added, and the pace and defaults as replaced', () => {
    const fresh: LocalSettings = {
      presets: { presets: [], defaultId: null },
      copyFormats: EMPTY_COPY_FORMATS,
      settings: { dashboardDomains: [], requestsPerSecond: 20 },
    };
    const file = fileOf();
    const plan = planImport(fresh, file, ALL_DOMAINS(file));
    if (!plan.ok) throw new Error(plan.message);
    expect({ ...plan, lines: texts(plan.lines) }).toStrictEqual({
      ok: true,
      changes: true,
      settings: { newDomains: ['links.acme-partners.com'], requestsPerSecond: 25 },
      offeredDomains: ['links.acme-partners.com'],
      lines: {
        added: ['Preset “Newsletter”', 'Preset “Social”', 'Template “Welcome”', 'Dashboard domain links.acme-partners.com'],
        replaced: [
          'Default preset: “Newsletter” instead of none',
          'Default copy format: “Welcome” instead of “Link”',
          'Requests per second: 25 instead of 20',
        ],
        unchanged: [],
      },
    });
  });

  it('is refused as a whole when one part would pass a limit', () => {
    const full = {
      ...LOCAL,
      presets: { presets: Array.from({ length: MAX_PRESETS }, (_, i) => preset(`p${i}`, `Local ${i}`)), defaultId: null },
    };
    const plan = planImport(full, fileOf(), ALL_DOMAINS(fileOf()));
    expect(plan.ok).toBe(false);
  });
});

describe('what each line shows', () => {
  const incoming: PresetList = {
    presets: [
      preset('f1', 'newsletter', { values: { ...VALUES, sub2: 'q1', encryptParameters: true }, affiliateIds: [7, 12] }),
      preset('f3', 'Display', { values: { ...VALUES, sourceId: '', trackingDomainId: '3' }, affiliateIds: [9] }),
    ],
    defaultId: null,
  };

  it('an added preset: only the values it sets, and the affiliates it is tied to', () => {
    const merge = mergePresets(LOCAL.presets, incoming, counter('new-'));
    if (!merge.ok) throw new Error(merge.message);
    expect(merge.lines.added.map(shown)).toStrictEqual([
      { details: ['Sub 1: spring', 'Tracking domain ID: 3', 'Affiliates: 9'], warnings: [] },
    ]);
  });

  it('a replaced preset: its name and each value it changes, old → new, and what stays', () => {
    const merge = mergePresets(LOCAL.presets, incoming, counter('new-'));
    if (!merge.ok) throw new Error(merge.message);
    expect(shown(merge.lines.replaced[0])).toStrictEqual({
      details: [
        'Name: Newsletter → newsletter',
        'Source ID: newsletter',
        'Sub 1: spring',
        'Sub 2: none → q1',
        'Encrypt parameters: off → on',
        'Affiliates: 7 → 7, 12',
      ],
      warnings: [],
    });
  });

  it('a replaced preset keeps its id, so pinned pairs made with it send the file’s values: the line says how many', () => {
    const file = { ...fileOf(), presets: incoming };
    const pins = [{ presetId: 'p1' }, { presetId: 'p1' }, { presetId: 'p2' }, {}];
    const plan = planImport(LOCAL, file, { pins, domains: [] });
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.lines.replaced[0]?.warnings).toStrictEqual([
      '2 pinned pairs made with this preset will send the file’s values from now on.',
    ]);
    const one = planImport(LOCAL, file, { pins: [{ presetId: 'p1' }], domains: [] });
    expect(one.ok && one.lines.replaced[0]?.warnings).toStrictEqual([
      'A pinned pair made with this preset will send the file’s values from now on.',
    ]);
    // The pins keep the preset they were made with: its id here does not change.
    const merge = mergePresets(LOCAL.presets, incoming, counter('new-'), pins);
    expect(merge.ok && merge.value.presets.find((p) => p.name === 'newsletter')?.id).toBe('p1');
    // New ties alone change nothing a pinned pair sends.
    const tiesOnly = planImport(
      LOCAL,
      { ...file, presets: { presets: [preset('f1', 'Newsletter', { affiliateIds: [7, 8] })], defaultId: null } },
      {
        pins,
        domains: [],
      },
    );
    expect(tiesOnly.ok && tiesOnly.lines.replaced.map(shown)).toStrictEqual([
      { details: ['Source ID: newsletter', 'Sub 1: spring', 'Affiliates: 7 → 7, 8'], warnings: [] },
    ]);
  });

  it('a template: its text when added, old → new when replaced', () => {
    const merge = mergeCopyFormats(
      LOCAL.copyFormats,
      {
        templates: [
          { id: 'x1', name: 'Launch', text: 'New:\n{url}' },
          { id: 'x2', name: 'Welcome', text: 'Hello {affiliate_name}: {url}' },
        ],
        defaultFormat: 'link',
      },
      counter('n'),
    );
    if (!merge.ok) throw new Error(merge.message);
    expect(merge.lines.added.map(shown)).toStrictEqual([{ details: ['Text: New:\n{url}'], warnings: [] }]);
    expect(merge.lines.replaced[0]?.details).toStrictEqual([
      { what: 'Text', value: 'Hello {affiliate_name}: {url}', before: 'Hi {affiliate_name}: {url}' },
    ]);
  });

  it('flags a template that writes out a web address of its own ({url} is the link, and is not one)', () => {
    const long = `https://evil.example/${'x'.repeat(100)}`;
    const merge = mergeCopyFormats(
      EMPTY_COPY_FORMATS,
      {
        templates: [
          { id: 'a', name: 'Plain', text: 'Your link: {url} (affiliate {affiliate_id})' },
          { id: 'b', name: 'Phish', text: 'Log in at https://evil.example/login?next={url} or www.phish.example, or bit.ly/3xY.' },
          { id: 'c', name: 'Long', text: `See ${long}` },
          {
            id: 'd',
            name: 'Many',
            text: 'http://a.example http://b.example http://c.example http://d.example http://e.example http://a.example',
          },
        ],
        defaultFormat: 'link',
      },
      counter('n'),
    );
    if (!merge.ok) throw new Error(merge.message);
    expect(merge.lines.added.map((planned) => planned.warnings)).toStrictEqual([
      [],
      [
        'Holds a web address: https://evil.example/login?next=',
        'Holds a web address: www.phish.example,',
        'Holds a web address: bit.ly/3xY.',
      ],
      [`Holds a web address: ${long.slice(0, 79)}…`],
      [
        'Holds a web address: http://a.example',
        'Holds a web address: http://b.example',
        'Holds a web address: http://c.example',
        'Holds 2 more web addresses.',
      ],
    ]);
  });

  it('flags each new dashboard domain with the access it grants; only those ticked are added', () => {
    const file = { ...fileOf(), dashboardDomains: ['links.acme-emea.com', 'links.acme-partners.com', 'portal.acme.com'] };
    const unticked = planImport(LOCAL, file, { pins: [], domains: [] });
    if (!unticked.ok) throw new Error(unticked.message);
    expect(unticked.offeredDomains).toStrictEqual(['links.acme-emea.com', 'portal.acme.com']);
    expect(unticked.lines.added).toStrictEqual([
      {
        label: 'Dashboard domain links.acme-emea.com',
        domain: 'links.acme-emea.com',
        details: [],
        warnings: ['Grants access to every page on links.acme-emea.com.'],
      },
      {
        label: 'Dashboard domain portal.acme.com',
        domain: 'portal.acme.com',
        details: [],
        warnings: ['Grants access to every page on portal.acme.com.'],
      },
    ]);
    // Nothing ticked, nothing else new: importing would change nothing.
    expect(unticked.settings).toStrictEqual({ newDomains: [] });
    expect(unticked.changes).toBe(false);
    const one = planImport(LOCAL, file, { pins: [], domains: ['portal.acme.com', 'not.offered.com'] });
    expect(one.ok && one.settings).toStrictEqual({ newDomains: ['portal.acme.com'] });
    expect(one.ok && one.changes).toBe(true);
  });
});

describe('hidden characters in a file', () => {
  it('are read as the file has them, then removed as it is imported, and the line says so', () => {
    const file = structuredClone(fileOf());
    file.presets.presets[0]!.name = 'News\u200Bletter';
    file.presets.presets[1]!.values.sub3 = 'q\u202E';
    file.copyFormats.templates[0]!.text = 'Hi {affiliate_name}:\n\u2066{url}\u2069';
    expect(parseTeamSettings(teamSettingsJson(file))).toStrictEqual({ ok: true, file });
    const plan = planImport(LOCAL, file, ALL_DOMAINS(file));
    if (!plan.ok) throw new Error(plan.message);
    // Cleaned, the name is this browser's "Newsletter": the same preset.
    expect(plan.lines.unchanged.find((planned) => planned.label === 'Preset “Newsletter”')?.warnings).toStrictEqual([
      'Hidden characters removed from its name: U+200B (zero-width space).',
    ]);
    expect(plan.lines.replaced.map((planned) => [planLineText(planned), ...planned.warnings])).toStrictEqual([
      ['Preset “Social” (the file’s values replace these)', 'Hidden characters removed from its values: U+202E (direction control).'],
      [
        'Template “Welcome” (the file’s text replaces this one)',
        'Hidden characters removed from its text: U+2066 and U+2069 (direction controls).',
      ],
    ]);
    const presets = mergePresets(LOCAL.presets, file.presets, counter('n'));
    expect(presets.ok && presets.value.presets.map((p) => [p.name, p.values.sub3])).toStrictEqual([
      ['Newsletter', ''],
      ['Social', 'q'],
    ]);
    const formats = mergeCopyFormats(LOCAL.copyFormats, file.copyFormats, counter('n'));
    // Line breaks are a template's own.
    expect(formats.ok && formats.value.templates[0]?.text).toBe('Hi {affiliate_name}:\n{url}');
  });

  it('a name or text of hidden characters alone, or two names alike once cleaned, make the file invalid', () => {
    expect(refused((file) => (presetsOf(file)[0]!.name = '\u3164\u200B'))).toBe(
      'That file’s preset “without a name” is not valid, so nothing was changed.',
    );
    expect(refused((file) => (presetsOf(file)[1]!.name = 'Newsl\u00ADetter'))).toBe(
      'That file’s presets are not valid, so nothing was changed.',
    );
    expect(refused((file) => (templatesOf(file)[0]!.name = '\u202E'))).toBe(
      'That file’s message templates are not valid, so nothing was changed.',
    );
    expect(refused((file) => (templatesOf(file)[0]!.text = '\u200B\uFEFF'))).toBe(
      'That file’s message templates are not valid, so nothing was changed.',
    );
    // Emoji and every script's letters are no hidden characters.
    expect(refused((file) => (presetsOf(file)[0]!.name = 'Café 🚀 شركة 김민준 👨‍👩‍👧‍👦 🇯🇵'))).toBe('accepted');
  });
});

const ACME: AccountRef = { id: 'a-acme', kind: 'network', networkId: 1, label: 'Acme', dashboardDomains: ['links.acme-partners.com'] };
const NORDLYS: AccountRef = {
  id: 'a-nordlys',
  kind: 'network',
  networkId: 2,
  label: 'Nordlys',
  dashboardDomains: ['portal.nordlys.example'],
};
const PARTNER: AccountRef = {
  id: 'a-partner',
  kind: 'partner',
  networkId: 2,
  label: 'Nordlys',
  partnerName: 'Fjordlys',
  dashboardDomains: [],
};
const ACCOUNTS = [ACME, NORDLYS, PARTNER];

describe('accounts', () => {
  it('export: a preset tied to affiliates carries its account’s network, never the account; the chosen account’s domains and pace', () => {
    const file = fileOf({
      ...LOCAL,
      presets: {
        presets: [preset('p1', 'Newsletter', { affiliateIds: [7], accountId: NORDLYS.id }), preset('p2', 'Social')],
        defaultId: null,
      },
      accounts: ACCOUNTS,
      accountId: NORDLYS.id,
      settings: { dashboardDomains: NORDLYS.dashboardDomains, requestsPerSecond: 12 },
    });
    expect(file.presets.presets).toStrictEqual([
      preset('p1', 'Newsletter', { affiliateIds: [7], networkId: 2 } as Partial<Preset>),
      preset('p2', 'Social'),
    ]);
    expect(JSON.stringify(file)).not.toContain('a-nordlys');
    expect([file.dashboardDomains, file.requestsPerSecond]).toStrictEqual([['portal.nordlys.example'], 12]);
    // No account saved: the file has no domains and no pace, and reads back.
    const bare = fileOf({ ...LOCAL, settings: undefined });
    expect('dashboardDomains' in bare || 'requestsPerSecond' in bare).toBe(false);
    expect(parseTeamSettings(teamSettingsJson(bare))).toStrictEqual({ ok: true, file: bare });
  });

  it('import: ties go to the account of the file’s network (the chosen one when it is), or are left out and said', () => {
    const file = {
      ...fileOf(),
      presets: {
        presets: [
          { ...preset('f1', 'Acme partners', { affiliateIds: [7] }), networkId: 1 },
          { ...preset('f2', 'Nordic partners', { affiliateIds: [7, 12] }), networkId: 2 },
          { ...preset('f3', 'Elsewhere', { affiliateIds: [9] }), networkId: 3 },
        ],
        defaultId: null,
      },
    };
    const local = { ...LOCAL, presets: { presets: [], defaultId: null }, accounts: ACCOUNTS, accountId: NORDLYS.id };
    const plan = planImport(local, file, { pins: [], domains: [] });
    const merge = mergePresets(local.presets, file.presets, counter('n'), [], { list: ACCOUNTS, chosenId: NORDLYS.id });
    if (!plan.ok || !merge.ok) throw new Error('refused');
    expect(merge.value.presets.map((p) => [p.name, p.affiliateIds, p.accountId])).toStrictEqual([
      ['Acme partners', [7], ACME.id],
      ['Nordic partners', [7, 12], NORDLYS.id],
      ['Elsewhere', [], undefined],
    ]);
    expect(plan.lines.added.slice(0, 3).map(shown)).toStrictEqual([
      { details: ['Source ID: newsletter', 'Sub 1: spring', 'Affiliates: 7', 'Of: Acme'], warnings: [] },
      { details: ['Source ID: newsletter', 'Sub 1: spring', 'Affiliates: 7, 12', 'Of: Nordlys'], warnings: [] },
      {
        details: ['Source ID: newsletter', 'Sub 1: spring'],
        warnings: ['Imported without affiliate 9: they are of Everflow network 3, and no network account here is of it.'],
      },
    ]);
  });

  it('import: a file from the version with one key (no networks) still imports, its ties going to the chosen network account', () => {
    const single = JSON.stringify({
      kind: TEAM_SETTINGS_KIND,
      version: 1,
      exportedAt: NOW.toISOString(),
      presets: { presets: [preset('f1', 'Newsletter', { affiliateIds: [7] })], defaultId: 'f1' },
      copyFormats: EMPTY_COPY_FORMATS,
      dashboardDomains: ['links.acme-emea.com'],
      requestsPerSecond: 25,
    });
    const read = parseTeamSettings(single);
    if (!read.ok) throw new Error(read.message);
    const into = (accountId: string | undefined, accounts: AccountRef[]) =>
      mergePresets(EMPTY_PRESETS_LIST, read.file.presets, counter('n'), [], { list: accounts, chosenId: accountId });
    const tiedTo = (merge: ReturnType<typeof into>) => (merge.ok ? merge.value.presets.map((p) => [p.affiliateIds, p.accountId]) : []);
    expect(tiedTo(into(NORDLYS.id, ACCOUNTS))).toStrictEqual([[[7], NORDLYS.id]]);
    // A partner chosen, one network account here: that one.
    expect(tiedTo(into(PARTNER.id, [ACME, PARTNER]))).toStrictEqual([[[7], ACME.id]]);
    // A partner chosen among several network accounts: which one is not guessed.
    const unsure = into(PARTNER.id, ACCOUNTS);
    expect(tiedTo(unsure)).toStrictEqual([[[], undefined]]);
    expect(unsure.ok && unsure.lines.added[0]?.warnings).toStrictEqual([
      'Imported without affiliate 7: choose the network account they are of above, then import again to tie them.',
    ]);
    // No account at all: as the version with one key kept them.
    expect(tiedTo(into(undefined, []))).toStrictEqual([[[7], undefined]]);
    // The domains and the pace go to the chosen account.
    const plan = planImport(
      { ...LOCAL, accounts: ACCOUNTS, accountId: NORDLYS.id, settings: { dashboardDomains: [], requestsPerSecond: 20 } },
      read.file,
      ALL_DOMAINS(read.file),
    );
    expect(plan.ok && plan.settings).toStrictEqual({ newDomains: ['links.acme-emea.com'], requestsPerSecond: 25 });
  });

  it('an affiliate moves between presets of its own account only: affiliate 7 of another network stays', () => {
    const local: PresetList = {
      presets: [
        preset('p1', 'Acme email', { affiliateIds: [7], accountId: ACME.id }),
        preset('p2', 'Nordic email', { affiliateIds: [7], accountId: NORDLYS.id }),
      ],
      defaultId: null,
    };
    const incoming = { presets: [{ ...preset('f1', 'Acme social', { affiliateIds: [7] }), networkId: 1 }], defaultId: null };
    const merge = mergePresets(local, incoming, counter('n'), [], { list: ACCOUNTS });
    if (!merge.ok) throw new Error(merge.message);
    expect(merge.value.presets.map((p) => [p.name, p.affiliateIds])).toStrictEqual([
      ['Acme email', []],
      ['Nordic email', [7]],
      ['Acme social', [7]],
    ]);
    // In a file, the same affiliate of two networks is two partners.
    expect(
      refused((file) => {
        presetsOf(file)[0]!.affiliateIds = [7];
        presetsOf(file)[1]!.affiliateIds = [7];
        Object.assign(presetsOf(file)[1]!, { networkId: 2 });
      }),
    ).toBe('accepted');
  });

  it('domains and the pace: none imported with no account; a domain another account has is not offered', () => {
    const none = mergeSettings(undefined, { dashboardDomains: ['a.example.com'], requestsPerSecond: 5 }, ['a.example.com']);
    expect(none.ok && { ...none.value, lines: texts(none.lines) }).toStrictEqual({
      newDomains: [],
      lines: { added: [], replaced: [], unchanged: [`The file’s dashboard domains and requests per second (${NO_ACCOUNT_FOR_SETTINGS})`] },
    });
    const plan = planImport(
      { ...LOCAL, accounts: ACCOUNTS, accountId: ACME.id },
      { ...fileOf(), dashboardDomains: ['portal.nordlys.example', 'new.example.com'] },
      { pins: [], domains: ['portal.nordlys.example', 'new.example.com'] },
    );
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.offeredDomains).toStrictEqual(['new.example.com']);
    expect(plan.settings.newDomains).toStrictEqual(['new.example.com']);
    expect(plan.lines.unchanged.map(planLineText)).toContain('Dashboard domain portal.nordlys.example (Nordlys’s already)');
  });
});

describe('sentences', () => {
  it('say what was imported', () => {
    expect(importedSentence({ presets: 3, templates: 1, domains: 2, pace: true, defaultPreset: false, defaultFormat: false })).toBe(
      'Imported 3 presets, 1 template, 2 dashboard domains and the pace.',
    );
    expect(importedSentence({ presets: 1, templates: 0, domains: 0, pace: false, defaultPreset: true, defaultFormat: false })).toBe(
      'Imported 1 preset and the default preset.',
    );
    expect(importedSentence({ presets: 0, templates: 0, domains: 0, pace: false, defaultPreset: false, defaultFormat: false })).toBe(
      'Nothing was imported: this browser already has everything in the file.',
    );
    expect(domainsRefusedSentence(['a.example.com'])).toBe('The browser did not allow access to a.example.com, so it was not added.');
    expect(domainsRefusedSentence(['a.example.com', 'b.example.com'])).toBe(
      'The browser did not allow access to a.example.com and b.example.com, so they were not added.',
    );
  });
});
