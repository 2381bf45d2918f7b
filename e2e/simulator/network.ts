// The simulated Everflow network: offers, affiliates (partners), who may run what, tracking domains,
// offer URLs, creatives, traffic sources, smart links (campaigns) and one API key per region. The
// seed is chosen so specs read naturally: offer 42 and affiliate 7 are the everyday pair.
// Field names follow ../shared/everflow-api.md ("Look-ups a link builder can use").

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

export interface Network {
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
}

// Keys: the specs' TEST_KEY is the US network key.
export const US_KEY = 'efk_live_Zq9xW3vT7pLm2Rn8Kd4sYh6B';
export const EU_KEY = 'efk_live_Eu4pR7tW2yXc9Lm3Qn6Vb8Hs';
export const PARTNER_KEY = 'efk_partner_Pt5nR8wQ3zLx7Km2Jd9Fg4Cs';

export const PRIMARY_DOMAIN = 'trk.example-trk.com';

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

export function seedNetwork(): Network {
  return {
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
      { key: PARTNER_KEY, region: 'us', realm: 'affiliate', network_affiliate_id: 7 },
    ],
  };
}

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
