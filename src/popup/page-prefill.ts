// What the popup should prefill from outside the draft: an offer chosen in the right-click menu
// ("Open link builder…"), else the offer or affiliate named by the dashboard tab in front.
import { readDashboardUrl } from '../shared/dashboard-url';
import { read, removeItem } from '../shared/storage-item';
import { pendingPrefillItem, settingsItem } from '../shared/stored-items';

export interface Prefill {
  offerId?: string;
  affiliateId?: string;
  /** Shown beside each prefilled field so the person knows where the value came from. */
  note: string;
}

/** A menu request older than this is stale (the popup never opened for it). */
const PENDING_MAX_AGE_MS = 60_000;

async function takePending(): Promise<number | undefined> {
  const pending = await read(pendingPrefillItem);
  if (!pending) return undefined;
  void removeItem(pendingPrefillItem);
  return Date.now() - pending.at < PENDING_MAX_AGE_MS ? pending.offerId : undefined;
}

async function activeTabUrl(): Promise<string | undefined> {
  // Without the "tabs" permission, url is present only for pages we hold host permission for:
  // the dashboard. Every other page stays unread.
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.url;
}

export async function readPrefill(): Promise<Prefill | null> {
  try {
    // All three at once: the popup is not "ready" until this is done.
    const [pendingOffer, url, settings] = await Promise.all([takePending(), activeTabUrl(), read(settingsItem)]);
    if (pendingOffer !== undefined) return { offerId: String(pendingOffer), note: 'from the right-click menu' };
    const ids = readDashboardUrl(url, settings.dashboardDomains);
    if (!ids || (ids.offerId === undefined && ids.affiliateId === undefined)) return null;
    return {
      ...(ids.offerId === undefined ? {} : { offerId: String(ids.offerId) }),
      ...(ids.affiliateId === undefined ? {} : { affiliateId: String(ids.affiliateId) }),
      note: 'from this page',
    };
  } catch {
    return null;
  }
}
