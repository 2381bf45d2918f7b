// POST /v1/networks/tracking/offers/clicks (an offer link) or …/campaigns/clicks (a smart link): build
// the body, call, and accept only a real http(s) link.
import { MESSAGES, failure, type Failure } from './failures';
import { callEverflow, type Connection } from './http';
import { fieldsFor, type LinkInput, type LinkType } from './link-fields';
import { hasHiddenCharacters } from './text';

export const TRACKING_LINK_PATHS: Record<LinkType, string> = {
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
export function buildClickBody(input: LinkInput): ClickBody {
  const body: ClickBody = {};
  const values = input as Partial<Record<string, number | string | boolean>>;
  for (const field of fieldsFor(input.linkType)) {
    const value = values[field.name];
    // A flag is sent only when it is on; Everflow's default is off.
    if (value !== undefined && value !== '' && value !== false) body[field.param] = value;
  }
  return body;
}

/**
 * The link in a 200 answer, only if it is an absolute http(s) URL, as the URL parser writes it: that
 * escapes characters a person cannot see (a direction override would make the link read backwards);
 * a link that still holds one is refused.
 */
export function linkFromResponse(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const url = (body as Record<string, unknown>).url;
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return undefined;
  const link = url.trim();
  // The URL parser quietly drops inner tabs and newlines and accepts `http:host` or `https:\\host`;
  // the text goes to the clipboard as is, so it must already be a plain absolute link.
  // oxlint-disable-next-line no-control-regex
  if (!/^https?:\/\/[^\s\u0000-\u001f\u007f]+$/i.test(link)) return undefined;
  try {
    const parsed = new URL(link);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    return hasHiddenCharacters(parsed.href) ? undefined : parsed.href;
  } catch {
    return undefined;
  }
}

export interface TrackingLink {
  ok: true;
  url: string;
  /** A smart link whose answer says `can_affiliate_run_all_offers: false`: some of its offers are closed to the affiliate. */
  someOffersClosed?: true;
}

export async function generateTrackingLink(connection: Connection, input: LinkInput): Promise<TrackingLink | Failure> {
  const result = await callEverflow(connection, 'POST', TRACKING_LINK_PATHS[input.linkType], buildClickBody(input));
  if (!result.ok) return result;
  const url = linkFromResponse(result.body);
  if (!url) return failure('bad-response', MESSAGES.badResponse);
  // Only an explicit false counts: an offer link's answer has no such field.
  const closed = (result.body as Record<string, unknown>).can_affiliate_run_all_offers === false;
  return { ok: true, url, ...(closed ? { someOffersClosed: true as const } : {}) };
}
