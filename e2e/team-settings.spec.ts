// Team settings: one person exports presets, templates, the default copy format, and an account's
// dashboard domain and pace; a teammate with a fresh browser and their own key imports the file after
// seeing what it will add and replace. A file from the version with one key imports into the account
// chosen. A file that is broken, foreign, newer or too large is refused in one sentence, changing nothing.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { ADDED_TEST_KEY, DIST, FIRST_NETWORK_NAME, TEST_KEY, builtManifest, expect, launchWithExtension, test } from './fixtures/extension';
import { DEFAULT_LINK, SECOND_NETWORK_KEY } from './fixtures/fake-everflow';
import { expectAccessible, expectFieldError, expectNothingLeaked } from './fixtures/page-checks';

const DOMAIN = 'links.acme-partners.com';
const VALUES = {
  sourceId: 'newsletter',
  sub1: 'spring',
  sub2: '{date}',
  sub3: '',
  sub4: '',
  sub5: '',
  encryptParameters: true,
  redirectLink: false,
};
const PRESETS = {
  presets: [
    { id: 'p-news', name: 'Newsletter', values: VALUES, affiliateIds: [7] },
    { id: 'p-social', name: 'Social', values: { ...VALUES, sourceId: 'social', sub2: '' }, affiliateIds: [] },
  ],
  defaultId: 'p-news',
};
const COPY_FORMATS = {
  templates: [{ id: 't-welcome', name: 'Welcome', text: 'Hi {affiliate_name}, your link: {url}' }],
  defaultFormat: 't-welcome',
};

/** A copy of the build that already has access to DOMAIN, as a person who allowed it would (headless Chromium cannot click Allow). */
function buildWithDomainAccess(): string {
  const dir = mkdtempSync(join(tmpdir(), 'elb-team-'));
  cpSync(DIST, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions.push(`https://${DOMAIN}/*`);
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

const granted = test.extend<{ extensionDir: string }>({
  extensionDir: async ({}, use) => {
    const dir = buildWithDomainAccess();
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ simulatorServer, extensionDir }, use) => {
    const { context, userDataDir } = await launchWithExtension([], extensionDir, simulatorServer.server);
    await use(context);
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  },
});

/**
 * Setup only: presets and a template written straight into storage, as the popup and Templates would;
 * the preset tied to affiliate 7 is for `accountId`'s affiliate (none given: the first account saved).
 */
async function seedPresetsAndTemplate(worker: Worker, accountId?: string): Promise<void> {
  await worker.evaluate(
    async ({ presets, copyFormats, accountId: given }) => {
      const stored = (await chrome.storage.local.get('accounts')) as { accounts?: { data: { accounts: { id: string }[] } } };
      const of = given ?? stored.accounts?.data.accounts[0]?.id;
      const tied = { ...presets, presets: presets.presets.map((p) => (p.affiliateIds.length > 0 && of ? { ...p, accountId: of } : p)) };
      await chrome.storage.local.set({ presets: { v: 3, data: tied }, copyFormats: { v: 1, data: copyFormats } });
    },
    { presets: PRESETS, copyFormats: COPY_FORMATS, accountId },
  );
}

/** Setup only: a link in the history, as making one would leave it. */
async function seedHistory(worker: Worker): Promise<void> {
  await worker.evaluate(async (url) => {
    const stored = (await chrome.storage.local.get('accounts')) as { accounts: { data: { accounts: { id: string }[] } } };
    const entry = {
      id: 'h1',
      accountId: stored.accounts.data.accounts[0]!.id,
      url,
      input: { linkType: 'offer', offerId: 42, affiliateId: 7 },
      surface: 'popup',
      at: Date.now(),
    };
    await chrome.storage.local.set({ history: { v: 2, data: [entry] } });
  }, DEFAULT_LINK);
}

const storedNow = (worker: Worker) => worker.evaluate(() => chrome.storage.local.get(null));
const accountCard = (options: Page, name: string) => options.getByRole('region', { name, exact: true });

/** Adds an account on an options page as a person does. */
async function addAccount(options: Page, key: string, region: 'United States' | 'Europe' = 'United States'): Promise<void> {
  const add = options.getByRole('region', { name: 'Add an account' });
  await add.getByLabel('API key', { exact: true }).fill(key);
  await add
    .getByLabel('Region')
    .selectOption({ label: region === 'Europe' ? 'Europe (api-eu.eflow.team)' : 'United States (api.eflow.team)' });
  await add.getByRole('button', { name: 'Add account' }).click();
  await expect(options.getByRole('status')).toHaveText(/^Added /);
}

async function openOptions(context: BrowserContext): Promise<{ options: Page; worker: Worker }> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const options = await context.newPage();
  await options.goto(`chrome-extension://${new URL(worker.url()).host}/${builtManifest().options_ui.page}`);
  return { options, worker };
}

const importField = (options: Page) => options.getByLabel('Import settings…');
const preview = (options: Page) => options.getByRole('region', { name: /^Import from / });
const planList = (options: Page, title: string) => preview(options).getByRole('list', { name: title }).getByRole('listitem');
const theirsDetails = (options: Page) => options.getByLabel('Preset “Newsletter”: details');

granted(
  'exports presets, a template, an account’s dashboard domain and pace without the key or history, and a fresh browser imports them after a preview',
  async ({ worker, saveKey, openExtensionPage, simulatorServer, extensionDir }) => {
    // A person with a key, a link in the history, presets, a template, a dashboard domain and a pace.
    await saveKey();
    await seedHistory(worker);
    await seedPresetsAndTemplate(worker);
    const options = await openExtensionPage('options');
    const mine = accountCard(options, FIRST_NETWORK_NAME);
    await mine.getByLabel('Add a dashboard domain').fill(DOMAIN);
    await mine.getByRole('button', { name: 'Add domain' }).click();
    await expect(mine.getByText(`${DOMAIN} added.`)).toBeVisible();
    await mine.getByLabel('Requests per second').fill('25');
    await mine.getByLabel('Requests per second').press('Enter');
    await expect(mine.getByText(`${FIRST_NETWORK_NAME} saved.`)).toBeVisible();
    // One account: no choice to make, and the section says whose domains and pace go in the file.
    await expect(options.getByLabel('Account', { exact: true })).toHaveCount(0);
    await expect(options.getByText(`The dashboard domains and requests per second are those of ${FIRST_NETWORK_NAME}.`)).toBeVisible();

    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export settings' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^everflow-link-builder-settings-\d{4}-\d{2}-\d{2}\.json$/);
    await expect(
      options.getByText(`Exported to ${download.suggestedFilename()}, without your API key and your link history.`),
    ).toBeVisible();
    const text = readFileSync((await download.path())!, 'utf8');
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file).toMatchObject({
      kind: 'everflow-link-builder/team-settings',
      version: 1,
      // The tied preset says its affiliates' network, not this browser's account.
      presets: { ...PRESETS, presets: [{ ...PRESETS.presets[0], networkId: 1 }, PRESETS.presets[1]] },
      copyFormats: COPY_FORMATS,
      dashboardDomains: [DOMAIN],
      requestsPerSecond: 25,
    });
    expect(text).not.toContain('accountId');
    // Never the key (nor its last characters), never the history.
    expect(text).not.toContain(TEST_KEY);
    expect(text).not.toContain(TEST_KEY.slice(-4));
    expect(text).not.toContain(DEFAULT_LINK);
    expect(Object.keys(file).toSorted()).toStrictEqual([
      'copyFormats',
      'dashboardDomains',
      'exportedAt',
      'kind',
      'presets',
      'requestsPerSecond',
      'version',
    ]);
    const settingsFile = join(mkdtempSync(join(tmpdir(), 'elb-team-file-')), download.suggestedFilename());
    await download.saveAs(settingsFile);

    // A teammate's fresh browser profile, with their own key of the same network.
    const fresh = await launchWithExtension([], extensionDir, simulatorServer.server);
    try {
      const { options: theirs, worker: theirWorker } = await openOptions(fresh.context);
      await expect(theirs.getByText('No presets yet.')).toBeVisible();
      await addAccount(theirs, TEST_KEY);
      await expect(theirs.getByRole('status')).toHaveText(ADDED_TEST_KEY);
      const before = await storedNow(theirWorker);

      await importField(theirs).setInputFiles(settingsFile);
      await expect(preview(theirs)).toBeVisible();
      await expect(preview(theirs).getByRole('heading', { name: `Import from ${download.suggestedFilename()}` })).toBeFocused();
      await expect(planList(theirs, 'Will be added')).toHaveText([
        /^Preset “Newsletter”/,
        /^Preset “Social”/,
        /^Template “Welcome”/,
        new RegExp(`^Dashboard domain ${DOMAIN}`),
      ]);
      // Each preset with what it sets and whom it is for, the template with its text.
      await expect(theirs.getByLabel('Preset “Newsletter”: details')).toHaveText(
        'Source IDnewsletterSub 1springSub 2{date}Encrypt parametersonAffiliates7',
      );
      await expect(theirs.getByLabel('Template “Welcome”: details')).toHaveText('TextHi {affiliate_name}, your link: {url}');
      // A dashboard domain grants access to a whole site: said, and added only when ticked.
      const domainBox = preview(theirs).getByRole('checkbox', { name: `Dashboard domain ${DOMAIN}` });
      await expect(domainBox).not.toBeChecked();
      await expect(preview(theirs).getByText(`Grants access to every page on ${DOMAIN}.`)).toBeVisible();
      await domainBox.check();
      await expect(planList(theirs, 'Will replace')).toHaveText([
        'Default preset: “Newsletter” instead of none',
        'Default copy format: “Welcome” instead of “Link”',
        'Requests per second: 25 instead of 20',
      ]);
      await expect(
        preview(theirs).getByText(
          'Nothing changes until you press Import; your browser then asks to allow access to the dashboard domains you ticked.',
        ),
      ).toBeVisible();
      await expectAccessible(theirs);
      // Nothing written before the person confirms.
      expect(await storedNow(theirWorker)).toStrictEqual(before);
      await expect(theirs.getByText('No presets yet.')).toBeVisible();

      await preview(theirs).getByRole('button', { name: 'Import' }).click();
      await expect(theirs.locator('#team-settings-notice')).toHaveText(
        'Imported 2 presets, 1 template, 1 dashboard domain, the default preset, the default copy format and the pace.',
      );
      await expect(preview(theirs)).toHaveCount(0);
      await expect(importField(theirs)).toBeFocused();
      // The options page shows them at once: presets, and the account's domain and pace.
      await expect(theirs.getByRole('form', { name: 'Preset Newsletter' })).toBeVisible();
      await expect(theirs.getByRole('form', { name: 'Preset Social' })).toBeVisible();
      await expect(theirs.getByRole('form', { name: 'Preset Newsletter' }).getByRole('heading')).toHaveText('Newsletter (default)');
      const theirAccount = accountCard(theirs, FIRST_NETWORK_NAME);
      await expect(theirAccount.getByRole('button', { name: `Remove ${DOMAIN}` })).toBeVisible();
      await expect(theirAccount.getByLabel('Requests per second')).toHaveValue('25');
      await expectNothingLeaked(theirs);
      const stored = (await storedNow(theirWorker)) as {
        copyFormats: { data: { templates: { name: string; text: string }[] } };
        presets: { data: { presets: { name: string; affiliateIds: number[]; accountId?: string }[] } };
        accounts: { data: { accounts: { id: string }[] } };
      };
      expect(stored.copyFormats.data.templates.map(({ name, text: body }) => ({ name, text: body }))).toStrictEqual([
        { name: 'Welcome', text: COPY_FORMATS.templates[0]!.text },
      ]);
      // Affiliate 7 of the file's network is affiliate 7 of their account of that network.
      expect(stored.presets.data.presets.map(({ name, affiliateIds, accountId }) => [name, affiliateIds, accountId])).toStrictEqual([
        ['Newsletter', [7], stored.accounts.data.accounts[0]!.id],
        ['Social', [], undefined],
      ]);

      // Importing the same file again changes nothing, and says so before anything is pressed.
      await importField(theirs).setInputFiles(settingsFile);
      await expect(preview(theirs).getByText('This browser already has everything in the file.')).toBeVisible();
      await expect(planList(theirs, 'Will be added')).toHaveCount(0);
      await expect(preview(theirs).getByRole('button', { name: 'Import' })).toHaveCount(0);
      await preview(theirs).getByRole('button', { name: 'Cancel' }).click();
      await expect(preview(theirs)).toHaveCount(0);

      // …and the popup offers the presets.
      const theirPopup = await fresh.context.newPage();
      await theirPopup.goto(theirs.url().replace(builtManifest().options_ui.page, builtManifest().action.default_popup));
      await theirPopup.getByRole('button', { name: 'Presets' }).click();
      await expect(theirPopup.getByRole('button', { name: 'Apply Newsletter' })).toBeVisible();
      await expect(theirPopup.getByRole('button', { name: 'Apply Social' })).toBeVisible();
    } finally {
      await fresh.context.close();
      rmSync(fresh.userDataDir, { recursive: true, force: true });
      rmSync(join(settingsFile, '..'), { recursive: true, force: true });
    }
  },
);

granted(
  'a file from the version with one key imports into the account chosen: its domain and pace go there, its partner preset is tied to it',
  async ({ worker, openExtensionPage }) => {
    const options = await openExtensionPage('options');
    await addAccount(options, TEST_KEY);
    await addAccount(options, SECOND_NETWORK_KEY, 'Europe');
    // The single-key version's file: no network beside its tied preset.
    const single = {
      kind: 'everflow-link-builder/team-settings',
      version: 1,
      exportedAt: '2026-11-30T12:00:00.000Z',
      presets: PRESETS,
      copyFormats: COPY_FORMATS,
      dashboardDomains: [DOMAIN],
      requestsPerSecond: 12,
    };
    const choose = options.getByLabel('Account', { exact: true });
    await expect(choose).toHaveValue(/.+/);
    await choose.selectOption({ label: 'Nordlys Media Partners' });
    await importField(options).setInputFiles({
      name: 'team.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(single)),
    });
    await preview(options)
      .getByRole('checkbox', { name: `Dashboard domain ${DOMAIN}` })
      .check();
    await expect(theirsDetails(options)).toHaveText(/Affiliates7OfNordlys Media Partners$/);
    await expect(planList(options, 'Will replace')).toContainText(['Requests per second: 12 instead of 20']);
    await expectAccessible(options);
    await preview(options).getByRole('button', { name: 'Import' }).click();
    await expect(options.locator('#team-settings-notice')).toHaveText(
      'Imported 2 presets, 1 template, 1 dashboard domain, the default preset, the default copy format and the pace.',
    );
    const nordlys = accountCard(options, 'Nordlys Media Partners');
    await nordlys.getByText('Edit account').click();
    await expect(nordlys.getByRole('button', { name: `Remove ${DOMAIN}` })).toBeVisible();
    await expect(nordlys.getByLabel('Requests per second')).toHaveValue('12');
    const acme = accountCard(options, FIRST_NETWORK_NAME);
    await acme.getByText('Edit account').click();
    await expect(acme.getByRole('button', { name: `Remove ${DOMAIN}` })).toHaveCount(0);
    await expect(acme.getByLabel('Requests per second')).toHaveValue('20');
    // The tied preset names its affiliate on that network, and says whose it is.
    const ties = options.getByRole('form', { name: 'Affiliates for Newsletter' });
    await expect(ties.getByText('Affiliates of Nordlys Media Partners.')).toBeVisible();
    await expect(ties.getByRole('listitem')).toHaveText(['7 · Fjordlys MediaRemove']);
    const stored = (await storedNow(worker)) as {
      presets: { data: { presets: { accountId?: string }[] } };
      accounts: { data: { accounts: { id: string }[] } };
    };
    expect(stored.presets.data.presets[0]!.accountId).toBe(stored.accounts.data.accounts[1]!.id);
  },
);

test('a broken, foreign, newer or too large file is refused in one sentence and nothing changes; Cancel changes nothing either', async ({
  worker,
  openExtensionPage,
}) => {
  await seedPresetsAndTemplate(worker);
  const options = await openExtensionPage('options');
  await expect(options.getByRole('form', { name: 'Preset Newsletter' })).toBeVisible();
  const before = await storedNow(worker);
  const good = {
    kind: 'everflow-link-builder/team-settings',
    version: 1,
    exportedAt: '2026-11-30T12:00:00.000Z',
    presets: { presets: [], defaultId: null },
    copyFormats: { templates: [], defaultFormat: 'link' },
    dashboardDomains: [],
    requestsPerSecond: 5,
  };
  const cases = [
    {
      name: 'settings.json',
      buffer: Buffer.from('{"kind": "everflow-link-builder/team-settings", "version": 1, "presets": '),
      message: 'That file is not JSON (it may be damaged or another kind of file), so nothing was changed.',
    },
    {
      name: 'package.json',
      buffer: Buffer.from(JSON.stringify({ name: 'something-else', version: '1.0.0' })),
      message: 'That file is not a Link Builder for Everflow settings file, so nothing was changed.',
    },
    {
      name: 'from-the-future.json',
      buffer: Buffer.from(JSON.stringify({ ...good, version: 2 })),
      message:
        'That file comes from a newer version of Link Builder for Everflow, so nothing was changed; update the extension and import it again.',
    },
    {
      name: 'huge.json',
      buffer: Buffer.alloc(1024 * 1024 + 1, ' '),
      message: 'That file is larger than 1 MB, so it was not read and nothing was changed.',
    },
    {
      name: 'bad-pace.json',
      buffer: Buffer.from(JSON.stringify({ ...good, requestsPerSecond: 500 })),
      message: 'That file’s requests per second are not valid, so nothing was changed.',
    },
  ];
  for (const { name, buffer, message } of cases) {
    await importField(options).setInputFiles({ name, mimeType: 'application/json', buffer });
    await expectFieldError(options, importField(options), message);
    await expect(preview(options)).toHaveCount(0);
    expect(await storedNow(worker)).toStrictEqual(before);
  }
  await expectAccessible(options);

  // A good file, then Cancel: the preview goes and nothing is written.
  await importField(options).setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
  await expect(options.getByRole('alert')).toHaveCount(0);
  // The file's default format is the bare link: it would replace this browser's template default.
  await expect(planList(options, 'Will replace')).toHaveText(['Default copy format: “Link” instead of “Welcome”']);
  // No account here to take the file's pace.
  await expect(planList(options, 'Left as they are')).toHaveText([
    'Preset “Newsletter” (only in this browser)',
    'Preset “Social” (only in this browser)',
    'Default preset: “Newsletter” (the file sets none)',
    'Template “Welcome” (only in this browser)',
    'The file’s dashboard domains and requests per second (not imported: they are an Everflow account’s; add one first)',
  ]);
  await preview(options).getByRole('button', { name: 'Cancel' }).click();
  await expect(preview(options)).toHaveCount(0);
  await expect(importField(options)).toBeFocused();
  expect(await storedNow(worker)).toStrictEqual(before);
});
