// What the popup's form starts with: the account (the right-click menu's, the dashboard tab's, the one
// shown last), its saved draft and last affiliate, and the offer or affiliate named by the right-click
// menu or the dashboard tab in front. Pure, from the raw stored values, each decoded by its item's own
// definition (shared/storage/items.ts).
import {
  FIRST_ACCOUNT_ID,
  accountById,
  accountForHost,
  accountsItem,
  allDashboardDomains,
  defaultAccount,
  type Account,
} from '../../shared/accounts/accounts';
import { readDashboardUrl } from '../../shared/dashboard/dashboard-url';
import { TARGET_FIELDS, TEXT_FIELDS, type FormField } from '../../everflow/link-fields';
import { hasMoreOptions, targetKey, type LinkForm } from '../../shared/link/link-form';
import { PENDING_MAX_AGE_MS, pendingPrefillItem } from '../../shared/link/prefill';
import { draftItem, draftOf, type Drafts } from '../../shared/link/draft';
import { recentAffiliatesItem, recentOf } from '../../shared/history/recent-affiliates';
import { settingsItem, type NewOfferSubs } from '../../shared/settings/settings';
import { POLICY_DOMAINS_KEY, policyDashboardDomains } from '../../shared/policy/policy-domains';
import type { PrefillSources } from '../popup-view';

/** The storage.local items the popup starts from, read in one call. */
export const LOCAL_ITEMS = [accountsItem, draftItem, recentAffiliatesItem, settingsItem] as const;
/**
 * What the popup reads before its form is filled in, by key: storage.local's items, storage.session's
 * right-click request, and the dashboard domains of the administrator's policy (storage.managed).
 */
export const POPUP_READS = {
  local: LOCAL_ITEMS.map((item) => item.key),
  session: [pendingPrefillItem.key],
  managed: [POLICY_DOMAINS_KEY],
} as const;

export interface RawStartup {
  /** chrome.storage.local values by key, as stored. */
  local: Record<string, unknown>;
  /** The right-click menu's pending request (chrome.storage.session), as stored. */
  pending: unknown;
  /** The active tab's URL: present only for pages the extension has host permission for. */
  url: string | undefined;
  /** The administrator's policy (chrome.storage.managed) by key, as the browser gives it; absent: no policy. */
  managed?: Record<string, unknown>;
  now: number;
}

export interface StartupState {
  /** Every saved account, and the one the form is for (undefined: none saved yet). */
  accounts: Account[];
  account: Account | undefined;
  /** Every account's draft as stored (the form shown is `account`'s). */
  drafts: Drafts;
  /** The form to show (draft, last affiliate, prefill), fields typed into already left out. */
  form: LinkForm;
  /** 'missing' takes the default preset; 'reset' is told to the person and stored over. */
  draft: 'ok' | 'missing' | 'reset';
  sources: PrefillSources;
  recentAffiliate: number | undefined;
  /** True when the form differs from the stored draft (prefilled or reset), so it must be saved. */
  save: boolean;
  /** "More options" holds a restored value, so it starts open. */
  moreOpen: boolean;
  /** Where the cursor goes when the person has not typed yet. */
  focus: 'offerId' | 'campaignId' | 'affiliateId';
  /** The options page's rule for a new offer's Source ID and subs, stated beside them. */
  newOfferSubs: NewOfferSubs;
  /** The page named another offer and the rule cleared Source ID and subs (the default preset fills them again). */
  subsCleared: boolean;
}

/** What startup.ts hands the app once the form is on screen. */
export interface Startup extends StartupState {
  /** Fields typed into (or the link type chosen) before the app took over: what the form shows is theirs. */
  typed: ReadonlySet<FormField | 'linkType'>;
  /** Whether the form was submitted before the app was there to handle it. */
  readonly submitted: boolean;
}

/** A readable, fresh right-click request. */
function freshPending(raw: unknown, now: number) {
  const pending = pendingPrefillItem.decode(raw).value;
  return pending && now - pending.at < PENDING_MAX_AGE_MS ? pending : undefined;
}

/** The offer or smart link of a readable, fresh right-click request. */
export function pendingTarget(raw: unknown, now: number): { offerId?: number; campaignId?: number } | undefined {
  const pending = freshPending(raw, now);
  if (pending?.campaignId !== undefined) return { campaignId: pending.campaignId };
  return pending?.offerId === undefined ? undefined : { offerId: pending.offerId };
}

const hostOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
};

/** The account the popup opens with: the right-click menu's, else the dashboard tab's, else the one shown last, else the last used. */
export function startupAccount(raw: RawStartup): Account | undefined {
  const list = accountsItem.decode(raw.local[accountsItem.key]).value;
  const drafts = draftItem.decode(raw.local[draftItem.key]).value;
  return (
    accountById(list, freshPending(raw.pending, raw.now)?.accountId) ??
    accountForHost(list, hostOf(raw.url)) ??
    accountById(list, drafts.accountId) ??
    defaultAccount(list)
  );
}

interface Prefill {
  offerId?: string;
  campaignId?: string;
  affiliateId?: string;
  /** Shown beside each prefilled field so the person knows where the value came from. */
  note: string;
}

const PREFILLED = ['offerId', 'campaignId', 'affiliateId'] as const;

/** What the page or menu named, as the form's text. */
function asPrefill(ids: Partial<Record<(typeof PREFILLED)[number], number>>, note: string): Prefill | null {
  const prefill: Prefill = { note };
  for (const field of PREFILLED) if (ids[field] !== undefined) prefill[field] = String(ids[field]);
  return PREFILLED.some((field) => prefill[field] !== undefined) ? prefill : null;
}

/** An offer or smart link chosen in the right-click menu, else what the dashboard tab names. */
export function prefillFrom(raw: RawStartup): Prefill | null {
  const pending = pendingTarget(raw.pending, raw.now);
  if (pending) return asPrefill(pending, 'from the right-click menu');
  const accounts = accountsItem.decode(raw.local[accountsItem.key]).value;
  const ids = readDashboardUrl(raw.url, allDashboardDomains(accounts, policyDashboardDomains(raw.managed?.[POLICY_DOMAINS_KEY])));
  return ids ? asPrefill(ids, 'from this page') : null;
}

/** What the form starts with; fields in `typed` were typed into before this ran and keep their text. */
export function startupState(raw: RawStartup, typed: ReadonlySet<string>): StartupState {
  const accounts = accountsItem.decode(raw.local[accountsItem.key]).value.accounts;
  const account = startupAccount(raw);
  const { value: drafts, status } = draftItem.decode(raw.local[draftItem.key]);
  // No account read yet (the worker is making the single-key version's key the first account as this
  // popup opens, or none is saved): the form is the one shown last, which is that account's to be.
  const formOf = account?.id ?? drafts.accountId ?? FIRST_ACCOUNT_ID;
  const form = draftOf(drafts, formOf);
  const draft = status === 'reset' ? 'reset' : drafts.forms[formOf] ? 'ok' : 'missing';
  const partner = account?.kind === 'partner';
  // A partner's link is its own: no affiliate to fill in, and its only kind of link.
  const recentAffiliate = partner ? undefined : recentOf(recentAffiliatesItem.decode(raw.local[recentAffiliatesItem.key]).value, formOf)[0];
  if (partner) form.linkType = 'partner';
  else if (form.linkType === 'partner') form.linkType = 'offer';
  if (form.affiliateId.trim() === '' && recentAffiliate !== undefined) form.affiliateId = String(recentAffiliate);
  const { newOfferSubs } = settingsItem.decode(raw.local[settingsItem.key]).value;
  const drafted = targetKey(form);
  // What the page (or the menu) names wins over the draft for that field; the rest stays.
  const prefill = prefillFrom(raw);
  const sources: PrefillSources = {};
  for (const field of PREFILLED) {
    const value = prefill?.[field];
    // A partner has no affiliate and no smart links to fill in.
    if (partner && field !== 'offerId') continue;
    if (prefill && value !== undefined && !typed.has(field)) {
      form[field] = value;
      sources[field] = prefill.note;
    }
  }
  // A page about an offer or a smart link shows that kind of link, unless the person chose already.
  if (!typed.has('linkType') && !partner) {
    if (sources.campaignId) form.linkType = 'smart';
    else if (sources.offerId) form.linkType = 'offer';
  }
  const target = TARGET_FIELDS[form.linkType];
  // Another offer than the draft's, and the rule says a new offer starts without the old one's subs.
  const moved = drafted !== targetKey(form) && !drafted.endsWith(':');
  const subsCleared = newOfferSubs === 'clear' && moved && TEXT_FIELDS.some((field) => form[field] !== '' && !typed.has(field));
  if (subsCleared) for (const field of TEXT_FIELDS) if (!typed.has(field)) form[field] = '';
  return {
    accounts,
    account,
    drafts,
    form,
    draft,
    sources,
    recentAffiliate,
    save: prefill !== null || draft === 'reset',
    newOfferSubs,
    subsCleared,
    moreOpen: hasMoreOptions(form),
    focus: partner || form[target].trim() === '' || form.affiliateId.trim() !== '' ? target : 'affiliateId',
  };
}
