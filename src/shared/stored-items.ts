// The stored items the popup starts from, each declared once: schema, version, migrations, default
// and writer (see storage-item.ts). Everything here is set up before the popup's form is filled in,
// so items the popup does not start from are declared beside their shapes: lastLinkItem (outcome.ts),
// lookupCacheItem (lookup-cache.ts), presetsItem (presets.ts), historyItem (link-history.ts),
// bulkJobItem (bulk-job.ts), bulkDraftItem (bulk/bulk-draft.ts) and the rest. The API key's items
// live in background/api-key-store.ts so UI code cannot import them.
import * as z from 'zod/mini';
import { REGION_IDS, type Region } from '../everflow/regions';
import { EMPTY_FORM, LinkFormSchema, type LinkForm } from './link-form';
import { defineItem } from './storage-item';

export const RegionSchema = z.enum(REGION_IDS as [Region, ...Region[]]);

export const MAX_DASHBOARD_DOMAINS = 20;

/** Everflow allows 30 requests/second per customer (older docs: 20), shared by every key and user. */
export const MAX_REQUESTS_PER_SECOND = 30;
export const DEFAULT_REQUESTS_PER_SECOND = 20;
export const RequestsPerSecondSchema = z.number().check(z.gte(1), z.lte(MAX_REQUESTS_PER_SECOND), z.refine(Number.isInteger));

/** What Source ID and the subs do when the form moves to another offer or smart link. */
export const NEW_OFFER_SUBS = ['keep', 'clear'] as const;
export const NewOfferSubsSchema = z.enum(NEW_OFFER_SUBS);
export type NewOfferSubs = z.infer<typeof NewOfferSubsSchema>;

export const SettingsSchema = z.object({
  region: RegionSchema,
  /** The most calls per second this extension makes to Everflow, all of them together. */
  requestsPerSecond: RequestsPerSecondSchema,
  /** White-label dashboard hosts the user added (lower-case host names), besides *.everflowclient.io. */
  dashboardDomains: z.array(z.string().check(z.maxLength(253))).check(z.maxLength(MAX_DASHBOARD_DOMAINS)),
  /** 'keep': a new offer keeps Source ID and subs (as before this setting); 'clear': they start empty (or from the default preset). */
  newOfferSubs: NewOfferSubsSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const settingsItem = defineItem<Settings>({
  writer: 'background',
  area: 'local',
  key: 'settings',
  version: 4,
  schema: SettingsSchema,
  fallback: () => ({ region: 'us', dashboardDomains: [], requestsPerSecond: DEFAULT_REQUESTS_PER_SECOND, newOfferSubs: 'keep' }),
  migrations: {
    // v1 had only the region.
    1: (data) => ({ ...(data as object), dashboardDomains: [] }),
    // v2 had no rate limit.
    2: (data) => ({ ...(data as object), requestsPerSecond: DEFAULT_REQUESTS_PER_SECOND }),
    // v3 had no rule for a new offer's subs: they were kept.
    3: (data) => ({ ...(data as object), newOfferSubs: 'keep' }),
  },
});

/** The popup's form as last typed, so closing the popup never loses work. */
export const draftItem = defineItem<LinkForm>({
  // The popup, and "Use again" in the history.
  writer: 'pages',
  area: 'local',
  key: 'draft',
  version: 1,
  schema: LinkFormSchema,
  fallback: () => ({ ...EMPTY_FORM }),
});

export const MAX_RECENT_AFFILIATES = 5;

/** Affiliates of successful links, most recent first. */
export const recentAffiliatesItem = defineItem<number[]>({
  writer: 'background',
  area: 'local',
  key: 'recentAffiliates',
  version: 1,
  schema: z.array(z.number().check(z.gte(1), z.refine(Number.isInteger))),
  fallback: () => [],
});

/**
 * What the right-click menu's "Open link builder…" asked the popup to show: an offer or a smart link.
 * The background clears it once a popup has opened (and read it); a request the popup never opened for goes stale.
 */
export const PendingPrefillSchema = z.object({ offerId: z.optional(z.number()), campaignId: z.optional(z.number()), at: z.number() });
export const PENDING_MAX_AGE_MS = 60_000;
export const pendingPrefillItem = defineItem<z.infer<typeof PendingPrefillSchema> | null>({
  writer: 'background',
  area: 'session',
  key: 'pendingPrefill',
  version: 1,
  schema: z.nullable(PendingPrefillSchema),
  fallback: () => null,
});
