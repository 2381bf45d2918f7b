// Tokens in Source ID and Sub 1–5, filled in by the background when a link is generated:
// {date} (local date, YYYY-MM-DD), {offer_id} (an offer link's), {smart_link_id} (a smart link's) and
// {affiliate_id}. Case-sensitive; every occurrence is replaced; any other {word}, and a link type's
// missing ID, is left exactly as typed. Pure, so it is unit-tested without a browser.
import { MAX_TEXT, TEXT_FIELDS, affiliateOf, textOf, type LinkInput, type TextField } from '../../everflow/link-fields';
import { tooLongMessage, type FieldErrors, type FormCheck } from './link-form';

export const SUB_TOKENS = ['{date}', '{offer_id}', '{smart_link_id}', '{affiliate_id}'] as const;

const TOKEN = /\{(date|offer_id|smart_link_id|affiliate_id)\}/g;
const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar date as YYYY-MM-DD. */
export function localDate(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The input with the tokens in Source ID and Sub 1–5 replaced by their values. */
export function expandTokens(input: LinkInput, now: Date): LinkInput {
  const affiliate = affiliateOf(input);
  const values: Record<string, string> = {
    date: localDate(now),
    ...(input.linkType === 'smart' ? { smart_link_id: String(input.campaignId) } : { offer_id: String(input.offerId) }),
    ...(affiliate === undefined ? {} : { affiliate_id: String(affiliate) }),
  };
  const expanded: Partial<Record<TextField, string>> = { ...input };
  for (const field of TEXT_FIELDS) {
    const value = textOf(input, field);
    if (value !== undefined) expanded[field] = value.replace(TOKEN, (token, name: string) => values[name] ?? token);
  }
  return expanded as LinkInput;
}

/**
 * Expands the tokens and checks what they made against Everflow's limit, so a value that grows past 200
 * characters is refused with that field's usual message.
 */
export function expandAndCheck(input: LinkInput, now: Date): FormCheck {
  const expanded = expandTokens(input, now);
  const errors: FieldErrors = {};
  for (const field of TEXT_FIELDS) if ((textOf(expanded, field)?.length ?? 0) > MAX_TEXT) errors[field] = tooLongMessage(field);
  return Object.keys(errors).length === 0 ? { ok: true, input: expanded } : { ok: false, errors };
}
