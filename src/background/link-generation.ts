// Generate → copy → remember. The background's half of "a link on the clipboard".
import { generateTrackingLink } from '../everflow/tracking-link';
import type { Surface } from '../shared/history/history';
import type { Names } from '../shared/link/names';
import { LinkFormSchema, parseLinkForm, type LinkForm } from '../shared/link/link-form';
import { type LinkInput } from '../everflow/link-fields';
import { lastLinkItem, type LinkOutcome, type LinkSuccess } from '../shared/link/outcome';
import { MESSAGES, failure } from '../everflow/failures';
import { expandAndCheck } from '../shared/link/sub-tokens';
import { MAX_RECENT_AFFILIATES, recentAffiliatesItem } from '../shared/history/recent-affiliates';
import { copyText } from './clipboard';
import { copyFormats } from './copy-format-cache';
import { factsFromInput, formatLink } from '../shared/copy-formats/copy-formats';
import { connect } from './everflow-access';
import { recordLink } from './history-store';
import { isDirectLink } from './tracking-domain-cache';

export const CHECK_FIELDS = 'Some fields need attention; see the message beside each one.';

export interface GenerateOptions {
  names?: Names | undefined;
  onWait?: ((ms: number) => void) | undefined;
  signal?: AbortSignal | undefined;
  keptLater?: ((kept: Promise<boolean>) => void) | undefined;
}

/** Requests under way, by their exact input: a double click or a repeated Enter joins the first. */
const inFlight = new Map<string, Promise<LinkOutcome>>();

/**
 * `surface` is recorded in the history with each link made; `onWait` is told each wait for Everflow's
 * rate limit (a double submit joining a request under way is not told again: its first asker is).
 * `signal` cancels: the request stops, and a link that arrives anyway is neither copied nor kept.
 * With `keptLater`, the link is answered as soon as it is copied and `keptLater` gets the writes
 * that follow (history, recent affiliates, last link: false when one failed, e.g. storage full);
 * without it, the answer waits for them and carries `unsaved` itself.
 */
export function generateLink(form: unknown, surface: Surface, options: GenerateOptions = {}): Promise<LinkOutcome> {
  const checked = parseLinkForm(form);
  // {date}, {offer_id} and {affiliate_id} are filled in now, so the request and the history carry
  // what was sent; a value they make too long is refused like one typed too long.
  const expanded = checked.ok ? expandAndCheck(checked.input, new Date()) : checked;
  if (!expanded.ok) return Promise.resolve(failure('invalid-input', CHECK_FIELDS, expanded.errors));
  const id = JSON.stringify(expanded.input);
  const running = inFlight.get(id);
  if (running) return running;
  const typed = LinkFormSchema.parse(form);
  const started = generateChecked(expanded.input, typed, surface, options).finally(() => inFlight.delete(id));
  inFlight.set(id, started);
  return started;
}

async function generateChecked(
  input: LinkInput,
  form: LinkForm,
  surface: Surface,
  { names, onWait, signal, keptLater }: GenerateOptions,
): Promise<LinkOutcome> {
  // Read from memory once the worker has read them; a worker just woken reads them while Everflow answers.
  const formats = copyFormats();
  const access = await connect('interactive');
  if (!access.ok) return access;
  const result = await generateTrackingLink({ ...access.connection, ...(onWait ? { onWait } : {}), ...(signal ? { signal } : {}) }, input);
  if (signal?.aborted) return failure('cancelled', MESSAGES.cancelled);
  if (!result.ok) return result;
  // The redirect flag's name is unconfirmed: when a redirect link was asked for, the answer's host
  // says whether Everflow made one (a link on a tracking domain) or ignored the flag.
  // The default format is filled in from what was sent and the names known; the key is kept out of it.
  const at = Date.now();
  const target = input.linkType === 'smart' ? names?.campaign : names?.offer;
  const facts = factsFromInput(result.url, input, at, { target, affiliate: names?.affiliate });
  const settings = await formats;
  const format = formatLink(settings, settings.defaultFormat, facts);
  const [copied, directLink] = await Promise.all([
    copyText(format.text, access.connection.apiKey),
    input.redirectLink ? isDirectLink(access.connection, result.url) : false,
  ]);
  const success: LinkSuccess = {
    ok: true,
    url: result.url,
    linkType: input.linkType,
    ...(input.linkType === 'smart' ? { campaignId: input.campaignId } : { offerId: input.offerId }),
    affiliateId: input.affiliateId,
    copied,
    ...(format.id === 'link' ? {} : { copiedAs: format.name }),
    at,
    ...(names?.offer && input.linkType === 'offer' ? { offerName: names.offer } : {}),
    ...(names?.campaign && input.linkType === 'smart' ? { campaignName: names.campaign } : {}),
    ...(names?.affiliate ? { affiliateName: names.affiliate } : {}),
    ...(directLink ? { directLink: true as const } : {}),
    ...(result.someOffersClosed ? { someOffersClosed: true as const } : {}),
    form,
  };
  // The link is made and copied: what cannot be kept afterwards (storage full) is said beside it,
  // never turned into a failure, which a person would answer by making the link again.
  const kept = Promise.allSettled([
    lastLinkItem.set(success),
    rememberAffiliate(input.affiliateId),
    recordLink(result.url, input, surface, success),
  ]).then((writes) => writes.every((write) => write.status === 'fulfilled'));
  // The person waits for the link, not for the bookkeeping (three writes, each under its lock).
  if (keptLater) {
    keptLater(kept);
    return success;
  }
  return (await kept) ? success : { ...success, unsaved: true };
}

async function rememberAffiliate(affiliateId: number): Promise<void> {
  await recentAffiliatesItem.update((recent) =>
    [affiliateId, ...recent.filter((id) => id !== affiliateId)].slice(0, MAX_RECENT_AFFILIATES),
  );
}
