// The Everflow part of making a link, shared by every link the extension makes (a person's, through
// make-link.ts, and each bulk row): the tracking-link call, and what its answer says beside the link.
import type { Connection } from '../everflow/http';
import type { Failure } from '../everflow/failures';
import type { LinkInput } from '../everflow/link-fields';
import { generatePartnerLink } from '../everflow/partner';
import { generateTrackingLink } from '../everflow/tracking-link';
import { isDirectLink } from './tracking-domain-cache';

export interface RequestedLink {
  ok: true;
  url: string;
  /** A smart link some of whose offers Everflow says are closed to the affiliate. */
  someOffersClosed?: true;
  /** A redirect link was asked for, and Everflow's answer is not on one of the network's tracking domains. */
  directLink?: true;
}

/**
 * The link for `input` (its tokens filled in). `plain` reads the tracking domains without the caller's
 * cancel or retry settings: the redirect flag's name is unconfirmed, so when a redirect link was asked
 * for, the answer's host says whether Everflow made one.
 */
export async function requestLink(
  connection: Connection,
  input: LinkInput,
  plain: Connection = connection,
): Promise<RequestedLink | Failure> {
  // A partner's own link: the Affiliate API, on the partner's tracking domain (no redirect flag to check).
  if (input.linkType === 'partner') return generatePartnerLink(connection, input);
  const made = await generateTrackingLink(connection, input);
  if (!made.ok) return made;
  const direct = input.redirectLink && (await isDirectLink(plain, made.url));
  return { ok: true, url: made.url, ...(made.someOffersClosed ? { someOffersClosed: true } : {}), ...(direct ? { directLink: true } : {}) };
}
