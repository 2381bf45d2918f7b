// While a person's link waits for Everflow's rate limit, they see how long, counting down: the popup
// that asked gets it pushed over its port each second; with no popup open (the menu, the keyboard,
// or a popup closed meanwhile) the toolbar badge and its title show it. Each push (a port message, an
// action call) also keeps Chrome from stopping the worker in the middle of a 30-second wait.
import type { Surface } from '../shared/history/history';
import { rateLimitWaitText, type PopupMessage } from '../shared/protocol/popup-port';

export interface Popups {
  /** How many popups are open. */
  count(): number;
  /** Pushes a message to every open popup. */
  post(message: PopupMessage): void;
}

export const NO_POPUPS: Popups = { count: () => 0, post: () => undefined };

export interface WaitNotice {
  /** Everflow's rate limit holds the link back this long. */
  onWait(ms: number): void;
  /** The link came (or failed): no more countdown. */
  stop(): void;
}

export function waitNotice(surface: Surface, popups: Popups = NO_POPUPS, now: () => number = Date.now): WaitNotice {
  let until = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  const tick = () => {
    const seconds = Math.max(0, Math.ceil((until - now()) / 1000));
    if (surface === 'popup' && popups.count() > 0) popups.post({ type: 'rateLimitWait', seconds });
    else void showOnBadge(seconds);
    if (seconds === 0) stop();
  };
  return {
    onWait(ms) {
      until = Math.max(until, now() + ms);
      tick();
      timer ??= setInterval(tick, 1000);
    },
    stop,
  };
}

async function showOnBadge(seconds: number): Promise<void> {
  try {
    await Promise.all([
      chrome.action.setBadgeBackgroundColor({ color: '#8a5a00' }),
      chrome.action.setBadgeText({ text: seconds > 0 ? `${Math.min(seconds, 99)}s` : '…' }),
      chrome.action.setTitle({ title: `Link Builder for Everflow — ${rateLimitWaitText(seconds)}` }),
    ]);
  } catch {
    // No badge to show it on: the link (or its failure) is announced when it comes.
  }
}
