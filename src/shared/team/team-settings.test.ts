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
  planImport,
  readTeamSettingsFile,
  teamSettingsFileName,
  teamSettingsJson,
  type LocalSettings,
  type TeamSettings,
} from './team-settings';

const NOW = new Date(2026, 10, 30, 14, 5);
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
    const plan = planImport(LOCAL, file);
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
    expect(merge.lines).toStrictEqual({
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
    expect(merge.lines.replaced).toStrictEqual([
      'Preset “Social” (the file’s values replace these)',
      'Preset “Email”: affiliates 7 and 12 move to “Newsletter”, as in the file',
      'Preset “Email”: affiliate 8 moves to “Social”, as in the file',
    ]);
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
    expect(merge.lines.replaced).toStrictEqual(['Default preset: “Social” instead of “Newsletter”']);
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
    expect(merge.lines).toStrictEqual({
      added: ['Template “Launch”'],
      replaced: ['Template “Welcome” (the file’s text replaces this one)', 'Default copy format: “Launch” instead of “welcome”'],
      unchanged: [],
    });
  });

  it('a built-in default replaces a template default; the same leaves it', () => {
    const link = mergeCopyFormats(LOCAL.copyFormats, { templates: [], defaultFormat: 'named' }, counter('n'));
    if (!link.ok) throw new Error(link.message);
    expect(link.value.defaultFormat).toBe('named');
    expect(link.lines.replaced).toStrictEqual(['Default copy format: “Link with names” instead of “Welcome”']);
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
    const merge = mergeSettings(LOCAL.settings, {
      dashboardDomains: ['links.acme-emea.com', 'links.acme-partners.com'],
      requestsPerSecond: 10,
    });
    if (!merge.ok) throw new Error(merge.message);
    expect(merge.value).toStrictEqual({ newDomains: ['links.acme-emea.com'], requestsPerSecond: 10 });
    expect(merge.lines).toStrictEqual({
      added: ['Dashboard domain links.acme-emea.com'],
      replaced: ['Requests per second: 10 instead of 25'],
      unchanged: ['Dashboard domain links.acme-partners.com (the same in the file)'],
    });
    const same = mergeSettings(LOCAL.settings, { dashboardDomains: [], requestsPerSecond: 25 });
    expect(same.ok && same.value).toStrictEqual({ newDomains: [] });
  });

  it('refuses to go past the limit', () => {
    const many = Array.from({ length: MAX_DASHBOARD_DOMAINS }, (_, i) => `d${i}.example.com`);
    const merge = mergeSettings(
      { dashboardDomains: many, requestsPerSecond: 20 },
      { dashboardDomains: ['new.example.com'], requestsPerSecond: 20 },
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
    const plan = planImport(fresh, fileOf());
    expect(plan).toStrictEqual({
      ok: true,
      changes: true,
      settings: { newDomains: ['links.acme-partners.com'], requestsPerSecond: 25 },
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
    const plan = planImport(full, fileOf());
    expect(plan.ok).toBe(false);
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
