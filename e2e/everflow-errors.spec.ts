// Everything Everflow or the network can do wrong, as the person at the popup sees it: one plain
// sentence in an alert, their typing untouched, their clipboard untouched, and a button that works again.
import type { Page } from '@playwright/test';
import { DEFAULT_LINK, LINK_PATH, type Answer } from './fixtures/fake-everflow';
import { TEST_KEY, expect, test, type Clipboard } from './fixtures/extension';
import { expectNothingLeaked } from './fixtures/page-checks';
import { fillForm } from './fixtures/popup-form';
import type { FakeEverflow } from './fixtures/fake-everflow';

const SENTINEL = 'clipboard text from before: do not overwrite';

const TYPED = { 'Offer ID': '42', 'Affiliate ID': '7', 'Sub 1': 'spring', 'Sub 2': 'email' } as const;

const UNAUTHORIZED = 'Everflow did not accept the saved API key (it may be mistyped or revoked); check it on the options page.';
const FORBIDDEN =
  'This API key is not allowed to do that; use a network API key (not an affiliate key) whose permissions include tracking links.';
const GAVE_UP = 'Everflow’s rate limit was still reached after about a minute of waiting, so no link was made; try again in a few minutes.';
const WAITING = /^Everflow’s rate limit is reached; trying again (in \d+ s|now)\.$/;
const NETWORK = 'Could not reach Everflow; check your internet connection and try again.';
const TIMEOUT = 'Everflow did not answer within 15 seconds; try again in a moment.';
const UNREADABLE = 'Everflow sent an answer the extension could not read; try again, and report it if it keeps happening.';
const server = (status: number) => `Everflow is having trouble (error ${status}); try again in a few minutes.`;
/** Everflow's own sentence first, then one short line on what to do. */
const refused = (detail: string) => ({
  message: detail.startsWith('“') ? `Everflow: ${detail}` : `Everflow refused the request (${detail}).`,
  hint: 'Check the IDs and options, then try again.',
});

interface Case {
  name: string;
  answer: Answer;
  message: string;
  /** The line on what to do after Everflow's own sentence. */
  hint?: string;
  /** The alert offers a way to the options page (key problems only). */
  pointsToOptions?: boolean;
  /** Requests Everflow sees: server trouble (500, 502–504) is retried twice before giving up. */
  attempts?: number;
  /**
   * The connection drops: Chromium itself sends a request once more when that happens on a kept-alive
   * connection (checking the key on Save leaves one open), so Everflow may see it twice, though the
   * extension sent it once.
   */
  resentByBrowser?: boolean;
}

const CASES: Case[] = [
  {
    name: 'Everflow answers 401 (key refused)',
    answer: { status: 401, json: { error: 'Unauthorized' } },
    message: UNAUTHORIZED,
    pointsToOptions: true,
  },
  {
    name: 'Everflow answers 403 (key not allowed)',
    answer: { status: 403, json: { error: 'Forbidden: out of realm' } },
    message: FORBIDDEN,
    pointsToOptions: true,
  },
  {
    name: 'Everflow answers 400 {"error": …}',
    answer: { status: 400, json: { error: 'Invalid parameters.' } },
    ...refused('“Invalid parameters.”'),
  },
  {
    name: 'Everflow answers 400 {"Error": …} (capital E)',
    answer: { status: 400, json: { Error: 'Affiliate cannot run this offer' } },
    ...refused('“Affiliate cannot run this offer”'),
  },
  { name: 'Everflow answers 400 with an empty body', answer: { status: 400, text: '' }, ...refused('error 400') },
  {
    name: 'Everflow answers 400 with a message that echoes the key',
    answer: { status: 400, json: { error: `Key ${TEST_KEY} is not valid here` } },
    ...refused('“Key [key] is not valid here”'),
  },
  { name: 'Everflow answers 404', answer: { status: 404, json: { error: 'Offer not found' } }, ...refused('“Offer not found”') },
  {
    name: 'Everflow answers 422',
    answer: { status: 422, json: { message: 'Creative does not belong to the offer' } },
    ...refused('“Creative does not belong to the offer”'),
  },
  { name: 'Everflow answers 500', answer: { status: 500, json: { error: 'Internal server error' } }, message: server(500), attempts: 3 },
  { name: 'Everflow answers 503', answer: { status: 503, text: '<html>Service Unavailable</html>' }, message: server(503), attempts: 3 },
  { name: 'the network fails', answer: { abort: true }, message: NETWORK, resentByBrowser: true },
  { name: 'Everflow answers 200 with a body that is not JSON', answer: { status: 200, text: '<html>oops</html>' }, message: UNREADABLE },
  {
    name: 'Everflow answers 200 with the wrong shape',
    answer: { status: 200, json: { link: 'https://trk.example-trk.com/x/' } },
    message: UNREADABLE,
  },
  {
    name: 'Everflow answers 200 with a javascript: url',
    answer: { status: 200, json: { url: 'javascript:alert(1)' } },
    message: UNREADABLE,
  },
];

async function openFilledPopup(
  clipboard: Clipboard,
  saveKey: () => Promise<void>,
  openExtensionPage: (which: 'popup' | 'options') => Promise<Page>,
): Promise<Page> {
  await saveKey();
  await clipboard.write(SENTINEL);
  const popup = await openExtensionPage('popup');
  await fillForm(popup, TYPED);
  return popup;
}

/** What must hold after any failure. */
async function expectCalmFailure(popup: Page, clipboard: Clipboard, c: Pick<Case, 'message' | 'hint' | 'pointsToOptions'>): Promise<void> {
  const alert = popup.getByRole('alert');
  await expect(alert).toHaveCount(1);
  // One sentence (Everflow's own first, when it gave one, then one line on what to do), and for key
  // problems a way to the options page; nothing else.
  const lines = c.hint ? [c.message, c.hint] : [c.message];
  await expect(alert.getByRole('paragraph')).toHaveText(lines);
  if (c.pointsToOptions) {
    await expect(alert.getByRole('button')).toHaveText(['Open options']);
    await expect(alert).toHaveText(`${lines.join('')}Open options`);
  } else {
    await expect(alert.getByRole('button')).toHaveCount(0);
    await expect(alert).toHaveText(lines.join(''));
  }

  // The typing is all still there.
  for (const [label, value] of Object.entries(TYPED)) await expect(popup.getByLabel(label, { exact: true })).toHaveValue(value);
  // No link is offered.
  await expect(popup.getByLabel('Your tracking link')).toHaveCount(0);
  await expect(popup.getByRole('status')).toHaveText('');
  // The button is back.
  await expect(popup.getByRole('button', { name: 'Generate link' })).toBeEnabled();
  await expectNothingLeaked(popup);
  // Nothing was copied over what the person had.
  expect(await clipboard.read()).toBe(SENTINEL);
}

/** Everflow recovers; the same button makes the link and the alert goes away. */
async function expectRetryWorks(popup: Page, everflow: FakeEverflow): Promise<void> {
  const before = everflow.linkRequests.length;
  everflow.answer({ json: { url: DEFAULT_LINK } });
  await popup.bringToFront();
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(DEFAULT_LINK);
  await expect(popup.getByRole('alert')).toHaveCount(0);
  expect(everflow.linkRequests).toHaveLength(before + 1);
}

for (const c of CASES) {
  test(`${c.name}: one plain sentence, nothing lost`, async ({ everflow, clipboard, saveKey, openExtensionPage }) => {
    const popup = await openFilledPopup(clipboard, saveKey, openExtensionPage);
    // The link call fails; looking up the offer's and affiliate's names gets Everflow's usual answers.
    everflow.answer((request) => (request.path === LINK_PATH ? c.answer : undefined));
    await popup.getByRole('button', { name: 'Generate link' }).click();

    await expectCalmFailure(popup, clipboard, c);
    if (c.resentByBrowser) expect([1, 2]).toContain(everflow.linkRequests.length);
    else expect(everflow.linkRequests).toHaveLength(c.attempts ?? 1);
    await expectRetryWorks(popup, everflow);
  });
}

test('Everflow’s rate limit never lifts: the wait is shown as it grows, then after about a minute one plain sentence, nothing lost', async ({
  everflow,
  clipboard,
  saveKey,
  openExtensionPage,
}) => {
  // The one test that waits the whole bound out: a person is never held longer than this.
  test.setTimeout(120_000);
  // 429 without Retry-After on every link request (no documented model keeps a window closed this long).
  const refusedAt: number[] = [];
  everflow.answer((request) => {
    if (request.path !== '/v1/networks/tracking/offers/clicks') return undefined;
    refusedAt.push(Date.now());
    return { status: 429, json: { error: 'You have exceeded the rate limit.' } };
  });
  const popup = await openFilledPopup(clipboard, saveKey, openExtensionPage);
  const started = Date.now();
  await popup.getByRole('button', { name: 'Generate link' }).click();

  // While it waits, the person is told why and for how long, and cannot send it twice.
  const status = popup.getByRole('status');
  await expect(status).toHaveText(WAITING);
  await expect(popup.getByRole('button', { name: 'Generating…' })).toBeDisabled();
  await expect(popup.getByRole('alert')).toHaveCount(0);
  // The waits grow to a whole window (only the last one is longer than 16 s), counting down.
  await expect(status).toHaveText(/^Everflow’s rate limit is reached; trying again in (2\d|30) s\.$/, { timeout: 40_000 });
  await expect(popup.getByRole('alert')).toHaveCount(0);

  await expect(popup.getByRole('alert')).toHaveText(GAVE_UP, { timeout: 60_000 });
  const waited = Date.now() - started;
  // Two of Everflow's 30-second windows, not one: 1 + 2 + 4 + 8 + 16 + 30 s, then it gives up.
  expect(waited).toBeGreaterThanOrEqual(58_000);
  expect(waited).toBeLessThan(70_000);
  const gaps = refusedAt.slice(1).map((at, i) => at - refusedAt[i]!);
  expect(gaps).toHaveLength(6);
  gaps.forEach((gap, i) => expect(gap, `wait ${i + 1}`).toBeGreaterThanOrEqual([1, 2, 4, 8, 16, 30][i]! * 1000 - 100));

  await expectCalmFailure(popup, clipboard, { message: GAVE_UP });
  expect(everflow.linkRequests).toHaveLength(7);
});

test('the Open options button in a key failure opens the options page', async ({ context, everflow, saveKey, openExtensionPage }) => {
  await saveKey();
  everflow.answer({ status: 401, json: { error: 'Unauthorized' } });
  const popup = await openExtensionPage('popup');
  await fillForm(popup, TYPED);
  await popup.getByRole('button', { name: 'Generate link' }).click();
  const alert = popup.getByRole('alert');
  await expect(alert.getByRole('paragraph')).toHaveText(UNAUTHORIZED);

  const opened = context.waitForEvent('page');
  await alert.getByRole('button', { name: 'Open options' }).click();
  const options = await opened;
  await expect(options).toHaveTitle('Link Builder for Everflow – Options');
  await expect(options.getByRole('heading', { name: 'Everflow accounts' })).toBeVisible();
});

test('Everflow never answers: after 15 seconds the popup says so and lets the person try again', async ({
  everflow,
  clipboard,
  saveKey,
  openExtensionPage,
}) => {
  test.setTimeout(90_000);
  const popup = await openFilledPopup(clipboard, saveKey, openExtensionPage);
  everflow.answer({ hang: true });
  const started = Date.now();
  await popup.getByRole('button', { name: 'Generate link' }).click();

  // While it waits, the button says so and cannot be pressed twice.
  const busy = popup.getByRole('button', { name: 'Generating…' });
  await expect(busy).toBeDisabled();
  await popup.waitForTimeout(3_000);
  await expect(busy).toBeDisabled();
  await expect(popup.getByRole('alert')).toHaveCount(0);

  await expect(popup.getByRole('alert')).toHaveText(TIMEOUT, { timeout: 25_000 });
  const waited = Date.now() - started;
  expect(waited).toBeGreaterThanOrEqual(14_000);
  expect(waited).toBeLessThan(22_000);

  await expectCalmFailure(popup, clipboard, { message: TIMEOUT });
  expect(everflow.linkRequests).toHaveLength(1);
  await expectRetryWorks(popup, everflow);
});

test('a failure after an earlier link does not leave the old link posing as the new one', async ({
  everflow,
  saveKey,
  openExtensionPage,
}) => {
  await saveKey();
  const popup = await openExtensionPage('popup');
  await fillForm(popup, { 'Offer ID': '42', 'Affiliate ID': '7' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByLabel('Your tracking link')).toHaveValue(DEFAULT_LINK);

  // Retried with backoff, then given up on.
  everflow.answer({ status: 500, json: { error: 'Internal server error' } });
  await fillForm(popup, { 'Offer ID': '43' });
  await popup.getByRole('button', { name: 'Generate link' }).click();
  await expect(popup.getByRole('alert').getByRole('paragraph')).toHaveText(server(500));
  await expect(popup.getByLabel('Your tracking link')).toHaveCount(0);
});
