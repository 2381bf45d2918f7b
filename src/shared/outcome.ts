// What a generation (or any Everflow call) ends in, as both sides see it. The UI shows `message`;
// tests and code branch on `kind`. LinkSuccess is also stored (the last link), so its schema is here.
import * as z from 'zod/mini';

export const FAILURE_KINDS = [
  'no-key',
  'invalid-input',
  'unauthorized',
  'forbidden',
  'rejected',
  'rate-limited',
  'server',
  'network',
  'timeout',
  'bad-response',
  /** The extension itself failed (e.g. its background did not answer). */
  'internal',
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export const LinkSuccessSchema = z.object({
  ok: z.literal(true),
  url: z.string(),
  offerId: z.number(),
  affiliateId: z.number(),
  /** False when the clipboard could not be written; the link is still shown with a Copy button. */
  copied: z.boolean(),
  /** When the link was made (ms since the epoch). */
  at: z.number(),
  /** Names the picker showed, when it did. */
  offerName: z.optional(z.string()),
  affiliateName: z.optional(z.string()),
});
export type LinkSuccess = z.infer<typeof LinkSuccessSchema>;

// The reply schemas (Failure, LinkOutcome) live in replies.ts, which runtime code imports as types only.
export type Failure = import('./replies').Failure;
export type LinkOutcome = LinkSuccess | Failure;

export function failure(kind: FailureKind, message: string, fieldErrors?: Record<string, string>): Failure {
  return fieldErrors ? { ok: false, kind, message, fieldErrors } : { ok: false, kind, message };
}
