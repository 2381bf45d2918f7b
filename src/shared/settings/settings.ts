// Settings that belong to no account: what a new offer does to the subs. The background writes them
// (messages from the options page); every page reads them. The limits every account's settings keep to
// are here too (the pace, the dashboard domains).
import * as z from 'zod/mini';
import { REGION_IDS, type Region } from '../../everflow/regions';
import { decodeStored, defineItem } from '../storage/define-item';

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

/** The settings of the version before accounts, when region, pace and dashboard domains were the one key's. */
const SettingsBeforeAccountsSchema = z.object({
  region: RegionSchema,
  requestsPerSecond: RequestsPerSecondSchema,
  dashboardDomains: z.array(z.string().check(z.maxLength(253))).check(z.maxLength(MAX_DASHBOARD_DOMAINS)),
  newOfferSubs: NewOfferSubsSchema,
});
export type SettingsBeforeAccounts = z.infer<typeof SettingsBeforeAccountsSchema>;

const MIGRATIONS_BEFORE_ACCOUNTS = {
  // v1 had only the region.
  1: (data: unknown) => ({ ...(data as object), dashboardDomains: [] }),
  // v2 had no rate limit.
  2: (data: unknown) => ({ ...(data as object), requestsPerSecond: DEFAULT_REQUESTS_PER_SECOND }),
  // v3 had no rule for a new offer's subs: they were kept.
  3: (data: unknown) => ({ ...(data as object), newOfferSubs: 'keep' }),
};

/**
 * What stored settings of any version before accounts say of the one key's region, pace and dashboard
 * domains (the first account takes them), or undefined when there are none to read.
 */
export function settingsBeforeAccounts(raw: unknown): SettingsBeforeAccounts | undefined {
  const read = decodeStored(
    {
      version: 4,
      schema: SettingsBeforeAccountsSchema,
      fallback: (): SettingsBeforeAccounts => ({
        region: 'us',
        requestsPerSecond: DEFAULT_REQUESTS_PER_SECOND,
        dashboardDomains: [],
        newOfferSubs: 'keep',
      }),
      migrations: MIGRATIONS_BEFORE_ACCOUNTS,
    },
    raw,
  );
  return read.status === 'ok' || read.status === 'migrated' ? read.value : undefined;
}

export const SettingsSchema = z.object({
  /** 'keep': a new offer keeps Source ID and subs (as before this setting); 'clear': they start empty (or from the default preset). */
  newOfferSubs: NewOfferSubsSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Settings that hold no account's data (region, pace and dashboard domains are each account's). */
export const settingsItem = defineItem<Settings>({
  writer: 'background',
  area: 'local',
  key: 'settings',
  version: 5,
  schema: SettingsSchema,
  fallback: () => ({ newOfferSubs: 'keep' }),
  migrations: {
    ...MIGRATIONS_BEFORE_ACCOUNTS,
    // v4's region, pace and dashboard domains became the first account's (background/accounts.ts).
    4: (data) => ({ newOfferSubs: (data as { newOfferSubs?: unknown }).newOfferSubs }),
  },
});
