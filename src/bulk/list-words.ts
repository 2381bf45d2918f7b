// The words the Bulk links page uses for each mode and link type: which ID is fixed, which is listed,
// and how they are named in labels and messages. Pure, so every sentence is unit-tested.
import { LINK_TYPE_LABELS, LINK_TYPE_NAMES, TARGET_FIELDS, type LinkType } from '../everflow/link-fields';
import type { BulkMode } from '../shared/bulk/bulk-job';
import type { ListKind } from '../shared/bulk/bulk-draft';

export interface KindWords {
  /** The form field holding one such ID (the picker attaches to its input by id). */
  field: 'offerId' | 'campaignId' | 'affiliateId';
  /** "smart link", "smart links", "Smart link". */
  one: string;
  many: string;
  title: string;
}

export const KIND_WORDS: Record<ListKind, KindWords> = {
  offers: { field: TARGET_FIELDS.offer, one: LINK_TYPE_NAMES.offer, many: `${LINK_TYPE_NAMES.offer}s`, title: LINK_TYPE_LABELS.offer },
  campaigns: { field: TARGET_FIELDS.smart, one: LINK_TYPE_NAMES.smart, many: `${LINK_TYPE_NAMES.smart}s`, title: LINK_TYPE_LABELS.smart },
  affiliates: { field: 'affiliateId', one: 'affiliate', many: 'affiliates', title: 'Affiliate' },
};

/** The kind of a link type's targets. */
export const targetKind = (linkType: LinkType): ListKind => (linkType === 'smart' ? 'campaigns' : 'offers');

export interface ModeWords {
  fixedKind: ListKind;
  listKind: ListKind;
  /** The form field holding the one fixed ID. */
  fixedField: KindWords['field'];
  /** The form field the listed IDs stand in for (the "add by name" input uses its id). */
  listField: KindWords['field'];
  /** The listed kind: "affiliate", "affiliates", "Affiliate". */
  one: string;
  many: string;
  title: string;
  /** The fixed kind, for "Smart link 6". */
  fixedTitle: string;
  /** "One smart link, many affiliates": the mode's choice. */
  modeLabel: string;
  /** "Affiliate IDs": the list's label. */
  listLabel: string;
  /** "Add affiliate by name": the picker beside the list. */
  addLabel: string;
}

export const BULK_MODES: readonly BulkMode[] = ['affiliates', 'targets'];

export function modeWords(mode: BulkMode, linkType: LinkType): ModeWords {
  const [fixedKind, listKind]: [ListKind, ListKind] =
    mode === 'affiliates' ? [targetKind(linkType), 'affiliates'] : ['affiliates', targetKind(linkType)];
  const fixed = KIND_WORDS[fixedKind];
  const listed = KIND_WORDS[listKind];
  return {
    fixedKind,
    listKind,
    fixedField: fixed.field,
    listField: listed.field,
    one: listed.one,
    many: listed.many,
    title: listed.title,
    fixedTitle: fixed.title,
    modeLabel: `One ${fixed.one}, many ${listed.many}`,
    listLabel: `${listed.title} IDs`,
    addLabel: `Add ${listed.one} by name`,
  };
}

/** "1 link", "3 links". */
export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** "an affiliate", "a smart link". */
export const withArticle = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
