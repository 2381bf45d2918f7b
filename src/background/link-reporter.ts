// What a person hears about a link they asked for, wherever they asked: the wait for Everflow's rate
// limit counted down, the link (or why there is none), and whether it was kept. make-link.ts tells a
// reporter; each surface has one: the popup that asked hears it over its port, and the right-click
// menu and the keyboard (or a popup closed meanwhile) through the toolbar badge and a notification.
import type { Failure } from '../everflow/failures';
import type { LinkOutcome, LinkSuccess } from '../shared/link/outcome';
import type { PopupMessage } from '../shared/protocol/popup-port';
import { announce, showWaitOnBadge } from './feedback';

export interface LinkReporter {
  /** Everflow's rate limit holds the link back this long (told again at each new wait). */
  waiting(ms: number): void;
  /** The link is made and copied (or could not be copied), or there is none: the person's answer. */
  answered(outcome: LinkOutcome): void;
  /** The link's bookkeeping is done; `kept` is false when storage refused it (it is not in the history). */
  settled(link: LinkSuccess, kept: boolean): void;
}

/**
 * Counts a wait down, once a second, to `show` (seconds left; 0: trying now). Each tell also keeps
 * Chrome from stopping the worker in the middle of a 30-second wait.
 */
export function countdown(show: (seconds: number) => void, now: () => number = Date.now): { wait(ms: number): void; stop(): void } {
  let until = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  const tick = () => {
    const seconds = Math.max(0, Math.ceil((until - now()) / 1000));
    show(seconds);
    if (seconds === 0) stop();
  };
  return {
    wait(ms) {
      until = Math.max(until, now() + ms);
      tick();
      timer ??= setInterval(tick, 1000);
    },
    stop,
  };
}

/** The right-click menu, the keyboard: the badge counts the wait down; one notification says the rest, once the link is kept or not. */
export function notifyingReporter(now?: () => number): LinkReporter {
  const wait = countdown((seconds) => void showWaitOnBadge(seconds), now);
  return {
    waiting: wait.wait,
    answered(outcome) {
      wait.stop();
      // A link is announced when its bookkeeping is done, so the one notification says all of it.
      if (!outcome.ok) void announce(outcome).catch(() => undefined);
    },
    settled(link, kept) {
      void announce(kept ? link : { ...link, unsaved: true }).catch(() => undefined);
    },
  };
}

/** The popup's end of its port, as the reporter needs it: false once the popup has closed. */
export interface PopupLine {
  post(message: PopupMessage): boolean;
}

/** Failures a person who closed the popup need not be told of: they were looking at the form when it said so, or chose it. */
const quietWhenClosed = (failure: Failure) => failure.kind === 'invalid-input' || failure.kind === 'cancelled';

/** The popup that asked, over its port; once it has closed, the notification says what it would have shown. */
export function popupReporter(line: PopupLine, requestId: string, now?: () => number): LinkReporter {
  let closed = false;
  const post = (message: PopupMessage) => !closed && (closed = !line.post(message)) === false;
  const wait = countdown((seconds) => {
    if (!post({ type: 'waiting', requestId, seconds })) void showWaitOnBadge(seconds);
  }, now);
  return {
    waiting: wait.wait,
    answered(outcome) {
      wait.stop();
      const told = outcome.ok ? post({ type: 'ready', requestId, link: outcome }) : post({ type: 'failed', requestId, failure: outcome });
      if (!told && !outcome.ok && !quietWhenClosed(outcome)) void announce(outcome).catch(() => undefined);
    },
    settled(link, kept) {
      if (closed) void announce(kept ? link : { ...link, unsaved: true }).catch(() => undefined);
      else if (!kept && !post({ type: 'notKept', requestId })) void announce({ ...link, unsaved: true }).catch(() => undefined);
    },
  };
}
