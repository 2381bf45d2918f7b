// Offer, smart link and affiliate names, as Everflow's look-ups gave them, wherever the extension keeps or passes
// them on (messages, the history, bulk rows, the last link), and what is said about an ID whose item
// is not active. Affiliates choose their own company names, so each is cleaned of characters that
// would make it, or the ID beside it, read wrongly.
import * as z from 'zod/mini';
import type { NameKind } from '../everflow/lookups';
import { cleanText } from '../everflow/text';

export const MAX_NAME = 120;

/** A name: at most `max` characters as received, cleaned (everflow/text.ts) as it is read. */
export const nameSchema = (max = MAX_NAME) => z.pipe(z.string().check(z.maxLength(max)), z.transform(cleanText));

/** The offer (or smart link) and affiliate names the popup showed, recorded with a link; keyed by NameKind. */
export const NamesSchema = z.object({ offer: z.optional(nameSchema()), campaign: z.optional(nameSchema()), affiliate: z.optional(nameSchema()) });
export type Names = z.infer<typeof NamesSchema>;

const WHAT: Record<NameKind, string> = { offer: 'Offer', campaign: 'Smart link', affiliate: 'Affiliate' };

/**
 * What a manager must know about an ID before making a link with it, as one sentence, or undefined
 * when nothing: Everflow has nothing by that ID (`found` null), or has it but not active (its own
 * status word, e.g. paused, inactive, deleted). Clicks on such a link do not track.
 */
export function idWarning(kind: NameKind, id: number, found: { status?: string | undefined } | null): string | undefined {
  if (found === null) return `Everflow has no ${WHAT[kind].toLowerCase()} ${id}; check the ID.`;
  const status = found.status?.trim().toLowerCase().replaceAll('_', ' ');
  if (!status || status === 'active') return undefined;
  return kind === 'affiliate'
    ? `Affiliate ${id} is ${status} in Everflow: links for it will not track.`
    : `${WHAT[kind]} ${id} is ${status} in Everflow: links to it will not track.`;
}
