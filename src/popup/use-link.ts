// The popup's link: checked here, asked for over the popup's port (protocol/connector.ts), and
// everything the background says of it put on screen: the seconds waited (from SLOW_SECONDS on, with
// Cancel), the wait for Everflow's rate limit, the link or one plain failure, and, after it, that the
// link could not be kept.
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { FORM_FIELDS, MORE_OPTIONS } from '../everflow/link-fields';
import { parseLinkForm, type FieldErrors, type LinkForm } from '../shared/link/link-form';
import type { Names } from '../shared/link/names';
import type { LinkSuccess } from '../shared/link/outcome';
import { openPopupPort } from '../shared/protocol/connector';
import { rateLimitWaitText } from '../shared/protocol/popup-port';
import { copiedSentence } from '../ui/copy-status';
import { focusField } from '../ui/field-ids';
import { SLOW_SECONDS, type PopupState } from './popup-view';

type SetState = (update: (current: PopupState) => PopupState) => void;

/** Shows each field's message, opens "More options" when one is there, and puts the cursor on the first. */
export function showErrors(setState: SetState, fieldErrors: FieldErrors) {
  const first = FORM_FIELDS.find((field) => fieldErrors[field]);
  setState((current) => ({ ...current, errors: fieldErrors, moreOpen: current.moreOpen || (!!first && MORE_OPTIONS.includes(first)) }));
  // Focus after render, so an opened "More options" section holds the field.
  if (first) setTimeout(() => focusField(first), 0);
}

/**
 * Whether a link was made from what the form holds now, with the account shown: a link shows only
 * while this holds, so a link for another offer (or another network's) never sits beside the form.
 */
export function linkMadeFrom(link: LinkSuccess, form: LinkForm, accountId: string | null): boolean {
  const now = parseLinkForm(form);
  return link.accountId === accountId && now.ok && JSON.stringify(now.input) === JSON.stringify(link.input);
}

export function useLink(
  state: PopupState,
  setState: SetState,
  { onMade, beforeSend }: { onMade: (link: LinkSuccess, form: LinkForm) => void; beforeSend: () => void },
) {
  const port = useRef<ReturnType<typeof openPopupPort> | null>(null);
  /** The link under way, so Cancel can name it and a late word about another is ignored. */
  const running = useRef<string | null>(null);
  const patch = (changes: Partial<PopupState>) => setState((current) => ({ ...current, ...changes }));

  // Opened right after hydration, before any event, so the background knows someone will see the link.
  useLayoutEffect(() => {
    port.current = openPopupPort({
      waiting(requestId, seconds) {
        if (requestId === running.current)
          setState((current) => (current.busy ? { ...current, announcement: rateLimitWaitText(seconds) } : current));
      },
      notKept(requestId) {
        setState((current) =>
          current.link?.requestId === requestId
            ? { ...current, link: { ...current.link, value: { ...current.link.value, unsaved: true } } }
            : current,
        );
      },
    });
  }, []);

  // While a request waits, count the seconds (shown from SLOW_SECONDS on, with a Cancel).
  useEffect(() => {
    if (!state.busy) return;
    const started = Date.now();
    const timer = setInterval(() => {
      const waited = Math.floor((Date.now() - started) / 1000);
      setState((current) => ({
        ...current,
        waited,
        // Said once, not every second: what the person can do about it.
        announcement:
          waited === SLOW_SECONDS && current.announcement === ''
            ? 'Everflow is slow to answer; Cancel stops the request.'
            : current.announcement,
      }));
    }, 250);
    return () => {
      clearInterval(timer);
      setState((current) => (current.waited === 0 ? current : { ...current, waited: 0 }));
    };
  }, [state.busy]);

  /** Checks a form and asks for its link: the form's Generate, or a pinned pair. */
  async function generate(form: LinkForm, names: Names) {
    if (state.busy || !port.current) return;
    const check = parseLinkForm(form);
    if (!check.ok) {
      patch({ failed: null, announcement: '' });
      showErrors(setState, check.errors);
      return;
    }
    // The link on screen now belongs to the previous request: label it so until the new one arrives.
    setState((current) => ({
      ...current,
      errors: {},
      failed: null,
      announcement: '',
      busy: true,
      link: current.link ? { ...current.link, fresh: false } : null,
    }));
    const { accountId } = state;
    // No account yet: the banner above the form says so, and where to add one.
    if (!accountId) return patch({ busy: false, hasKey: false, link: null });
    beforeSend();
    const requestId = crypto.randomUUID();
    running.current = requestId;
    const reply = await port.current.generate(requestId, accountId, check.input, names);
    running.current = null;
    if (!reply.ok && reply.kind === 'cancelled') return patch({ busy: false, announcement: reply.message });
    if (reply.ok) {
      onMade(reply, form);
      const announcement = reply.copied
        ? copiedSentence(reply.copiedAs, reply.copiedLine)
        : 'Link ready, but it could not be copied automatically; use Copy.';
      return patch({ busy: false, link: { value: reply, fresh: true, requestId }, announcement });
    }
    // A failure never sits above an earlier link: that one stays in History.
    patch({ busy: false, failed: reply, link: null, announcement: '', ...(reply.kind === 'no-key' ? { hasKey: false } : {}) });
    if (reply.kind === 'invalid-input' && reply.fieldErrors) showErrors(setState, reply.fieldErrors);
  }

  return {
    generate,
    cancel: () => running.current && port.current?.cancel(running.current),
  };
}
