// Offer, smart link and affiliate names, as Everflow's look-ups gave them, wherever the extension keeps or passes
// them on (messages, the history, bulk rows, the last link). Affiliates choose their own company
// names, so each is cleaned of characters that would make it, or the ID beside it, read wrongly.
import * as z from 'zod/mini';
import { cleanText } from '../../everflow/text';

export const MAX_NAME = 120;

/** A name: at most `max` characters as received, cleaned (everflow/text.ts) as it is read. */
export const nameSchema = (max = MAX_NAME) => z.pipe(z.string().check(z.maxLength(max)), z.transform(cleanText));

/** The offer (or smart link) and affiliate names the popup showed, recorded with a link; keyed by NameKind. */
export const NamesSchema = z.object({
  offer: z.optional(nameSchema()),
  campaign: z.optional(nameSchema()),
  affiliate: z.optional(nameSchema()),
});
export type Names = z.infer<typeof NamesSchema>;
