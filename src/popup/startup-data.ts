// What the popup's form starts with: the saved draft, the last affiliate, and the offer or affiliate
// named by the right-click menu or the dashboard tab in front. Pure, from the raw stored values.
// It runs in the popup's first, classic script (startup.ts), which must stay small: so it decodes the
// few stored items by hand instead of with their zod schemas, and startup-data.test.ts checks it
// reads every value exactly as decodeStored does with the schemas in shared/stored-items.ts.
import { readDashboardUrl } from '../shared/dashboard-url';
import { FLAG_FIELDS, ID_FIELDS, MAX_TEXT, TEXT_FIELDS, type FormField, type LinkForm } from '../shared/link-form';
import { REGION_IDS } from '../everflow/regions';
import { MORE_OPTIONS } from './form-layout';
import type { PrefillSources } from './popup-view';

/** chrome.storage keys of the items read here (see shared/stored-items.ts). */
export const LOCAL_KEYS = { draft: 'draft', recentAffiliates: 'recentAffiliates', settings: 'settings' } as const;
export const PENDING_KEY = 'pendingPrefill';

/** The draft as stored (draftItem, version 1), so the app can save it without the storage modules. */
export const storedDraft = (form: LinkForm) => ({ [LOCAL_KEYS.draft]: { v: 1, data: form } });

/** A menu request older than this is stale (the popup never opened for it). */
const PENDING_MAX_AGE_MS = 60_000;

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
  saveDraft: (form: LinkForm) => Promise<void>;
}

declare global {
  interface Window {
    /** Set by startup.ts, which runs before the app. */
    popupStartup?: Promise<Startup>;
  }
}

type Data = Record<string, unknown>;

const isRecord = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The data of an item stored as { v, data } at `version`, else undefined. */
const dataAt = (raw: unknown, version: number): unknown => (isRecord(raw) && raw.v === version ? raw.data : undefined);

/** Draft v1: each field falls back on its own, like LinkFormSchema; only a non-object resets it. */
export function decodeDraft(raw: unknown): { form: LinkForm; draft: StartupState['draft'] } {
  const data = raw === undefined ? {} : dataAt(raw, 1);
  const form = {} as Data;
  for (const field of [...ID_FIELDS, ...TEXT_FIELDS]) {
    const value = isRecord(data) ? data[field] : undefined;
    form[field] = typeof value === 'string' ? value.slice(0, 4 * MAX_TEXT) : '';
  }
  for (const field of FLAG_FIELDS) form[field] = isRecord(data) && typeof data[field] === 'boolean' ? data[field] : false;
  return { form: form as LinkForm, draft: raw === undefined ? 'missing' : isRecord(data) ? 'ok' : 'reset' };
}

/** Recent affiliates v1: whole numbers from 1, else none. */
export function decodeRecentAffiliates(raw: unknown): number[] {
  const data = dataAt(raw, 1);
  return Array.isArray(data) && data.every((id) => Number.isInteger(id) && id >= 1) ? data : [];
}

/** The white-label dashboard domains of settings v2 (v1 had none), when the settings are readable. */
export function decodeDashboardDomains(raw: unknown): string[] {
  const data = dataAt(raw, 2);
  if (!isRecord(data) || !REGION_IDS.includes(data.region as never)) return [];
  const domains = data.dashboardDomains;
  return Array.isArray(domains) && domains.length <= 20 && domains.every((d) => typeof d === 'string' && d.length <= 253) ? domains : [];
}

/** The offer of a readable, fresh right-click request. */
export function decodePending(raw: unknown, now: number): number | undefined {
  const data = dataAt(raw, 1);
  const fresh = isRecord(data) && Number.isFinite(data.offerId) && Number.isFinite(data.at) && now - (data.at as number) < PENDING_MAX_AGE_MS;
  return fresh ? (data.offerId as number) : undefined;
}

interface Prefill {
  offerId?: string;
  affiliateId?: string;
  /** Shown beside each prefilled field so the person knows where the value came from. */
  note: string;
}

/** An offer chosen in the right-click menu, else the offer or affiliate the dashboard tab names. */
export function prefillFrom(raw: RawStartup): Prefill | null {
  const pendingOffer = decodePending(raw.pending, raw.now);
  if (pendingOffer !== undefined) return { offerId: String(pendingOffer), note: 'from the right-click menu' };
  const ids = readDashboardUrl(raw.url, decodeDashboardDomains(raw.local[LOCAL_KEYS.settings]));
  if (!ids || (ids.offerId === undefined && ids.affiliateId === undefined)) return null;
  return {
    ...(ids.offerId === undefined ? {} : { offerId: String(ids.offerId) }),
    ...(ids.affiliateId === undefined ? {} : { affiliateId: String(ids.affiliateId) }),
    note: 'from this page',
  };
}

/** What the form starts with; fields in `typed` were typed into before this ran and keep their text. */
export function startupState(raw: RawStartup, typed: ReadonlySet<string>): StartupState {
  const { form, draft } = decodeDraft(raw.local[LOCAL_KEYS.draft]);
  const recentAffiliate = decodeRecentAffiliates(raw.local[LOCAL_KEYS.recentAffiliates])[0];
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
  const empty = decodeDraft(undefined).form;
  return {
    form,
    draft,
    sources,
    recentAffiliate,
    save: prefill !== null || draft === 'reset',
    moreOpen: MORE_OPTIONS.some((field) => form[field] !== empty[field]),
    focus: form.offerId.trim() === '' || form.affiliateId.trim() !== '' ? 'offerId' : 'affiliateId',
  };
}
