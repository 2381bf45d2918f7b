// Everflow accounts: each a key (kept apart, in keys.ts) with its region, its kind (a network key or a
// partner's), the network it belongs to and what it is called. Offer, affiliate and smart-link IDs mean
// nothing across networks, so everything that holds one belongs to one account. The background writes
// this item (accounts are added by checking their key with Everflow); pages read it.
import * as z from 'zod/mini';
import { REGION_IDS, type Region } from '../../everflow/regions';
import { nameSchema } from '../link/names';
import { DEFAULT_REQUESTS_PER_SECOND, MAX_DASHBOARD_DOMAINS, RequestsPerSecondSchema } from '../settings/settings';
import { defineItem } from '../storage/define-item';

export const ACCOUNT_KINDS = ['network', 'partner'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/**
 * The account an update from the single-key version makes of the key it had: everything stored before
 * accounts existed (history, pins, the names cache, the last link, drafts, a bulk job) belongs to it.
 */
export const FIRST_ACCOUNT_ID = 'first';

export const MAX_ACCOUNTS = 20;
export const MAX_ACCOUNT_LABEL = 80;
/** Everflow's pace for partner keys: 5 requests a second (bursts up to 20), the network's limit shared by its partners. */
export const PARTNER_REQUESTS_PER_SECOND = 5;

const RegionSchema = z.enum(REGION_IDS as [Region, ...Region[]]);
const id = z.number().check(z.gte(1), z.refine(Number.isInteger));

export const AccountSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  kind: z.enum(ACCOUNT_KINDS),
  region: RegionSchema,
  /** What the person calls it: the network's name, until they change it. */
  label: z.string().check(z.maxLength(MAX_ACCOUNT_LABEL)),
  /** The network's own ID and name, as Everflow said when the key was checked (unknown for a key not checked yet). */
  networkId: z.optional(id),
  networkName: z.optional(nameSchema()),
  /** The dashboard's subdomain, `<identifier>.everflowclient.io` (a network key says it; a partner may type it). */
  identifier: z.optional(z.string().check(z.maxLength(63))),
  /** A partner key's partner: its own ID and name. */
  partnerId: z.optional(id),
  partnerName: z.optional(nameSchema()),
  /** The key's last 4 characters, so a person can tell which key it is. Never the key. */
  keyHint: z.string().check(z.maxLength(8)),
  /** The key is kept only until the browser closes (storage.session). */
  sessionOnly: z.boolean(),
  /** This account's white-label dashboard hosts (lower-case host names), besides `<identifier>.everflowclient.io`. */
  dashboardDomains: z.array(z.string().check(z.maxLength(253))).check(z.maxLength(MAX_DASHBOARD_DOMAINS)),
  /** The most calls a second this account makes to Everflow, all together (popup, menu, look-ups, bulk). */
  requestsPerSecond: RequestsPerSecondSchema,
});
export type Account = z.infer<typeof AccountSchema>;

export const AccountsSchema = z.object({
  accounts: z.array(AccountSchema).check(z.maxLength(MAX_ACCOUNTS)),
  /** The account the last link was made with: the popup starts with it where no dashboard page names another. */
  lastUsedId: z.nullable(z.string().check(z.maxLength(100))),
});
export type Accounts = z.infer<typeof AccountsSchema>;

export const NO_ACCOUNTS: Accounts = { accounts: [], lastUsedId: null };

export const accountsItem = defineItem<Accounts>({
  writer: 'background',
  area: 'local',
  key: 'accounts',
  version: 1,
  schema: AccountsSchema,
  fallback: () => structuredClone(NO_ACCOUNTS),
});

/** A new account's pace: a network key's default, or a partner's documented limit. */
export const defaultPace = (kind: AccountKind) => (kind === 'partner' ? PARTNER_REQUESTS_PER_SECOND : DEFAULT_REQUESTS_PER_SECOND);

export const accountById = (list: Accounts, accountId: string | null | undefined): Account | undefined =>
  accountId ? list.accounts.find((account) => account.id === accountId) : undefined;

/** The account whose dashboard `host` is: its `<identifier>.everflowclient.io`, or one of its white-label domains. */
export function accountForHost(list: Accounts, host: string | undefined): Account | undefined {
  if (!host) return undefined;
  const lower = host.toLowerCase();
  return (
    list.accounts.find((account) => account.dashboardDomains.includes(lower)) ??
    list.accounts.find((account) => account.identifier !== undefined && lower === `${account.identifier.toLowerCase()}.everflowclient.io`)
  );
}

/** The account to use where nothing names one: the last used, else the first. */
export const defaultAccount = (list: Accounts): Account | undefined => accountById(list, list.lastUsedId) ?? list.accounts[0];

/**
 * Which limiter an account's calls share: Everflow's limit is per network and per kind of key, so two
 * keys of the same network (the same network ID) share one; a key whose network is not known yet has its own.
 */
export const paceKey = (account: Pick<Account, 'id' | 'kind' | 'region' | 'networkId'>) =>
  account.networkId === undefined ? `account:${account.id}` : `${account.kind}:${account.region}:${account.networkId}`;

/**
 * Every dashboard host the extension knows: each account's white-label domains, and those an
 * administrator's policy adds to everyone's list (shared/policy). A page on a policy's domain uses the
 * account whose own list has it, else the default account (accountForHost finds none for it).
 */
export const allDashboardDomains = (list: Accounts, policyDomains: readonly string[]): string[] => [
  ...new Set([...list.accounts.flatMap((account) => account.dashboardDomains), ...policyDomains]),
];

/** "Acme Performance (partner: Sunrise Media)": the account as named in a sentence or a list. */
export function accountName(account: Pick<Account, 'label' | 'kind' | 'partnerName'>): string {
  const label = account.label || 'Everflow account';
  return account.kind === 'partner' && account.partnerName ? `${label} (partner: ${account.partnerName})` : label;
}

/** A migration's step: something stored before accounts belongs to the first account. */
export const ofFirstAccount = (data: unknown): unknown =>
  typeof data === 'object' && data !== null && !Array.isArray(data) ? { accountId: FIRST_ACCOUNT_ID, ...data } : data;
/** …each entry of a stored list. */
export const eachOfFirstAccount = (data: unknown): unknown => (Array.isArray(data) ? data.map(ofFirstAccount) : data);
/** …a value kept for the one account there was: now kept by account. */
export const byFirstAccount = (data: unknown): unknown => ({ [FIRST_ACCOUNT_ID]: data });

/** An account's ID as stored beside what belongs to it. */
export const AccountIdSchema = z.string().check(z.minLength(1), z.maxLength(100));
