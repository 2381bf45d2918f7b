// The Affiliate (partner) API (/v1/affiliates/…) of one simulated network, for one partner's key: the
// partner itself, its network, the offers it may run or see, one offer with its URLs and creatives, and
// its tracking links (developers.everflow.io: api-reference/affiliate-overview, get-affiliatesoffersrunnable,
// get-affiliatesofferurl, post-affiliatesoffertrackingurl; user-guide/errors).
import { linkParamsOf } from './network-api';
import { offerLinkOf, offerUrlProblem, partnerStatus, whyCannotRun, type Affiliate, type Network, type Offer } from './network';
import { checkBody, json, pageOf, paging, type Fail, type FieldType, type Reply } from './replies';

/**
 * The field of GET /v1/affiliates/offers/{id}/url/{urlId}'s answer: the newer docs show `tracking_url`,
 * the current reference page `url`. Choosable per test, so both client paths are tested.
 */
export type PartnerUrlField = 'tracking_url' | 'url';

const SUBS = ['sub1', 'sub2', 'sub3', 'sub4', 'sub5'] as const;
/** The documented body of POST …/trackingurl: nothing else (no source_id, domain, creative, encrypt or redirect flag). */
const TRACKING_URL_FIELDS: Record<string, FieldType> = { url_id: 'integer', ...Object.fromEntries(SUBS.map((sub) => [sub, 'string'])) };
const IDS_FIELDS: Record<string, FieldType> = { filters: 'object' };

export class PartnerApi {
  constructor(
    private readonly n: Network,
    private readonly partner: Affiliate,
    private readonly fail: Fail,
    private readonly urlField: PartnerUrlField = 'tracking_url',
  ) {}

  answer(method: string, url: URL, body: unknown): Reply {
    const path = url.pathname.replace(/^\/v1\/affiliates/, '');
    const route = `${method} ${path}`;
    const { n, partner, fail } = this;
    if (route === 'GET ' || route === 'GET /') {
      const { network_affiliate_id, name, account_status } = partner;
      return json(200, { network_affiliate_id, network_id: n.network_id, name, account_status });
    }
    if (route === 'GET /network')
      return json(200, { network_id: n.network_id, name: n.name, logo_url: n.logo_url, favicon_url: n.favicon_url });
    if (route === 'GET /offersrunnable') return this.list(url, this.runnable());
    if (route === 'GET /alloffers') {
      const category = url.searchParams.get('category_id');
      const visible = n.offers.filter((o) => partnerStatus(o, partner) !== undefined);
      return this.list(url, category === null ? visible : visible.filter((o) => String(o.network_category_id) === category));
    }
    if (route === 'POST /offersrunnable/ids') {
      // `filters` is shown without its fields: accepted, not applied.
      const problem = body === undefined ? undefined : checkBody(body, IDS_FIELDS);
      if (problem) return fail(400, problem);
      return json(200, { offer_ids: this.runnable().map((o) => o.network_offer_id) });
    }
    const match = path.match(/^\/offers\/(\d+)(?:\/url\/(\d+)|\/(trackingurl))?$/);
    if (!match) return fail(404, 'Not found.');
    const [, offerId, urlId, trackingUrl] = match;
    const kind = urlId !== undefined ? 'url' : trackingUrl ? 'trackingurl' : 'offer';
    if (method !== (kind === 'trackingurl' ? 'POST' : 'GET')) return fail(404, 'Not found.');
    const offer = n.offers.find((o) => o.network_offer_id === Number(offerId));
    if (!offer) return fail(400, `Offer ${offerId} does not exist.`);
    const cannot = whyCannotRun(offer, partner);
    if (cannot) return fail(400, cannot);
    if (kind === 'offer') return json(200, this.detail(offer));
    if (kind === 'url') {
      const link = this.link(offer, Number(urlId), {});
      return 'problem' in link ? fail(400, link.problem) : json(200, { [this.urlField]: link.url });
    }
    const problem = checkBody(body, TRACKING_URL_FIELDS);
    if (problem) return fail(400, problem);
    const record = body as Record<string, unknown>;
    const link = this.link(offer, (record.url_id as number | undefined) ?? 0, linkParamsOf(record, SUBS));
    return 'problem' in link ? fail(400, link.problem) : json(200, { tracking_url: link.url });
  }

  private runnable(): Offer[] {
    return this.n.offers.filter((o) => whyCannotRun(o, this.partner) === undefined);
  }

  /** A page of offers (page_size 50 by default), narrowed by `search` (a name or an ID). */
  private list(url: URL, offers: Offer[]): Reply {
    const search = url.searchParams.get('search')?.trim().toLowerCase();
    const found = search ? offers.filter((o) => o.name.toLowerCase().includes(search) || String(o.network_offer_id) === search) : offers;
    const page = paging(url, undefined, found.length);
    return json(200, { offers: pageOf(found, page).map((o) => this.summary(o)), paging: page });
  }

  /** An offer in a list: its base tracking link when the partner may run it (empty otherwise) and the relationship. */
  private summary(offer: Offer) {
    const runnable = whyCannotRun(offer, this.partner) === undefined;
    return {
      network_offer_id: offer.network_offer_id,
      network_id: this.n.network_id,
      name: offer.name,
      offer_status: offer.offer_status,
      visibility: offer.visibility,
      ...(offer.network_category_id === undefined ? {} : { network_category_id: offer.network_category_id }),
      tracking_url: runnable ? offerLinkOf(this.n, offer, this.partner) : '',
      relationship: { offer_affiliate_status: partnerStatus(offer, this.partner) },
    };
  }

  /**
   * One offer, with the URLs and creatives the partner may use. Everflow nests collections both as
   * `{total, entries}` and as plain arrays: the URLs come the first way, the creatives the second.
   */
  private detail(offer: Offer) {
    const id = this.partner.network_affiliate_id;
    const urls = this.n.offerUrls
      .filter(
        (u) => u.network_offer_id === offer.network_offer_id && !offerUrlProblem(u, u.network_offer_url_id, offer.network_offer_id, id),
      )
      .map(({ network_offer_url_id, name, url_status }) => ({ network_offer_url_id, name, url_status }));
    const creatives = this.n.creatives
      .filter((c) => c.network_offer_id === offer.network_offer_id && c.creative_status === 'active' && !c.is_private)
      .map(({ network_offer_creative_id, name, creative_type, creative_status }) => ({
        network_offer_creative_id,
        name,
        creative_type,
        creative_status,
      }));
    const summary = this.summary(offer);
    return { ...summary, relationship: { ...summary.relationship, urls: { total: urls.length, entries: urls }, creatives } };
  }

  /** The partner's link for an offer it may run; urlId 0 is the offer's default URL. */
  private link(offer: Offer, urlId: number, params: ReturnType<typeof linkParamsOf>): { url: string } | { problem: string } {
    const offerUrl = urlId === 0 ? undefined : this.n.offerUrls.find((u) => u.network_offer_url_id === urlId);
    const problem = urlId === 0 ? undefined : offerUrlProblem(offerUrl, urlId, offer.network_offer_id, this.partner.network_affiliate_id);
    return problem ? { problem } : { url: offerLinkOf(this.n, offer, this.partner, { offerUrl, params }) };
  }
}
