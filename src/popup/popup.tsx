// The toolbar popup: state and effects over PopupView. It never fetches and never sees the key; it
// saves the draft on every keystroke because the popup closes whenever it loses focus. Its link is
// asked for and heard about in use-link.ts; the parts not in the first paint load in use-panels.ts.
// UI pages call chrome.* directly (Promise-based in MV3): the polyfill would cost the popup ~3 kB.
import { hydrate, type ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { FormField } from '../everflow/link-fields';
import { accountName } from '../shared/accounts/accounts';
import { send } from '../shared/protocol/connector';
import { copiedSentence } from '../ui/copy-status';
import { useIdNames } from './id-names';
import { formOnScreen, useFormEditing } from './use-form';
import { followDrafts, saveDraft } from './drafts';
import { useAccount } from './use-account';
import { INITIAL_STATE, PopupView, type PopupActions, type PopupState, type PrefillSources } from './popup-view';
import type { Startup } from './startup/startup-data';
import { linkMadeFrom, useLink } from './use-link';
import { usePanels } from './use-panels';
import { ErrorBoundary } from '../ui/error-boundary';

export const DRAFT_RESET_NOTICE = 'Your saved form could not be read, so it starts empty.';

/** A part loaded on demand, which says so in one sentence should it fail to render. */
const part = (what: string, node: ComponentChildren) => <ErrorBoundary what={what}>{node}</ErrorBoundary>;

function App({ startup }: { startup: Startup }) {
  // Hydration keeps the DOM as it is, so the first state must describe it exactly.
  const [state, setState] = useState<PopupState>(() => ({
    ...INITIAL_STATE,
    form: formOnScreen(startup),
    moreOpen: document.querySelector('details')!.open,
  }));
  const patch = (changes: Partial<PopupState>) => setState((current) => ({ ...current, ...changes }));
  const panels = usePanels();
  const applyDefault = () => void panels.loadPresets().then((presets) => presets.applyDefault(setState));
  /** The Affiliate ID a partner's preset was last considered for: not the one the popup opened with, unless it came from the page or was typed meanwhile. */
  const partnerMemory = useRef({
    seen: startup.sources.affiliateId || startup.typed.has('affiliateId') ? '' : state.form.affiliateId.trim(),
  });
  /** The name and status of each ID on the form, looked up once the app has taken over (id-names.ts). */
  const idNames = useIdNames(state.accountId, state.form);
  const form = useFormEditing(state, setState, {
    startup,
    applyDefault,
    idNames,
    partnerMemory: partnerMemory.current,
    generate: (next, names) => link.generate(next, names),
  });
  const link = useLink(state, setState, { beforeSend: panels.loadResult, onMade: form.made }); // the link panel loads while the request runs
  const accountChoice = useAccount(state, setState, { startup, switched: form.switched });
  if (state.link) panels.loadResult();

  // A layout effect runs right after hydration, before any event: nothing typed since is overwritten.
  useLayoutEffect(() => {
    // The notes beside prefilled fields, and any notice, are the app's to render.
    const sources = { ...startup.sources };
    for (const field of startup.typed) delete sources[field as keyof PrefillSources];
    const shown = startup.account?.id ?? null;
    patch({
      sources,
      notices: startup.draft === 'reset' ? [DRAFT_RESET_NOTICE] : [],
      newOfferSubs: startup.newOfferSubs,
      accounts: startup.accounts,
      accountId: shown,
    });
    followDrafts(
      startup.drafts,
      startup.accounts.map((account) => account.id),
    );
    if (startup.save || startup.typed.size > 0) saveDraft(shown ?? undefined, state.form);
    if (startup.draft === 'missing' || startup.subsCleared) applyDefault();
    // startup.ts may have put the cursor in an ID field before its focus handler existed.
    if ((document.activeElement as HTMLInputElement | null)?.inputMode === 'numeric') panels.loadPickers();
    if (startup.submitted) document.forms[0]!.requestSubmit();
    void send('getStatus', {}).then((reply) => (reply.ok ? accountChoice.adopt(reply) : patch({ startupFailure: reply })));
  }, []);

  const actions: PopupActions = {
    onValue: (name, value) => form.update({ ...state.form, [name]: value }, name),
    onFlag: (name, checked) => form.update({ ...state.form, [name]: checked }, name),
    onLinkType: form.onLinkType,
    onToggleMore: (open) => patch({ moreOpen: open }),
    onOpenOptions() {
      void chrome.runtime.openOptionsPage();
      window.close();
    },
    onIdFocus: panels.loadPickers,
    onOpenHistory: panels.openHistory,
    onOpenPresets: panels.openPresets,
    onSubmit(event) {
      event.preventDefault();
      void link.generate(state.form, idNames.namesFor(state.form));
    },
    onCancel: link.cancel,
    async onCopy(text, copiedAs) {
      const reply = await send('copy', { text });
      patch({ announcement: reply.ok ? copiedSentence(copiedAs, reply.line) : reply.message });
    },
    onClear: form.onClear,
    onAwaiting: (awaiting) => patch({ awaiting }),
    onAccount: accountChoice.choose,
  };

  const announce = (announcement: string) => patch({ announcement });
  // "Use again" there patches the form (and saves the draft) itself.
  if (panels.history)
    return part('History', <panels.history.HistoryPanel onBack={panels.backToForm} onUseAgain={accountChoice.useAgain} />);
  if (panels.presetsView)
    return part('Presets', <panels.presetsView.PresetsPanel form={state.form} onBack={panels.backToForm} onApply={setState} />);
  const { pickers, result: resultPanel, presets, pinned } = panels;
  const flagged = new Set(Object.keys(state.errors).filter((field) => state.errors[field as FormField]));
  const shown = state.link && linkMadeFrom(state.link.value, state.form, state.accountId) ? state.link : null;
  const accountId = state.accountId ?? '';
  const shownAccount = state.accounts.length > 1 ? state.accounts.find((known) => known.id === state.accountId) : undefined;
  return (
    <PopupView
      state={state}
      actions={actions}
      idNotes={idNames.notes}
      pickers={
        pickers && (
          <pickers.Pickers
            key={accountId}
            accountId={accountId}
            awaiting={state.awaiting}
            offerId={state.form.offerId}
            affiliateId={state.form.affiliateId}
            onChoose={form.choosePicked}
            flagged={flagged}
          />
        )
      }
      presetTag={
        presets && (
          <presets.PresetTag
            accountId={accountId}
            form={state.form}
            onApply={setState}
            affiliateName={idNames.notes.affiliateId?.name}
            memory={partnerMemory.current}
          />
        )
      }
      pinned={
        pinned &&
        part(
          'The pinned pairs',
          <pinned.PinnedList accountId={accountId} busy={state.busy} onGenerate={form.generatePinned} onAnnounce={announce} />,
        )
      }
      result={
        shown &&
        resultPanel &&
        part(
          'The link',
          <resultPanel.LinkResult
            link={shown.value}
            fresh={shown.fresh}
            accountName={shownAccount && accountName(shownAccount)}
            onCopy={actions.onCopy}
            onAnnounce={announce}
          />,
        )
      }
    />
  );
}

/** Takes over the form startup.ts has filled in. */
export function mount(startup: Startup) {
  hydrate(
    <ErrorBoundary what="The link builder">
      <App startup={startup} />
    </ErrorBoundary>,
    document.getElementById('app')!,
  );
}
