// The message protocol, one typed list per direction. Payloads and replies are zod schemas: the
// background validates every payload on receipt; the UI checks only that a reply looks like one
// (connector.ts), since the background is its own code. Replies: replies.ts.
import * as z from 'zod/mini';
import { LOOKUP_KINDS, NAME_KINDS } from '../../everflow/lookups';
import { MAX_ID } from '../../everflow/link-fields';
import { BulkModeSchema, BulkRowSchema, MAX_BULK_ROWS } from '../bulk/bulk-job';
import { LinkFormSchema, LinkInputSchema } from '../link/link-form';
import { NamesSchema } from '../link/names';
import type { Failure } from '../../everflow/failures';
import type { replies } from './replies';
import type { FromPopup } from './popup-port';
import { NewOfferSubsSchema, RegionSchema, RequestsPerSecondSchema } from '../settings/settings';
import { AccountIdSchema, MAX_ACCOUNT_LABEL } from '../accounts/accounts';

export type { Status } from './replies';

export const MAX_KEY_LENGTH = 256;
/** What one copy may hold: Bulk links copies a message for each of up to 2,000 rows. */
export const MAX_COPY_TEXT = 3_000_000;
/** A key as pasted: trimmed, non-empty, no inner spaces, bounded. */
export const ApiKeySchema = z.pipe(
  z.string(),
  z.pipe(
    z.transform((s: string) => s.trim()),
    z
      .string()
      .check(
        z.minLength(1, 'Enter the API key.'),
        z.maxLength(MAX_KEY_LENGTH, `An Everflow API key is shorter than ${MAX_KEY_LENGTH} characters; check what was pasted.`),
        z.regex(/^\S+$/, 'An API key has no spaces inside; check what was pasted.'),
      ),
  ),
);

/** A dashboard domain added to or removed from an account (the page asks for its host access first). */
const DomainChangeSchema = z.object({ action: z.enum(['add', 'remove']), domain: z.string().check(z.maxLength(300)) });

/** UI → background: each message's payload, validated by the background on receipt. Replies: replies.ts. */
export const toBackground = {
  /**
   * A picker's search or list on `accountId`'s network; `channel` names the field, so a newer search
   * cancels the older.
   */
  lookup: z.object({
    accountId: AccountIdSchema,
    kind: z.enum(LOOKUP_KINDS),
    query: z.string().check(z.maxLength(100)),
    offerId: z.optional(z.number()),
    affiliateId: z.optional(z.number()),
    channel: z.optional(z.string().check(z.maxLength(40))),
    refresh: z.optional(z.boolean()),
    /** A partner's offer search: also the offers it still awaits approval for. */
    awaiting: z.optional(z.boolean()),
  }),
  /**
   * The name and status of the offer, smart link or affiliate an ID field holds; `channel` as for
   * `lookup`. With `cacheOnly`, only what the extension knows already (nothing is sent to Everflow).
   */
  name: z.object({
    accountId: AccountIdSchema,
    kind: z.enum(NAME_KINDS),
    id: z.number().check(z.gte(1), z.lte(MAX_ID), z.refine(Number.isInteger)),
    channel: z.optional(z.string().check(z.maxLength(40))),
    cacheOnly: z.optional(z.boolean()),
  }),
  getStatus: z.object({}),
  /**
   * Adds an account for `key`: Everflow says what it is (a network's key or a partner's) and in which
   * region (the one chosen, else the other). Refused when Everflow does not know it, or it is saved already.
   */
  addAccount: z.object({ key: z.string(), region: RegionSchema, sessionOnly: z.boolean() }),
  /**
   * Changes some of an account: its label, where its key is kept, its pace, one of its dashboard domains,
   * or its key (a new key of the same network and partner, checked with Everflow first). One serialised
   * update, so two pages changing accounts at once both keep their change.
   */
  updateAccount: z.object({
    accountId: AccountIdSchema,
    label: z.optional(z.string().check(z.maxLength(MAX_ACCOUNT_LABEL))),
    sessionOnly: z.optional(z.boolean()),
    requestsPerSecond: z.optional(RequestsPerSecondSchema),
    dashboardDomain: z.optional(DomainChangeSchema),
    key: z.optional(z.string()),
  }),
  /** Forgets an account: its key and what only it holds (its history, pins, names, recent affiliates, last link). */
  forgetAccount: z.object({ accountId: AccountIdSchema }),
  /** What a new offer does to Source ID and the subs (the one setting shared by every account). */
  updateSettings: z.object({ newOfferSubs: z.optional(NewOfferSubsSchema) }),
  /** Checks a saved account's key with Everflow (nothing is changed). */
  testConnection: z.object({ accountId: AccountIdSchema }),
  /** The keyboard shortcuts as the browser has them now, and where to change them. */
  getShortcuts: z.object({}),
  copy: z.object({ text: z.string().check(z.maxLength(MAX_COPY_TEXT)) }),
  /**
   * Texts a page is about to save, export or show (a preset's values, a template, a CSV, a link): which
   * of them hold any saved API key in any encoding, and each with the keys cut out. Pages never see the
   * key; this is how they keep it out of what they write.
   */
  guardTexts: z.object({ texts: z.array(z.string().check(z.maxLength(MAX_COPY_TEXT))).check(z.maxLength(2_000)) }),
  /** Link history (read from storage by the pages; changed only by the background). */
  deleteHistoryEntry: z.object({ id: z.string().check(z.maxLength(100)) }),
  /** Clears the history: every account's, or only `accountId`'s links. */
  clearHistory: z.object({ accountId: z.optional(AccountIdSchema) }),
  /** Forget every cached offer, affiliate and other name (the options page's Storage section). */
  clearLookupCache: z.object({}),
  /** Starts a bulk job (refused while another runs). The background checks every row again. */
  bulkStart: z.object({
    accountId: AccountIdSchema,
    mode: BulkModeSchema,
    form: LinkFormSchema,
    rows: z.array(BulkRowSchema).check(z.minLength(1), z.maxLength(MAX_BULK_ROWS)),
  }),
  /** Pause, resume, cancel, retry the failed rows, or forget the finished job and its results. */
  bulkControl: z.object({ action: z.enum(['pause', 'resume', 'cancel', 'retryFailed', 'clear']) }),
} as const;

export type ToBackground = typeof toBackground;

/** Popup → background over its port (popup-port.ts): each message's fields, checked on receipt like the messages above. */
const requestId = z.string().check(z.minLength(1), z.maxLength(64));
export const fromPopup = {
  generate: z.object({ requestId, accountId: AccountIdSchema, input: LinkInputSchema, names: z.optional(NamesSchema) }),
  cancel: z.object({ requestId }),
} as const satisfies { [K in keyof FromPopup]: z.ZodMiniType<FromPopup[K]> };
export type MessageType = keyof ToBackground;
export type Payload<K extends MessageType> = z.input<ToBackground[K]>;
export type Reply<K extends MessageType> = z.output<(typeof replies)[K]> | Failure;

export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: Payload<K>;
}
