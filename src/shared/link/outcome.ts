// What a generation ends in, as both sides see it: a link made, or a Failure (everflow/failures.ts).
// LinkSuccess is also stored (the last link), so its item is here.
import * as z from 'zod/mini';
import type { Failure } from '../../everflow/failures';
import { LINK_TYPES } from '../../everflow/link-fields';
import { LinkFormSchema } from './link-form';
import { MAX_NAME, nameSchema } from './names';
import { defineItem } from '../storage/define-item';

export const LinkSuccessSchema = z.object({
  ok: z.literal(true),
  url: z.string(),
  /** Absent on links stored before smart links: an offer link. */
  linkType: z.optional(z.enum(LINK_TYPES)),
  /** The offer of an offer link. */
  offerId: z.optional(z.number()),
  /** The smart link (Everflow's campaign) of a smart link. */
  campaignId: z.optional(z.number()),
  affiliateId: z.number(),
  /** False when the clipboard could not be written; the link is still shown with a Copy button. */
  copied: z.boolean(),
  /** The copy format the link went onto the clipboard in, by name, when not the bare link (copy-formats.ts). */
  copiedAs: z.optional(z.string().check(z.maxLength(100))),
  /** When the link was made (ms since the epoch). */
  at: z.number(),
  /** Names the picker showed, when it did. */
  offerName: z.optional(nameSchema(4 * MAX_NAME)),
  campaignName: z.optional(nameSchema(4 * MAX_NAME)),
  affiliateName: z.optional(nameSchema(4 * MAX_NAME)),
  /** A smart link some of whose offers are not open to the affiliate (`can_affiliate_run_all_offers: false`). */
  someOffersClosed: z.optional(z.literal(true)),
  /** A redirect link was asked for, and Everflow's answer is not on one of the network's tracking domains. */
  directLink: z.optional(z.literal(true)),
  /** The link was made and copied, but storage refused to keep it (history, last link, recent affiliates). */
  unsaved: z.optional(z.literal(true)),
  /**
   * The form it was made from (before tokens are filled in): the popup shows a link only while its form
   * still holds this. Absent on links stored before it was kept.
   */
  form: z.optional(LinkFormSchema),
});
export type LinkSuccess = z.infer<typeof LinkSuccessSchema>;

export type LinkOutcome = LinkSuccess | Failure;

/** The last link made, so a popup that closed mid-request shows it when it reopens. */
export const lastLinkItem = defineItem<LinkSuccess | null>({
  writer: 'background',
  area: 'local',
  key: 'lastLink',
  version: 1,
  schema: z.nullable(LinkSuccessSchema),
  fallback: () => null,
});

/** What a link leads to, as shown beside it: "Offer 42" or "Smart link 5", and its name when known. */
export function linkSubject(link: LinkSuccess): { kind: 'Offer' | 'Smart link'; id: number | undefined; name: string | undefined } {
  return link.linkType === 'smart'
    ? { kind: 'Smart link', id: link.campaignId, name: link.campaignName }
    : { kind: 'Offer', id: link.offerId, name: link.offerName };
}
