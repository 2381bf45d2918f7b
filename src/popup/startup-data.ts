// What the popup's form starts with: the saved draft, the last affiliate, and the offer or affiliate
// named by the right-click menu or the dashboard tab in front. Pure, from the raw stored values,
// each decoded by its item's own definition (shared/stored-items.ts).
import { readDashboardUrl } from '../shared/dashboard-url';
import { hasMoreOptions, type FormField, type LinkForm } from '../shared/link-form';
import { PENDING_MAX_AGE_MS, draftItem, pendingPrefillItem, recentAffiliatesItem, settingsItem } from '../shared/stored-items';
import type { PrefillSources } from './popup-view';

/** The storage.local items the popup starts from, read in one call. */
export const LOCAL_ITEMS = [draftItem, recentAffiliatesItem, settingsItem] as const;

export interface RawStartup {
  /** chrome.storage.local values by key, as stored. */
  local: Record<string, unknown>;
  /** The right-click menu's pending request (chrome.storage.session), as stored. */
  pending: unknown;
  /** The active tab's URL: present only for pages the extension has host permission for. */
  url: string | undefined;
  now: number;
}

export interface StartupState {
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
  focus: 'offerId' | 'affiliateId';
}

/** What startup.ts hands the app once the form is on screen. */
export interface Startup extends StartupState {
  /** Fields typed into before the app took over: what the form shows is theirs. */
  typed: ReadonlySet<FormField>;
  /** Whether the form was submitted before the app was there to handle it. */
  readonly submitted: boolean;
}

/** The offer of a readable, fresh right-click request. */
export function pendingOffer(raw: unknown, now: number): number | undefined {
  const pending = pendingPrefillItem.decode(raw).value;
  return pending && now - pending.at < PENDING_MAX_AGE_MS ? pending.offerId : undefined;
}

interface Prefill {
  offerId?: string;
  affiliateId?: string;
  /** Shown beside each prefilled field so the person knows where the value came from. */
  note: string;
}

/** An offer chosen in the right-click menu, else the offer or affiliate the dashboard tab names. */
export function prefillFrom(raw: RawStartup): Prefill | null {
  const offer = pendingOffer(raw.pending, raw.now);
  if (offer !== undefined) return { offerId: String(offer), note: 'from the right-click menu' };
  const ids = readDashboardUrl(raw.url, settingsItem.decode(raw.local[settingsItem.key]).value.dashboardDomains);
  if (!ids || (ids.offerId === undefined && ids.affiliateId === undefined)) return null;
  return {
    ...(ids.offerId === undefined ? {} : { offerId: String(ids.offerId) }),
    ...(ids.affiliateId === undefined ? {} : { affiliateId: String(ids.affiliateId) }),
    note: 'from this page',
  };
}

/** What the form starts with; fields in `typed` were typed into before this ran and keep their text. */
export function startupState(raw: RawStartup, typed: ReadonlySet<string>): StartupState {
  const { value: form, status } = draftItem.decode(raw.local[draftItem.key]);
  const draft = status === 'missing' ? 'missing' : status === 'reset' ? 'reset' : 'ok';
  const recentAffiliate = recentAffiliatesItem.decode(raw.local[recentAffiliatesItem.key]).value[0];
  if (form.affiliateId.trim() === '' && recentAffiliate !== undefined) form.affiliateId = String(recentAffiliate);
  // What the page (or the menu) names wins over the draft for that field; the rest stays.
  const prefill = prefillFrom(raw);
  const sources: PrefillSources = {};
  for (const field of ['offerId', 'affiliateId'] as const) {
    const value = prefill?.[field];
    if (prefill && value !== undefined && !typed.has(field)) {
      form[field] = value;
      sources[field] = prefill.note;
    }
  }
  return {
    form,
    draft,
    sources,
    recentAffiliate,
    save: prefill !== null || draft === 'reset',
    moreOpen: hasMoreOptions(form),
    focus: form.offerId.trim() === '' || form.affiliateId.trim() !== '' ? 'offerId' : 'affiliateId',
  };
}
