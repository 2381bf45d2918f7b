// What a person sees of the extension outside its pages: the toolbar badge and title, and
// notifications (a link or its plain-language failure from the right-click menu, the keyboard or a
// popup closed before its link came; a bulk job done or paused) that lead, when clicked, to the page
// that shows or fixes what they say.
import { failureText, type FailureKind } from '../everflow/failures';
import { DIRECT_LINK_NOTE, SOME_OFFERS_CLOSED_NOTE, UNSAVED_NOTE } from '../shared/link/link-notes';
import { linkSubject, type LinkOutcome, type LinkSuccess } from '../shared/link/outcome';
import { affiliateOf } from '../everflow/link-fields';
import { rateLimitWaitText } from '../shared/protocol/popup-port';
import { historyItem } from '../shared/history/history';
import { historyAddress } from '../shared/history/history-address';

const PRODUCT = 'Link Builder for Everflow';

const SUCCESS_BADGE = '✓';
const FAILURE_BADGE = '!';
/** How long ✓ stays on the icon after a copy; ! stays until the person has seen what failed. */
export const SUCCESS_BADGE_MS = 5000;
/** Wakes a stopped worker to take ✓ off (browsers may round it up: Chrome to 30 s for a packed extension). */
export const BADGE_ALARM = 'badge-fade';

/**
 * Where a click on a notification leads: an extension page (a path, with its section), or the History
 * entry of the link made at `at` with `accountId` (looked up on click: the entry is written after the
 * link is announced to the asker). Carried in the notification's ID, as the worker may have stopped
 * between showing it and the click.
 */
type Lead = { page: string } | { accountId: string; at: number } | null;

/** Each slot shows one notification at a time: a new one replaces the last, so a burst of menu clicks does not pile up. */
const SLOTS = { link: 'link-result', bulk: 'bulk-result' } as const;
type Slot = keyof typeof SLOTS;

function notificationId(slot: Slot, lead: Lead): string {
  if (lead === null) return SLOTS[slot];
  const params: Record<string, string> = 'page' in lead ? { page: lead.page } : { account: lead.accountId, at: String(lead.at) };
  return `${SLOTS[slot]}?${new URLSearchParams(params).toString()}`;
}

function readId(id: string): { slot: Slot; lead: Lead } | undefined {
  const [name, query] = id.split(/\?(.*)/s);
  const slot = (Object.keys(SLOTS) as Slot[]).find((candidate) => SLOTS[candidate] === name);
  if (!slot) return undefined;
  const params = new URLSearchParams(query ?? '');
  const page = params.get('page');
  const accountId = params.get('account');
  const at = Number(params.get('at'));
  if (page) return { slot, lead: { page } };
  if (accountId && Number.isFinite(at)) return { slot, lead: { accountId, at } };
  return { slot, lead: null };
}

/** The failures a person fixes with the account's key: the options page's accounts section. */
const FIXED_WITH_THE_KEY: readonly FailureKind[] = ['no-key', 'unauthorized', 'forbidden'];
const ACCOUNTS_SECTION = 'accounts';

function optionsSection(section: string): string {
  return `${chrome.runtime.getManifest().options_ui?.page ?? 'src/options/options.html'}#${section}`;
}

function leadOf(outcome: LinkOutcome): Lead {
  if (outcome.ok) return { accountId: outcome.accountId, at: outcome.at };
  return FIXED_WITH_THE_KEY.includes(outcome.kind) ? { page: optionsSection(ACCOUNTS_SECTION) } : null;
}

async function notify(slot: Slot, lead: Lead, { title, message, priority = 0 }: { title: string; message: string; priority?: number }) {
  const shown = Object.keys(await chrome.notifications.getAll());
  await Promise.all(shown.filter((id) => readId(id)?.slot === slot).map((id) => chrome.notifications.clear(id)));
  await chrome.notifications.create(notificationId(slot, lead), {
    type: 'basic',
    iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
    title,
    message,
    priority,
  });
}

/** ", affiliate 7" for a network key's link; nothing for a partner's own. */
const forAffiliate = (link: LinkSuccess) => {
  const id = affiliateOf(link.input);
  return id === undefined ? '' : `, affiliate ${id}`;
};

let fading: ReturnType<typeof setTimeout> | undefined;

/** ✓ or ! on the icon, with the outcome as its title; ✓ fades after SUCCESS_BADGE_MS. */
async function showOnBadge(success: boolean, title: string): Promise<void> {
  clearTimeout(fading);
  await Promise.all([
    chrome.action.setBadgeBackgroundColor({ color: success ? '#146c2e' : '#b3261e' }),
    chrome.action.setBadgeText({ text: success ? SUCCESS_BADGE : FAILURE_BADGE }),
    chrome.action.setTitle({ title: `${PRODUCT} — ${title}` }),
  ]);
  if (success) {
    fading = setTimeout(() => void fadeSuccess().catch(() => undefined), SUCCESS_BADGE_MS);
    // The worker may be stopped before the timer fires: the alarm starts it again to do the same.
    await chrome.alarms.create(BADGE_ALARM, { when: Date.now() + SUCCESS_BADGE_MS });
  } else {
    await chrome.alarms.clear(BADGE_ALARM);
  }
}

/** Takes ✓ off the icon once it has shown long enough; anything shown since (!, a wait) stays. */
export async function fadeSuccess(): Promise<void> {
  if ((await chrome.action.getBadgeText({})) === SUCCESS_BADGE) await clearBadge();
}

export async function announce(outcome: LinkOutcome): Promise<void> {
  const success = outcome.ok;
  const subject = success ? linkSubject(outcome) : undefined;
  const what = subject ? `${subject.kind.toLowerCase()} ${subject.id}` : '';
  const named = success ? [subject?.name, outcome.affiliateName].filter(Boolean).join(' · ') : '';
  const title = success
    ? outcome.copied
      ? `${outcome.copiedAs ? `“${outcome.copiedAs}” copied` : 'Link copied'}: ${what}${forAffiliate(outcome)}${named ? ` (${named})` : ''}`
      : `Link ready for ${what}, but not copied`
    : 'No tracking link was copied';
  const link = success ? (outcome.copied ? outcome.url : `${outcome.url} — open the link builder to copy it.`) : '';
  // What the person must know about the link is said first, so a cut-off notification still says it.
  const notes = success
    ? [
        outcome.someOffersClosed ? SOME_OFFERS_CLOSED_NOTE : '',
        outcome.directLink ? DIRECT_LINK_NOTE : '',
        outcome.unsaved ? UNSAVED_NOTE : '',
      ].filter(Boolean)
    : [];
  // A message is never copied unseen: its first line leads when the copy is not the bare link.
  const copied = success && outcome.copied && outcome.copiedLine ? [`Copied: ${outcome.copiedLine}`] : [];
  const message = success ? [...notes, ...copied, link].join('\n') : failureText(outcome);
  await showOnBadge(success, title);
  await notify('link', leadOf(outcome), { title, message, priority: success ? 0 : 1 });
}

/** A bulk job finished or paused by itself: its notification leads to the Bulk links page (`page`). */
export async function announceBulk(page: string, title: string, message: string): Promise<void> {
  await notify('bulk', { page }, { title, message });
}

/** A wait for Everflow's rate limit, on the badge and its title, while no popup shows it. */
export async function showWaitOnBadge(seconds: number): Promise<void> {
  try {
    clearTimeout(fading);
    await Promise.all([
      chrome.action.setBadgeBackgroundColor({ color: '#8a5a00' }),
      chrome.action.setBadgeText({ text: seconds > 0 ? `${Math.min(seconds, 99)}s` : '…' }),
      chrome.action.setTitle({ title: `${PRODUCT} — ${rateLimitWaitText(seconds)}` }),
    ]);
  } catch {
    // No badge to show it on: the link (or its failure) is announced when it comes.
  }
}

/** The popup has opened (its port), or a link's notification was clicked: the person has seen what the badge said. */
export async function clearBadge(): Promise<void> {
  clearTimeout(fading);
  await Promise.all([chrome.action.setBadgeText({ text: '' }), chrome.action.setTitle({ title: PRODUCT })]);
}

export function failureNotice(message: string): LinkOutcome {
  return { ok: false, kind: 'invalid-input', message };
}

/**
 * A click on one of the extension's notifications: it goes, the badge's ✓ or ! with it (the person
 * has seen what it said), and the page it leads to comes to the front.
 */
export async function followNotification(id: string): Promise<void> {
  const read = readId(id);
  if (!read) return;
  await chrome.notifications.clear(id);
  if (read.slot === 'link' && [SUCCESS_BADGE, FAILURE_BADGE].includes(await chrome.action.getBadgeText({}))) await clearBadge();
  const { lead } = read;
  if (lead === null) return;
  if ('page' in lead) return showPage(lead.page);
  const entry = (await historyItem.value()).find((candidate) => candidate.accountId === lead.accountId && candidate.at === lead.at);
  await showPage(historyAddress(entry?.id));
}

/** Brings the tab already showing the extension page `path` to the front (at its section), or opens one. */
async function showPage(path: string): Promise<void> {
  const url = chrome.runtime.getURL(path);
  const page = url.split('#')[0];
  const tabs = await chrome.runtime.getContexts({ contextTypes: ['TAB' as chrome.runtime.ContextType] });
  const open = tabs.find((context) => context.tabId >= 0 && context.documentUrl?.split('#')[0] === page);
  if (!open) {
    await chrome.tabs.create({ url });
    return;
  }
  // A new section of the same page is a change of its hash: the page stays and moves there.
  await chrome.tabs.update(open.tabId, { active: true, ...(open.documentUrl === url ? {} : { url }) });
  await chrome.windows.update(open.windowId, { focused: true });
}
