/** @jsxImportSource preact */
// The popup's markup as a pure function of its state. Pure on purpose: the build renders it to
// HTML (prerender.tsx) so the form is on screen before any script runs, and popup.tsx hydrates it.
import type { ComponentChildren } from 'preact';
import type { Failure } from '../everflow/failures';
import { accountName, type Account } from '../shared/accounts/accounts';
import { usesField, type FlagField, type IdField, type LinkType, type TextField } from '../everflow/link-fields';
import { EMPTY_FORM, type FieldErrors, type LinkForm } from '../shared/link/link-form';
import type { LinkSuccess } from '../shared/link/outcome';
import { FailureNotice } from '../ui/failure-notice';
import { InputField, LinkTypeChoice, MoreOptionFields, SubFields } from '../ui/form-fields';
import type { IdNote, IdNotes } from './id-names';

/** The fields a page or the menu can fill in, with where each value came from. */
export type PrefillSources = Partial<Record<'offerId' | 'campaignId' | 'affiliateId', string>>;

export interface PopupState {
  /** Every saved account (none before the app has read them; whether each has its key once the background has said), and the one the form is for. */
  accounts: (Account & { hasKey?: boolean })[];
  accountId: string | null;
  /** A partner's offer search also lists offers awaiting approval. */
  awaiting: boolean;
  form: LinkForm;
  errors: FieldErrors;
  /** null until the background has answered; then whether the account shown has its key (false too when there is no account). */
  hasKey: boolean | null;
  notices: string[];
  startupFailure: Failure | null;
  busy: boolean;
  /** The link on screen; `requestId` names the request it came from, while the background may still say it was not kept. */
  link: { value: LinkSuccess; fresh: boolean; requestId?: string } | null;
  failed: Failure | null;
  announcement: string;
  /** The options page's rule for a new offer's Source ID and subs (null until known), stated beside them. */
  newOfferSubs: 'keep' | 'clear' | null;
  /** Whole seconds the request under way has waited for Everflow (0 when none is). */
  waited: number;
  moreOpen: boolean;
  sources: PrefillSources;
}

/** What the popup shows before anything is loaded: the prerendered HTML is exactly this. */
export const INITIAL_STATE: PopupState = {
  accounts: [],
  accountId: null,
  awaiting: false,
  form: EMPTY_FORM,
  errors: {},
  hasKey: null,
  notices: [],
  startupFailure: null,
  busy: false,
  link: null,
  failed: null,
  announcement: '',
  waited: 0,
  newOfferSubs: null,
  moreOpen: false,
  sources: {},
};

/** After this long a request shows how long it has waited, and a Cancel. */
export const SLOW_SECONDS = 2;

export interface PopupActions {
  onValue: (name: IdField | TextField, value: string) => void;
  onFlag: (name: FlagField, checked: boolean) => void;
  /** Offer or smart link: each keeps its own value while the other is shown. */
  onLinkType: (type: LinkType) => void;
  onSubmit: (event: Event) => void;
  onClear: () => void;
  /** Stops the request under way (shown once it has waited SLOW_SECONDS). */
  onCancel: () => void;
  /** `copiedAs`: the copy format's name, absent for the bare link. */
  onCopy: (text: string, copiedAs: string | undefined) => void;
  onOpenOptions: () => void;
  onOpenHistory: () => void;
  onOpenPresets: () => void;
  onToggleMore: (open: boolean) => void;
  /** An ID field got focus: the pickers load then. */
  onIdFocus: () => void;
  /** Another account chosen in the switcher. */
  onAccount: (accountId: string) => void;
  onAwaiting: (checked: boolean) => void;
}

const noop = () => undefined;
export const NO_ACTIONS: PopupActions = {
  onValue: noop,
  onFlag: noop,
  onLinkType: noop,
  onSubmit: noop,
  onClear: noop,
  onCancel: noop,
  onCopy: noop,
  onOpenOptions: noop,
  onOpenHistory: noop,
  onOpenPresets: noop,
  onToggleMore: noop,
  onIdFocus: noop,
  onAccount: noop,
  onAwaiting: noop,
};

/** The account switcher, shown only when there is more than one account to switch between. */
function AccountChoice({ state, onAccount }: { state: PopupState; onAccount: (accountId: string) => void }) {
  if (state.accounts.length < 2 || !state.accountId) return null;
  return (
    <div class="field account-choice">
      <label for="account">Account</label>
      <select id="account" value={state.accountId} onChange={(event) => onAccount((event.currentTarget as HTMLSelectElement).value)}>
        {state.accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {accountName(account)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Why no link can be made yet: no account at all, or the shown account's key is gone (kept for the session only). */
function KeyMissing({ state, onOpenOptions }: { state: PopupState; onOpenOptions: () => void }) {
  if (state.hasKey !== false) return null;
  const account = state.accounts.find((known) => known.id === state.accountId);
  return (
    <div class="banner" role="alert">
      <p>
        {account
          ? `The API key of ${accountName(account)} was kept only until the browser closed, so links can’t be generated with it.`
          : 'No Everflow API key is saved yet, so links can’t be generated.'}
      </p>
      <button type="button" class="link" onClick={onOpenOptions}>
        {account ? 'Enter it again in Options' : 'Add your API key in Options'}
      </button>
    </div>
  );
}

interface PopupViewProps {
  state: PopupState;
  actions: PopupActions;
  /** The pickers, once loaded: their list opens under the Offer and Affiliate fields. */
  pickers?: ComponentChildren;
  /** The active preset's tag, once its code has loaded (presets-panel.tsx). */
  presetTag?: ComponentChildren;
  /** The pinned pairs, once their code has loaded (pinned-list.tsx); nothing when none are pinned. */
  pinned?: ComponentChildren;
  /** The panel showing state.link while the form still holds what it was made from (result-panel.tsx). */
  result?: ComponentChildren;
  /** What each ID names, once looked up (id-names.ts); nothing before the app has started. */
  idNotes?: IdNotes | undefined;
}

/** A field's note: the name (on its own, so it reads as one), its status, and where the ID came from. */
function noteFor(named: IdNote | undefined, source: string | undefined): ComponentChildren {
  const after = [named?.name ? named.status : undefined, source].filter(Boolean).join(' · ');
  if (!named?.name) return after || undefined;
  return (
    <>
      <span class="field-name">{named.name}</span>
      {after ? ` · ${after}` : ''}
    </>
  );
}

export function PopupView({ state, actions, pickers, presetTag, pinned, result, idNotes = {} }: PopupViewProps) {
  const { form, errors, sources } = state;
  const field = (name: 'offerId' | 'campaignId' | 'affiliateId' | 'sourceId') => (
    <InputField
      name={name}
      value={form[name]}
      error={errors[name]}
      note={name === 'sourceId' ? undefined : noteFor(idNotes[name], sources[name])}
      warning={name === 'sourceId' ? undefined : idNotes[name]?.warning}
      onValue={actions.onValue}
      onFocus={name === 'sourceId' ? undefined : actions.onIdFocus}
      hidden={!usesField(form.linkType, name)}
    />
  );
  const fields = { form, errors, onValue: actions.onValue, onFlag: actions.onFlag, onIdFocus: actions.onIdFocus };

  return (
    <main>
      <header class="popup-header">
        <h1>Link Builder for Everflow</h1>
        <div class="actions">
          <a href="/src/bulk/bulk.html" target="_blank">
            Bulk links
          </a>
          <button type="button" id="open-history" class="link" onClick={actions.onOpenHistory}>
            History
          </button>
          <button type="button" class="link" onClick={actions.onOpenOptions}>
            Options
          </button>
        </div>
      </header>
      <AccountChoice state={state} onAccount={actions.onAccount} />
      <KeyMissing state={state} onOpenOptions={actions.onOpenOptions} />
      {state.notices.length > 0 ? (
        <div class="banner" role="alert">
          {state.notices.map((notice) => (
            <p key={notice}>{notice}</p>
          ))}
        </div>
      ) : null}
      {state.startupFailure ? <FailureNotice failure={state.startupFailure} onOpenOptions={actions.onOpenOptions} /> : null}
      {pinned ?? null}
      <form method="dialog" onSubmit={actions.onSubmit} noValidate aria-busy={state.busy}>
        <LinkTypeChoice value={form.linkType} onChoose={actions.onLinkType} />
        <div class="row">
          {field('offerId')}
          {field('campaignId')}
          {field('affiliateId')}
        </div>
        {form.linkType === 'partner' ? (
          <label class="check">
            <input
              type="checkbox"
              checked={state.awaiting}
              onChange={(event) => actions.onAwaiting((event.currentTarget as HTMLInputElement).checked)}
            />
            Also find offers awaiting approval
          </label>
        ) : null}
        {pickers}
        {presetTag}
        {field('sourceId')}
        <SubFields {...fields} />
        {/* Under the fields it explains, the form's full width. */}
        {state.newOfferSubs ? (
          <p class="field-note subs-rule">
            {/* A partner's link has no Source ID. */}
            {form.linkType === 'partner' ? 'Subs' : 'Source ID and subs'}
            {state.newOfferSubs === 'keep' ? ' stay when the offer changes' : ' are cleared for each new offer'} (
            <button type="button" class="link" onClick={actions.onOpenOptions}>
              Options
            </button>
            ).
          </p>
        ) : null}
        <details open={state.moreOpen} onToggle={(event) => actions.onToggleMore((event.currentTarget as HTMLDetailsElement).open)}>
          <summary>More options</summary>
          <MoreOptionFields {...fields} />
        </details>
        <div class="actions">
          <button type="submit" class="primary" disabled={state.busy}>
            {state.busy ? 'Generating…' : 'Generate link'}
          </button>
          <button type="button" class="secondary" onClick={actions.onClear}>
            Clear
          </button>
          <button type="button" id="open-presets" class="secondary" onClick={actions.onOpenPresets}>
            Presets
          </button>
        </div>
      </form>
      {state.busy && state.waited >= SLOW_SECONDS ? (
        <div class="waiting">
          <span>Waiting for Everflow… {state.waited} s</span>
          <button type="button" class="secondary" onClick={actions.onCancel}>
            Cancel
          </button>
        </div>
      ) : null}
      {state.failed ? (
        state.failed.kind === 'invalid-input' ? (
          <p class="failure" role="alert">
            {state.failed.message}
          </p>
        ) : (
          <FailureNotice failure={state.failed} onOpenOptions={actions.onOpenOptions} />
        )
      ) : null}
      {result ?? null}
      <p class="announcement" role="status" aria-live="polite">
        {state.announcement}
      </p>
    </main>
  );
}
