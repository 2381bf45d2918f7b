// Links made at the same moment from three popups, the right-click menu and the keyboard: every one
// is in the history and every affiliate in the recent affiliates (the menu's affiliate list). Each of
// those stored lists is written by one serialised update at a time, in the service worker.
import type { Page } from '@playwright/test';
import { DASHBOARD, clickMenu, openDashboardPage, pressCommand, serveDashboard } from './fixtures/dashboard';
import { expect, test } from './fixtures/extension';
import { fillForm } from './fixtures/popup-form';

test('three popups, the menu and the keyboard at once: nothing is lost', async ({
  context,
  worker,
  everflow,
  extensionId,
  saveKey,
  openExtensionPage,
}) => {
  await serveDashboard(context);
  await saveKey();
  // The last affiliate, which the menu and the keyboard use.
  const first = await openExtensionPage('popup');
  await fillForm(first, { 'Offer ID': '1', 'Affiliate ID': '913' });
  await first.getByRole('button', { name: 'Generate link' }).click();
  await expect(first.getByRole('status')).toHaveText('Copied to clipboard.');
  await first.close();

  const popups: Page[] = [];
  for (const affiliate of ['7', '8', '9']) {
    const popup = await openExtensionPage('popup');
    await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': affiliate });
    popups.push(popup);
  }
  const menuPage = `${DASHBOARD}/offers/99/general`;
  const keyboardPage = `${DASHBOARD}/offers/43/general`;
  await openDashboardPage(context, '/offers/99/general');
  await openDashboardPage(context, '/offers/43/general');
  await Promise.all([
    ...popups.map((popup) => popup.getByRole('button', { name: 'Generate link' }).click()),
    clickMenu(worker, { menuItemId: 'copy-for-page', pageUrl: menuPage }),
    pressCommand(worker, 'copy-link-for-page', keyboardPage),
  ]);
  await expect.poll(() => everflow.linkRequests.length).toBe(6);
  for (const popup of popups) await expect(popup.getByRole('status')).toHaveText('Copied to clipboard.');

  const history = await context.newPage();
  await history.goto(`chrome-extension://${extensionId}/src/history/history.html`);
  const rows = history.locator('tbody tr');
  await expect(rows).toHaveCount(6);
  const made = () =>
    rows.evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
        return `${cells[1]} ${cells[5]}`;
      }),
    );
  // Each with its offer's name, some written after the copy: none lost to another link's write.
  await expect
    .poll(async () => (await made()).toSorted())
    .toStrictEqual([
      '1 Starter Offer – CPA Popup',
      '42 Summer Sale – US – CPA Popup',
      '42 Summer Sale – US – CPA Popup',
      '42 Summer Sale – US – CPA Popup',
      '43 Summer Sale – CA – CPA Keyboard',
      '99 Garden Tools – CPA Menu',
    ]);

  // The recent affiliates are the account's: the one account, added first.
  const recent = await worker.evaluate(
    async () => ((await chrome.storage.local.get('recentAffiliates')).recentAffiliates as { data: Record<string, number[]> }).data.first!,
  );
  expect(recent.toSorted((a, b) => a - b)).toStrictEqual([7, 8, 9, 913]);
});
