// The toolbar popup: state and effects over PopupView. It never fetches and never sees the key; it
// saves the draft on every keystroke because the popup closes whenever it loses focus. Its link is
// asked for and heard about in use-link.ts; the parts not in the first paint load in use-panels.ts.
// UI pages call chrome.* directly (Promise-based in MV3): the polyfill would cost the popup ~3 kB.
import { hydrate, type ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { FORM_FIELDS, type FormField, type LinkType } from '../everflow/link-fields';
import { formFromInput, hasMoreOptions, parseLinkForm, type LinkForm } from '../shared/link/link-form';
import type { HistoryEntry } from '../shared/history/history';
import { accountName } from '../shared/accounts/accounts';
import type { LinkSuccess } from '../shared/link/outcome';
import { send } from '../shared/protocol/connector';
import { copiedSentence } from '../ui/copy-status';
import { fieldId } from '../ui/field-ids';
import { useIdNames } from './id-names';
import { useFormEditing } from './use-form';
import { draftFor, followDrafts, saveDraft } from './drafts';
import { recentOf } from '../shared/history/recent-affiliates';
import { INITIAL_STATE, PopupView, type PopupActions, type PopupState, type PrefillSources } from './popup-view';
import type { Startup } from './startup/startup-data';
import { useLink } from './use-link';
import { usePanels } from './use-panels';
import { ErrorBoundary } from '../ui/error-boundary';

export const DRAFT_RESET_NOTICE = 'Your saved form could not be read, so it starts empty.';

/** The form as startup.ts left it, with anything typed since: the app starts from what is on screen. */
function formOnScreen(startup: Startup): LinkForm {
  const form = {} as Record<FormField, string | boolean>;
  for (const field of FORM_FIELDS) {
    const input = document.getElementById(fieldId(field)) as HTMLInputElement;
    form[field] = input.type === 'checkbox' ? input.checked : input.value;
  }
  // A partner's form has no choice to read: its kind is the one startup gave it.
  const checked = document.querySelector<HTMLInputElement>('input[name="linkType"]:checked')?.value as LinkType | undefined;
  const linkType = checked ?? startup.form.linkType;
  return { ...form, linkType } as LinkForm;
}

/**
 * Whether a link was made from what the form holds now, with the account shown: a link shows only
 * while this holds, so a link for another offer (or another network's) never sits beside the form.
 */
function madeFrom(link: LinkSuccess, form: LinkForm, accountId: string | null): boolean {
  const now = parseLinkForm(form);
  return link.accountId === accountId && now.ok && JSON.stringify(now.input) === JSON.stringify(link.input);
}

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
  /** Each account's recent affiliates, as the background said: a switch to another account starts with its last one. */
  const recent = useRef<Record<string, number[]>>({});
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
    void send('getStatus', {}).then((reply) => {
      if (!reply.ok) return patch({ startupFailure: reply });
      recent.current = reply.recentAffiliates;
      setState((current) => {
        // An update from the single-key version has just made its key the first account (the worker woke for this message).
        const known = (id: string | null) => reply.accounts.find((account) => account.id === id)?.id;
        const accountId = current.accountId ?? known(startup.drafts.accountId) ?? known(reply.lastUsedId) ?? reply.accounts[0]?.id ?? null;
        return {
          ...current,
          accounts: reply.accounts,
          accountId,
          hasKey: reply.accounts.find((account) => account.id === accountId)?.hasKey ?? false,
          notices: [...reply.notices, ...current.notices],
          link: current.link ?? (reply.lastLink ? { value: reply.lastLink, fresh: false } : null),
        };
      });
    });
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
    onAccount(accountId) {
      if (accountId !== state.accountId) show(accountId, draftFor(accountId), true);
    },
  };

  /** Shows `accountId` with `next` as its form (its own kind of link; a network's last affiliate where none is given). */
  function show(accountId: string, next: LinkForm, switching: boolean) {
    const account = state.accounts.find((known) => known.id === accountId);
    if (!account) return;
    const partner = account.kind === 'partner';
    // A partner's link is its own kind, with no affiliate; a network's starts with its last affiliate.
    if (partner) next.linkType = 'partner';
    else if (next.linkType === 'partner') next.linkType = 'offer';
    const last = partner ? undefined : recentOf(recent.current, accountId)[0];
    if (switching && !partner && next.affiliateId.trim() === '' && last !== undefined) next.affiliateId = String(last);
    if (accountId !== state.accountId) form.switched(last);
    saveDraft(accountId, next);
    patch({
      accountId,
      form: next,
      errors: {},
      failed: null,
      sources: {},
      awaiting: false,
      hasKey: account.hasKey ?? state.hasKey,
      moreOpen: state.moreOpen || hasMoreOptions(next),
      announcement: accountId === state.accountId ? '' : `Now making links with ${accountName(account)}.`,
    });
  }

  /** History's "Use again": the entry's inputs, with the account it was made with when that is still saved. */
  function useAgain(entry: HistoryEntry) {
    const next = formFromInput(entry.input);
    const accountId = state.accounts.some((known) => known.id === entry.accountId) ? entry.accountId : state.accountId;
    if (accountId) show(accountId, next, false);
  }

  const announce = (announcement: string) => patch({ announcement });
  // "Use again" there patches the form (and saves the draft) itself.
  if (panels.history) return part('History', <panels.history.HistoryPanel onBack={panels.backToForm} onUseAgain={useAgain} />);
  if (panels.presetsView)
    return part('Presets', <panels.presetsView.PresetsPanel form={state.form} onBack={panels.backToForm} onApply={setState} />);
  const { pickers, result: resultPanel, presets, pinned } = panels;
  const flagged = new Set(Object.keys(state.errors).filter((field) => state.errors[field as FormField]));
  const shown = state.link && madeFrom(state.link.value, state.form, state.accountId) ? state.link : null;
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
