// Settings: the region, the pace of calls to Everflow, the team's dashboard domains and what a new
// offer does to the subs. The background writes them (messages from the options page); every page reads them.
import * as z from 'zod/mini';
import { REGION_IDS, type Region } from '../../everflow/regions';
import { defineItem } from '../storage/define-item';

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
