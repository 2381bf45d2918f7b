// POST /v1/networks/tracking/offers/clicks (an offer link) or …/campaigns/clicks (a smart link): build
// the body, call, and accept only a real http(s) link. The checks of a returned link and the refusal of
// a field holding the key are shared with the partner's links (partner.ts).
import { MESSAGES, failure, type Failure } from './failures';
import { callEverflow, type Connection } from './http';
import { containsKey } from './key-in-text';
import { fieldsFor, type LinkInput, type NetworkLinkInput, type NetworkLinkType } from './link-fields';
import { hasHiddenCharacters } from './text';

export const TRACKING_LINK_PATHS: Record<NetworkLinkType, string> = {
  offer: '/networks/tracking/offers/clicks',
  smart: '/networks/tracking/campaigns/clicks',
};

/** Longest link we accept back; far above any real link, low enough to keep junk out. */
const MAX_URL_LENGTH = 4096;

export type ClickBody = Record<string, number | string | boolean>;

/**
 * The exact JSON Everflow receives: IDs as numbers, only the fields of the input's link type (a smart
 * link never carries an offer, offer URL or creative), and nothing that was left empty or unchecked.
 */
export function buildClickBody(input: NetworkLinkInput): ClickBody {
  const body: ClickBody = {};
  const values = input as Partial<Record<string, number | string | boolean>>;
  for (const field of fieldsFor(input.linkType)) {
    const value = values[field.name];
    // A flag is sent only when it is on; Everflow's default is off.
    if (value !== undefined && value !== '' && value !== false) body[field.param] = value;
  }
  return body;
}

/** 4096 → "4,096" without Intl: its first use, at a woken worker's start, costs milliseconds the link waits for. */
const withCommas = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/** Why a returned link was refused, one sentence each (the failure's message). */
export const LINK_REFUSALS = {
  tooLong: `Everflow returned a link longer than ${withCommas(MAX_URL_LENGTH)} characters, so it was not copied; check the offer’s URL in Everflow.`,
  userInfo:
    'Everflow returned a link that hides another address (user info before @), so it was not copied; check the offer’s URL and tracking domain in Everflow.',
  ipAddress: (host: string) =>
    `Everflow returned a link to a bare IP address (${host}) instead of a domain, so it was not copied; check the offer’s URL and tracking domain in Everflow.`,
  holdsKey:
    'Everflow returned a link that holds your API key, so it was not copied; check the offer’s URL and tracking domain in Everflow.',
} as const;

export type ReturnedLink = { ok: true; url: string } | Failure;

/** Everything before the path: scheme, user info, host and port, as the text has it. */
const AUTHORITY = /^https?:\/\/([^/?#\\]*)/i;

/**
 * The link in a 200 answer, only if it is an absolute http(s) URL that goes where it says, as the URL
 * parser writes it: that escapes characters a person cannot see (a direction override would make the
 * link read backwards). Refused, each with its sentence: a link that is too long, that still holds a
 * hidden character, that has user info ("https://trk.brand.com@evil.example/" goes to evil.example),
 * or whose host is an IP address (in any form the parser reads: "http://3232235777/" is 192.168.1.1).
 * `fields` name where the answer may carry the link, the first that holds text winning (the Affiliate
 * API's docs disagree between `tracking_url` and `url`).
 */
export function linkFromResponse(body: unknown, fields: readonly string[] = ['url']): ReturnedLink {
  const unreadable = failure('bad-response', MESSAGES.badResponse);
  if (typeof body !== 'object' || body === null) return unreadable;
  const record = body as Record<string, unknown>;
  const url = fields.map((field) => record[field]).find((value) => typeof value === 'string' && value.trim() !== '');
  if (typeof url !== 'string') return unreadable;
  if (url.length > MAX_URL_LENGTH) return failure('bad-response', LINK_REFUSALS.tooLong);
  const link = url.trim();
  // The URL parser quietly drops inner tabs and newlines and accepts `http:host` or `https:\\host`;
  // the text goes to the clipboard as is, so it must already be a plain absolute link.
  // oxlint-disable-next-line no-control-regex
  if (!/^https?:\/\/[^\s\u0000-\u001f\u007f]+$/i.test(link)) return unreadable;
  let parsed: URL;
  try {
    parsed = new URL(link);
  } catch {
    return unreadable;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return unreadable;
  // An empty user info ("https://@evil.example/") leaves no name for the parser to keep, but the text had one.
  if (parsed.username || parsed.password || AUTHORITY.exec(link)?.[1]?.includes('@'))
    return failure('bad-response', LINK_REFUSALS.userInfo);
  // The parser writes every IPv4 form as four decimal numbers and an IPv6 address in brackets.
  if (/^(\d+\.){3}\d+$/.test(parsed.hostname) || parsed.hostname.startsWith('[')) {
    return failure('bad-response', LINK_REFUSALS.ipAddress(parsed.hostname));
  }
  return hasHiddenCharacters(parsed.href) ? unreadable : { ok: true, url: parsed.href };
}

/** The link in a 200 answer as linkFromResponse reads it, and refused when it holds the key in any form. */
export function checkedLink(body: unknown, apiKey: string, fields?: readonly string[]): ReturnedLink {
  const link = linkFromResponse(body, fields);
  if (!link.ok) return link;
  return containsKey(link.url, apiKey) ? failure('bad-response', LINK_REFUSALS.holdsKey) : link;
}

export interface TrackingLink {
  ok: true;
  url: string;
  /** A smart link whose answer says `can_affiliate_run_all_offers: false`: some of its offers are closed to the affiliate. */
  someOffersClosed?: true;
}

/** The failure's own sentence when a field holds the key; the field's message says which. */
export const KEY_IN_A_FIELD = 'Nothing was sent: a field holds your API key; see the message beside it.';
/** The refusal when a text field holds the key ("Sub 1 holds your API key…"). */
export const keyInFieldMessage = (label: string) =>
  `${label} holds your API key, which must never go into a link (nor into Everflow’s reports); remove it and try again.`;

/**
 * A text field that holds the key, in any form, is refused before anything is sent: Everflow would
 * put it in the link, and show it to the affiliate in their reports.
 */
export function keyInInput(input: LinkInput, keys: string | readonly string[]): Failure | undefined {
  const values = input as Partial<Record<string, unknown>>;
  const secret = typeof keys === 'string' ? [keys] : keys;
  for (const field of fieldsFor(input.linkType)) {
    const value = values[field.name];
    if (field.kind !== 'text' || typeof value !== 'string' || !secret.some((key) => containsKey(value, key))) continue;
    return failure('invalid-input', KEY_IN_A_FIELD, { [field.name]: keyInFieldMessage(field.label) });
  }
  return undefined;
}

export async function generateTrackingLink(connection: Connection, input: NetworkLinkInput): Promise<TrackingLink | Failure> {
  const refused = keyInInput(input, [connection.apiKey, ...(connection.otherKeys ?? [])]);
  if (refused) return refused;
  const result = await callEverflow(connection, 'POST', TRACKING_LINK_PATHS[input.linkType], buildClickBody(input));
  if (!result.ok) return result;
  const link = checkedLink(result.body, connection.apiKey);
  if (!link.ok) return link;
  // Only an explicit false counts: an offer link's answer has no such field.
  const closed = (result.body as Record<string, unknown>).can_affiliate_run_all_offers === false;
  return { ok: true, url: link.url, ...(closed ? { someOffersClosed: true as const } : {}) };
}
