// What the background answers, one schema per reply. Extension code imports this module as types
// only (`import type`): the background produces these values itself and the UI trusts its own
// background, so bundling the schemas would only cost the popup bytes. Tests parse with them.
import * as z from 'zod/mini';
import { LookupOptionSchema } from '../lookups/lookup-cache';
import { NewOfferSubsSchema } from '../settings/settings';
import { AccountSchema, MAX_ACCOUNTS } from '../accounts/accounts';
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

/** An account as pages see it: never its key, only whether one is kept now (a session-only key is gone after a restart). */
export const AccountViewSchema = z.extend(AccountSchema, { hasKey: z.boolean() });
export type AccountView = z.infer<typeof AccountViewSchema>;

export const StatusSchema = z.object({
  ok: z.literal(true),
  accounts: z.array(AccountViewSchema).check(z.maxLength(MAX_ACCOUNTS)),
  lastUsedId: z.nullable(z.string()),
  newOfferSubs: NewOfferSubsSchema,
  lastLink: z.nullable(LinkSuccessSchema),
  /** Each account's recent affiliates, most recent first. */
  recentAffiliates: z.record(z.string(), z.array(z.number())),
  /** Plain sentences about stored data that had to be reset, shown once. */
  notices: z.array(z.string()),
});
export type Status = z.infer<typeof StatusSchema>;

/** What an account change says: a sentence for the person, and the account as it is now. */
const AccountChangeSchema = z.object({ ok: z.literal(true), message: z.string(), account: AccountSchema });

/** The reply to each UI → background message (every one may also be a Failure). */
export const replies = {
  getStatus: StatusSchema,
  addAccount: AccountChangeSchema,
  updateAccount: AccountChangeSchema,
  forgetAccount: DoneSchema,
  updateSettings: DoneSchema,
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
