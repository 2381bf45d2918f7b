// The Bulk links page's form as last typed, kept in storage.local on every change so closing the
// tab never loses work. Its own versioned item: the popup's draft (link/draft.ts) is a different form.
import * as z from 'zod/mini';
import { BulkModeSchema, type BulkMode } from './bulk-job';
import { EMPTY_FORM, LinkFormSchema, type LinkForm } from '../link/link-form';
import { nameSchema } from '../link/names';
import { defineItem } from '../storage/define-item';
import { AccountIdSchema, ofFirstAccount } from '../accounts/accounts';

/** What a bulk list or name holds: offers, smart links (Everflow's campaigns) or affiliates. */
export const LIST_KINDS = ['offers', 'campaigns', 'affiliates'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** A pasted list longer than this is clipped when stored (2,000 IDs of 10 digits fit many times over). */
export const MAX_LIST_TEXT = 100_000;
/** Names the picker showed, kept per kind; past this many, the ones no longer used are dropped. */
export const MAX_NAMES = 4000;
export const MAX_NAME = 120;

/** An ID chosen by name in a picker, and that name. */
export interface NamePair {
  id: number;
  name: string;
}

export interface BulkDraft {
  /** The account the links are to be made with; absent: the default account. */
  accountId?: string | undefined;
  mode: BulkMode;
  /**
   * Shared fields as typed, with the link type chosen. The fixed side is its offerId or campaignId
   * (mode "affiliates") or its affiliateId (mode "targets"): all are kept, so switching the mode or the
   * link type loses nothing.
   */
  form: LinkForm;
  /** The pasted lists as typed, one per kind listed: affiliates (mode "affiliates"), offers or smart links (mode "targets"). */
  lists: Record<ListKind, string>;
  /** Names of IDs chosen in a picker, per kind, as pairs. */
  names: Record<ListKind, NamePair[]>;
}

const perKind = <T>(make: () => T) => Object.fromEntries(LIST_KINDS.map((kind) => [kind, make()])) as Record<ListKind, T>;

export const EMPTY_DRAFT: BulkDraft = {
  mode: 'affiliates',
  form: { ...EMPTY_FORM },
  lists: perKind(() => ''),
  names: perKind(() => []),
};

// Lenient on purpose, part by part: a damaged piece falls back alone and the rest is kept.
const listText = z.catch(
  z.pipe(
    z.string(),
    z.transform((text: string) => text.slice(0, MAX_LIST_TEXT)),
  ),
  '',
);
const namePairs = z.catch(z.array(z.object({ id: z.number(), name: nameSchema(MAX_NAME) })).check(z.maxLength(MAX_NAMES + 1)), []);

export const BulkDraftSchema = z.object({
  accountId: z.catch(z.optional(AccountIdSchema), undefined),
  mode: z.catch(BulkModeSchema, 'affiliates'),
  form: z.catch(LinkFormSchema, () => ({ ...EMPTY_FORM })),
  lists: z.catch(z.object(perKind(() => listText)), () => perKind(() => '')),
  names: z.catch(z.object(perKind(() => namePairs)), () => perKind((): NamePair[] => [])),
});

/** Version 1 had no smart links: its mode listing offers was called `offers`. */
export function draftFromV1(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || !('mode' in data)) return data;
  return data.mode === 'offers' ? { ...data, mode: 'targets' } : data;
}

export const bulkDraftItem = defineItem<BulkDraft>({
  writer: 'pages',
  area: 'local',
  key: 'bulkDraft',
  version: 3,
  // A draft from before accounts is the first account's.
  migrations: { 1: draftFromV1, 2: ofFirstAccount },
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
