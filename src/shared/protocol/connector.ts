// The UI's one door to the background: `send(type, payload)` typed from the protocol. A background
// that did not answer (or answered nonsense) becomes a plain Failure, never an exception.
// The reply is the background's own output, typed from the same schemas; it gets a structural check
// here rather than a full zod parse, which would pull every reply schema into the popup's first load.
// chrome.* directly, not the polyfill, for the same reason.
import type { MessageType, Payload, Reply } from './messages';
import { failure } from '../../everflow/failures';

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
