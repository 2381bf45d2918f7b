// The popup's port. The popup holds it open while it lives, asks for its links over it, and hears
// everything about each link over it: the wait for Everflow's rate limit, the link (or why there is
// none), and, once the link's bookkeeping is done, that it could not be kept. So the background knows
// whether anyone will see a link, and the popup never polls. Plain types and a structural check here,
// so the popup loads no schema for them; the background checks what the popup sends with the schemas
// in messages.ts (`fromPopup`).
import type { Failure } from '../../everflow/failures';
import type { LinkInput } from '../../everflow/link-fields';
import type { Names } from '../link/names';
import type { LinkSuccess } from '../link/outcome';

export const POPUP_PORT = 'popup';

/** Popup → background, over the port: each message's fields. `requestId` names the link it is about. */
export interface FromPopup {
  /** Make this link and copy it (the popup checked the form: `input` is its request). */
  /** `accountId`: the account the link is made with (the popup's choice). */
  generate: { requestId: string; accountId: string; input: LinkInput; names?: Names | undefined };
  /** Stop the link under way: its request is aborted, and a link that still arrives is not copied. */
  cancel: { requestId: string };
}

/** Background → popup, over the port: everything the popup hears about the link it asked for. */
export interface ToPopup {
  /** The link waits for Everflow's rate limit: `seconds` until the next try (0: trying now). */
  waiting: { requestId: string; seconds: number };
  /** The link is made, and on the clipboard unless `copied` is false. */
  ready: { requestId: string; link: LinkSuccess };
  /** No link: why, in one sentence. */
  failed: { requestId: string; failure: Failure };
  /** The link came before its bookkeeping; that bookkeeping failed (storage full), so it is not in the history. */
  notKept: { requestId: string };
}

type Tagged<T> = { [K in keyof T]: { type: K } & T[K] }[keyof T];
export type FromPopupMessage = Tagged<FromPopup>;
export type PopupMessage = Tagged<ToPopup>;

/** A pushed message the popup understands (the port carries only the background's own messages, but a stale worker may differ). */
export function isPopupMessage(raw: unknown): raw is PopupMessage {
  if (typeof raw !== 'object' || raw === null) return false;
  const message = raw as { type?: unknown; requestId?: unknown; seconds?: unknown; link?: unknown; failure?: unknown };
  if (typeof message.requestId !== 'string') return false;
  switch (message.type) {
    case 'waiting':
      return typeof message.seconds === 'number' && Number.isFinite(message.seconds);
    case 'ready':
    case 'failed': {
      const carried = (message.type === 'ready' ? message.link : message.failure) as { ok?: unknown } | null | undefined;
      return typeof carried === 'object' && carried !== null && carried.ok === (message.type === 'ready');
    }
    case 'notKept':
      return true;
    default:
      return false;
  }
}

/** The status line while a link waits for Everflow's rate limit (the popup's line, the badge's title). */
export function rateLimitWaitText(seconds: number): string {
  return seconds > 0
    ? `Everflow’s rate limit is reached; trying again in ${Math.ceil(seconds)} s.`
    : 'Everflow’s rate limit is reached; trying again now.';
}
