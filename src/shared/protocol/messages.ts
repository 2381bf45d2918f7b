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

/** UI → background: each message's payload, validated by the background on receipt. Replies: replies.ts. */
export const toBackground = {
  /** A picker's search or list; `channel` names the field, so a newer search cancels the older. */
  lookup: z.object({
    kind: z.enum(LOOKUP_KINDS),
    query: z.string().check(z.maxLength(100)),
    offerId: z.optional(z.number()),
    affiliateId: z.optional(z.number()),
    channel: z.optional(z.string().check(z.maxLength(40))),
    refresh: z.optional(z.boolean()),
  }),
  /**
   * The name and status of the offer, smart link or affiliate an ID field holds; `channel` as for
   * `lookup`. With `cacheOnly`, only what the extension knows already (nothing is sent to Everflow).
   */
  name: z.object({
    kind: z.enum(NAME_KINDS),
    id: z.number().check(z.gte(1), z.lte(MAX_ID), z.refine(Number.isInteger)),
    channel: z.optional(z.string().check(z.maxLength(40))),
    cacheOnly: z.optional(z.boolean()),
  }),
  getStatus: z.object({}),
  /**
   * Saves the region and where the key is kept, and the key itself when one is given. A new key, or a
   * new region for the saved one, is checked with Everflow first; one Everflow refuses is not saved.
   */
  saveKey: z.object({
    region: RegionSchema,
    sessionOnly: z.boolean(),
    key: z.optional(z.string()),
  }),
  /**
   * Changes some of the settings the options page shows: the pace of every call to Everflow, what a new
   * offer does to Source ID and the subs, and one white-label dashboard domain added or removed (the page
   * asks for its host access first). One serialised update, so two pages changing settings at once both
   * keep their change.
   */
  updateSettings: z.object({
    requestsPerSecond: z.optional(RequestsPerSecondSchema),
    newOfferSubs: z.optional(NewOfferSubsSchema),
    dashboardDomain: z.optional(z.object({ action: z.enum(['add', 'remove']), domain: z.string().check(z.maxLength(300)) })),
  }),
  forgetKey: z.object({}),
  /** Checks the typed key (not saving it) or, without one, the saved key; in `region`, else the saved region. */
  testConnection: z.object({ key: z.optional(z.string()), region: z.optional(RegionSchema) }),
  /** The keyboard shortcuts as the browser has them now, and where to change them. */
  getShortcuts: z.object({}),
  copy: z.object({ text: z.string().check(z.maxLength(MAX_COPY_TEXT)) }),
  /**
   * Texts a page is about to save, export or show (a preset's values, a template, a CSV, a link): which
   * of them hold the saved API key in any encoding, and each with the key cut out. Pages never see the
   * key; this is how they keep it out of what they write.
   */
  guardTexts: z.object({ texts: z.array(z.string().check(z.maxLength(MAX_COPY_TEXT))).check(z.maxLength(2_000)) }),
  /** Link history (read from storage by the pages; changed only by the background). */
  deleteHistoryEntry: z.object({ id: z.string().check(z.maxLength(100)) }),
  clearHistory: z.object({}),
  /** Forget every cached offer, affiliate and other name (the options page's Storage section). */
  clearLookupCache: z.object({}),
  /** Starts a bulk job (refused while another runs). The background checks every row again. */
  bulkStart: z.object({
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
  generate: z.object({ requestId, input: LinkInputSchema, names: z.optional(NamesSchema) }),
  cancel: z.object({ requestId }),
} as const satisfies { [K in keyof FromPopup]: z.ZodMiniType<FromPopup[K]> };
export type MessageType = keyof ToBackground;
export type Payload<K extends MessageType> = z.input<ToBackground[K]>;
export type Reply<K extends MessageType> = z.output<(typeof replies)[K]> | Failure;

export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: Payload<K>;
}
