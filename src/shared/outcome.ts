// What a generation ends in, as both sides see it: a link made, or a Failure (everflow/failures.ts).
// LinkSuccess is also stored (the last link), so its schema is here.
import * as z from 'zod/mini';
import type { Failure } from '../everflow/failures';
import { MAX_NAME, nameSchema } from './names';

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
  offerName: z.optional(nameSchema(4 * MAX_NAME)),
  affiliateName: z.optional(nameSchema(4 * MAX_NAME)),
  /** A redirect link was asked for, and Everflow's answer is not on one of the network's tracking domains. */
  directLink: z.optional(z.literal(true)),
  /** The link was made and copied, but storage refused to keep it (history, last link, recent affiliates). */
  unsaved: z.optional(z.literal(true)),
});
export type LinkSuccess = z.infer<typeof LinkSuccessSchema>;

export type LinkOutcome = LinkSuccess | Failure;
