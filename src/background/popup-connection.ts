// The popup's port, from the background's side: the popup asks for its links over it (each message
// checked against the protocol before anything is done) and hears everything about each link over it
// (link-reporter.ts). A popup that closes drops its port: the reporter then says it another way.
import type * as z from 'zod/mini';
import { pendingPrefillItem } from '../shared/link/prefill';
import { fromPopup } from '../shared/protocol/messages';
import { POPUP_PORT, type PopupMessage } from '../shared/protocol/popup-port';
import { clearBadge } from './feedback';
import { popupReporter } from './link-reporter';
import { makeLink } from './make-link';
import { REFUSED, isOwnPage, type RouterOptions } from './message-router';
import { failure } from '../everflow/failures';

type FromPopupChecked = { [K in keyof typeof fromPopup]: { type: K; payload: z.output<(typeof fromPopup)[K]> } }[keyof typeof fromPopup];

/** What one message from the popup says, checked; undefined when it is not one. */
export function checkFromPopup(raw: unknown): FromPopupChecked | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { type, ...payload } = raw as { type?: unknown };
  if (type !== 'generate' && type !== 'cancel') return undefined;
  const parsed = fromPopup[type].safeParse(payload);
  return parsed.success ? ({ type, payload: parsed.data } as FromPopupChecked) : undefined;
}

/** Takes a port the popup opened: its links' requests, and a way back to it while it is open. */
export function acceptPopup(port: chrome.runtime.Port, options: RouterOptions): void {
  if (port.name !== POPUP_PORT || !isOwnPage(port.sender, options)) return;
  // The popup is open: the person sees what the badge stood for (a copy's ✓, a failure's !).
  void clearBadge().catch(() => undefined);
  let open = true;
  /** Links this popup may still cancel, by the id it gave them. */
  const cancellable = new Map<string, AbortController>();
  const line = {
    post(message: PopupMessage): boolean {
      if (!open) return false;
      try {
        port.postMessage(message);
        return true;
      } catch {
        return false;
      }
    },
  };
  port.onDisconnect.addListener(() => {
    open = false;
  });
  port.onMessage.addListener((raw: unknown) => {
    const message = checkFromPopup(raw);
    if (!message) {
      // Not one of the popup's messages (a stale page after an update?): refused, never dropped unheard.
      const requestId = (raw as { requestId?: unknown } | null)?.requestId;
      if (typeof requestId === 'string') line.post({ type: 'failed', requestId, failure: failure('invalid-input', REFUSED) });
      return;
    }
    if (message.type === 'cancel') {
      cancellable.get(message.payload.requestId)?.abort();
      return;
    }
    const { requestId, accountId, input, names } = message.payload;
    const controller = new AbortController();
    cancellable.set(requestId, controller);
    void makeLink(input, 'popup', popupReporter(line, requestId), { accountId, names, signal: controller.signal }).finally(() =>
      cancellable.delete(requestId),
    );
  });
  // The popup has read the right-click menu's request by now: it was for that opening only.
  void pendingPrefillItem.set(null);
}
