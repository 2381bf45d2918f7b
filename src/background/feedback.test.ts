// The toolbar badge and the notifications as a person meets them: a copy's ✓ fades after a few
// seconds (even when the worker was stopped meanwhile), a failure's ! stays until it is seen, and a
// click on a notification brings up the page that shows or fixes what it said, reusing an open tab.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { failure } from '../everflow/failures';
import { FIRST_ACCOUNT_ID } from '../shared/accounts/accounts';
import { historyItem } from '../shared/history/history';
import type { LinkSuccess } from '../shared/link/outcome';
import { POPUP_PORT } from '../shared/protocol/popup-port';
import { EXTENSION_ID, installFakeChrome, type FakeChrome, type FakeEvent } from '../../e2e/unit-fixtures/fake-chrome';
import { AT, historyEntry } from '../../e2e/unit-fixtures/test-history-entry';

vi.mock('webextension-polyfill', async () => (await import('../../e2e/unit-fixtures/fake-chrome')).fakePolyfill());

let fake: FakeChrome;
const page = (path: string) => `chrome-extension://${EXTENSION_ID}/${path}`;
const OPTIONS_ACCOUNTS = page('src/options/options.html#accounts');
const feedback = () => import('./feedback');

const LINK: LinkSuccess = {
  ok: true,
  url: 'https://trk.example.com/42/7/',
  accountId: FIRST_ACCOUNT_ID,
  input: { linkType: 'offer', offerId: 42, affiliateId: 7, encryptParameters: false, redirectLink: false },
  copied: true,
  at: AT + 3000,
};

/** Starts a worker, as Chrome does for an event. */
async function startWorker() {
  vi.resetModules();
  await import('./worker');
}

/** A click on the notification shown now (the only one of its kind), as Chrome reports it to the worker. */
async function clickNotification(prefix: string) {
  const [id] = [...fake.shownNotifications].filter((shown) => shown.startsWith(prefix));
  expect(id, `a ${prefix} notification is shown`).toBeDefined();
  (fake.chrome.notifications.onClicked as unknown as FakeEvent).dispatch(id as never);
  await vi.waitFor(() => expect(fake.shownNotifications.has(id!)).toBe(false));
}

beforeEach(async () => {
  fake = installFakeChrome();
  await startWorker();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the badge', () => {
  it('shows ✓ after a copy for a few seconds, then nothing, and the title says the product again', async () => {
    const { announce, SUCCESS_BADGE_MS } = await feedback();
    await announce(LINK);
    expect(fake.badge).toStrictEqual({ text: '✓', title: 'Link Builder for Everflow — Link copied: offer 42, affiliate 7' });
    await vi.advanceTimersByTimeAsync(SUCCESS_BADGE_MS - 100);
    expect(fake.badge.text).toBe('✓');
    await vi.advanceTimersByTimeAsync(100);
    expect(fake.badge).toStrictEqual({ text: '', title: 'Link Builder for Everflow' });
  });

  it('takes ✓ off when the worker was stopped before its timer: the alarm starts a new worker that does', async () => {
    const { announce, BADGE_ALARM, SUCCESS_BADGE_MS } = await feedback();
    await announce(LINK);
    expect(fake.alarms.get(BADGE_ALARM)?.scheduledTime).toBe(Date.now() + SUCCESS_BADGE_MS);
    // Chrome stops the worker: its listeners and its timers go; the alarm stays.
    fake.stopWorker();
    vi.clearAllTimers();
    await vi.advanceTimersByTimeAsync(SUCCESS_BADGE_MS);
    expect(fake.badge.text).toBe('✓');
    await startWorker();
    await fake.fireAlarm(BADGE_ALARM);
    await vi.waitFor(() => expect(fake.badge.text).toBe(''));
  });

  it('keeps ! after a failure, however long, and whatever a copy’s timer or alarm from before does', async () => {
    const { announce, BADGE_ALARM } = await feedback();
    await announce(LINK);
    await announce(failure('unauthorized', 'Everflow did not accept the saved API key.'));
    expect(fake.badge.text).toBe('!');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(fake.badge.text).toBe('!');
    expect(fake.alarms.has(BADGE_ALARM)).toBe(false);
    // An alarm Chrome had already queued for the copy finds no ✓ to take off.
    const { fadeSuccess } = await feedback();
    await fadeSuccess();
    expect(fake.badge.text).toBe('!');
  });

  it('keeps ! while other pages ask for the state, and lets it go once the popup opens', async () => {
    const { announce } = await feedback();
    await announce(failure('network', 'Everflow could not be reached; check your connection and try again.'));
    const options = { id: EXTENSION_ID, url: page('src/options/options.html') };
    await Promise.all(
      (fake.chrome.runtime.onMessage as unknown as FakeEvent).dispatch({ type: 'getStatus', payload: {} } as never, options as never),
    );
    expect(fake.badge.text).toBe('!');
    const popup = { id: EXTENSION_ID, url: page('src/popup/popup.html') };
    const port = {
      name: POPUP_PORT,
      sender: popup,
      postMessage: () => undefined,
      onMessage: { addListener: () => undefined },
      onDisconnect: { addListener: () => undefined },
    };
    (fake.chrome.runtime.onConnect as unknown as FakeEvent).dispatch(port as never);
    await vi.waitFor(() => expect(fake.badge).toStrictEqual({ text: '', title: 'Link Builder for Everflow' }));
  });

  it('leaves a wait for Everflow’s rate limit counting on the badge when the last copy’s ✓ would have faded', async () => {
    const { announce, showWaitOnBadge, SUCCESS_BADGE_MS } = await feedback();
    await announce(LINK);
    await showWaitOnBadge(12);
    await vi.advanceTimersByTimeAsync(SUCCESS_BADGE_MS * 2);
    expect(fake.badge.text).toBe('12s');
  });
});

describe('a click on a notification', () => {
  it('about the key (none, refused, not allowed) opens the options page at its accounts, and the ! goes', async () => {
    const { announce } = await feedback();
    for (const kind of ['no-key', 'unauthorized', 'forbidden'] as const) {
      fake.openedTabs.length = 0;
      await announce(failure(kind, 'A sentence about the key.'));
      expect(fake.badge.text).toBe('!');
      await clickNotification('link-result');
      await vi.waitFor(() => expect(fake.openedTabs).toStrictEqual([OPTIONS_ACCOUNTS]));
      expect(fake.badge.text).toBe('');
    }
  });

  it('brings an options page already open to the front at its accounts, instead of opening another', async () => {
    fake.openPages = [page('src/history/history.html'), page('src/options/options.html#presets')];
    const { announce } = await feedback();
    await announce(failure('unauthorized', 'Everflow did not accept the saved API key.'));
    await clickNotification('link-result');
    await vi.waitFor(() => expect(fake.updatedTabs).toStrictEqual([{ tabId: 2, active: true, url: OPTIONS_ACCOUNTS }]));
    expect(fake.focusedWindows).toStrictEqual([1]);
    expect(fake.openedTabs).toStrictEqual([]);
  });

  it('about a copied link opens History at that link; a link not kept in the history, History itself', async () => {
    await historyItem.set([historyEntry(4), historyEntry(3, { id: 'the-one' }), historyEntry(2)]);
    const { announce } = await feedback();
    await announce(LINK);
    await clickNotification('link-result');
    await vi.waitFor(() => expect(fake.openedTabs).toStrictEqual([page('src/history/history.html#link-the-one')]));

    await announce({ ...LINK, at: AT + 99_000, unsaved: true });
    await clickNotification('link-result');
    await vi.waitFor(() => expect(fake.openedTabs.at(-1)).toBe(page('src/history/history.html')));
  });

  it('about a failure nothing on a page fixes opens nothing; it goes, with the !', async () => {
    const { announce } = await feedback();
    await announce(failure('network', 'Everflow could not be reached; check your connection and try again.'));
    await clickNotification('link-result');
    await vi.waitFor(() => expect(fake.badge.text).toBe(''));
    expect(fake.openedTabs).toStrictEqual([]);
    expect(fake.updatedTabs).toStrictEqual([]);
  });

  it('about a bulk job opens Bulk links, and leaves the badge of a link alone', async () => {
    const { announce, announceBulk } = await feedback();
    await announce(failure('unauthorized', 'Everflow did not accept the saved API key.'));
    await announceBulk('src/bulk/bulk.html', 'Bulk links finished', '3 links made. Open Bulk links to copy them.');
    await clickNotification('bulk-result');
    await vi.waitFor(() => expect(fake.openedTabs).toStrictEqual([page('src/bulk/bulk.html')]));
    expect(fake.badge.text).toBe('!');
    expect([...fake.shownNotifications].filter((id) => id.startsWith('link-result'))).toHaveLength(1);
  });

  it('works after the worker was stopped between the notification and the click: the ID says where it leads', async () => {
    const { announce } = await feedback();
    await announce(failure('no-key', 'No Everflow API key is saved yet; add one on the options page.'));
    fake.stopWorker();
    await startWorker();
    await clickNotification('link-result');
    await vi.waitFor(() => expect(fake.openedTabs).toStrictEqual([OPTIONS_ACCOUNTS]));
  });
});

it('shows one notification per kind: a new link’s replaces the last one’s', async () => {
  const { announce } = await feedback();
  await announce(LINK);
  await announce({ ...LINK, at: LINK.at + 1 });
  await announce(failure('network', 'Everflow could not be reached.'));
  expect([...fake.shownNotifications]).toHaveLength(1);
  expect(fake.notifications).toHaveLength(3);
});
