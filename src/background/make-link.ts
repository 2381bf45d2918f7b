// One use case makes a link, whoever asks (the popup, the right-click menu, the keyboard): the request
// to Everflow (request-link.ts, which bulk rows use too), the copy in the default format, the
// bookkeeping (the last link, the recent affiliates, the history) and the names looked up afterwards.
// What the asker hears comes through its reporter (link-reporter.ts): the link as soon as it is
// copied, the bookkeeping after it (the person waits for the link, not for three writes under locks).
import { MESSAGES, failure } from '../everflow/failures';
import { affiliateOf, targetOf, type LinkInput } from '../everflow/link-fields';
import { factsFromInput, findFormat, formatLink } from '../shared/copy-formats/copy-formats';
import { firstLine } from '../everflow/text';
import { MAX_RECENT_AFFILIATES, recentAffiliatesItem, recentOf } from '../shared/history/recent-affiliates';
import type { Surface } from '../shared/history/history';
import type { Names } from '../shared/link/names';
import { lastLinkItem, requestKey, type LinkOutcome, type LinkSuccess } from '../shared/link/outcome';
import { expandAndCheck } from '../shared/link/sub-tokens';
import { copyText } from './clipboard';
import { copyFormats } from './copy-format-cache';
import { connect, markUsed } from './accounts';
import { recordLink } from './history-store';
import { completeNames } from './link-names';
import type { LinkReporter } from './link-reporter';
import { requestLink } from './request-link';
import { memory, type LinkRun } from './worker-memory';
import { INTERNAL } from './message-router';

export const CHECK_FIELDS = 'Some fields need attention; see the message beside each one.';

export interface MakeLinkOptions {
  /** The account the link is made with (the popup's choice, or the dashboard tab's for the menu). */
  accountId: string;
  /**
   * The names the asker knows (the popup's pickers, the history for the menu); the rest are looked up
   * after the copy. A promise is awaited only once Everflow has answered: the menu's read of the history
   * runs while the request does.
   */
  names?: Names | Promise<Names> | undefined;
  /** Cancels for this asker: its reporter is told, and a link that arrives anyway is not copied unless someone else waits for it. */
  signal?: AbortSignal | undefined;
}

/**
 * Makes the link for `input` (a checked request, tokens not yet filled in), asked for from `surface`
 * (recorded in the history). Answers what `reporter` is told first: the link, or why there is none.
 */
export function makeLink(input: LinkInput, surface: Surface, reporter: LinkReporter, options: MakeLinkOptions): Promise<LinkOutcome> {
  // {date}, {offer_id} and {affiliate_id} are filled in now, so the request and the history carry what
  // was sent; a value they make too long is refused like one typed too long.
  const expanded = expandAndCheck(input, new Date());
  if (!expanded.ok) return Promise.resolve(tell(reporter, failure('invalid-input', CHECK_FIELDS, expanded.errors)));
  // The same request of another account is another link.
  const key = `${options.accountId} ${requestKey(expanded.input)}`;
  let run = memory.linksInFlight.get(key);
  if (!run) {
    const started: LinkRun = { reporters: new Set(), controller: new AbortController(), answered: false };
    memory.linksInFlight.set(key, started);
    void make(key, options.accountId, expanded.input, input, surface, started, options.names).catch((error: unknown) => {
      // Log the kind of failure only: an error's text could carry data we must not log.
      console.error(`Link Builder for Everflow: making a link failed (${error instanceof Error ? error.name : typeof error}).`);
      memory.linksInFlight.delete(key);
      if (!started.answered) for (const asker of started.reporters) asker.answered(failure('internal', INTERNAL));
    });
    run = started;
  }
  const joined = run;
  return new Promise((resolve) => {
    const asker: LinkReporter = {
      waiting: (ms) => reporter.waiting(ms),
      answered(outcome) {
        reporter.answered(outcome);
        resolve(outcome);
      },
      settled: (link, kept) => reporter.settled(link, kept),
    };
    joined.reporters.add(asker);
    options.signal?.addEventListener(
      'abort',
      () => {
        if (!joined.reporters.delete(asker)) return;
        // The request stops only when nobody waits for it any more.
        if (joined.reporters.size === 0) joined.controller.abort();
        asker.answered(failure('cancelled', MESSAGES.cancelled));
      },
      { once: true },
    );
  });
}

const tell = (reporter: LinkReporter, outcome: LinkOutcome) => {
  reporter.answered(outcome);
  return outcome;
};

async function make(
  key: string,
  accountId: string,
  sent: LinkInput,
  asked: LinkInput,
  surface: Surface,
  run: LinkRun,
  known: Names | Promise<Names> = {},
): Promise<void> {
  const each = (told: (reporter: LinkReporter) => void) => [...run.reporters].forEach(told);
  const answer = (outcome: LinkOutcome) => {
    // Joined only while it is on its way: the same request asked for again afterwards makes a new link.
    memory.linksInFlight.delete(key);
    run.answered = true;
    each((reporter) => reporter.answered(outcome));
  };
  // Read from memory once the worker has read them; a worker just woken reads them while Everflow answers.
  const formats = copyFormats();
  // Names that cannot be read are names not known: the link is made without them.
  const namesRead = Promise.resolve(known).catch((): Names => ({}));
  const access = await connect(accountId, 'interactive');
  if (!access.ok) return answer(access);
  const { connection } = access;
  const made = await requestLink(
    { ...connection, onWait: (ms) => each((reporter) => reporter.waiting(ms)), signal: run.controller.signal },
    sent,
    connection,
  );
  if (run.controller.signal.aborted) return;
  if (!made.ok) return answer(made);
  const at = Date.now();
  const settings = await formats;
  // The bare link names nothing: it goes onto the clipboard while the names are still being read (the
  // menu's and the keyboard's come from decoding the history, slowest in a worker just woken).
  const copying = findFormat(settings, settings.defaultFormat).id === 'link' ? copyText(made.url) : undefined;
  const names = await namesRead;
  const smart = targetOf(sent).type === 'smart';
  const target = smart ? names.campaign : names.offer;
  // The default format is filled in from what was sent and the names known; the key is kept out of it.
  const format = formatLink(settings, settings.defaultFormat, factsFromInput(made.url, sent, at, { target, affiliate: names.affiliate }));
  const onClipboard = await (copying ?? copyText(format.text));
  const link: LinkSuccess = {
    ok: true,
    url: made.url,
    accountId,
    input: asked,
    copied: onClipboard !== null,
    ...(format.id === 'link' ? {} : { copiedAs: format.name }),
    ...(format.id === 'link' || onClipboard === null ? {} : { copiedLine: firstLine(onClipboard) }),
    at,
    ...(target ? { [smart ? 'campaignName' : 'offerName']: target } : {}),
    ...(names.affiliate ? { affiliateName: names.affiliate } : {}),
    ...(made.directLink ? { directLink: true as const } : {}),
    ...(made.someOffersClosed ? { someOffersClosed: true as const } : {}),
  };
  const askers = [...run.reporters];
  answer(link);
  // The link is made and copied: what cannot be kept afterwards (storage full) is said beside it,
  // never turned into a failure, which a person would answer by making the link again.
  const writes = await Promise.allSettled([
    lastLinkItem.set(link),
    rememberAffiliate(accountId, affiliateOf(sent)),
    recordLink(made.url, sent, surface, link),
    markUsed(accountId),
  ]);
  const kept = writes.every((write) => write.status === 'fulfilled');
  for (const reporter of askers) reporter.settled(link, kept);
  // Names the asker did not know (the menu, a popup submitted before its look-up answered) join the
  // history entry and the last link once they are written.
  await completeNames(link);
}

async function rememberAffiliate(accountId: string, affiliateId: number | undefined): Promise<void> {
  // A partner's own link names no affiliate: the partner is it.
  if (affiliateId === undefined) return;
  await recentAffiliatesItem.update((recent) => ({
    ...recent,
    [accountId]: [affiliateId, ...recentOf(recent, accountId).filter((id) => id !== affiliateId)].slice(0, MAX_RECENT_AFFILIATES),
  }));
}
