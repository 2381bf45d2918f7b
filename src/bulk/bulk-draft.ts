// The Bulk links page's form as last typed, kept in storage.local on every change so closing the
// tab never loses work. Its own versioned item: the popup's draft (stored-items.ts) is a different form.
import * as z from 'zod/mini';
import { BulkModeSchema, type BulkMode } from '../shared/bulk-job';
import { EMPTY_FORM, LinkFormSchema, type LinkForm } from '../shared/link-form';
import { nameSchema } from '../shared/names';
import { defineItem } from '../shared/storage-item';

/** A pasted list longer than this is clipped when stored (2,000 IDs of 10 digits fit many times over). */
export const MAX_LIST_TEXT = 100_000;
/** Names the picker showed, kept per kind; past this many, the ones no longer used are dropped. */
export const MAX_NAMES = 4000;
export const MAX_NAME = 120;

export type NameKind = 'offers' | 'affiliates';
/** An ID chosen by name in a picker, and that name. */
export interface NamePair {
  id: number;
  name: string;
}

export interface BulkDraft {
  mode: BulkMode;
  /**
   * Shared fields as typed. Its offerId is the fixed offer (mode "affiliates"), its affiliateId the
   * fixed affiliate (mode "offers"): both are kept, so switching modes loses nothing.
   */
  form: LinkForm;
  /** The pasted lists as typed: affiliate IDs (mode "affiliates") and offer IDs (mode "offers"). */
  lists: Record<BulkMode, string>;
  /** Names of IDs chosen in a picker, per kind, as pairs. */
  names: Record<NameKind, NamePair[]>;
}

export const EMPTY_DRAFT: BulkDraft = {
  mode: 'affiliates',
  form: { ...EMPTY_FORM },
  lists: { affiliates: '', offers: '' },
  names: { offers: [], affiliates: [] },
};

// Lenient on purpose, part by part: a damaged piece falls back alone and the rest is kept.
const listText = z.catch(z.pipe(z.string(), z.transform((text: string) => text.slice(0, MAX_LIST_TEXT))), '');
const namePairs = z.catch(
  z.array(z.object({ id: z.number(), name: nameSchema(MAX_NAME) })).check(z.maxLength(MAX_NAMES + 1)),
  [],
);

export const BulkDraftSchema = z.object({
  mode: z.catch(BulkModeSchema, 'affiliates'),
  form: z.catch(LinkFormSchema, () => ({ ...EMPTY_FORM })),
  lists: z.catch(z.object({ affiliates: listText, offers: listText }), () => ({ affiliates: '', offers: '' })),
  names: z.catch(z.object({ offers: namePairs, affiliates: namePairs }), () => ({ offers: [], affiliates: [] })),
});

export const bulkDraftItem = defineItem<BulkDraft>({
  writer: 'pages',
  area: 'local',
  key: 'bulkDraft',
  version: 1,
  schema: BulkDraftSchema as z.ZodMiniType<BulkDraft>,
  fallback: () => structuredClone(EMPTY_DRAFT),
});

/** The pairs with `id` named `name` (last); past MAX_NAMES, only the IDs still in `used` keep their names. */
export function withName(current: readonly NamePair[], id: number, name: string, used: ReadonlySet<number>): NamePair[] {
  const next = [...current.filter((pair) => pair.id !== id), { id, name: name.slice(0, MAX_NAME) }];
  return next.length <= MAX_NAMES ? next : next.filter((pair) => pair.id === id || used.has(pair.id));
}

/** ID → name, for looking names up. */
export const nameMap = (pairs: readonly NamePair[]) => new Map(pairs.map((pair) => [pair.id, pair.name]));
