// The fields of Everflow's tracking-link call, listed once: the popup, the bulk page, presets, the
// history, validation, request building and CSV all derive from this list (see shared/link-form.ts).
// `param` is Everflow's own name for the field in the request body.

/** Everflow's IDs are signed 32-bit integers; 0 is never a valid ID. */
export const MAX_ID = 2147483647;

/**
 * The ID some text (trimmed) stands for, or undefined when it is not one: a name being searched, a
 * typo, 0, a number past MAX_ID. ASCII digits only; leading zeros are harmless, as in the form's rule.
 */
export function idInText(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^0*\d{1,10}$/.test(trimmed)) return undefined;
  const id = Number(trimmed);
  return id >= 1 && id <= MAX_ID ? id : undefined;
}
/** Everflow limits each query parameter value on a link to 200 characters. */
export const MAX_TEXT = 200;

/**
 * The name of the "redirect link even for direct-linking offers" flag. Everflow's stored docs drop
 * this field's name; `is_redirect_link` is the only name seen in public code. Correct it here only.
 */
export const REDIRECT_LINK_FIELD = 'is_redirect_link';

/** What a field holds: an Everflow ID (a whole number), free text sent as a query parameter, or a yes/no flag. */
export type FieldKind = 'id' | 'text' | 'flag';
/** Where a field sits in a form: beside the offer, among the subs, or under "More options". */
export type FieldGroup = 'main' | 'subs' | 'more';
/**
 * The kinds of link Everflow makes: with a network key, an offer link (offers/clicks) or a smart link
 * (campaigns/clicks); with a partner key, the partner's own link to an offer (the Affiliate API), for
 * which the affiliate is the partner itself.
 */
export const LINK_TYPES = ['offer', 'smart', 'partner'] as const;
export type LinkType = (typeof LINK_TYPES)[number];
/** The kinds a network key chooses between ("Link to"). */
export const NETWORK_LINK_TYPES = ['offer', 'smart'] as const satisfies readonly LinkType[];
export type NetworkLinkType = (typeof NETWORK_LINK_TYPES)[number];
/** How each kind is named on screen ("smart link" is Everflow's name for a campaign). */
export const LINK_TYPE_NAMES: Record<LinkType, string> = { offer: 'offer', smart: 'smart link', partner: 'offer' };
/** …and as a heading or a choice. */
export const LINK_TYPE_LABELS: Record<LinkType, string> = { offer: 'Offer', smart: 'Smart link', partner: 'Offer' };

interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  group: FieldGroup;
  param: string;
  required?: true;
  /** A shorter heading for tables and CSV, where the label is long. */
  column?: string;
  /** The link types whose request may carry the field; other types neither show nor send it. */
  linkTypes: readonly LinkType[];
}

const NETWORK = ['offer', 'smart'] as const;
const OFFERS = ['offer', 'partner'] as const;
const ALL = ['offer', 'smart', 'partner'] as const;
const OFFER = ['offer'] as const;
const SMART = ['smart'] as const;

// One line per field, so the list reads as the table it is.
// prettier-ignore
export const LINK_FIELDS = [
  { name: 'offerId', label: 'Offer ID', kind: 'id', group: 'main', param: 'network_offer_id', required: true, linkTypes: OFFERS },
  { name: 'campaignId', label: 'Smart link ID', kind: 'id', group: 'main', param: 'network_campaign_id', required: true, linkTypes: SMART },
  { name: 'affiliateId', label: 'Affiliate ID', kind: 'id', group: 'main', param: 'network_affiliate_id', required: true, linkTypes: NETWORK },
  { name: 'sourceId', label: 'Source ID', kind: 'text', group: 'main', param: 'source_id', linkTypes: NETWORK },
  { name: 'sub1', label: 'Sub 1', kind: 'text', group: 'subs', param: 'sub1', linkTypes: ALL },
  { name: 'sub2', label: 'Sub 2', kind: 'text', group: 'subs', param: 'sub2', linkTypes: ALL },
  { name: 'sub3', label: 'Sub 3', kind: 'text', group: 'subs', param: 'sub3', linkTypes: ALL },
  { name: 'sub4', label: 'Sub 4', kind: 'text', group: 'subs', param: 'sub4', linkTypes: ALL },
  { name: 'sub5', label: 'Sub 5', kind: 'text', group: 'subs', param: 'sub5', linkTypes: ALL },
  { name: 'trackingDomainId', label: 'Tracking domain ID', kind: 'id', group: 'more', param: 'network_tracking_domain_id', linkTypes: NETWORK },
  { name: 'offerUrlId', label: 'Offer URL ID', kind: 'id', group: 'more', param: 'network_offer_url_id', linkTypes: OFFERS },
  { name: 'creativeId', label: 'Creative ID', kind: 'id', group: 'more', param: 'creative_id', linkTypes: OFFER },
  { name: 'trafficSourceId', label: 'Traffic source ID', kind: 'id', group: 'more', param: 'network_traffic_source_id', linkTypes: NETWORK },
  { name: 'encryptParameters', label: 'Encrypt parameters', kind: 'flag', group: 'more', param: 'is_encrypt_parameters', linkTypes: NETWORK },
  {
    name: 'redirectLink',
    label: 'Redirect link even for direct-linking offers',
    column: 'Redirect link',
    kind: 'flag',
    group: 'more',
    param: REDIRECT_LINK_FIELD,
    linkTypes: NETWORK,
  },
] as const satisfies readonly FieldSpec[];

export type LinkField = (typeof LINK_FIELDS)[number];
export type FormField = LinkField['name'];
export type IdField = Extract<LinkField, { kind: 'id' }>['name'];
export type TextField = Extract<LinkField, { kind: 'text' }>['name'];
export type FlagField = Extract<LinkField, { kind: 'flag' }>['name'];
export type RequiredField = Extract<LinkField, { required: true }>['name'];

/** The field naming what a link of each type leads to: the offer, or the smart link. */
export const TARGET_FIELDS = { offer: 'offerId', smart: 'campaignId', partner: 'offerId' } as const satisfies Record<
  LinkType,
  RequiredField
>;
export type TargetField = (typeof TARGET_FIELDS)[LinkType];

/** The fields a link of this type uses, in form order. */
export const fieldsFor = (type: LinkType): readonly LinkField[] =>
  LINK_FIELDS.filter((field) => (field.linkTypes as readonly LinkType[]).includes(type));
export const usesField = (type: LinkType, name: FormField): boolean => fieldsFor(type).some((field) => field.name === name);

const namesOf = <K extends FieldKind>(kind: K) =>
  LINK_FIELDS.filter((field) => field.kind === kind).map((field) => field.name) as Extract<LinkField, { kind: K }>['name'][];

export const FORM_FIELDS: readonly FormField[] = LINK_FIELDS.map((field) => field.name);
export const ID_FIELDS: readonly IdField[] = namesOf('id');
export const TEXT_FIELDS: readonly TextField[] = namesOf('text');
export const FLAG_FIELDS: readonly FlagField[] = namesOf('flag');
/** The fields under "More options". */
export const MORE_OPTIONS: readonly FormField[] = LINK_FIELDS.filter((field) => field.group === 'more').map((field) => field.name);

/** Visible labels, used by the forms and inside validation messages so the two never drift apart. */
export const FIELD_LABELS = Object.fromEntries(LINK_FIELDS.map((field) => [field.name, field.label])) as Record<FormField, string>;

/** The fields of one link type, as a union of field specs. */
type FieldOf<T extends LinkType> = LinkField extends infer F
  ? F extends LinkField
    ? T extends F['linkTypes'][number]
      ? F
      : never
    : never
  : never;
type NamesOf<T extends LinkType, Shape> = Extract<FieldOf<T>, Shape>['name'];

/** A checked request for one link type: IDs as numbers, text trimmed, flags as booleans; optional fields left empty are absent. */
export type LinkInputFor<T extends LinkType> = { linkType: T } & { [F in NamesOf<T, { required: true }>]: number } & {
  [F in Exclude<NamesOf<T, { kind: 'id' }>, RequiredField>]?: number;
} & { [F in NamesOf<T, { kind: 'text' }>]?: string } & { [F in NamesOf<T, { kind: 'flag' }>]: boolean };
export type OfferLinkInput = LinkInputFor<'offer'>;
export type SmartLinkInput = LinkInputFor<'smart'>;
export type PartnerLinkInput = LinkInputFor<'partner'>;
/** A link made with a network key: it names its affiliate. */
export type NetworkLinkInput = OfferLinkInput | SmartLinkInput;
export type LinkInput = NetworkLinkInput | PartnerLinkInput;

/** What a link leads to: an offer or a smart link, by ID. */
export interface LinkTarget {
  type: LinkType;
  id: number;
}
export const targetOf = (input: LinkInput): LinkTarget =>
  input.linkType === 'smart' ? { type: 'smart', id: input.campaignId } : { type: input.linkType, id: input.offerId };
/** Source ID or a sub of a request, as sent; undefined when it was left empty or the link type has none (a partner's Source ID). */
export const textOf = (input: LinkInput, field: TextField): string | undefined => (input as Partial<Record<TextField, string>>)[field];
/** The affiliate a link is for: the one it names, or (a partner's link) none of its own: the partner itself. */
export const affiliateOf = (input: LinkInput): number | undefined => (input.linkType === 'partner' ? undefined : input.affiliateId);
/** The bare request for a link to `target` for an affiliate: nothing else set. */
export const inputFor = (target: LinkTarget, affiliateId: number): LinkInput =>
  target.type === 'smart'
    ? { linkType: 'smart', campaignId: target.id, affiliateId, encryptParameters: false, redirectLink: false }
    : target.type === 'partner'
      ? { linkType: 'partner', offerId: target.id }
      : { linkType: 'offer', offerId: target.id, affiliateId, encryptParameters: false, redirectLink: false };
/** "offer 42", "smart link 5": how a target is named in sentences. */
export const targetName = (target: LinkTarget): string => `${LINK_TYPE_NAMES[target.type]} ${target.id}`;
