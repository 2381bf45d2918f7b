// Links shaped like Everflow's (help.everflow.io, "Configuring the Affiliate Tracking Link"; docs/network/tracking_links):
//   redirect  https://<tracking domain>/<encoded affiliate>/<encoded offer>/?sub1=…&source_id=…
//   encrypted https://<tracking domain>/<encoded affiliate>/<encoded offer>/?__efq=…
//   direct    the advertiser's URL with the offer and affiliate (a direct-linking offer)
// `http://` on a tracking domain without SSL.

/** Everflow shows IDs in links as short upper-case codes (e.g. 28KL6); any stable, reversible code will do. */
export function encodeId(id: number, salt: number): string {
  return (id * 7919 + salt).toString(36).toUpperCase();
}

export function decodeId(code: string, salt: number): number {
  return (parseInt(code, 36) - salt) / 7919;
}

export const AFFILIATE_SALT = 1_000_003;
export const OFFER_SALT = 2_000_029;
export const CAMPAIGN_SALT = 3_000_017;

/** The query parameters a link carries, in Everflow's order: sub1…sub5, then source_id. */
export const LINK_PARAMS = ['sub1', 'sub2', 'sub3', 'sub4', 'sub5', 'source_id'] as const;
export type LinkParams = Partial<Record<(typeof LINK_PARAMS)[number], string>>;

function query(params: LinkParams, encrypt: boolean): string {
  const search = new URLSearchParams();
  for (const name of LINK_PARAMS) if (params[name] !== undefined) search.set(name, params[name]!);
  const text = search.toString();
  if (!encrypt) return text ? `?${text}` : '';
  // One opaque parameter in place of all of them (a stable stand-in for Everflow's encryption).
  return `?__efq=${Buffer.from(`efq:${text}`).toString('base64url')}`;
}

export interface RedirectLink {
  domain: string;
  ssl: boolean;
  affiliateId: number;
  /** An offer, or a smart link (campaign) when `campaign` is set. */
  offerId: number;
  campaign?: boolean;
  params?: LinkParams;
  encrypt?: boolean;
}

export function redirectLink(link: RedirectLink): string {
  const target = encodeId(link.offerId, link.campaign ? CAMPAIGN_SALT : OFFER_SALT);
  return `${link.ssl ? 'https' : 'http'}://${link.domain}/${encodeId(link.affiliateId, AFFILIATE_SALT)}/${target}/${query(link.params ?? {}, !!link.encrypt)}`;
}

export function directLink(destination: string, offerId: number, affiliateId: number, params: LinkParams = {}, encrypt = false): string {
  const url = new URL(destination);
  url.searchParams.set('oid', String(offerId));
  url.searchParams.set('affid', String(affiliateId));
  const extra = query(params, encrypt);
  return `${url.toString()}${extra ? `&${extra.slice(1)}` : ''}`;
}
