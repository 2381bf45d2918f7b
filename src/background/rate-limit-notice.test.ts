// The countdown a person sees while their link waits for Everflow's rate limit: pushed to an open
// popup each second, or shown on the toolbar badge when no popup is there to see it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PopupMessage } from '../shared/protocol/popup-port';
import { waitNotice } from './rate-limit-notice';

let badge: string[];
let titles: string[];

beforeEach(() => {
  vi.useFakeTimers();
  badge = [];
  titles = [];
  vi.stubGlobal('chrome', {
    action: {
      setBadgeText: async ({ text }: { text: string }) => void badge.push(text),
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async ({ title }: { title: string }) => void titles.push(title),
    },
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const waits = (...seconds: number[]) => seconds.map((s) => ({ type: 'rateLimitWait', seconds: s }));

describe('waitNotice', () => {
  it('counts a popup’s wait down each second over its port, ending in “trying again now”', async () => {
    const posted: PopupMessage[] = [];
    const notice = waitNotice('popup', { count: () => 1, post: (message) => posted.push(message) });
    notice.onWait(3000);
    await vi.advanceTimersByTimeAsync(5000);
    expect(posted).toStrictEqual(waits(3, 2, 1, 0));
    // The next wait starts a new countdown; stop() ends it.
    notice.onWait(2000);
    notice.stop();
    await vi.advanceTimersByTimeAsync(3000);
    expect(posted).toStrictEqual(waits(3, 2, 1, 0, 2));
    expect(badge).toStrictEqual([]);
  });

  it('with the popup closed, or for the menu and keyboard, the badge and its title count down', async () => {
    const notice = waitNotice('menu');
    notice.onWait(2000);
    await vi.advanceTimersByTimeAsync(2500);
    notice.stop();
    expect(badge).toStrictEqual(['2s', '1s', '…']);
    expect(titles[0]).toBe('Link Builder for Everflow — Everflow’s rate limit is reached; trying again in 2 s.');

    badge = [];
    const closed = waitNotice('popup', { count: () => 0, post: () => expect.unreachable() });
    closed.onWait(1000);
    closed.stop();
    expect(badge).toStrictEqual(['1s']);
  });
});
