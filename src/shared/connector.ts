// The UI's one door to the background: `send(type, payload)` typed from the protocol. The reply is
// validated; a background that did not answer becomes a plain Failure, never an exception.
import browser from 'webextension-polyfill';
import * as z from 'zod/mini';
import { toBackground, type MessageType, type Payload, type Reply } from './messages';
import { FailureSchema, failure } from './outcome';

export const NO_ANSWER = 'The extension’s background did not answer; close this window and try again.';

export async function send<K extends MessageType>(type: K, payload: Payload<K>): Promise<Reply<K>> {
  try {
    const raw: unknown = await browser.runtime.sendMessage({ type, payload });
    const parsed = z.union([toBackground[type].reply, FailureSchema]).safeParse(raw);
    if (parsed.success) return parsed.data as Reply<K>;
  } catch {
    // Falls through to the plain message below.
  }
  return failure('internal', NO_ANSWER);
}
