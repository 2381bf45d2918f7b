// Tells the person what a menu or keyboard action did, since no popup is open to show it:
// a notification with the link or the plain-language failure, and a badge on the toolbar icon.
import { DIRECT_LINK_NOTE, SOME_OFFERS_CLOSED_NOTE, UNSAVED_NOTE } from '../shared/link/link-notes';
import { failureText } from '../everflow/failures';
import { linkSubject, type LinkOutcome } from '../shared/link/outcome';

const NOTIFICATION_ID = 'link-result';

export async function announce(outcome: LinkOutcome): Promise<void> {
  const success = outcome.ok;
  const subject = success ? linkSubject(outcome) : undefined;
  const what = subject ? `${subject.kind.toLowerCase()} ${subject.id}` : '';
  const named = success ? [subject?.name, outcome.affiliateName].filter(Boolean).join(' · ') : '';
  const title = success
    ? outcome.copied
      ? `${outcome.copiedAs ? `“${outcome.copiedAs}” copied` : 'Link copied'}: ${what}, affiliate ${outcome.affiliateId}${named ? ` (${named})` : ''}`
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
  const message = success ? [...notes, link].join('\n') : failureText(outcome);
  await Promise.all([
    chrome.action.setBadgeBackgroundColor({ color: success ? '#146c2e' : '#b3261e' }),
    chrome.action.setBadgeText({ text: success ? '✓' : '!' }),
    chrome.action.setTitle({ title: `Link Builder for Everflow — ${title}` }),
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

/** Called when the popup opens: the person has now seen the state, so the badge can go. */
export async function clearBadge(): Promise<void> {
  await Promise.all([chrome.action.setBadgeText({ text: '' }), chrome.action.setTitle({ title: 'Link Builder for Everflow' })]);
}

export function failureNotice(message: string): LinkOutcome {
  return { ok: false, kind: 'invalid-input', message };
}
