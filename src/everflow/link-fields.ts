// The fields of Everflow's tracking-link call, listed once: the popup, the bulk page, presets, the
// history, validation, request building and CSV all derive from this list (see shared/link-form.ts).
// `param` is Everflow's own name for the field in the request body.

/** Everflow's IDs are signed 32-bit integers; 0 is never a valid ID. */
export const MAX_ID = 2147483647;
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
/** The kinds of link Everflow makes: an offer link (offers/clicks) or a smart link (campaigns/clicks). */
export type LinkType = 'offer' | 'smart';

interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  group: FieldGroup;
  param: string;
  required?: true;
  /** A shorter heading for tables and CSV, where the label is long. */
  column?: string;
  /** The link types whose request may carry the field. */
  linkTypes: readonly LinkType[];
}

const BOTH = ['offer', 'smart'] as const;
const OFFER = ['offer'] as const;

export const LINK_FIELDS = [
  { name: 'offerId', label: 'Offer ID', kind: 'id', group: 'main', param: 'network_offer_id', required: true, linkTypes: OFFER },
  { name: 'affiliateId', label: 'Affiliate ID', kind: 'id', group: 'main', param: 'network_affiliate_id', required: true, linkTypes: BOTH },
  { name: 'sourceId', label: 'Source ID', kind: 'text', group: 'main', param: 'source_id', linkTypes: BOTH },
  { name: 'sub1', label: 'Sub 1', kind: 'text', group: 'subs', param: 'sub1', linkTypes: BOTH },
  { name: 'sub2', label: 'Sub 2', kind: 'text', group: 'subs', param: 'sub2', linkTypes: BOTH },
  { name: 'sub3', label: 'Sub 3', kind: 'text', group: 'subs', param: 'sub3', linkTypes: BOTH },
  { name: 'sub4', label: 'Sub 4', kind: 'text', group: 'subs', param: 'sub4', linkTypes: BOTH },
  { name: 'sub5', label: 'Sub 5', kind: 'text', group: 'subs', param: 'sub5', linkTypes: BOTH },
  { name: 'trackingDomainId', label: 'Tracking domain ID', kind: 'id', group: 'more', param: 'network_tracking_domain_id', linkTypes: BOTH },
  { name: 'offerUrlId', label: 'Offer URL ID', kind: 'id', group: 'more', param: 'network_offer_url_id', linkTypes: OFFER },
  { name: 'creativeId', label: 'Creative ID', kind: 'id', group: 'more', param: 'creative_id', linkTypes: OFFER },
  { name: 'trafficSourceId', label: 'Traffic source ID', kind: 'id', group: 'more', param: 'network_traffic_source_id', linkTypes: BOTH },
  { name: 'encryptParameters', label: 'Encrypt parameters', kind: 'flag', group: 'more', param: 'is_encrypt_parameters', linkTypes: BOTH },
  {
    name: 'redirectLink',
    label: 'Redirect link even for direct-linking offers',
    column: 'Redirect link',
    kind: 'flag',
    group: 'more',
    param: REDIRECT_LINK_FIELD,
    linkTypes: BOTH,
  },
] as const satisfies readonly FieldSpec[];

export type LinkField = (typeof LINK_FIELDS)[number];
export type FormField = LinkField['name'];
export type IdField = Extract<LinkField, { kind: 'id' }>['name'];
export type TextField = Extract<LinkField, { kind: 'text' }>['name'];
export type FlagField = Extract<LinkField, { kind: 'flag' }>['name'];
export type RequiredField = Extract<LinkField, { required: true }>['name'];

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

/** A checked request: IDs as numbers, text trimmed, flags as booleans; optional fields left empty are absent. */
export type LinkInput = { [F in RequiredField]: number } & { [F in Exclude<IdField, RequiredField>]?: number } & {
  [F in TextField]?: string;
} & { [F in FlagField]: boolean };
