// The toolbar popup: state and effects over PopupView. It never fetches and never sees the key;
// it saves the draft on every keystroke because the popup closes whenever it loses focus.
// UI pages call chrome.* directly (Promise-based in MV3): the polyfill would cost the popup ~3 kB.
import { hydrate } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../shared/connector';
import { EMPTY_FORM, ID_FIELDS, TEXT_FIELDS, parseLinkForm, type FieldErrors, type FormField, type LinkForm } from '../shared/link-form';
import { POPUP_PORT } from '../shared/popup-port';
import { read, readItem, writeItem } from '../shared/storage-item';
import { draftItem, recentAffiliatesItem } from '../shared/stored-items';
import '../shared/theme.css';
import './popup.css';
import { MORE_OPTIONS, fieldId } from './form-layout';
import { readPrefill } from './page-prefill';
import { INITIAL_STATE, PopupView, type PopupActions, type PopupState, type PrefillSources } from './popup-view';

const ALL_FIELDS: readonly FormField[] = [...ID_FIELDS, ...TEXT_FIELDS];
export const DRAFT_RESET_NOTICE = 'Your saved form could not be read, so it starts empty.';

function openOptions() {
  void chrome.runtime.openOptionsPage();
  window.close();
}

/** Holds a port open while the popup lives, so the background knows someone will see its reply. */
function stayConnected() {
  try {
    const port = chrome.runtime.connect({ name: POPUP_PORT });
    // A restarted service worker drops the port: connect again (which also wakes it).
    port.onDisconnect.addListener(() => setTimeout(stayConnected, 500));
  } catch {
    // Extension context gone (e.g. the extension was reloaded): nothing to tell.
  }
}

function saveDraft(form: LinkForm) {
  writeItem(draftItem, form).catch(() => {
    // Storage full or unavailable: the form still works, only the draft is not kept.
  });
}

function focusField(field: FormField) {
  (document.getElementById(fieldId(field)) as HTMLInputElement | null)?.focus();
}

/** The Presets view, and the default preset a new draft takes: loaded only when needed. */
const presetsPanel = () => import('./presets-panel');

function App() {
  const [state, setState] = useState<PopupState>(INITIAL_STATE);
  /** The History view: its code loads only when the History button is pressed. */
  const [history, setHistory] = useState<typeof import('../history/history-popup') | null>(null);
  const [presets, setPresets] = useState<typeof import('./presets-panel') | null>(null);
  const applyDefault = () => void presetsPanel().then((m) => m.applyDefault(setState));
  const [pickers, setPickers] = useState<typeof import('./pickers') | null>(null);
  const loadingPickers = useRef(false);
  const [resultPanel, setResultPanel] = useState<typeof import('./result-panel') | null>(null);
  const loadResultPanel = () => void import('./result-panel').then(setResultPanel);
  /** Names chosen in the pickers, recorded with the link; typing in a field forgets its name. */
  const names = useRef<{ offer?: string; affiliate?: string }>({});
  const patch = (changes: Partial<PopupState>) => setState((current) => ({ ...current, ...changes }));
  // Fields typed into before the draft finished loading keep what was typed.
  const touched = useRef(new Set<FormField>());
  const recentAffiliate = useRef<number | undefined>(undefined);

  // The link panel's code loads with the first link to show.
  const hasLink = state.link !== null;
  useEffect(() => {
    if (hasLink) loadResultPanel();
  }, [hasLink]);

  useEffect(() => {
    stayConnected();
    void (async () => {
      // Ready needs only what this page can read itself; the background's status follows.
      const [stored, recent, prefill] = await Promise.all([readItem(draftItem), read(recentAffiliatesItem), readPrefill()]);
      recentAffiliate.current = recent[0];
      const restored: LinkForm = { ...stored.value };
      if (restored.affiliateId.trim() === '' && recent[0] !== undefined) restored.affiliateId = String(recent[0]);
      // What the page (or the menu) names wins over the draft for that field; the rest stays.
      const sources: PrefillSources = {};
      for (const field of ['offerId', 'affiliateId'] as const) {
        const value = prefill?.[field];
        if (prefill && value !== undefined && !touched.current.has(field)) {
          restored[field] = value;
          sources[field] = prefill.note;
        }
      }
      if (prefill) saveDraft(restored);
      setState((current) => {
        const form = { ...restored } as Record<FormField, unknown>;
        for (const field of touched.current) form[field] = current.form[field];
        return {
          ...current,
          form: form as LinkForm,
          sources,
          moreOpen: current.moreOpen || MORE_OPTIONS.some((field) => restored[field] !== EMPTY_FORM[field]),
          notices: stored.status === 'reset' ? [DRAFT_RESET_NOTICE] : [],
        };
      });
      if (stored.status === 'missing') applyDefault();
      if (touched.current.size === 0) focusField(restored.offerId.trim() === '' || restored.affiliateId.trim() !== '' ? 'offerId' : 'affiliateId');
      performance.mark('popup-ready');

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
    touched.current.add(field);
    if (field === 'offerId') delete names.current.offer;
    if (field === 'affiliateId') delete names.current.affiliate;
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
    const first = ALL_FIELDS.find((field) => fieldErrors[field]);
    setState((current) => ({ ...current, errors: fieldErrors, moreOpen: current.moreOpen || (!!first && MORE_OPTIONS.includes(first)) }));
    // Focus after render, so an opened "More options" section holds the field.
    if (first) setTimeout(() => focusField(first), 0);
  }

  const actions: PopupActions = {
    onValue: (name, value) => update({ ...state.form, [name]: value }, name),
    onFlag: (name, checked) => update({ ...state.form, [name]: checked }, name),
    onToggleMore: (open) => patch({ moreOpen: open }),
    onOpenOptions: openOptions,
    onIdFocus() {
      if (loadingPickers.current) return;
      loadingPickers.current = true;
      import('./pickers').then(setPickers, () => (loadingPickers.current = false));
    },
    onOpenHistory() {
      void import('../history/history-popup').then(setHistory);
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
      const reply = await send('generate', { form, surface: 'popup', names: { ...names.current } });
      if (reply.ok) {
        recentAffiliate.current = reply.affiliateId;
        patch({
          busy: false,
          link: { value: reply, fresh: true },
          announcement: reply.copied ? 'Copied to clipboard.' : 'Link ready, but it could not be copied automatically; use Copy.',
        });
        return;
      }
      patch({ busy: false, failed: reply, ...(reply.kind === 'no-key' ? { hasKey: false } : {}) });
      if (reply.kind === 'invalid-input' && reply.fieldErrors) showErrors(reply.fieldErrors);
    },

    async onCopy(url) {
      const reply = await send('copy', { text: url });
      patch({ announcement: reply.ok ? 'Copied to clipboard.' : reply.message });
    },

    onClear() {
      const recent = recentAffiliate.current;
      const next = { ...EMPTY_FORM, affiliateId: recent === undefined ? '' : String(recent) };
      touched.current.clear();
      saveDraft(next);
      patch({ form: next, errors: {}, failed: null, sources: {} });
      applyDefault();
      focusField('offerId');
    },
  };

  // "Use again" there patches the form (and saves the draft) itself.
  if (history) return <history.HistoryPanel onBack={() => setHistory(null)} onPatch={patch} />;
  if (presets) return <presets.PresetsPanel form={state.form} onBack={() => setPresets(null)} onApply={setState} />;
  function choosePicked(field: 'offerId' | 'affiliateId', id: number, name: string) {
    touched.current.add(field);
    names.current[field === 'offerId' ? 'offer' : 'affiliate'] = name;
    setState((current) => {
      const form = { ...current.form, [field]: String(id) };
      saveDraft(form);
      return { ...current, form, errors: { ...current.errors, [field]: undefined }, sources: { ...current.sources, [field]: name } };
    });
  }

  const picker = pickers ? <pickers.Pickers offerId={state.form.offerId} onChoose={choosePicked} /> : null;
  const result =
    state.link && resultPanel ? (
      <resultPanel.LinkResult link={state.link.value} heading={state.link.fresh ? 'Your tracking link' : 'Last link'} onCopy={actions.onCopy} />
    ) : null;
  return <PopupView state={state} actions={actions} pickers={picker} result={result} />;
}

hydrate(<App />, document.getElementById('app')!);
