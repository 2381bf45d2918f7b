// The UI's one door to the background: `send(type, payload)` typed from the protocol, and the popup's
// port for its links (`openPopupPort`). A background that did not answer (or answered nonsense)
// becomes a plain Failure, never an exception.
// The reply is the background's own output, typed from the same schemas; it gets a structural check
// here rather than a full zod parse, which would pull every reply schema into the popup's first load.
// chrome.* directly, not the polyfill, for the same reason.
import type { MessageType, Payload, Reply } from './messages';
import { failure } from '../../everflow/failures';
import type { LinkInput } from '../../everflow/link-fields';
import type { Names } from '../link/names';
import type { LinkOutcome } from '../link/outcome';
import { POPUP_PORT, isPopupMessage, type FromPopupMessage } from './popup-port';

export const NO_ANSWER = 'The extension’s background did not answer; close this window and try again.';

function looksLikeReply(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null) return false;
  const reply = raw as { ok?: unknown; message?: unknown };
  return reply.ok === true || (reply.ok === false && typeof reply.message === 'string');
}

export async function send<K extends MessageType>(type: K, payload: Payload<K>): Promise<Reply<K>> {
  try {
    const raw: unknown = await chrome.runtime.sendMessage({ type, payload });
    if (looksLikeReply(raw)) return raw as Reply<K>;
  } catch {
    // Falls through to the plain message below.
  }
  return failure('internal', NO_ANSWER);
}

/** What the popup hears about its links besides their answers: a wait for the rate limit, a link not kept. */
export interface PopupListener {
  waiting(requestId: string, seconds: number): void;
  notKept(requestId: string): void;
}

/**
 * The popup's port (popup-port.ts), held open while the popup lives: `generate` asks for a link over
 * it and answers what the background says of it (the link, or one plain failure); `cancel` stops it.
 * A worker that restarts drops the port: it is opened again (which wakes the worker), and a link asked
 * for over the dropped one is answered as not answered.
 */
export function openPopupPort(listener: PopupListener) {
  const pending = new Map<string, (outcome: LinkOutcome) => void>();
  let port: chrome.runtime.Port | undefined;
  const answer = (requestId: string, outcome: LinkOutcome) => {
    pending.get(requestId)?.(outcome);
    pending.delete(requestId);
  };
  const open = (): chrome.runtime.Port | undefined => {
    try {
      const opened = chrome.runtime.connect({ name: POPUP_PORT });
      opened.onMessage.addListener((raw: unknown) => {
        if (!isPopupMessage(raw)) return;
        if (raw.type === 'waiting') listener.waiting(raw.requestId, raw.seconds);
        else if (raw.type === 'notKept') listener.notKept(raw.requestId);
        else answer(raw.requestId, raw.type === 'ready' ? raw.link : raw.failure);
      });
      opened.onDisconnect.addListener(() => {
        port = undefined;
        for (const requestId of pending.keys()) answer(requestId, failure('internal', NO_ANSWER));
        setTimeout(() => (port ??= open()), 500);
      });
      return opened;
    } catch {
      // Extension context gone (e.g. the extension was reloaded): nothing can be asked any more.
      return undefined;
    }
  };
  port = open();
  const post = (message: FromPopupMessage): boolean => {
    port ??= open();
    try {
      port?.postMessage(message);
      return port !== undefined;
    } catch {
      return false;
    }
  };
  return {
    generate(requestId: string, accountId: string, input: LinkInput, names?: Names): Promise<LinkOutcome> {
      return new Promise((resolve) => {
        pending.set(requestId, resolve);
        if (!post({ type: 'generate', requestId, accountId, input, names })) answer(requestId, failure('internal', NO_ANSWER));
      });
    },
    cancel(requestId: string): void {
      post({ type: 'cancel', requestId });
    },
  };
}
