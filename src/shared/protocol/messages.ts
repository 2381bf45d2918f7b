// The message protocol, one typed list per direction. Payloads and replies are zod schemas: the
// background validates every payload on receipt; the UI checks only that a reply looks like one
// (connector.ts), since the background is its own code. Replies: replies.ts.
import * as z from 'zod/mini';
import { LOOKUP_KINDS, NAME_KINDS } from '../../everflow/lookups';
import { MAX_ID } from '../../everflow/link-fields';
import { BulkModeSchema, BulkRowSchema, MAX_BULK_ROWS } from '../bulk/bulk-job';
import { LinkFormSchema } from '../link/link-form';
import { SurfaceSchema } from '../history/history';
import { NamesSchema } from '../link/names';
import type { Failure } from '../../everflow/failures';
import type { replies } from './replies';
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
  /** `requestId` lets the popup cancel this generation (cancelGenerate) while Everflow is slow. */
  generate: z.object({
    form: LinkFormSchema,
    surface: SurfaceSchema,
    names: z.optional(NamesSchema),
    requestId: z.optional(z.string().check(z.maxLength(64))),
  }),
  /** Stops a generation under way: its request is aborted and a link that still arrives is not copied. */
  cancelGenerate: z.object({ requestId: z.string().check(z.maxLength(64)) }),
  /** A picker's search or list; `channel` names the field, so a newer search cancels the older. */
  lookup: z.object({
    kind: z.enum(LOOKUP_KINDS),
    query: z.string().check(z.maxLength(100)),
    offerId: z.optional(z.number()),
    affiliateId: z.optional(z.number()),
    channel: z.optional(z.string().check(z.maxLength(40))),
    refresh: z.optional(z.boolean()),
  }),
  /** The name and status of the offer, smart link or affiliate an ID field holds; `channel` as for `lookup`. */
  name: z.object({
    kind: z.enum(NAME_KINDS),
    id: z.number().check(z.gte(1), z.lte(MAX_ID), z.refine(Number.isInteger)),
    channel: z.optional(z.string().check(z.maxLength(40))),
  }),
  getStatus: z.object({}),
  /**
   * Saves the region and where the key is kept, and the key itself when one is given. A new key, or a
   * new region for the saved one, is checked with Everflow first; one Everflow refuses is not saved.
   */
  saveSettings: z.object({
    region: RegionSchema,
    sessionOnly: z.boolean(),
    key: z.optional(z.string()),
  }),
  /** The pace of every call to Everflow (popup, menu, look-ups, bulk): an advanced setting of its own. */
  savePace: z.object({ requestsPerSecond: RequestsPerSecondSchema }),
  /** Whether a new offer keeps Source ID and the subs (options page). */
  saveNewOfferSubs: z.object({ newOfferSubs: NewOfferSubsSchema }),
  /**
   * Adds or removes one white-label dashboard domain (host permissions are asked for by the page),
   * so two options pages changing the list at once both keep their change.
   */
  dashboardDomain: z.object({ action: z.enum(['add', 'remove']), domain: z.string().check(z.maxLength(300)) }),
  forgetKey: z.object({}),
  /** Checks the typed key (not saving it) or, without one, the saved key; in `region`, else the saved region. */
  testConnection: z.object({ key: z.optional(z.string()), region: z.optional(RegionSchema) }),
  /** The keyboard shortcuts as the browser has them now, and where to change them. */
  getShortcuts: z.object({}),
  copy: z.object({ text: z.string().check(z.maxLength(MAX_COPY_TEXT)) }),
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
export type MessageType = keyof ToBackground;
export type Payload<K extends MessageType> = z.input<ToBackground[K]>;
export type Reply<K extends MessageType> = z.output<(typeof replies)[K]> | Failure;

export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: Payload<K>;
}
