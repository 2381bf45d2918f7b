// The words the Bulk links page uses for each mode: which ID is fixed, which is listed, and how
// they are named in labels and messages. Pure, so every sentence is unit-tested.
import type { BulkMode } from '../shared/bulk-job';
import type { NameKind } from './bulk-draft';

export interface ModeWords {
  /** The form field holding the one fixed ID. */
  fixedField: 'offerId' | 'affiliateId';
  /** The form field name the listed IDs stand in for (the picker's "add by name" input uses its id). */
  listField: 'offerId' | 'affiliateId';
  /** Whose names the fixed and the listed IDs are. */
  fixedKind: NameKind;
  listKind: NameKind;
  /** "affiliate", "affiliates", "Affiliate". */
  one: string;
  many: string;
  title: string;
  /** The other side, for "Offer 42". */
  fixedTitle: string;
}

export const MODE_WORDS: Record<BulkMode, ModeWords> = {
  affiliates: {
    fixedField: 'offerId',
    listField: 'affiliateId',
    fixedKind: 'offers',
    listKind: 'affiliates',
    one: 'affiliate',
    many: 'affiliates',
    title: 'Affiliate',
    fixedTitle: 'Offer',
  },
  offers: {
    fixedField: 'affiliateId',
    listField: 'offerId',
    fixedKind: 'affiliates',
    listKind: 'offers',
    one: 'offer',
    many: 'offers',
    title: 'Offer',
    fixedTitle: 'Affiliate',
  },
};

export const MODE_LABELS: Record<BulkMode, string> = {
  affiliates: 'One offer, many affiliates',
  offers: 'One affiliate, many offers',
};

/** "Affiliate IDs" / "Offer IDs": the list's label. */
export const listLabel = (mode: BulkMode) => `${MODE_WORDS[mode].title} IDs`;

/** "Add affiliate by name" / "Add offer by name". */
export const addLabel = (mode: BulkMode) => `Add ${MODE_WORDS[mode].one} by name`;

/** "1 link", "3 links". */
export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
