// The simulated Everflow networks: each its own instance of Everflow (developers.everflow.io, "Network
// info and several networks"), with its network info, offers, affiliates (partners), who may run what,
// tracking domains, offer URLs, creatives, traffic sources, smart links (campaigns), its keys (network
// keys and one partner key per partner that has one) and its own rate-limit counters. The seed is chosen
// so specs read naturally: in the first network, offer 42 and affiliate 7 are the everyday pair; the
// second network (EU-hosted) uses some of the same IDs for other things, so a test can tell them apart.
// Field names follow Everflow's API reference pages ("Look-ups a link builder can use").
import { directLink, redirectLink, type LinkParams } from './links';
import type { ErrorField } from './replies';
import type { RateLimitModel } from './rate-limit';

export type OfferStatus = 'active' | 'paused' | 'pending' | 'deleted';

export interface Offer {
  network_offer_id: number;
  name: string;
  offer_status: OfferStatus;
  /** public: every active affiliate; require_approval / private: only those in `approved`. */
  visibility: 'public' | 'require_approval' | 'private';
  /** The advertiser's landing page (the direct link of a direct-linking offer). */
  destination_url: string;
  /** The offer's default tracking domain. */
  network_tracking_domain_id: number;
  /** A direct-linking offer answers with the advertiser's URL unless a redirect link is forced. */
  is_direct_linking?: boolean;
  /** Affiliates approved to run a non-public offer. */
  approved?: number[];
  /** Affiliates blocked from a public offer. */
  blocked?: number[];
  /** Affiliates whose application to run an offer that requires approval is awaiting the network. */
  applied?: number[];
  network_category_id?: number;
}

export interface Affiliate {
  network_affiliate_id: number;
  name: string;
  account_status: 'active' | 'inactive' | 'pending' | 'suspended';
  /** The affiliate's own tracking domain (GET /networks/affiliates/{id}/trackingdomains). */
  network_tracking_domain_id?: number;
  /** The affiliate's default traffic source (a sent traffic source is then ignored). */
  network_traffic_source_id?: number;
}

export interface TrackingDomain {
  network_tracking_domain_id: number;
  url: string;
  is_primary_domain: boolean;
  domain_status: 'active' | 'inactive';
  is_ssl_enabled: boolean;
  is_unassignable: boolean;
}

export interface OfferUrl {
  network_offer_url_id: number;
  network_offer_id: number;
  name: string;
  url_status: 'active' | 'paused' | 'deleted';
  is_apply_specific_affiliates: boolean;
  network_affiliate_ids: number[];
  destination_url: string;
}

export interface Creative {
  network_offer_creative_id: number;
  network_offer_id: number;
  name: string;
  creative_status: 'active' | 'paused' | 'deleted';
  is_private: boolean;
  creative_type: 'link' | 'image' | 'html' | 'email';
}

export interface TrafficSource {
  network_traffic_source_id: number;
  name: string;
  status: 'active' | 'inactive';
}

export interface Campaign {
  network_campaign_id: number;
  campaign_name: string;
  campaign_status: 'active' | 'paused';
  network_tracking_domain_id: number;
  /** Offers behind the smart link. */
  network_offer_ids: number[];
}

export interface ApiKey {
  key: string;
  region: 'us' | 'eu';
  /** network keys use /v1/networks/…; affiliate (partner) keys only /v1/affiliates/…. */
  realm: 'network' | 'affiliate';
  network_affiliate_id?: number;
}

/** GET /v1/networks (api-reference/get-networksinfo): the network a network key belongs to. */
export interface NetworkInfo {
  network_id: number;
  name: string;
  /** The subdomain of its dashboard: https://<identifier>.everflowclient.io/. */
  identifier: string;
  displayed_name: string;
  account_status: 'active' | 'inactive' | 'suspended';
  timezone_id: number;
  currency_id: string;
}

export interface Network extends NetworkInfo {
  /** Shown to partners (GET /v1/affiliates/network). */
  logo_url: string;
  favicon_url: string;
  offers: Offer[];
  affiliates: Affiliate[];
  /** Numbered partners made on demand for bulk jobs: every ID in [from, to] is an active affiliate. */
  affiliateRanges: { from: number; to: number }[];
  domains: TrackingDomain[];
  offerUrls: OfferUrl[];
  creatives: Creative[];
  trafficSources: TrafficSource[];
  campaigns: Campaign[];
  keys: ApiKey[];
  /** This network's own rate-limit model; the simulator's when unset. */
  rateLimit?: RateLimitModel;
  /** The field of this network's error bodies; the simulator's when unset. */
  errorField?: ErrorField;
}

export const FIRST_NETWORK_ID = 1;
export const SECOND_NETWORK_ID = 2;

// Keys of the first network. The specs' TEST_KEY is the US network key; EU_KEY is the same network's
// key on the EU host (the specs' region switch), so it sees the same offers and shares the same limit.
export const US_KEY = 'efk_live_Zq9xW3vT7pLm2Rn8Kd4sYh6B';
export const EU_KEY = 'efk_live_Eu4pR7tW2yXc9Lm3Qn6Vb8Hs';
/** The first network's partner key of affiliate 7 (Sunrise Media). */
export const PARTNER_KEY = 'efk_partner_Pt5nR8wQ3zLx7Km2Jd9Fg4Cs';

// Keys of the second network, EU-hosted: they answer on api-eu.eflow.team only (401 on the US host).
export const SECOND_NETWORK_KEY = 'efk_live_No8dLy4sKq2Wm7Xp3Rt9Vb5G';
/** Another network user's key of the second network: the same network, so the same limit. */
export const SECOND_NETWORK_OTHER_KEY = 'efk_live_No3fJw6hTz8Qc2Mv5Lr7Pn4D';

/** Partner (affiliate) keys, one per network and partner: `PARTNER_KEYS.first[7] === PARTNER_KEY`. */
export const PARTNER_KEYS = {
  first: {
    7: PARTNER_KEY,
    8: 'efk_partner_Bh2kW9rT4mXq6Ln3Zs8Vd5Jc',
    913: 'efk_partner_Jm7sQ2vN9xKp4Rw6Ty3Lb8Hf',
  },
  second: {
    7: 'efk_partner_Fj4lY8sM2qWn6Kx9Rd3Tv7Pc',
    12: 'efk_partner_Nd6eA3bW8rLm2Qx7Zk4Vs9Ht',
  },
} as const;

export const PRIMARY_DOMAIN = 'trk.example-trk.com';
/** The second network's primary tracking domain, without SSL: its links are http:// (as the docs' example). */
export const SECOND_PRIMARY_DOMAIN = 'go.nordlys-trk.example';

const seedOffer = (o: Partial<Offer> & Pick<Offer, 'network_offer_id' | 'name'>): Offer => ({
  offer_status: 'active',
  visibility: 'public',
  destination_url: `https://shop.example/landing?offer=${o.network_offer_id}`,
  network_tracking_domain_id: 1,
  ...o,
});
const seedAffiliate = (id: number, name: string, extra: Partial<Affiliate> = {}): Affiliate => ({
  network_affiliate_id: id,
  name,
  account_status: 'active',
  ...extra,
});
const seedDomain = (id: number, url: string, extra: Partial<TrackingDomain> = {}): TrackingDomain => ({
  network_tracking_domain_id: id,
  url,
  is_primary_domain: false,
  domain_status: 'active',
  is_ssl_enabled: true,
  is_unassignable: false,
  ...extra,
});
const partnerKeys = (keys: Record<number, string>, region: ApiKey['region']): ApiKey[] =>
  Object.entries(keys).map(([affiliate, key]) => ({ key, region, realm: 'affiliate', network_affiliate_id: Number(affiliate) }));
const url = (id: number, offerId: number, name: string, extra: Partial<OfferUrl> = {}): OfferUrl => ({
  network_offer_url_id: id,
  network_offer_id: offerId,
  name,
  url_status: 'active',
  is_apply_specific_affiliates: false,
  network_affiliate_ids: [],
  destination_url: `https://shop.example/${offerId}/${id}`,
  ...extra,
});
const creative = (id: number, offerId: number, name: string, extra: Partial<Creative> = {}): Creative => ({
  network_offer_creative_id: id,
  network_offer_id: offerId,
  name,
  creative_status: 'active',
  is_private: false,
  creative_type: 'image',
  ...extra,
});

/** The first network (US-hosted, also reached with EU_KEY on the EU host): the one every spec uses. */
export function seedNetwork(): Network {
  return {
    network_id: FIRST_NETWORK_ID,
    name: 'Acme Performance',
    identifier: 'acme',
    displayed_name: 'Acme Performance Network',
    account_status: 'active',
    timezone_id: 80,
    currency_id: 'USD',
    logo_url: 'https://acme.everflowclient.io/logo.png',
    favicon_url: 'https://acme.everflowclient.io/favicon.ico',
    offers: [
      seedOffer({ network_offer_id: 1, name: 'Starter Offer – CPA' }),
      seedOffer({ network_offer_id: 9, name: 'Quick Quiz – CPL' }),
      seedOffer({ network_offer_id: 42, name: 'Summer Sale – US – CPA' }),
      seedOffer({ network_offer_id: 43, name: 'Summer Sale – CA – CPA' }),
      seedOffer({ network_offer_id: 44, name: 'Winter Sale – US – CPA' }),
      seedOffer({
        network_offer_id: 61,
        name: 'Direct Deals – CPC',
        is_direct_linking: true,
        destination_url: 'https://shop.direct-deals.example/',
      }),
      seedOffer({ network_offer_id: 77, name: 'Private Club – CPS', visibility: 'private', approved: [7, 913] }),
      seedOffer({ network_offer_id: 99, name: 'Garden Tools – CPA' }),
      seedOffer({ network_offer_id: 1842, name: 'Acme Shoes – US – CPA', network_tracking_domain_id: 3 }),
      seedOffer({ network_offer_id: 1843, name: 'Acme Boots – EU – CPL', offer_status: 'paused' }),
      seedOffer({ network_offer_id: 1844, name: 'Acme Socks – CPA', offer_status: 'deleted' }),
      // The largest ID Everflow can hold (a 32-bit signed integer).
      seedOffer({ network_offer_id: 2_147_483_647, name: 'Evergreen – CPA' }),
    ],
    affiliates: [
      seedAffiliate(1, 'House Partner'),
      seedAffiliate(7, 'Sunrise Media'),
      seedAffiliate(8, 'Blue Harbor Ads'),
      seedAffiliate(9, 'Northwind Deals'),
      seedAffiliate(12, 'Kite & Key'),
      seedAffiliate(913, 'Jolly Media', { network_tracking_domain_id: 3 }),
      seedAffiliate(914, 'Jolly Media Old', { account_status: 'inactive' }),
    ],
    affiliateRanges: [
      { from: 100, to: 999 },
      { from: 100_001, to: 120_000 },
    ],
    domains: [
      {
        network_tracking_domain_id: 1,
        url: PRIMARY_DOMAIN,
        is_primary_domain: true,
        domain_status: 'active',
        is_ssl_enabled: true,
        is_unassignable: false,
      },
      {
        network_tracking_domain_id: 3,
        url: 'trk.acme.example',
        is_primary_domain: false,
        domain_status: 'active',
        is_ssl_enabled: true,
        is_unassignable: false,
      },
      {
        network_tracking_domain_id: 4,
        url: 'old.example-trk.com',
        is_primary_domain: false,
        domain_status: 'inactive',
        is_ssl_enabled: true,
        is_unassignable: false,
      },
      {
        network_tracking_domain_id: 5,
        url: 'reserved.example-trk.com',
        is_primary_domain: false,
        domain_status: 'active',
        is_ssl_enabled: true,
        is_unassignable: true,
      },
      {
        network_tracking_domain_id: 6,
        url: 'plain.example-trk.com',
        is_primary_domain: false,
        domain_status: 'active',
        is_ssl_enabled: false,
        is_unassignable: false,
      },
    ],
    offerUrls: [
      url(12, 1842, 'Shoes landing'),
      url(13, 1842, 'Old shoes landing', { url_status: 'paused' }),
      url(14, 1842, 'VIP shoes landing', { is_apply_specific_affiliates: true, network_affiliate_ids: [7] }),
      url(21, 42, 'Sale landing'),
      url(22, 42, 'Sale landing B', { url_status: 'paused' }),
      url(23, 42, 'Sale landing for Jolly', { is_apply_specific_affiliates: true, network_affiliate_ids: [913] }),
      url(24, 42, 'Sale landing, retired', { url_status: 'deleted' }),
    ],
    creatives: [
      creative(55, 42, 'Sale banner 300×250'),
      creative(56, 42, 'Sale banner 728×90', { creative_status: 'paused' }),
      creative(57, 42, 'Sale email', { is_private: true, creative_type: 'email' }),
      creative(58, 1842, 'Shoes banner'),
      creative(59, 1842, 'Shoes video', { creative_status: 'deleted' }),
    ],
    trafficSources: [
      { network_traffic_source_id: 4, name: 'Email', status: 'active' },
      { network_traffic_source_id: 9, name: 'Social', status: 'active' },
    ],
    campaigns: [
      {
        network_campaign_id: 5,
        campaign_name: 'Summer smart link',
        campaign_status: 'active',
        network_tracking_domain_id: 1,
        network_offer_ids: [42, 43],
      },
      {
        network_campaign_id: 6,
        campaign_name: 'Members smart link',
        campaign_status: 'active',
        network_tracking_domain_id: 1,
        network_offer_ids: [42, 77],
      },
      {
        network_campaign_id: 8,
        campaign_name: 'Winter smart link',
        campaign_status: 'paused',
        network_tracking_domain_id: 1,
        network_offer_ids: [42],
      },
    ],
    keys: [
      { key: US_KEY, region: 'us', realm: 'network' },
      { key: EU_KEY, region: 'eu', realm: 'network' },
      ...partnerKeys(PARTNER_KEYS.first, 'us'),
    ],
  };
}

const nordlysOffer = (o: Partial<Offer> & Pick<Offer, 'network_offer_id' | 'name'>) =>
  seedOffer({ destination_url: `https://nordlys.example/landing?offer=${o.network_offer_id}`, ...o });

/**
 * The second network: EU-hosted, its own limit, and IDs that overlap the first network's (offer 42,
 * affiliate 7, tracking domain 1…) with other names, statuses and links.
 */
export function seedSecondNetwork(): Network {
  return {
    network_id: SECOND_NETWORK_ID,
    name: 'Nordlys Media',
    identifier: 'nordlys',
    displayed_name: 'Nordlys Media Partners',
    account_status: 'active',
    timezone_id: 59,
    currency_id: 'EUR',
    logo_url: 'https://nordlys.everflowclient.io/logo.png',
    favicon_url: 'https://nordlys.everflowclient.io/favicon.ico',
    offers: [
      nordlysOffer({ network_offer_id: 42, name: 'Nordlicht Reisen – DE – CPA', network_category_id: 3 }),
      nordlysOffer({ network_offer_id: 43, name: 'Fjord Fashion – NO – CPS', network_category_id: 5 }),
      nordlysOffer({
        network_offer_id: 61,
        name: 'Sauna Direct – FI – CPC',
        is_direct_linking: true,
        destination_url: 'https://sauna.example/',
      }),
      nordlysOffer({ network_offer_id: 77, name: 'Aurora VIP – SE – CPL', visibility: 'private', approved: [12] }),
      nordlysOffer({ network_offer_id: 88, name: 'Polar Energy – FI – CPA', visibility: 'require_approval', approved: [12], applied: [7] }),
      nordlysOffer({ network_offer_id: 89, name: 'Baltic Books – EE – CPS', visibility: 'require_approval', network_category_id: 5 }),
      nordlysOffer({ network_offer_id: 90, name: 'Midnight Sun – DK – CPC', offer_status: 'paused' }),
      nordlysOffer({ network_offer_id: 91, name: 'Glacier Gear – IS – CPA', offer_status: 'deleted' }),
    ],
    affiliates: [
      seedAffiliate(7, 'Fjordlys Media'),
      seedAffiliate(8, 'Tundra Traffic', { account_status: 'inactive' }),
      seedAffiliate(12, 'Nordic Deals AB', { network_tracking_domain_id: 2 }),
    ],
    affiliateRanges: [],
    domains: [
      seedDomain(1, SECOND_PRIMARY_DOMAIN, { is_primary_domain: true, is_ssl_enabled: false }),
      seedDomain(2, 'secure.nordlys-trk.example'),
    ],
    offerUrls: [
      url(31, 42, 'Reisen landing', { destination_url: 'https://nordlys.example/42/31' }),
      url(32, 42, 'Reisen landing for Nordic Deals', {
        is_apply_specific_affiliates: true,
        network_affiliate_ids: [12],
        destination_url: 'https://nordlys.example/42/32',
      }),
      url(33, 42, 'Reisen landing, old', { url_status: 'paused', destination_url: 'https://nordlys.example/42/33' }),
      url(34, 61, 'Sauna winter landing', { destination_url: 'https://sauna.example/winter' }),
    ],
    creatives: [
      creative(71, 42, 'Reisen banner 300×250'),
      creative(72, 42, 'Reisen email', { creative_status: 'paused', creative_type: 'email' }),
    ],
    trafficSources: [{ network_traffic_source_id: 3, name: 'Newsletter', status: 'active' }],
    campaigns: [
      {
        network_campaign_id: 11,
        campaign_name: 'Nordic smart link',
        campaign_status: 'active',
        network_tracking_domain_id: 1,
        network_offer_ids: [42, 43],
      },
    ],
    keys: [
      { key: SECOND_NETWORK_KEY, region: 'eu', realm: 'network' },
      { key: SECOND_NETWORK_OTHER_KEY, region: 'eu', realm: 'network' },
      ...partnerKeys(PARTNER_KEYS.second, 'eu'),
    ],
  };
}

/** Every seeded network, the first one first. */
export const seedNetworks = (): Network[] => [seedNetwork(), seedSecondNetwork()];

export function findAffiliate(network: Network, id: number): Affiliate | undefined {
  const listed = network.affiliates.find((a) => a.network_affiliate_id === id);
  if (listed) return listed;
  const ranged = network.affiliateRanges.some((r) => id >= r.from && id <= r.to);
  return ranged ? { network_affiliate_id: id, name: `Partner ${id}`, account_status: 'active' } : undefined;
}

/** Why the affiliate may not run the offer, or undefined when they may. */
export function whyCannotRun(offer: Offer, affiliate: Affiliate): string | undefined {
  if (affiliate.account_status !== 'active') return `Affiliate ${affiliate.network_affiliate_id} is not active.`;
  if (offer.offer_status !== 'active') return `Offer ${offer.network_offer_id} is not active.`;
  if (offer.blocked?.includes(affiliate.network_affiliate_id))
    return `Affiliate ${affiliate.network_affiliate_id} is not approved for offer ${offer.network_offer_id}.`;
  if (offer.visibility !== 'public' && !offer.approved?.includes(affiliate.network_affiliate_id)) {
    return `Affiliate ${affiliate.network_affiliate_id} is not approved for offer ${offer.network_offer_id}.`;
  }
  return undefined;
}

/**
 * What a partner sees of an offer (GET /v1/affiliates/alloffers, `relationship.offer_affiliate_status`):
 * public, approved, their application pending, approval required, or nothing (private and not
 * approved, blocked, deleted).
 */
export type PartnerOfferStatus = 'public' | 'approved' | 'pending' | 'require_approval';

export function partnerStatus(offer: Offer, affiliate: Affiliate): PartnerOfferStatus | undefined {
  const id = affiliate.network_affiliate_id;
  if (offer.offer_status === 'deleted' || offer.blocked?.includes(id)) return undefined;
  if (offer.approved?.includes(id)) return 'approved';
  if (offer.visibility === 'public') return 'public';
  if (offer.visibility === 'private') return undefined;
  return offer.applied?.includes(id) ? 'pending' : 'require_approval';
}

export function primaryDomain(network: Network): TrackingDomain {
  return network.domains.find((d) => d.is_primary_domain) ?? network.domains[0]!;
}

/** The offer's default tracking domain. */
export function offerDomain(network: Network, offer: Offer): TrackingDomain {
  return network.domains.find((d) => d.network_tracking_domain_id === offer.network_tracking_domain_id) ?? primaryDomain(network);
}

/** The affiliate's own tracking domain, if it has one. */
export function affiliateDomain(network: Network, affiliate: Affiliate): TrackingDomain | undefined {
  return network.domains.find((d) => d.network_tracking_domain_id === affiliate.network_tracking_domain_id);
}

/** Why this offer URL cannot be used for the offer and affiliate, or undefined when it can. */
export function offerUrlProblem(offerUrl: OfferUrl | undefined, urlId: number, offerId: number, affiliateId: number): string | undefined {
  if (!offerUrl || offerUrl.network_offer_id !== offerId) return `Offer URL ${urlId} does not belong to offer ${offerId}.`;
  if (offerUrl.url_status !== 'active') return `Offer URL ${urlId} is not active.`;
  if (offerUrl.is_apply_specific_affiliates && !offerUrl.network_affiliate_ids.includes(affiliateId)) {
    return `Offer URL ${urlId} is not available to affiliate ${affiliateId}.`;
  }
  return undefined;
}

export interface LinkChoice {
  /** A tracking domain asked for; else the affiliate's own, else the offer's default. */
  domain?: TrackingDomain | undefined;
  offerUrl?: OfferUrl | undefined;
  params?: LinkParams;
  encrypt?: boolean;
  /** A redirect link even for a direct-linking offer. */
  redirect?: boolean;
}

/**
 * The link for an offer and affiliate, as the network and the partner API both make it: the
 * advertiser's URL (or the chosen offer URL's) for a direct-linking offer unless a redirect link is
 * asked for, otherwise a redirect link on the tracking domain.
 */
export function offerLinkOf(network: Network, offer: Offer, affiliate: Affiliate, choice: LinkChoice = {}): string {
  const affiliateId = affiliate.network_affiliate_id;
  const offerId = offer.network_offer_id;
  if (offer.is_direct_linking && !choice.redirect) {
    return directLink(choice.offerUrl?.destination_url ?? offer.destination_url, offerId, affiliateId, choice.params, choice.encrypt);
  }
  const domain = choice.domain ?? affiliateDomain(network, affiliate) ?? offerDomain(network, offer);
  return redirectLink({
    domain: domain.url,
    ssl: domain.is_ssl_enabled,
    affiliateId,
    offerId,
    params: choice.params ?? {},
    encrypt: !!choice.encrypt,
  });
}
