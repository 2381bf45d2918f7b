// A team's own dashboard domain (white label), added to its account on the options page with the
// browser's access to it granted: the popup's prefill, the right-click menu and the keyboard shortcut all
// read its pages. A domain is one account's: another account is refused it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { clickMenu, openDashboardPage, pressCommand } from './fixtures/dashboard';
import { DIST, FIRST_NETWORK_NAME, expect, launchWithExtension, test } from './fixtures/extension';
import { DEFAULT_LINK, SECOND_NETWORK_KEY } from './fixtures/fake-everflow';
import { expectFieldError } from './fixtures/page-checks';
import { fillForm } from './fixtures/popup-form';
import { openToolbarPopup } from './fixtures/toolbar-popup';

const DOMAIN = 'links.acme-partners.com';
const OTHER_DOMAIN = 'links.acme-emea.com';
const OFFER_PAGE = `https://${DOMAIN}/offers/42/general`;

/** The production build as the browser holds it once the person has allowed access to both domains. */
const granted = test.extend({
  context: async ({ simulatorServer }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'elb-white-label-'));
    cpSync(DIST, dir, { recursive: true });
    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions: string[] };
    manifest.host_permissions.push(`https://${DOMAIN}/*`, `https://${OTHER_DOMAIN}/*`);
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const { context, userDataDir } = await launchWithExtension([], dir, simulatorServer.server);
    await context.route(`https://${DOMAIN}/**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Acme partners</title><h1>Offer 42</h1>' }),
    );
    await use(context);
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  },
});

const accountCard = (options: Page, name: string) => options.getByRole('region', { name, exact: true });

/** Adds `domain` to the account's dashboard domains (its settings opened first). */
async function addDomain(options: Page, domain = DOMAIN, name = FIRST_NETWORK_NAME) {
  const card = accountCard(options, name);
  if (!(await card.getByLabel('Add a dashboard domain').isVisible())) await card.getByText('Edit account').click();
  await card.getByLabel('Add a dashboard domain').fill(domain);
  await card.getByRole('button', { name: 'Add domain' }).click();
}

granted(
  'an offer page on the team’s own dashboard domain prefills the popup, and the menu and shortcut copy its link',
  async ({ context, worker, everflow, clipboard, saveKey, openExtensionPage }) => {
    await saveKey();
    const options = await openExtensionPage('options');
    await addDomain(options);
    await expect(accountCard(options, FIRST_NETWORK_NAME).getByText(`${DOMAIN} added.`)).toBeVisible();
    await options.close();

    const popup = await openExtensionPage('popup');
    await fillForm(popup, { 'Offer ID': '1', 'Affiliate ID': '7' });
    await popup.getByRole('button', { name: 'Generate link' }).click();
    await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');
    await popup.close();

    // The toolbar popup, on that domain's offer page.
    await openDashboardPage(context, OFFER_PAGE);
    const { page: toolbar, disconnect } = await openToolbarPopup(context, worker);
    await expect(toolbar.getByLabel('Offer ID', { exact: true })).toHaveValue('42');
    await expect(toolbar.getByText('from this page')).toBeVisible();
    await disconnect();

    // The right-click menu on that page.
    await clipboard.write('before');
    await openDashboardPage(context, OFFER_PAGE);
    await clickMenu(worker, { menuItemId: 'copy-for-page', pageUrl: OFFER_PAGE });
    await expect.poll(() => everflow.linkRequests.length).toBe(2);
    expect(everflow.linkRequests[1]!.body).toStrictEqual({ network_offer_id: 42, network_affiliate_id: 7 });
    await expect.poll(() => clipboard.read()).toBe(DEFAULT_LINK);

    // The keyboard shortcut on that page.
    await clipboard.write('before');
    await openDashboardPage(context, OFFER_PAGE);
    await pressCommand(worker, 'copy-link-for-page', OFFER_PAGE);
    await expect.poll(() => everflow.linkRequests.length).toBe(3);
    expect(everflow.linkRequests[2]!.body).toStrictEqual({ network_offer_id: 42, network_affiliate_id: 7 });
    await expect.poll(() => clipboard.read()).toBe(DEFAULT_LINK);
  },
);

granted(
  'two options pages adding a domain to an account at the same moment both keep theirs; another account is refused one it has',
  async ({ saveKey, openExtensionPage }) => {
    await saveKey();
    await saveKey(SECOND_NETWORK_KEY, 'Europe');
    const first = await openExtensionPage('options');
    const second = await openExtensionPage('options');
    const [mine, theirs] = [accountCard(first, FIRST_NETWORK_NAME), accountCard(second, FIRST_NETWORK_NAME)];
    for (const card of [mine, theirs]) await card.getByText('Edit account').click();
    await mine.getByLabel('Add a dashboard domain').fill(DOMAIN);
    await theirs.getByLabel('Add a dashboard domain').fill(OTHER_DOMAIN);
    await Promise.all([
      mine.getByRole('button', { name: 'Add domain' }).click(),
      theirs.getByRole('button', { name: 'Add domain' }).click(),
    ]);
    await expect(mine.getByText(`${DOMAIN} added.`)).toBeVisible();
    await expect(theirs.getByText(`${OTHER_DOMAIN} added.`)).toBeVisible();
    // Each page shows both, without a reload.
    for (const card of [mine, theirs]) {
      await expect(card.getByRole('button', { name: `Remove ${DOMAIN}` })).toBeVisible();
      await expect(card.getByRole('button', { name: `Remove ${OTHER_DOMAIN}` })).toBeVisible();
    }

    // The second network's account may not have the first one's domain.
    await addDomain(first, DOMAIN, 'Nordlys Media Partners');
    const field = accountCard(first, 'Nordlys Media Partners').getByLabel('Add a dashboard domain');
    await expectFieldError(first, field, `${DOMAIN} is ${FIRST_NETWORK_NAME}’s dashboard domain already; remove it there first.`);
    await first.reload();
    const nordlys = accountCard(first, 'Nordlys Media Partners');
    await nordlys.getByText('Edit account').click();
    await expect(nordlys.getByRole('button', { name: `Remove ${DOMAIN}` })).toHaveCount(0);
  },
);
