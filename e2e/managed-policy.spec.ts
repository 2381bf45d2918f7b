// An administrator's policy, as Chromium applies one from a real policy file: the region pinned, each
// account's pace capped, keys kept for the session only, importing turned off, the
// organisation's presets and message templates (and its default copy format) read-only beside a
// person's own, its dashboard domain recognised; then the file changes while the browser runs and the
// open options page follows. Skips, saying why, where Chromium's policy folder cannot be written.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clickMenu, openDashboardPage } from './fixtures/dashboard';
import { DIST, builtManifest, expect, launchWithExtension, test } from './fixtures/extension';
import { linkFor } from './fixtures/fake-everflow';
import { policyDirProblem, removeChromiumPolicy, unpackedExtensionId, writeChromiumPolicy } from './fixtures/managed-policy';
import { accountCard, addForm, regionOption } from './fixtures/options-steps';
import { fillForm } from './fixtures/popup-form';
import { EU_KEY } from './simulator/network';

const ORGANISATION = 'Acme Corp';
const DOMAIN = 'links.acme-corp.example';
const POLICY = {
  region: 'eu',
  maxRequestsPerSecond: 6,
  dashboardDomains: [DOMAIN],
  presets: [{ name: 'Team newsletter', values: { sub1: 'newsletter', sub2: 'team' } }],
  messageTemplates: [{ id: 'slack', name: 'Team Slack', text: 'New link: {url}' }],
  defaultCopyFormat: 'slack',
  sessionOnlyKeys: true,
  allowImport: false,
  showWelcome: false,
  organisationName: ORGANISATION,
};

const problem = policyDirProblem();

/** The build, copied to a folder of its own (so its ID, and the policy for it, is this spec's alone), under POLICY. */
const managed = test.extend({
  context: async ({ simulatorServer }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'elb-policy-'));
    cpSync(DIST, dir, { recursive: true });
    writeChromiumPolicy(unpackedExtensionId(dir), POLICY);
    try {
      // showWelcome is false, but this install is the person's (unpacked), made as Chromium starts, before it
      // can answer for the policy (some 5 s): it is greeted, and the launch closes the welcome. An install the
      // policy pushes waits for the policy (first-run.test.ts).
      const { context, userDataDir } = await launchWithExtension([], dir, simulatorServer.server);
      await context.route(`https://${DOMAIN}/**`, (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Acme Corp partners</title><h1>Offer 42</h1>' }),
      );
      await use(context);
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    } finally {
      removeChromiumPolicy();
      rmSync(dir, { recursive: true, force: true });
    }
  },
});

managed.skip(problem !== undefined, problem);

managed(
  'an administrator’s policy locks what it sets, shares its presets and templates, and follows a change while the browser runs',
  async ({ context, worker, extensionId, everflow, clipboard, openExtensionPage }) => {
    managed.setTimeout(60_000);
    const optionsPath = builtManifest().options_ui.page;
    const setBy = `Set by ${ORGANISATION}`;

    const options = await openExtensionPage('options');
    expect(context.pages().filter((page) => page.url().endsWith(optionsPath))).toHaveLength(1);

    // Add an account: Europe only, the key kept for the session, both locked (once Chromium, just started,
    // gives the policy: the page follows it).
    const form = addForm(options);
    await expect(form.getByText(`Every account is in ${regionOption('Europe')}: set by ${ORGANISATION}.`)).toBeVisible({ timeout: 15_000 });
    const region = form.getByLabel('Region');
    await expect(region).toBeDisabled();
    await expect(region.locator('option')).toHaveText([regionOption('Europe')]);
    await expect(form.getByText(`Every account is in ${regionOption('Europe')}: set by ${ORGANISATION}.`)).toBeVisible();
    const keep = form.getByLabel('Keep this key only until the browser closes');
    await expect(keep).toBeChecked();
    await expect(keep).toBeDisabled();
    await form.getByLabel('API key', { exact: true }).fill(EU_KEY);
    await form.getByRole('button', { name: 'Add account' }).click();
    await expect(options.getByRole('status')).toHaveText(/^Added /, { timeout: 15_000 });
    expect(everflow.requests.map((request) => new URL(request.url).host)).not.toContain('api.eflow.team');

    // Its settings: the key kept for the session, locked; the pace at most the cap.
    const card = accountCard(options, 'Acme Performance Network');
    await expect(card.getByText('kept until the browser closes', { exact: false })).toBeVisible();
    const cardKeep = card.getByLabel('Keep this key only until the browser closes');
    await expect(cardKeep).toBeChecked();
    await expect(cardKeep).toBeDisabled();
    const pace = card.getByLabel('Requests per second', { exact: true });
    await expect(pace).toHaveValue('6');
    await expect(card.getByText(`At most 6, set by ${ORGANISATION}:`, { exact: false })).toBeVisible();
    await pace.fill('20');
    await card.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(card.getByText('Requests per second must be a whole number from 1 to 6.')).toBeVisible();

    // The organisation's dashboard domain, and the one button that asks for access to it.
    await expect(options.getByRole('region', { name: 'Your organisation’s dashboard domains' }).getByText(DOMAIN)).toBeVisible();
    await expect(options.getByRole('button', { name: 'Allow access to your organisation’s dashboard domains' })).toBeVisible();

    // Its preset and template: read-only, said who set them; the default format is theirs, locked.
    const theirPresets = options.getByRole('list', { name: `Presets set by ${ORGANISATION}` });
    await expect(theirPresets.getByRole('heading', { name: 'Team newsletter' })).toBeVisible();
    await expect(theirPresets.getByText(`${setBy}: it cannot be changed or deleted here.`)).toBeVisible();
    await expect(theirPresets.getByText('Sub 1: newsletter')).toBeVisible();
    await expect(theirPresets.getByRole('button', { name: 'Delete' })).toHaveCount(0);
    await expect(options.getByRole('list', { name: `Templates set by ${ORGANISATION}` }).getByText('New link: {url}')).toBeVisible();
    await expect(options.getByRole('radio', { name: 'Team Slack' })).toBeChecked();
    await expect(options.getByRole('radio', { name: 'Team Slack' })).toBeDisabled();

    // Importing is turned off.
    const importFile = options.getByLabel('Import settings…');
    await expect(importFile).toBeDisabled();
    await expect(options.getByText(`Importing team settings is turned off here: set by ${ORGANISATION}.`)).toBeVisible();

    // The popup: the organisation's preset applies, and the link is copied in its default format.
    const popup = await openExtensionPage('popup');
    await popup.getByRole('button', { name: 'Presets' }).click();
    await expect(popup.getByText(`· ${setBy}`)).toBeVisible();
    await popup.getByRole('button', { name: 'Apply Team newsletter' }).click();
    await expect(popup.getByLabel('Sub 1', { exact: true })).toHaveValue('newsletter');
    await fillForm(popup, { 'Offer ID': '1', 'Affiliate ID': '7' });
    await popup.getByRole('button', { name: 'Generate link' }).click();
    const link = linkFor(1, 7, { sub1: 'newsletter', sub2: 'team' });
    await expect(popup.getByRole('status')).toHaveText(`Copied “Team Slack” to clipboard: New link: ${link}`);
    await expect.poll(() => clipboard.read()).toBe(`New link: ${link}`);
    await popup.close();

    // A page on the organisation's dashboard domain is a dashboard page: the menu copies its offer's link.
    const page = `https://${DOMAIN}/offers/42/general`;
    await openDashboardPage(context, page);
    await clickMenu(worker, { menuItemId: 'copy-for-page', pageUrl: page });
    await expect.poll(() => everflow.linkRequests.at(-1)?.body).toStrictEqual({ network_offer_id: 42, network_affiliate_id: 7 });

    // The administrator changes the policy while the browser runs: the open options page follows.
    writeChromiumPolicy(extensionId, { ...POLICY, allowImport: true, organisationName: 'Acme Group' });
    await options.bringToFront();
    await expect(importFile).toBeEnabled({ timeout: 20_000 });
    await expect(options.getByText('Set by Acme Group', { exact: false }).first()).toBeVisible();
  },
);
