// POST /v1/networks/tracking/offers/clicks: build the body, call, and accept only a real http(s) link.
import type { LinkInput } from '../shared/link-form';
import { failure, type Failure } from '../shared/outcome';
import { MESSAGES } from './failures';
import { callEverflow, type Connection } from './http';

export const TRACKING_LINK_PATH = '/networks/tracking/offers/clicks';

/**
 * The name of the "redirect link even for direct-linking offers" flag. Everflow's stored docs drop
 * this field's name; `is_redirect_link` is the only name seen in public code. Correct it here only.
 */
export const REDIRECT_LINK_FIELD = 'is_redirect_link';

/** Longest link we accept back; far above any real link, low enough to keep junk out. */
const MAX_URL_LENGTH = 4096;

export type ClickBody = Record<string, number | string | boolean>;

/** The exact JSON Everflow receives: IDs as numbers, and nothing that was left empty or unchecked. */
export function buildClickBody(input: LinkInput): ClickBody {
  const body: ClickBody = {
    network_offer_id: input.offerId,
    network_affiliate_id: input.affiliateId,
  };
  const optional: [string, number | string | undefined][] = [
    ['network_tracking_domain_id', input.trackingDomainId],
    ['network_offer_url_id', input.offerUrlId],
    ['creative_id', input.creativeId],
    ['network_traffic_source_id', input.trafficSourceId],
    ['source_id', input.sourceId],
    ['sub1', input.sub1],
    ['sub2', input.sub2],
    ['sub3', input.sub3],
    ['sub4', input.sub4],
    ['sub5', input.sub5],
  ];
  for (const [name, value] of optional) if (value !== undefined && value !== '') body[name] = value;
  if (input.encryptParameters) body.is_encrypt_parameters = true;
  if (input.redirectLink) body[REDIRECT_LINK_FIELD] = true;
  return body;
}

/** The link in a 200 answer, only if it is an absolute http(s) URL. */
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
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? link : undefined;
  } catch {
    return undefined;
  }
}

export async function generateTrackingLink(
  connection: Connection,
  input: LinkInput,
): Promise<{ ok: true; url: string } | Failure> {
  const result = await callEverflow(connection, 'POST', TRACKING_LINK_PATH, buildClickBody(input));
  if (!result.ok) return result;
  const url = linkFromResponse(result.body);
  return url ? { ok: true, url } : failure('bad-response', MESSAGES.badResponse);
}
