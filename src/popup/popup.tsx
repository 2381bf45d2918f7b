// The toolbar popup: state and effects over PopupView. It never fetches and never sees the key;
// it saves the draft on every keystroke because the popup closes whenever it loses focus.
// UI pages call chrome.* directly (Promise-based in MV3): the polyfill would cost the popup ~3 kB.
import { hydrate } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { send } from '../shared/protocol/connector';
import { TARGET_FIELDS, TEXT_FIELDS, FORM_FIELDS, MORE_OPTIONS, type FormField, type LinkType } from '../everflow/link-fields';
import { EMPTY_FORM, hasMoreOptions, parseLinkForm, targetKey, type FieldErrors, type LinkForm } from '../shared/link/link-form';
import type { Names } from '../shared/link/names';
import { copiedSentence } from '../ui/copy-status';
import type { LinkSuccess } from '../shared/link/outcome';
import { POPUP_PORT, isPopupMessage, rateLimitWaitText, type PopupMessage } from '../shared/protocol/popup-port';
import { draftItem } from '../shared/link/draft';
import { fieldId, focusField } from '../ui/field-ids';
import { useIdNames, type NamedField } from './id-names';
import { INITIAL_STATE, PopupView, SLOW_SECONDS, type PopupActions, type PopupState, type PrefillSources } from './popup-view';
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

/**
 * Whether a link was made from what the form holds now: the same kind and the same checked values. A
 * link shows only while this holds, so a link for another offer never sits beside the form.
 */
function madeFrom(link: LinkSuccess, form: LinkForm): boolean {
  if (!link.form) return false;
  const now = parseLinkForm(form);
  const then = parseLinkForm(link.form);
  return now.ok && then.ok && JSON.stringify(now.input) === JSON.stringify(then.input);
}

function App({ startup }: { startup: Startup }) {
  // Hydration keeps the DOM as it is, so the first state must describe it exactly.
  const [state, setState] = useState<PopupState>(() => ({
    ...INITIAL_STATE,
    form: formOnScreen(),
    moreOpen: document.querySelector('details')!.open,
  }));
  /** The History view: its code loads only when the History button is pressed. */
  const [history, setHistory] = useState<typeof import('./history-panel') | null>(null);
  const [presets, setPresets] = useState<typeof import('./presets-panel') | null>(null);
  const applyDefault = () => void presetsPanel().then((m) => m.applyDefault(setState));
  /** The presets' code, loaded after the form is up: the active preset's tag needs it. */
  const [presetsCode, setPresetsCode] = useState<typeof import('./presets-panel') | null>(null);
  useEffect(() => void presetsPanel().then(setPresetsCode), []);
  /** The Affiliate ID a partner's preset was last considered for: not the one the popup opened with, unless it came from the page or was typed meanwhile. */
  const partnerMemory = useRef({
    seen: startup.sources.affiliateId || startup.typed.has('affiliateId') ? '' : state.form.affiliateId.trim(),
  });
  /** The pinned pairs, loaded after the form is up (they are not part of the first paint). */
  const [pinnedCode, setPinnedCode] = useState<typeof import('./pinned-list') | null>(null);
  useEffect(() => void import('./pinned-list').then(setPinnedCode), []);
  const [pickers, setPickers] = useState<typeof import('../ui/pickers') | null>(null);
  const loadingPickers = useRef(false);
  const [resultPanel, setResultPanel] = useState<typeof import('./result-panel') | null>(null);
  const loadResultPanel = () => void import('./result-panel').then(setResultPanel);
  /** The name and status of each ID on the form, looked up once the app has taken over (id-names.ts). */
  const idNames = useIdNames(state.form);
  const patch = (changes: Partial<PopupState>) => setState((current) => ({ ...current, ...changes }));
  const recentAffiliate = useRef(startup.recentAffiliate);
  /** What the last link made here was for ("offer:42"): moving off it is a new offer (see newOfferSubs). */
  const madeFor = useRef<string | null>(null);
  /** The generation under way, so Cancel can name it. */
  const running = useRef<string | null>(null);

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
      // The link came before the background wrote it down (it answers first); a write that failed is told after.
      if (message.type === 'linkUnsaved') {
        setState((current) => {
          const link = current.link?.value;
          return link && link.url === message.url && link.at === message.at
            ? { ...current, link: { ...current.link!, value: { ...link, unsaved: true } } }
            : current;
        });
      }
    });
    // The notes beside prefilled fields, and any notice, are the app's to render.
    const sources = { ...startup.sources };
    for (const field of startup.typed) delete sources[field as keyof PrefillSources];
    patch({ sources, notices: startup.draft === 'reset' ? [DRAFT_RESET_NOTICE] : [], newOfferSubs: startup.newOfferSubs });
    if (startup.save || startup.typed.size > 0) saveDraft(state.form);
    if (startup.draft === 'missing' || startup.subsCleared) applyDefault();
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
    // The first change to the offer after a link was made for it starts a new offer: with the rule
    // set to clear, Source ID and subs empty (the default preset, if any, fills them again).
    if (field === TARGET_FIELDS[next.linkType] && madeFor.current !== null && madeFor.current !== targetKey(next)) {
      madeFor.current = null;
      if (state.newOfferSubs === 'clear') {
        for (const text of TEXT_FIELDS) next[text] = '';
        setState((current) => ({ ...current, announcement: 'Source ID and subs cleared for the new offer.' }));
        applyDefault();
      }
    }
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

  /** Checks a form and asks the background for its link: the form's Generate, or a pinned pair. */
  async function generate(form: LinkForm, names: Names = idNames.namesFor(form)) {
    if (state.busy) return;
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
    const requestId = crypto.randomUUID();
    running.current = requestId;
    const reply = await send('generate', { form, surface: 'popup', names, requestId });
    running.current = null;
    if (!reply.ok && reply.kind === 'cancelled') {
      patch({ busy: false, announcement: reply.message });
      return;
    }
    if (reply.ok) {
      recentAffiliate.current = reply.affiliateId;
      madeFor.current = targetKey(form);
      patch({
        busy: false,
        link: { value: reply, fresh: true },
        announcement: reply.copied ? copiedSentence(reply.copiedAs) : 'Link ready, but it could not be copied automatically; use Copy.',
      });
      return;
    }
    // A failure never sits above an earlier link: that one stays in History.
    patch({ busy: false, failed: reply, link: null, announcement: '', ...(reply.kind === 'no-key' ? { hasKey: false } : {}) });
    if (reply.kind === 'invalid-input' && reply.fieldErrors) showErrors(reply.fieldErrors);
  }

  /** A pinned pair: its form goes on screen (so its link shows as usual) and its link is made and copied at once. */
  function generatePinned(form: LinkForm, names: Names) {
    if (state.busy) return;
    saveDraft(form);
    partnerMemory.current.seen = form.affiliateId;
    setState((current) => ({
      ...current,
      form,
      errors: {},
      failed: null,
      sources: {},
      moreOpen: current.moreOpen || hasMoreOptions(form),
    }));
    void generate(form, names);
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

    onSubmit(event) {
      event.preventDefault();
      void generate(state.form);
    },

    onCancel() {
      if (running.current) void send('cancelGenerate', { requestId: running.current });
    },

    async onCopy(text, copiedAs) {
      const reply = await send('copy', { text });
      patch({ announcement: reply.ok ? copiedSentence(copiedAs) : reply.message });
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

  const flagged = new Set(Object.keys(state.errors).filter((field) => state.errors[field as FormField]));
  const picker = pickers ? (
    <pickers.Pickers offerId={state.form.offerId} affiliateId={state.form.affiliateId} onChoose={choosePicked} flagged={flagged} />
  ) : null;
  const shown = state.link && madeFrom(state.link.value, state.form) ? state.link : null;
  const result =
    shown && resultPanel ? (
      <resultPanel.LinkResult
        link={shown.value}
        heading={shown.fresh ? 'Your tracking link' : 'Last link'}
        onCopy={actions.onCopy}
        onAnnounce={(announcement) => patch({ announcement })}
      />
    ) : null;
  const presetTag = presetsCode ? (
    <presetsCode.PresetTag
      form={state.form}
      onApply={setState}
      affiliateName={idNames.notes.affiliateId?.name}
      memory={partnerMemory.current}
    />
  ) : null;
  const pinned = pinnedCode ? (
    <pinnedCode.PinnedList busy={state.busy} onGenerate={generatePinned} onAnnounce={(announcement) => patch({ announcement })} />
  ) : null;
  return (
    <PopupView
      state={state}
      actions={actions}
      pickers={picker}
      presetTag={presetTag}
      pinned={pinned}
      result={result}
      idNotes={idNames.notes}
    />
  );
}

/** Takes over the form startup.ts has filled in. */
export function mount(startup: Startup) {
  hydrate(<App startup={startup} />, document.getElementById('app')!);
}
