// Receives UI → background messages: checks who sent them, validates the payload against the
// protocol, runs the handler, and always answers (unknown or malformed messages get a Failure).
import type browser from 'webextension-polyfill';
import type * as z from 'zod/mini';
import { toBackground, type MessageType, type Reply, type ToBackground } from '../shared/protocol/messages';
import { failure, type Failure } from '../everflow/failures';

export type Handlers = {
  [K in MessageType]: (payload: z.output<ToBackground[K]>) => Promise<Reply<K>>;
};

/** A handler failed inside the extension: the person can only try again. */
export const INTERNAL = 'Something went wrong inside the extension; try again.';
export const REFUSED = 'The extension refused a message it did not recognise; reload the page and try again.';

export interface RouterOptions {
  extensionId: string;
  /** chrome-extension://<id>/ */
  extensionOrigin: string;
}

export function isOwnPage(sender: browser.Runtime.MessageSender | undefined, options: RouterOptions): boolean {
  return sender?.id === options.extensionId && typeof sender.url === 'string' && sender.url.startsWith(options.extensionOrigin);
}

export function createRouter(handlers: Handlers, options: RouterOptions) {
  return async (message: unknown, sender: browser.Runtime.MessageSender): Promise<unknown> => {
    if (!isOwnPage(sender, options)) return failure('invalid-input', REFUSED);
    if (typeof message !== 'object' || message === null) return failure('invalid-input', REFUSED);
    const { type, payload } = message as { type?: unknown; payload?: unknown };
    if (typeof type !== 'string' || !Object.hasOwn(toBackground, type)) return failure('invalid-input', REFUSED);
    const key = type as MessageType;
    const parsed = toBackground[key].safeParse(payload);
    if (!parsed.success) return failure('invalid-input', REFUSED);
    try {
      const handler = handlers[key] as (p: unknown) => Promise<Reply<MessageType>>;
      return await handler(parsed.data);
    } catch (error) {
      // Log the kind of failure only: an error's text could carry data we must not log.
      console.error(`Link Builder for Everflow: "${key}" failed (${error instanceof Error ? error.name : typeof error}).`);
      return failure('internal', INTERNAL) satisfies Failure;
    }
  };
}
