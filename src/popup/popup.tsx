// The toolbar popup: state and effects over PopupView. It never fetches and never sees the key;
// it saves the draft on every keystroke because the popup closes whenever it loses focus.
// UI pages call chrome.* directly (Promise-based in MV3): the polyfill would cost the popup ~3 kB.
import { hydrate } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { send } from '../shared/connector';
import { TARGET_FIELDS } from '../everflow/link-fields';
import { EMPTY_FORM, FORM_FIELDS, MORE_OPTIONS, parseLinkForm, type FieldErrors, type FormField, type LinkForm, type LinkType } from '../shared/link-form';
import { POPUP_PORT, isPopupMessage, rateLimitWaitText, type PopupMessage } from '../shared/popup-port';
import { draftItem } from '../shared/stored-items';
import { fieldId, focusField } from '../ui/field-ids';
import { useIdNames, type NamedField } from './id-names';
import { INITIAL_STATE, PopupView, type PopupActions, type PopupState, type PrefillSources } from './popup-view';
import type { Startup } from './startup-data';

export const DRAFT_RESET_NOTICE = 'Your saved form could not be read, so it starts empty.';

function saveDraft(form: LinkForm) {
  draftItem.replace(form).catch(() => {
    // Storage full or unavailable: the form still works, only the draft is not kept.
  });
}

function openOptions() {
  void chrome.runtime.openOptionsPage();
  window.close();
}

/**
 * Holds a port open while the popup lives, so the background knows someone will see its reply, and
 * hands what the background pushes over it to `onMessage`.
 */
function stayConnected(onMessage: (message: PopupMessage) => void) {
  try {
    const port = chrome.runtime.connect({ name: POPUP_PORT });
    port.onMessage.addListener((raw: unknown) => {
      if (isPopupMessage(raw)) onMessage(raw);
    });
    // A restarted service worker drops the port: connect again (which also wakes it).
    port.onDisconnect.addListener(() => setTimeout(() => stayConnected(onMessage), 500));
  } catch {
    // Extension context gone (e.g. the extension was reloaded): nothing to tell.
  }
}

/** The Presets view, and the default preset a new draft takes: loaded only when needed. */
const presetsPanel = () => import('./presets-panel');

/** The form as startup.ts left it, with anything typed since: the app starts from what is on screen. */
function formOnScreen(): LinkForm {
  const form = {} as Record<FormField, string | boolean>;
  for (const field of FORM_FIELDS) {
    const input = document.getElementById(fieldId(field)) as HTMLInputElement;
    form[field] = input.type === 'checkbox' ? input.checked : input.value;
  }
  const linkType = (document.querySelector<HTMLInputElement>('input[name="linkType"]:checked')?.value ?? 'offer') as LinkType;
  return { ...form, linkType } as LinkForm;
}

function App({ startup }: { startup: Startup }) {
  // Hydration keeps the DOM as it is, so the first state must describe it exactly.
  const [state, setState] = useState<PopupState>(() => ({ ...INITIAL_STATE, form: formOnScreen(), moreOpen: document.querySelector('details')!.open }));
  /** The History view: its code loads only when the History button is pressed. */
  const [history, setHistory] = useState<typeof import('./history-panel') | null>(null);
  const [presets, setPresets] = useState<typeof import('./presets-panel') | null>(null);
  const applyDefault = () => void presetsPanel().then((m) => m.applyDefault(setState));
  const [pickers, setPickers] = useState<typeof import('../ui/pickers') | null>(null);
  const loadingPickers = useRef(false);
  const [resultPanel, setResultPanel] = useState<typeof import('./result-panel') | null>(null);
  const loadResultPanel = () => void import('./result-panel').then(setResultPanel);
  /** The name and status of each ID on the form, looked up once the app has taken over (id-names.ts). */
  const idNames = useIdNames(state.form);
  const patch = (changes: Partial<PopupState>) => setState((current) => ({ ...current, ...changes }));
  const recentAffiliate = useRef(startup.recentAffiliate);

  // The link panel's code loads with the first link to show.
  const hasLink = state.link !== null;
  useEffect(() => {
    if (hasLink) loadResultPanel();
  }, [hasLink]);

  // A layout effect runs right after hydration, before any event: nothing typed since is overwritten.
  useLayoutEffect(() => {
    // The background counts down a wait for Everflow's rate limit; only a popup waiting for its link shows it.
    stayConnected((message) => {
      if (message.type === 'rateLimitWait') {
        setState((current) => (current.busy ? { ...current, announcement: rateLimitWaitText(message.seconds) } : current));
      }
    });
    // The notes beside prefilled fields, and any notice, are the app's to render.
    const sources = { ...startup.sources };
    for (const field of startup.typed) delete sources[field as keyof PrefillSources];
    patch({ sources, notices: startup.draft === 'reset' ? [DRAFT_RESET_NOTICE] : [] });
    if (startup.save || startup.typed.size > 0) saveDraft(state.form);
    if (startup.draft === 'missing') applyDefault();
    // startup.ts may have put the cursor in an ID field before its focus handler existed.
    if ((document.activeElement as HTMLInputElement | null)?.inputMode === 'numeric') actions.onIdFocus();
    if (startup.submitted) document.forms[0]!.requestSubmit();
    void (async () => {
      const reply = await send('getStatus', {});
      if (!reply.ok) {
        patch({ startupFailure: reply });
        return;
      }
      setState((current) => ({
        ...current,
        hasKey: reply.hasKey,
        notices: [...reply.notices, ...current.notices],
        link: current.link ?? (reply.lastLink ? { value: reply.lastLink, fresh: false } : null),
      }));
    })();
  }, []);

  function update(next: LinkForm, field: FormField) {
    saveDraft(next);
    setState((current) => {
      const sources = { ...current.sources };
      delete sources[field as keyof PrefillSources];
      let errors = current.errors;
      // Once a field has been flagged, re-check it as the person fixes it.
      if (errors[field]) {
        const check = parseLinkForm(next);
        errors = { ...errors, [field]: check.ok ? undefined : check.errors[field] };
      }
      return { ...current, form: next, sources, errors };
    });
  }

  function showErrors(fieldErrors: FieldErrors) {
    const first = FORM_FIELDS.find((field) => fieldErrors[field]);
    setState((current) => ({ ...current, errors: fieldErrors, moreOpen: current.moreOpen || (!!first && MORE_OPTIONS.includes(first)) }));
    // Focus after render, so an opened "More options" section holds the field.
    if (first) setTimeout(() => focusField(first), 0);
  }

  const actions: PopupActions = {
    onValue: (name, value) => update({ ...state.form, [name]: value }, name),
    onFlag: (name, checked) => update({ ...state.form, [name]: checked }, name),
    onLinkType(linkType) {
      const form = { ...state.form, linkType };
      saveDraft(form);
      // Messages about the other kind's fields no longer apply; what was typed in them is kept.
      setState((current) => ({ ...current, form, errors: {}, failed: current.failed?.kind === 'invalid-input' ? null : current.failed }));
    },
    onToggleMore: (open) => patch({ moreOpen: open }),
    onOpenOptions: openOptions,
    onIdFocus() {
      if (loadingPickers.current) return;
      loadingPickers.current = true;
      import('../ui/pickers').then(setPickers, () => (loadingPickers.current = false));
    },
    onOpenHistory() {
      void import('./history-panel').then(setHistory);
    },
    onOpenPresets() {
      void presetsPanel().then(setPresets);
    },

    async onSubmit(event) {
      event.preventDefault();
      if (state.busy) return;
      const form = state.form;
      const check = parseLinkForm(form);
      if (!check.ok) {
        patch({ failed: null, announcement: '' });
        showErrors(check.errors);
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
      loadResultPanel(); // while the request runs, so the link shows as soon as it arrives
      const reply = await send('generate', { form, surface: 'popup', names: idNames.namesFor(form) });
      if (reply.ok) {
        recentAffiliate.current = reply.affiliateId;
        patch({
          busy: false,
          link: { value: reply, fresh: true },
          announcement: reply.copied ? 'Copied to clipboard.' : 'Link ready, but it could not be copied automatically; use Copy.',
        });
        return;
      }
      patch({ busy: false, failed: reply, announcement: '', ...(reply.kind === 'no-key' ? { hasKey: false } : {}) });
      if (reply.kind === 'invalid-input' && reply.fieldErrors) showErrors(reply.fieldErrors);
    },

    async onCopy(url) {
      const reply = await send('copy', { text: url });
      patch({ announcement: reply.ok ? 'Copied to clipboard.' : reply.message });
    },

    onClear() {
      const recent = recentAffiliate.current;
      // The kind of link stays: someone making smart links clears to make another.
      const next = { ...EMPTY_FORM, linkType: state.form.linkType, affiliateId: recent === undefined ? '' : String(recent) };
      saveDraft(next);
      patch({ form: next, errors: {}, failed: null, sources: {} });
      applyDefault();
      focusField(TARGET_FIELDS[next.linkType]);
    },
  };

  // "Use again" there patches the form (and saves the draft) itself.
  if (history) return <history.HistoryPanel onBack={() => setHistory(null)} onPatch={patch} />;
  if (presets) return <presets.PresetsPanel form={state.form} onBack={() => setPresets(null)} onApply={setState} />;
  function choosePicked(field: NamedField, id: number, name: string, status?: string) {
    idNames.remember(field, { id, name, ...(status ? { status } : {}) });
    setState((current) => {
      const form = { ...current.form, [field]: String(id) };
      saveDraft(form);
      // Chosen here, not from the page: the note shows the name instead of where the ID came from.
      const sources = { ...current.sources };
      delete sources[field];
      return { ...current, form, errors: { ...current.errors, [field]: undefined }, sources };
    });
  }

  const picker = pickers ? <pickers.Pickers offerId={state.form.offerId} affiliateId={state.form.affiliateId} onChoose={choosePicked} /> : null;
  const result =
    state.link && resultPanel ? (
      <resultPanel.LinkResult link={state.link.value} heading={state.link.fresh ? 'Your tracking link' : 'Last link'} onCopy={actions.onCopy} />
    ) : null;
  return <PopupView state={state} actions={actions} pickers={picker} result={result} idNotes={idNames.notes} />;
}

/** Takes over the form startup.ts has filled in. */
export function mount(startup: Startup) {
  hydrate(<App startup={startup} />, document.getElementById('app')!);
}
