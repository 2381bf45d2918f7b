// The right-click menu's "Open link builder…" hands the popup an offer or a smart link to show.
import * as z from 'zod/mini';
import { defineItem } from '../storage/define-item';

/**
 * What the right-click menu's "Open link builder…" asked the popup to show: an offer or a smart link.
 * The background clears it once a popup has opened (and read it); a request the popup never opened for goes stale.
 */
export const PendingPrefillSchema = z.object({
  offerId: z.optional(z.number()),
  campaignId: z.optional(z.number()),
  /** The account of the page the menu was opened on. */
  accountId: z.optional(z.string().check(z.maxLength(100))),
  at: z.number(),
});
export const PENDING_MAX_AGE_MS = 60_000;
export const pendingPrefillItem = defineItem<z.infer<typeof PendingPrefillSchema> | null>({
  writer: 'background',
  area: 'session',
  key: 'pendingPrefill',
  version: 1,
  schema: z.nullable(PendingPrefillSchema),
  fallback: () => null,
});
