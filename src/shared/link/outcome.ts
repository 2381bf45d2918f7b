// What a generation ends in, as both sides see it: a link made, or a Failure (everflow/failures.ts).
// LinkSuccess is also stored (the last link), so its item is here.
import * as z from 'zod/mini';
import type { Failure } from '../../everflow/failures';
import { targetOf, type LinkInput } from '../../everflow/link-fields';
import { LinkFormSchema, LinkInputSchema, parseLinkForm } from './link-form';
import { MAX_NAME, nameSchema } from './names';
import { defineItem } from '../storage/define-item';
import { AccountIdSchema, ofFirstAccount } from '../accounts/accounts';

export const LinkSuccessSchema = z.object({
  ok: z.literal(true),
  url: z.string(),
  /** The account the link was made with. */
  accountId: AccountIdSchema,
  /**
   * The request the link was made from, as asked (tokens such as {date} not yet filled in: `at` fills
   * them in again). The popup shows a link only while its form still makes this request.
   */
  input: LinkInputSchema,
  /** False when the clipboard could not be written; the link is still shown with a Copy button. */
  copied: z.boolean(),
  /** The copy format the link went onto the clipboard in, by name, when not the bare link (copy-formats.ts). */
  copiedAs: z.optional(z.string().check(z.maxLength(100))),
  /** With `copiedAs`: the first line of what was copied, so a message never goes onto the clipboard unseen. */
  copiedLine: z.optional(z.string().check(z.maxLength(200))),
  /** When the link was made (ms since the epoch). */
  at: z.number(),
  /** Names the picker showed, or the look-ups found since. */
  offerName: z.optional(nameSchema(4 * MAX_NAME)),
  campaignName: z.optional(nameSchema(4 * MAX_NAME)),
  affiliateName: z.optional(nameSchema(4 * MAX_NAME)),
  /** A smart link some of whose offers are not open to the affiliate (`can_affiliate_run_all_offers: false`). */
  someOffersClosed: z.optional(z.literal(true)),
  /** A redirect link was asked for, and Everflow's answer is not on one of the network's tracking domains. */
  directLink: z.optional(z.literal(true)),
  /** The link was made and copied, but storage refused to keep it (history, last link, recent affiliates). */
  unsaved: z.optional(z.literal(true)),
});
export type LinkSuccess = z.infer<typeof LinkSuccessSchema>;

export type LinkOutcome = LinkSuccess | Failure;

/**
 * Version 1 carried the link's kind and IDs as fields of their own and, later, the form it was made
 * from: its request is that form's, or else the bare pair.
 */
export function lastLinkFromV1(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  const { linkType, offerId, campaignId, affiliateId, form, ...rest } = data as Record<string, unknown>;
  const fromForm = LinkFormSchema.safeParse(form);
  const parsed = fromForm.success ? parseLinkForm(fromForm.data) : undefined;
  const bare = { linkType: linkType ?? 'offer', offerId, campaignId, affiliateId, encryptParameters: false, redirectLink: false };
  return { ...rest, input: parsed?.ok ? parsed.input : bare };
}

/** The last link made, so a popup that closed mid-request shows it when it reopens. */
export const lastLinkItem = defineItem<LinkSuccess | null>({
  writer: 'background',
  area: 'local',
  key: 'lastLink',
  version: 3,
  migrations: {
    1: (data) => (data === null ? null : lastLinkFromV1(data)),
    // The last link made before accounts was the first account's.
    2: ofFirstAccount,
  },
  schema: z.nullable(LinkSuccessSchema),
  fallback: () => null,
});

/** What a link leads to, as shown beside it: "Offer 42" or "Smart link 5", and its name when known. */
export function linkSubject(link: Pick<LinkSuccess, 'input' | 'offerName' | 'campaignName'>): {
  kind: 'Offer' | 'Smart link';
  id: number;
  name: string | undefined;
} {
  const target = targetOf(link.input);
  return target.type === 'smart'
    ? { kind: 'Smart link', id: target.id, name: link.campaignName }
    : { kind: 'Offer', id: target.id, name: link.offerName };
}

/** The request of a link, as a key that two requests share only when they ask for the same link. */
export const requestKey = (input: LinkInput): string => JSON.stringify(input);
