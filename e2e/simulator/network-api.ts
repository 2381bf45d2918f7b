// The Network API (/v1/networks/…) of one simulated network, for its network keys: network info,
// tracking links and smart links, QR codes, and the look-ups a link builder uses. It answers the
// documented shapes and refuses what Everflow refuses (developers.everflow.io: docs/network/tracking_links,
// openapi/tracking.yaml, api-reference/get-networksinfo and the look-up pages; user-guide/errors).
import { REDIRECT_LINK_FIELD } from '../../src/everflow/link-fields';
import { redirectLink, type LinkParams } from './links';
import {
  affiliateDomain,
  findAffiliate,
  offerDomain,
  offerLinkOf,
  offerUrlProblem,
  primaryDomain,
  whyCannotRun,
  type Network,
  type NetworkInfo,
  type Offer,
} from './network';
import { checkBody, json, pageOf, paging, type Fail, type FieldType, type Reply } from './replies';

/**
 * Where network info answers. The reference page's OpenAPI puts "Get Network Info" at GET /v1/networks;
 * the same page's address (and one newer page) says /networks/info. Both are choosable per test.
 */
export type NetworkInfoPath = '/v1/networks' | '/v1/networks/info';
export const NETWORK_INFO_PATHS: readonly NetworkInfoPath[] = ['/v1/networks'];

const LINK_FIELDS: Record<string, FieldType> = {
  network_offer_id: 'integer',
  network_affiliate_id: 'integer',
  network_tracking_domain_id: 'integer',
  network_offer_url_id: 'integer',
  creative_id: 'integer',
  network_traffic_source_id: 'integer',
  source_id: 'string',
  sub1: 'string',
  sub2: 'string',
  sub3: 'string',
  sub4: 'string',
  sub5: 'string',
  is_encrypt_parameters: 'boolean',
  [REDIRECT_LINK_FIELD]: 'boolean',
};
const CAMPAIGN_LINK_FIELDS: Record<string, FieldType> = {
  ...Object.fromEntries(
    Object.entries(LINK_FIELDS).filter(([name]) => !['network_offer_id', 'network_offer_url_id', 'creative_id'].includes(name)),
  ),
  network_campaign_id: 'integer',
};
const TABLE_FIELDS: Record<string, FieldType> = { search_terms: 'array', filters: 'object', paging: 'object' };

/** The string fields of a link body that become its query parameters. */
export function linkParamsOf(record: Record<string, unknown>, names: readonly (keyof LinkParams)[]): LinkParams {
  const params: LinkParams = {};
  for (const name of names) if (typeof record[name] === 'string') params[name] = record[name];
  return params;
}

/** GET /v1/networks: the fields of the network info this simulator answers. */
export function networkInfoOf(n: Network): NetworkInfo {
  const { network_id, name, identifier, displayed_name, account_status, timezone_id, currency_id } = n;
  return { network_id, name, identifier, displayed_name, account_status, timezone_id, currency_id };
}

export class NetworkApi {
  constructor(
    private readonly n: Network,
    private readonly fail: Fail,
    private readonly infoPaths: readonly string[] = NETWORK_INFO_PATHS,
  ) {}

  answer(method: string, url: URL, body: unknown): Reply {
    const path = url.pathname.replace(/^\/v1\/networks/, '');
    const route = `${method} ${path}`;
    const { n, fail } = this;
    let match: RegExpMatchArray | null;
    if (method === 'GET' && this.infoPaths.includes(url.pathname)) return json(200, networkInfoOf(n));
    if (route === 'POST /tracking/offers/clicks') return this.offerLink(body, 'json');
    if (route === 'POST /tracking/offers/clicks/qr') return this.offerLink(body, 'png');
    if (route === 'POST /tracking/campaigns/clicks') return this.campaignLink(body);
    if (route === 'POST /offerstable' || route === 'POST /offers/table') {
      return this.table(url, body, 'offers', n.offers, (o) => o.name, 'network_offer_id', 'offer_status', offerView);
    }
    if (route === 'POST /affiliatestable') {
      return this.table(
        url,
        body,
        'affiliates',
        n.affiliates,
        (a) => a.name,
        'network_affiliate_id',
        'account_status',
        (a) => a,
      );
    }
    if (route === 'POST /creativestable') return this.creatives(url, body);
    if (route === 'GET /domains/tracking') return json(200, { domains: n.domains });
    if (route === 'GET /trafficsource') return json(200, { traffic_sources: n.trafficSources });
    if (route === 'GET /campaigns') {
      const campaigns = n.campaigns.map(({ network_offer_ids: _offers, ...campaign }) => campaign);
      return json(200, { campaigns, paging: paging(url, undefined, campaigns.length) });
    }
    if (route === 'GET /offerurls') {
      const filter = url.searchParams.get('filter');
      const offerId = filter?.match(/^network_offer_id=(\d+)$/)?.[1];
      if (filter && !offerId) return fail(400, 'Invalid parameters: unknown filter.');
      const urls = n.offerUrls.filter((u) => !offerId || u.network_offer_id === Number(offerId));
      return json(200, { urls });
    }
    if (method === 'GET' && (match = path.match(/^\/offers\/(\d+)$/))) {
      const offer = n.offers.find((o) => o.network_offer_id === Number(match![1]));
      return offer ? json(200, offerView(offer)) : fail(404, 'Offer not found.');
    }
    if (method === 'GET' && (match = path.match(/^\/affiliates\/(\d+)$/))) {
      const affiliate = findAffiliate(n, Number(match[1]));
      return affiliate ? json(200, affiliate) : fail(404, 'Affiliate not found.');
    }
    if (method === 'GET' && (match = path.match(/^\/affiliates\/(\d+)\/trackingdomains$/))) {
      const affiliate = findAffiliate(n, Number(match[1]));
      if (!affiliate) return fail(404, 'Affiliate not found.');
      const domain = affiliateDomain(n, affiliate);
      const tracking_domains = domain
        ? [
            {
              network_affiliate_tracking_domain_id: affiliate.network_affiliate_id * 10,
              network_tracking_domain_id: domain.network_tracking_domain_id,
              is_apply_all_offers: true,
              network_offer_id: 0,
              relationship: {
                tracking_domain: { url: domain.url, domain_status: domain.domain_status, is_ssl_enabled: domain.is_ssl_enabled },
              },
            },
          ]
        : [];
      return json(200, { tracking_domains });
    }
    return fail(404, 'Not found.');
  }

  private table<T>(
    url: URL,
    body: unknown,
    list: string,
    items: T[],
    nameOf: (item: T) => string,
    idField: keyof T,
    statusField: keyof T,
    view: (item: T) => unknown,
  ): Reply {
    const problem = checkBody(body, TABLE_FIELDS);
    if (problem) return this.fail(400, problem);
    const {
      search_terms: terms = [],
      filters = {},
      paging: bodyPaging,
    } = body as { search_terms?: unknown[]; filters?: Record<string, unknown>; paging?: unknown };
    let found = items;
    for (const term of terms) {
      const t = term as { search_type?: unknown; value?: unknown };
      if (t.search_type !== 'name' || typeof t.value !== 'string') return this.fail(400, 'Invalid parameters: search_terms.');
      const value = t.value.trim().toLowerCase();
      found = found.filter((item) => nameOf(item).toLowerCase().includes(value) || String(item[idField]) === value);
    }
    const status = filters[statusField as string];
    if (status !== undefined) found = found.filter((item) => item[statusField] === status);
    const page = paging(url, bodyPaging, found.length);
    return json(200, { [list]: pageOf(found, page).map(view), paging: page });
  }

  private creatives(url: URL, body: unknown): Reply {
    const problem = checkBody(body, TABLE_FIELDS);
    if (problem) return this.fail(400, problem);
    // Only search_terms narrow creatives; a filter the docs do not list (e.g. network_offer_id) is ignored.
    const { search_terms: terms = [], paging: bodyPaging } = body as { search_terms?: unknown[]; paging?: unknown };
    let found = this.n.creatives;
    for (const term of terms) {
      const t = term as { search_type?: unknown; value?: unknown };
      if (typeof t.value !== 'string') return this.fail(400, 'Invalid parameters: a search value must be a string.');
      const value = t.value;
      if (t.search_type === 'network_offer_id') found = found.filter((c) => String(c.network_offer_id) === value);
      else if (t.search_type === 'creative_status') found = found.filter((c) => c.creative_status === value);
      else if (t.search_type === 'name') found = found.filter((c) => c.name.toLowerCase().includes(value.toLowerCase()));
      else return this.fail(400, 'Invalid parameters: unknown search_type.');
    }
    const page = paging(url, bodyPaging, found.length);
    return json(200, { creatives: pageOf(found, page), paging: page });
  }

  /** Common checks of a link call: the affiliate, tracking domain and traffic source. */
  private linkParts(record: Record<string, unknown>, affiliateId: number) {
    const n = this.n;
    const affiliate = findAffiliate(n, affiliateId);
    if (!affiliate) return { problem: `Affiliate ${affiliateId} does not exist.` };
    const domainId = record.network_tracking_domain_id as number | undefined;
    const domain = domainId === undefined ? undefined : n.domains.find((d) => d.network_tracking_domain_id === domainId);
    if (domainId !== undefined && !domain) return { problem: `Tracking domain ${domainId} does not exist.` };
    if (domain && domain.domain_status !== 'active') return { problem: `Tracking domain ${domainId} is not active.` };
    if (domain && domain.is_unassignable) return { problem: `Tracking domain ${domainId} cannot be assigned.` };
    const sourceId = record.network_traffic_source_id as number | undefined;
    if (sourceId !== undefined && !n.trafficSources.some((s) => s.network_traffic_source_id === sourceId)) {
      return { problem: `Traffic source ${sourceId} does not exist.` };
    }
    return {
      affiliate,
      domain: domain ?? affiliateDomain(n, affiliate),
      params: linkParamsOf(record, ['sub1', 'sub2', 'sub3', 'sub4', 'sub5', 'source_id']),
      encrypt: record.is_encrypt_parameters === true,
      redirect: record[REDIRECT_LINK_FIELD] === true,
    };
  }

  private offerLink(body: unknown, as: 'json' | 'png'): Reply {
    const { n, fail } = this;
    const problem = checkBody(body, LINK_FIELDS, ['network_offer_id', 'network_affiliate_id']);
    if (problem) return fail(400, problem);
    const record = body as Record<string, unknown>;
    const offerId = record.network_offer_id as number;
    const affiliateId = record.network_affiliate_id as number;
    const offer = n.offers.find((o) => o.network_offer_id === offerId);
    if (!offer) return fail(400, `Offer ${offerId} does not exist.`);
    const parts = this.linkParts(record, affiliateId);
    if ('problem' in parts) return fail(400, parts.problem!);
    const cannot = whyCannotRun(offer, parts.affiliate);
    if (cannot) return fail(400, cannot);
    const urlId = record.network_offer_url_id as number | undefined;
    const offerUrl = urlId === undefined ? undefined : n.offerUrls.find((u) => u.network_offer_url_id === urlId);
    const urlProblem = urlId === undefined ? undefined : offerUrlProblem(offerUrl, urlId, offerId, affiliateId);
    if (urlProblem) return fail(400, urlProblem);
    const creativeId = record.creative_id as number | undefined;
    if (creativeId !== undefined) {
      const creative = n.creatives.find((c) => c.network_offer_creative_id === creativeId);
      if (!creative || creative.network_offer_id !== offerId)
        return fail(400, `Creative ${creativeId} does not belong to offer ${offerId}.`);
      if (creative.creative_status !== 'active') return fail(400, `Creative ${creativeId} is not active.`);
    }
    const url = offerLinkOf(n, offer, parts.affiliate, {
      domain: parts.domain ?? offerDomain(n, offer),
      offerUrl,
      params: parts.params,
      encrypt: parts.encrypt,
      redirect: parts.redirect,
    });
    if (as === 'png') return { status: 200, headers: { 'content-type': 'image/png' }, body: TINY_PNG };
    return json(200, { url });
  }

  private campaignLink(body: unknown): Reply {
    const { n, fail } = this;
    const problem = checkBody(body, CAMPAIGN_LINK_FIELDS, ['network_campaign_id', 'network_affiliate_id']);
    if (problem) return fail(400, problem);
    const record = body as Record<string, unknown>;
    const campaignId = record.network_campaign_id as number;
    const affiliateId = record.network_affiliate_id as number;
    const campaign = n.campaigns.find((c) => c.network_campaign_id === campaignId);
    if (!campaign) return fail(400, `Smart link ${campaignId} does not exist.`);
    if (campaign.campaign_status !== 'active') return fail(400, `Smart link ${campaignId} is ${campaign.campaign_status}.`);
    const parts = this.linkParts(record, affiliateId);
    if ('problem' in parts) return fail(400, parts.problem!);
    if (parts.affiliate.account_status !== 'active') return fail(400, `Affiliate ${affiliateId} is not active.`);
    const domain =
      parts.domain ?? n.domains.find((d) => d.network_tracking_domain_id === campaign.network_tracking_domain_id) ?? primaryDomain(n);
    const url = redirectLink({
      domain: domain.url,
      ssl: domain.is_ssl_enabled,
      affiliateId,
      offerId: campaignId,
      campaign: true,
      params: parts.params,
      encrypt: parts.encrypt,
    });
    const canRunAll = campaign.network_offer_ids.every((id) => {
      const offer = n.offers.find((o) => o.network_offer_id === id);
      return offer !== undefined && whyCannotRun(offer, parts.affiliate) === undefined;
    });
    return json(200, { url, can_affiliate_run_all_offers: canRunAll });
  }
}

/** An offer as Everflow shows it (the seed's own bookkeeping left out). */
export function offerView({ approved: _a, blocked: _b, applied: _p, is_direct_linking: _d, ...offer }: Offer) {
  return offer;
}

// A 1×1 PNG: the simulated QR endpoint's answer is an image, as documented; its pixels do not matter.
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
