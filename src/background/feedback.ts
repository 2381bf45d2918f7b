// What a person sees of the extension outside its pages: the toolbar badge and title, and a
// notification with the link or the plain-language failure (the right-click menu, the keyboard, a
// popup closed before its link came).
import { failureText } from '../everflow/failures';
import { DIRECT_LINK_NOTE, SOME_OFFERS_CLOSED_NOTE, UNSAVED_NOTE } from '../shared/link/link-notes';
import { linkSubject, type LinkOutcome, type LinkSuccess } from '../shared/link/outcome';
import { affiliateOf } from '../everflow/link-fields';
import { rateLimitWaitText } from '../shared/protocol/popup-port';

const NOTIFICATION_ID = 'link-result';
const PRODUCT = 'Link Builder for Everflow';

/** ", affiliate 7" for a network key's link; nothing for a partner's own. */
const forAffiliate = (link: LinkSuccess) => {
  const id = affiliateOf(link.input);
  return id === undefined ? '' : `, affiliate ${id}`;
};

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
  await Promise.all([
    chrome.action.setBadgeBackgroundColor({ color: success ? '#146c2e' : '#b3261e' }),
    chrome.action.setBadgeText({ text: success ? '✓' : '!' }),
    chrome.action.setTitle({ title: `${PRODUCT} — ${title}` }),
    // Replacing one fixed ID keeps a burst of menu clicks from piling up notifications.
    chrome.notifications.clear(NOTIFICATION_ID),
  ]);
  await chrome.notifications.create(NOTIFICATION_ID, {
    type: 'basic',
    iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
    title,
    message,
    priority: success ? 0 : 1,
  });
}

/** A wait for Everflow's rate limit, on the badge and its title, while no popup shows it. */
export async function showWaitOnBadge(seconds: number): Promise<void> {
  try {
    await Promise.all([
      chrome.action.setBadgeBackgroundColor({ color: '#8a5a00' }),
      chrome.action.setBadgeText({ text: seconds > 0 ? `${Math.min(seconds, 99)}s` : '…' }),
      chrome.action.setTitle({ title: `${PRODUCT} — ${rateLimitWaitText(seconds)}` }),
    ]);
  } catch {
    // No badge to show it on: the link (or its failure) is announced when it comes.
  }
}

/** Called when the popup opens: the person has now seen the state, so the badge can go. */
export async function clearBadge(): Promise<void> {
  await Promise.all([chrome.action.setBadgeText({ text: '' }), chrome.action.setTitle({ title: PRODUCT })]);
}

export function failureNotice(message: string): LinkOutcome {
  return { ok: false, kind: 'invalid-input', message };
}
