// The message protocol, one typed list per direction. Payloads and replies are zod schemas: the
// background validates every payload on receipt, the UI validates every reply.
import * as z from 'zod/mini';
import { LinkFormSchema } from './link-form';
import { FailureSchema, LinkOutcomeSchema, LinkSuccessSchema } from './outcome';
import { MAX_DASHBOARD_DOMAINS, RegionSchema } from './stored-items';

/** Where a generation was asked for; recorded so later features can tell popup from menu. */
export const SurfaceSchema = z.enum(['popup', 'menu', 'keyboard']);

export const MAX_KEY_LENGTH = 256;
/** A key as pasted: trimmed, non-empty, no inner spaces, bounded. */
export const ApiKeySchema = z.pipe(
  z.string(),
  z.pipe(
    z.transform((s: string) => s.trim()),
    z.string().check(
      z.minLength(1, 'Enter the API key.'),
      z.maxLength(MAX_KEY_LENGTH, `An Everflow API key is shorter than ${MAX_KEY_LENGTH} characters; check what was pasted.`),
      z.regex(/^\S+$/, 'An API key has no spaces inside; check what was pasted.'),
    ),
  ),
);

const Done = z.object({ ok: z.literal(true) });

export const StatusSchema = z.object({
  ok: z.literal(true),
  hasKey: z.boolean(),
  /** The key's last 4 characters, so a person can tell which key is saved. Never the key. */
  keyHint: z.optional(z.string()),
  /** The key is kept only until the browser closes (storage.session). */
  keySessionOnly: z.boolean(),
  region: RegionSchema,
  dashboardDomains: z.array(z.string()),
  lastLink: z.nullable(LinkSuccessSchema),
  recentAffiliates: z.array(z.number()),
  /** Plain sentences about stored data that had to be reset, shown once. */
  notices: z.array(z.string()),
});
export type Status = z.infer<typeof StatusSchema>;

/** UI → background. Every reply may also be a Failure. */
export const toBackground = {
  generate: {
    payload: z.object({ form: LinkFormSchema, surface: SurfaceSchema }),
    reply: LinkOutcomeSchema,
  },
  getStatus: { payload: z.object({}), reply: StatusSchema },
  /** Saves the region and where the key is kept, and the key itself when one is given. */
  saveSettings: {
    payload: z.object({ region: RegionSchema, sessionOnly: z.boolean(), key: z.optional(z.string()) }),
    reply: Done,
  },
  /** Replaces the list of extra dashboard domains (host permissions are asked for by the page). */
  setDashboardDomains: {
    payload: z.object({ domains: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(MAX_DASHBOARD_DOMAINS)) }),
    reply: Done,
  },
  forgetKey: { payload: z.object({}), reply: Done },
  testConnection: { payload: z.object({}), reply: z.object({ ok: z.literal(true), message: z.string() }) },
  copy: { payload: z.object({ text: z.string().check(z.maxLength(8192)) }), reply: Done },
} as const;

export type ToBackground = typeof toBackground;
export type MessageType = keyof ToBackground;
export type Payload<K extends MessageType> = z.input<ToBackground[K]['payload']>;
export type Reply<K extends MessageType> = z.output<ToBackground[K]['reply']> | z.output<typeof FailureSchema>;

export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: Payload<K>;
}

/** The popup holds a port with this name open, so the background knows whether anyone sees a reply. */
export const POPUP_PORT = 'popup';

/** Background → offscreen document: the only message it answers. */
export const OffscreenCopySchema = z.object({
  target: z.literal('offscreen'),
  type: z.literal('copy'),
  text: z.string(),
});
export type OffscreenCopy = z.infer<typeof OffscreenCopySchema>;
