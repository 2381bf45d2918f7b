// What the background answers, one schema per reply. Extension code imports this module as types
// only (`import type`): the background produces these values itself and the UI trusts its own
// background, so bundling the schemas would only cost the popup bytes. Tests parse with them.
import * as z from 'zod/mini';
import { LookupOptionSchema } from '../lookups/lookup-cache';
import { MAX_DASHBOARD_DOMAINS, NewOfferSubsSchema, RegionSchema, RequestsPerSecondSchema } from '../settings/settings';
import { FAILURE_KINDS } from '../../everflow/failures';
import { LinkSuccessSchema } from '../link/outcome';

/** Per-field messages ride along with `invalid-input`. */
export const FailureSchema = z.object({
  ok: z.literal(false),
  kind: z.enum(FAILURE_KINDS),
  message: z.string(),
  hint: z.optional(z.string()),
  fieldErrors: z.optional(z.record(z.string(), z.string())),
});

export const LinkOutcomeSchema = z.discriminatedUnion('ok', [LinkSuccessSchema, FailureSchema]);
export const DoneSchema = z.object({ ok: z.literal(true) });

export const StatusSchema = z.object({
  ok: z.literal(true),
  hasKey: z.boolean(),
  /** The key's last 4 characters, so a person can tell which key is saved. Never the key. */
  keyHint: z.optional(z.string()),
  /** The key is kept only until the browser closes (storage.session). */
  keySessionOnly: z.boolean(),
  region: RegionSchema,
  requestsPerSecond: RequestsPerSecondSchema,
  newOfferSubs: NewOfferSubsSchema,
  dashboardDomains: z.array(z.string()).check(z.maxLength(MAX_DASHBOARD_DOMAINS)),
  lastLink: z.nullable(LinkSuccessSchema),
  recentAffiliates: z.array(z.number()),
  /** Plain sentences about stored data that had to be reset, shown once. */
  notices: z.array(z.string()),
});
export type Status = z.infer<typeof StatusSchema>;

/** The reply to each UI → background message (every one may also be a Failure). */
export const replies = {
  getStatus: StatusSchema,
  saveKey: z.object({
    ok: z.literal(true),
    /** What was saved, and what Everflow said of the key when it was checked. */
    message: z.string(),
    /** Absent when nothing needed checking; false when Everflow could not confirm the key (it is saved all the same). */
    connected: z.optional(z.boolean()),
  }),
  updateSettings: DoneSchema,
  forgetKey: DoneSchema,
  testConnection: z.object({ ok: z.literal(true), message: z.string() }),
  /** Each shortcut as the browser shows it ('' when none is set), and where to set them (end of a sentence). */
  getShortcuts: z.object({ ok: z.literal(true), open: z.string(), copy: z.string(), settings: z.string() }),
  /** `line`: the first line of what went onto the clipboard (the key cut out), for the page to show. */
  copy: z.object({ ok: z.literal(true), line: z.string() }),
  /** `held`: for each text, whether it held the key; `cleaned`: each text with the key cut out. */
  guardTexts: z.object({ ok: z.literal(true), held: z.array(z.boolean()), cleaned: z.array(z.string()) }),
  lookup: z.object({
    ok: z.literal(true),
    options: z.array(LookupOptionSchema),
    /** True when the answer came from the cache (possibly an older one, when Everflow failed). */
    cached: z.boolean(),
  }),
  /** `option` is null when Everflow has nothing by that ID. */
  name: z.object({ ok: z.literal(true), option: z.nullable(LookupOptionSchema), cached: z.boolean() }),
  deleteHistoryEntry: DoneSchema,
  clearHistory: DoneSchema,
  clearLookupCache: DoneSchema,
  bulkStart: DoneSchema,
  bulkControl: DoneSchema,
};
