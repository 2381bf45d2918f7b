// What a person hears about a link: the countdown while it waits for Everflow's rate limit (pushed to
// the popup that asked each second, or on the toolbar badge when no popup is there to see it), and
// the link itself (on the port, or in a notification once the popup has closed).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LinkSuccess } from '../shared/link/outcome';
import type { PopupMessage } from '../shared/protocol/popup-port';
import { notifyingReporter, popupReporter } from './link-reporter';

let badge: string[];
let titles: string[];
let notified: { title: string; message: string }[];

beforeEach(() => {
  vi.useFakeTimers();
  badge = [];
  titles = [];
  notified = [];
  vi.stubGlobal('chrome', {
    action: {
      setBadgeText: async ({ text }: { text: string }) => void badge.push(text),
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async ({ title }: { title: string }) => void titles.push(title),
    },
    notifications: {
      clear: async () => true,
      getAll: async () => ({}),
      create: async (_id: string, options: { title: string; message: string }) =>
        void notified.push({ title: options.title, message: options.message }),
    },
    alarms: { create: async () => undefined, clear: async () => true },
    runtime: {
      getURL: (path: string) => `chrome-extension://id/${path}`,
      getManifest: () => ({ options_ui: { page: 'src/options/options.html' } }),
    },
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const LINK: LinkSuccess = {
  ok: true,
  url: 'https://trk.example.com/A/B/',
  accountId: 'first',
  input: { linkType: 'offer', offerId: 42, affiliateId: 7, encryptParameters: false, redirectLink: false },
  copied: true,
  at: 1,
};
const waits = (...seconds: number[]) => seconds.map((s) => ({ type: 'waiting', requestId: 'r1', seconds: s }));
const open = (posted: PopupMessage[]) => ({ post: (message: PopupMessage) => (posted.push(message), true) });
const closed = { post: () => false };

describe('the popup that asked', () => {
  it('hears its wait counted down each second over its port, ending in “trying again now”', async () => {
    const posted: PopupMessage[] = [];
    const reporter = popupReporter(open(posted), 'r1');
    reporter.waiting(3000);
    await vi.advanceTimersByTimeAsync(5000);
    expect(posted).toStrictEqual(waits(3, 2, 1, 0));
    // The next wait starts a new countdown; the answer ends it.
    reporter.waiting(2000);
    reporter.answered(LINK);
    await vi.advanceTimersByTimeAsync(3000);
    expect(posted).toStrictEqual([...waits(3, 2, 1, 0, 2), { type: 'ready', requestId: 'r1', link: LINK }]);
    expect(badge).toStrictEqual([]);
  });

  it('hears its link at once and, after the bookkeeping, only that it was not kept', async () => {
    const posted: PopupMessage[] = [];
    const reporter = popupReporter(open(posted), 'r1');
    reporter.answered(LINK);
    reporter.settled(LINK, true);
    expect(posted).toStrictEqual([{ type: 'ready', requestId: 'r1', link: LINK }]);
    reporter.settled(LINK, false);
    expect(posted.at(-1)).toStrictEqual({ type: 'notKept', requestId: 'r1' });
    expect(notified).toStrictEqual([]);
  });

  it('once closed, is told by the badge and one notification instead: the link with what was not kept, or the failure', async () => {
    const reporter = popupReporter(closed, 'r1');
    reporter.waiting(1000);
    expect(badge).toStrictEqual(['1s']);
    reporter.answered(LINK);
    reporter.settled(LINK, false);
    await vi.advanceTimersByTimeAsync(0);
    expect(notified).toHaveLength(1);
    expect(notified[0]!.title).toBe('Link copied: offer 42, affiliate 7');
    expect(notified[0]!.message).toContain('The link is not in your history');

    const failed = popupReporter(closed, 'r2');
    failed.answered({ ok: false, kind: 'rejected', message: 'Everflow: “Offer is paused.”' });
    // A form the person was still looking at, or a Cancel they chose, needs no notification.
    popupReporter(closed, 'r3').answered({ ok: false, kind: 'invalid-input', message: 'Check the fields.' });
    popupReporter(closed, 'r4').answered({ ok: false, kind: 'cancelled', message: 'Cancelled: no link was copied.' });
    await vi.advanceTimersByTimeAsync(0);
    expect(notified.map((shown) => shown.message)).toStrictEqual([notified[0]!.message, 'Everflow: “Offer is paused.”']);
  });
});

describe('the right-click menu and the keyboard', () => {
  it('count a wait down on the badge and its title, and say the link in one notification once it is kept', async () => {
    const reporter = notifyingReporter();
    reporter.waiting(2000);
    await vi.advanceTimersByTimeAsync(2500);
    expect(badge).toStrictEqual(['2s', '1s', '…']);
    expect(titles[0]).toBe('Link Builder for Everflow — Everflow’s rate limit is reached; trying again in 2 s.');
    reporter.answered(LINK);
    await vi.advanceTimersByTimeAsync(0);
    expect(notified).toStrictEqual([]);
    reporter.settled(LINK, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(notified).toStrictEqual([{ title: 'Link copied: offer 42, affiliate 7', message: LINK.url }]);
    expect(badge.at(-1)).toBe('✓');
  });
});

describe('a copy in another format than the bare link', () => {
  it('leads its notification with the first line of what was copied, so a message is never copied unseen', async () => {
    const reporter = notifyingReporter();
    const message = {
      ...LINK,
      copiedAs: 'Partner message',
      copiedLine: 'Please use https://evil.example/?go=https://trk.example.com/A/B/',
    };
    reporter.answered(message);
    reporter.settled(message, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(notified).toStrictEqual([
      {
        title: '“Partner message” copied: offer 42, affiliate 7',
        message: `Copied: Please use https://evil.example/?go=https://trk.example.com/A/B/\n${LINK.url}`,
      },
    ]);
  });
});
