// A bulk job at the pace of an Everflow that takes its time: every answer comes 300 ms (± 50) after
// the request, over HTTP/2, at Everflow's current 30 requests a second. Keeping that pace needs about
// 30 × 0.3 s = 9 rows in flight, more than the fixed 8 bulk rows the extension used to allow; the
// limiter now keeps as many in flight as the pace and Everflow's answer time need. Rows are counted
// per request in the simulator; times are not asserted. The second test reads the pace and the time
// left the page says while a job runs.
import { setPace } from './fixtures/options-steps';
import type { BrowserContext, Page } from '@playwright/test';
import { FIRST_NETWORK_NAME, expect, test } from './fixtures/extension';
import { LINK_PATH, linkFor } from './fixtures/fake-everflow';

const OFFER = 42;
const ROWS = 60;
const affiliates = Array.from({ length: ROWS }, (_, i) => 301 + i);

test.use({ simulatorOptions: { protocol: 'h2', latency: { ms: 300, jitterMs: 50 } } });

async function setThePace(openExtensionPage: (which: 'options') => Promise<Page>, perSecond: number): Promise<void> {
  const options = await openExtensionPage('options');
  await setPace(options, FIRST_NETWORK_NAME, perSecond);
  await options.close();
}

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  saveKey: () => Promise<void>;
  openExtensionPage: (which: 'options') => Promise<Page>;
}

/** Saves the key and the pace, and starts a job on the Bulk links page: OFFER for each of `ids`. */
async function startJob({ context, extensionId, saveKey, openExtensionPage }: Fixtures, perSecond: number, ids: number[]): Promise<Page> {
  await saveKey();
  await setThePace(openExtensionPage, perSecond);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/bulk/bulk.html`);
  await expect(page.getByRole('heading', { name: 'Bulk links' })).toBeVisible();
  await page.getByLabel('Offer ID', { exact: true }).fill(String(OFFER));
  await page.getByLabel('Affiliate IDs', { exact: true }).fill(ids.join('\n'));
  await page.getByRole('button', { name: `Generate ${ids.length} links` }).click();
  return page;
}

test('60 affiliates while Everflow answers in 300 ms over HTTP/2: every row linked exactly once, each link on the page', async ({
  context,
  everflow,
  extensionId,
  saveKey,
  openExtensionPage,
}) => {
  test.setTimeout(90_000);
  const page = await startJob({ context, extensionId, saveKey, openExtensionPage }, 30, affiliates);

  await expect(page.getByRole('status')).toContainText(`Finished: ${ROWS} links made, 0 failed.`, { timeout: 60_000 });
  for (const affiliate of affiliates) {
    expect(everflow.log(OFFER, affiliate), `Everflow’s log for affiliate ${affiliate}`).toStrictEqual({
      requests: 1,
      accepted: 1,
      links: 1,
    });
  }
  expect(
    everflow.linkRequests.every((request) => request.httpVersion === '2.0'),
    'every link request came over HTTP/2',
  ).toBe(true);
  // More rows in flight than the old fixed cap could ever send at once.
  expect(everflow.peakInFlight((request) => request.path === LINK_PATH)).toBeGreaterThan(8);

  const table = page.getByRole('table', { name: 'Results' });
  await expect(table.getByRole('row')).toHaveCount(ROWS + 1);
  for (const affiliate of affiliates) {
    const row = table.getByRole('row').filter({ has: page.getByRole('cell', { name: String(affiliate), exact: true }) });
    await expect(row).toContainText(linkFor(OFFER, affiliate));
  }
});

/** "12 done · 0 failed · 68 remaining · 5.6 links/s · about 10 s left": the measured pace and the time left at it. */
const PACED_ROWS = 110;
const PACE_LINE = /^\d+ done · \d+ failed · \d+ remaining · (\d+(?:\.\d)?) links\/s · (?:about \d+ (?:s|min|h)|less than 5 s) left$/;

test('while a job runs the page says how fast it goes and how long is left, paused it says neither, and finished how long it took', async ({
  context,
  extensionId,
  saveKey,
  openExtensionPage,
}) => {
  test.setTimeout(90_000);
  const perSecond = 6;
  const page = await startJob(
    { context, extensionId, saveKey, openExtensionPage },
    perSecond,
    Array.from({ length: PACED_ROWS }, (_, i) => 501 + i),
  );
  const status = page.getByRole('status');

  // Nothing is said about the pace until there is enough to measure; then it is the pace measured,
  // which reads as a number of links a second no faster than the pace set in Options allows.
  await expect(status).toHaveText(/^\d+ done · 0 failed · \d+ remaining$/);
  await expect(status).toHaveText(PACE_LINE, { timeout: 20_000 });
  const rate = Number(PACE_LINE.exec((await status.textContent()) ?? '')?.[1]);
  expect(rate).toBeGreaterThan(0);
  expect(rate).toBeLessThanOrEqual(perSecond * 1.5);

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(status).toContainText('Paused.');
  await expect(status).not.toContainText('links/s');
  await expect(status).not.toContainText('left');
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(status).toHaveText(PACE_LINE, { timeout: 20_000 });

  const finished = new RegExp(`Finished: ${PACED_ROWS} links made, 0 failed\\. Took (?:\\d+ s|\\d+ min(?: \\d+ s)?)\\.$`);
  await expect(status).toContainText(finished, { timeout: 60_000 });
});
