// Reading an administrator's policy: each key checked on its own (Firefox checks nothing, and an admin's
// typo in one key must not lose the others), lists entry by entry; the presets and templates it sets
// beside a person's own; the words that name who sets them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeChrome } from '../../../e2e/unit-fixtures/fake-chrome';
import { EMPTY_COPY_FORMATS, type CopyFormats } from '../copy-formats/copy-formats';
import { EMPTY_PRESETS, activePreset, presetsItem, defaultPreset, presetValuesFromForm, type PresetList } from '../presets/presets';
import { EMPTY_FORM } from '../link/link-form';
import { copyFormatsInUse, presetsInUse, presetsUnder } from './in-use';
import { copyFormatsUnder, decodePolicy, managedPolicy, paceUnder, setBy } from './policy';
import { isManaged } from './managed-items';

const NO_VALUES = presetValuesFromForm(EMPTY_FORM);

/** A policy that sets every key, each value one the extension takes as it is. */
const EVERY_KEY = {
  region: 'eu',
  maxRequestsPerSecond: 6,
  dashboardDomains: ['links.acme-corp.example'],
  presets: [{ name: 'Newsletter', values: { sub1: 'news' } }],
  messageTemplates: [{ id: 'slack', name: 'Slack', text: 'New link: {url}' }],
  defaultCopyFormat: 'slack',
  sessionOnlyKeys: true,
  allowImport: false,
  showWelcome: false,
  organisationName: 'Acme Corp',
};

describe('decodePolicy', () => {
  it('reads every key it knows', () => {
    expect(decodePolicy(EVERY_KEY)).toStrictEqual(EVERY_KEY);
  });

  it('no policy, or not an object, is no policy', () => {
    for (const raw of [undefined, null, 'eu', [], {}]) expect(decodePolicy(raw)).toStrictEqual({});
  });

  it('ignores each value that does not fit, on its own, and keys it does not know', () => {
    expect(
      decodePolicy({
        region: 'mars',
        maxRequestsPerSecond: 31,
        sessionOnlyKeys: 'yes',
        allowImport: false,
        showWelcome: 0,
        organisationName: 42,
        apiKey: 'efk_live_secret',
      }),
    ).toStrictEqual({ allowImport: false });
    expect(decodePolicy({ maxRequestsPerSecond: 2.5 })).toStrictEqual({});
  });

  it('keeps each dashboard domain that is one, as a host name, once; Everflow’s own hosts are covered already', () => {
    expect(
      decodePolicy({
        dashboardDomains: ['https://Links.Acme.com/offers', 'links.acme.com', 'not a domain', 7, 'acme.everflowclient.io', 'b.example'],
      }),
    ).toStrictEqual({ dashboardDomains: ['links.acme.com', 'b.example'] });
    expect(decodePolicy({ dashboardDomains: 'links.acme.com' })).toStrictEqual({});
  });

  it('uses each preset the form’s rules accept; the first of a name or an ID wins', () => {
    const policy = decodePolicy({
      presets: [
        { name: 'Newsletter', values: { sub1: 'news' } },
        { name: '', values: { sub1: 'x' } },
        { name: 'Too long', values: { sub1: 'x'.repeat(1000) } },
        { name: 'Hidden\u200b', values: {} },
        { name: 'newsletter', values: { sub1: 'again' } },
        { name: 'Bad flag', values: { encryptParameters: 'yes' } },
        { id: 'n', name: 'Spring' },
        { id: 'n', name: 'Summer' },
        'not a preset',
      ],
    });
    // Read as given, but for what no preset can be (not an object, a flag that is not one, a value too long)…
    expect(policy.presets).toHaveLength(6);
    // …and held to the form's rules where presets are used.
    expect(presetsUnder(EMPTY_PRESETS, policy).presets.map((preset) => [preset.id, preset.name, preset.values.sub1])).toStrictEqual([
      ['policy:Newsletter', 'Newsletter', 'news'],
      ['policy:n', 'Spring', ''],
    ]);
  });

  it('keeps each template that can be told apart and copied, and a default that names a format', () => {
    const policy = decodePolicy({
      messageTemplates: [
        { name: 'Slack', text: '{url}' },
        { name: 'Link', text: 'a built-in format’s name' },
        { name: 'Empty', text: '  ' },
        { name: 'slack', text: 'the same name' },
        { name: 'Email', text: 'Hi, {url}' },
      ],
      defaultCopyFormat: 'Email',
    });
    expect(policy).toStrictEqual({
      messageTemplates: [
        { name: 'Slack', text: '{url}' },
        { name: 'Email', text: 'Hi, {url}' },
      ],
      defaultCopyFormat: 'Email',
    });
    expect(decodePolicy({ defaultCopyFormat: 'named' })).toStrictEqual({ defaultCopyFormat: 'named' });
    expect(decodePolicy({ defaultCopyFormat: 'a template that is not there' })).toStrictEqual({});
  });

  it('the organisation’s name without hidden characters; nothing left of it is no name', () => {
    expect(decodePolicy({ organisationName: ' Acme\u202e Corp ' })).toStrictEqual({ organisationName: 'Acme Corp' });
    expect(decodePolicy({ organisationName: '\u200b' })).toStrictEqual({});
  });
});

it('names who sets what the policy sets', () => {
  expect(setBy({ organisationName: 'Acme Corp' })).toBe('Set by Acme Corp');
  expect(setBy({})).toBe('Set by your administrator');
});

it('caps an account’s pace, never raises it', () => {
  expect([paceUnder(20, { maxRequestsPerSecond: 6 }), paceUnder(4, { maxRequestsPerSecond: 6 }), paceUnder(20, {})]).toStrictEqual([
    6, 4, 20,
  ]);
});

describe('the presets everyone uses', () => {
  const mine: PresetList = {
    presets: [
      { id: 'a', name: 'Newsletter', values: { ...NO_VALUES, sub1: 'mine' }, affiliateIds: [7], accountId: 'first' },
      { id: 'b', name: 'Spring', values: { ...NO_VALUES, sub2: 'spring' }, affiliateIds: [] },
    ],
    defaultId: 'b',
  };

  it('the policy’s first, read-only; a person’s of the same name is shown as theirs; the default stays theirs', () => {
    const list = presetsUnder(mine, decodePolicy({ presets: [{ name: 'newsletter', values: { sub1: 'team', encryptParameters: true } }] }));
    expect(list.presets.map((preset) => [preset.id, preset.name, isManaged(preset)])).toStrictEqual([
      ['policy:newsletter', 'newsletter', true],
      ['a', 'Newsletter (yours)', false],
      ['b', 'Spring', false],
    ]);
    expect(list.presets[0]!.values).toStrictEqual({ ...NO_VALUES, sub1: 'team', encryptParameters: true });
    expect(defaultPreset(list)?.id).toBe('b');
    // Usable as any preset is: the popup shows which one a form holds.
    expect(activePreset(list, { ...EMPTY_FORM, sub1: 'team', encryptParameters: true })?.id).toBe('policy:newsletter');
  });

  it('a person may make one of the policy’s their default', () => {
    expect(defaultPreset(presetsUnder({ ...EMPTY_PRESETS, defaultId: 'policy:n' }, { presets: [{ id: 'n', name: 'N' }] }))?.name).toBe('N');
  });

  it('without a policy, the person’s own as stored', () => {
    expect(presetsUnder(mine, {})).toBe(mine);
  });
});

describe('the copy formats everyone uses', () => {
  const mine: CopyFormats = { templates: [{ id: 't1', name: 'Slack', text: 'mine: {url}' }], defaultFormat: 't1' };

  it('the policy’s templates first; its default wins over the person’s', () => {
    expect(
      copyFormatsUnder(
        mine,
        decodePolicy({ messageTemplates: [{ id: 'team', name: 'Slack', text: 'team: {url}' }], defaultCopyFormat: 'team' }),
      ),
    ).toStrictEqual({
      templates: [
        { id: 'policy:team', name: 'Slack', text: 'team: {url}' },
        { id: 't1', name: 'Slack (yours)', text: 'mine: {url}' },
      ],
      defaultFormat: 'policy:team',
    });
    expect(copyFormatsUnder(mine, { defaultCopyFormat: 'named' })).toStrictEqual({ ...mine, defaultFormat: 'named' });
  });

  it('without a default in the policy, the person’s stays', () => {
    expect(copyFormatsUnder(EMPTY_COPY_FORMATS, { messageTemplates: [{ name: 'A', text: '{url}' }] }).defaultFormat).toBe('link');
  });
});

describe('managedPolicy', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads the browser’s managed storage, checked', async () => {
    const fake = installFakeChrome();
    await fake.setPolicy({ region: 'eu', maxRequestsPerSecond: 99 });
    expect(await managedPolicy.value()).toStrictEqual({ region: 'eu' });
  });

  it('Firefox without a policies.json for the add-on rejects the read: no policy', async () => {
    const fake = installFakeChrome();
    fake.managed.get = () => Promise.reject(new Error('Managed storage manifest not found'));
    expect(await managedPolicy.value()).toStrictEqual({});
  });

  it('does not wait for a browser that cannot answer yet: none for now, then the policy once it can', async () => {
    const fake = installFakeChrome();
    let answer: (() => void) | undefined;
    fake.policyReady = new Promise<void>((resolve) => (answer = resolve));
    await fake.setPolicy({ organisationName: 'Acme Corp' });
    expect(await managedPolicy.value()).toStrictEqual({});
    const seen: unknown[] = [];
    const stop = managedPolicy.watch((policy) => seen.push(policy));
    answer?.();
    await vi.waitFor(() => expect(seen).toStrictEqual([{ organisationName: 'Acme Corp' }]));
    expect(await managedPolicy.value()).toStrictEqual({ organisationName: 'Acme Corp' });
    stop();
  });

  it('follows a change, read again whole', async () => {
    const fake = installFakeChrome();
    const seen: unknown[] = [];
    const stop = managedPolicy.watch((policy) => seen.push(policy));
    // The browser's first answer is told too (a read before it went on without the policy).
    await vi.waitFor(() => expect(seen).toStrictEqual([{}]));
    await fake.setPolicy({ organisationName: 'Acme Corp', allowImport: false });
    await vi.waitFor(() => expect(seen).toStrictEqual([{}, { organisationName: 'Acme Corp', allowImport: false }]));
    stop();
    await fake.setPolicy(undefined);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toHaveLength(2);
  });
});

describe('the presets and copy formats in use, as pages follow them', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('read the stored list and the policy together', async () => {
    const fake = installFakeChrome();
    fake.local.put('presets', 1, { presets: [{ id: 'a', name: 'Mine', values: NO_VALUES, affiliateIds: [] }], defaultId: null });
    await fake.setPolicy({
      presets: [{ name: 'Team' }, { name: 'Other', values: { sub1: 'x' } }],
      messageTemplates: [{ name: 'Slack', text: '{url}' }],
    });
    expect((await presetsInUse.value()).presets.map((preset) => preset.name)).toStrictEqual(['Team', 'Other', 'Mine']);
    expect((await copyFormatsInUse.value()).templates.map((template) => template.id)).toStrictEqual(['policy:Slack']);
  });

  it('follow a change of either: the person’s own saved, then the policy changed while the page is open', async () => {
    const fake = installFakeChrome();
    await fake.setPolicy({ presets: [{ name: 'Team' }] });
    const seen: string[][] = [];
    const stop = presetsInUse.watch((list) => seen.push(list.presets.map((preset) => preset.name)));
    await presetsItem.set({ presets: [{ id: 'a', name: 'team', values: NO_VALUES, affiliateIds: [] }], defaultId: null });
    await vi.waitFor(() => expect(seen).toStrictEqual([['Team', 'team (yours)']]));
    await fake.setPolicy({ presets: [{ name: 'Spring' }] });
    await vi.waitFor(() => expect(seen.at(-1)).toStrictEqual(['Spring', 'team']));
    await fake.setPolicy(undefined);
    await vi.waitFor(() => expect(seen.at(-1)).toStrictEqual(['team']));
    stop();
  });
});
