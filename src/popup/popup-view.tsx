/** @jsxImportSource preact */
// The popup's markup as a pure function of its state. Pure on purpose: the build renders it to
// HTML (prerender.tsx) so the form is on screen before any script runs, and popup.tsx hydrates it.
import type { ComponentChildren } from 'preact';
import type { FieldErrors, FlagField, IdField, LinkForm, TextField } from '../shared/link-form';
import { EMPTY_FORM } from '../shared/link-form';
import type { Failure, LinkSuccess } from '../shared/outcome';
import { CheckboxField, InputField } from './form-fields';

export type PrefillSources = Partial<Record<'offerId' | 'affiliateId', string>>;

export interface PopupState {
  form: LinkForm;
  errors: FieldErrors;
  /** null until the background has answered; then whether a key is saved. */
  hasKey: boolean | null;
  notices: string[];
  startupFailure: Failure | null;
  busy: boolean;
  link: { value: LinkSuccess; fresh: boolean } | null;
  failed: Failure | null;
  announcement: string;
  moreOpen: boolean;
  sources: PrefillSources;
}

/** What the popup shows before anything is loaded: the prerendered HTML is exactly this. */
export const INITIAL_STATE: PopupState = {
  form: EMPTY_FORM,
  errors: {},
  hasKey: null,
  notices: [],
  startupFailure: null,
  busy: false,
  link: null,
  failed: null,
  announcement: '',
  moreOpen: false,
  sources: {},
};

export interface PopupActions {
  onValue: (name: IdField | TextField, value: string) => void;
  onFlag: (name: FlagField, checked: boolean) => void;
  onSubmit: (event: Event) => void;
  onClear: () => void;
  onCopy: (url: string) => void;
  onOpenOptions: () => void;
  onOpenHistory: () => void;
  onOpenPresets: () => void;
  onToggleMore: (open: boolean) => void;
  /** An ID field got focus: the pickers load then. */
  onIdFocus: () => void;
}

const noop = () => undefined;
export const NO_ACTIONS: PopupActions = {
  onValue: noop,
  onFlag: noop,
  onSubmit: noop,
  onClear: noop,
  onCopy: noop,
  onOpenOptions: noop,
  onOpenHistory: noop,
  onOpenPresets: noop,
  onToggleMore: noop,
  onIdFocus: noop,
};

interface PopupViewProps {
  state: PopupState;
  actions: PopupActions;
  /** The pickers, once loaded: their list opens under the Offer and Affiliate fields. */
  pickers?: ComponentChildren;
  /** The panel showing state.link, once its code has loaded (result-panel.tsx). */
  result?: ComponentChildren;
}

export function PopupView({ state, actions, pickers, result }: PopupViewProps) {
  const { form, errors, sources } = state;
  const field = (name: IdField | TextField, numeric = false) => (
    <InputField
      name={name}
      value={form[name]}
      error={errors[name]}
      numeric={numeric}
      note={name === 'offerId' || name === 'affiliateId' ? sources[name] : undefined}
      onValue={actions.onValue}
      onFocus={numeric ? actions.onIdFocus : undefined}
    />
  );

  return (
    <main>
      <header class="popup-header">
        <h1>Everflow Link Builder</h1>
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
      {state.hasKey === false ? (
        <div class="banner" role="alert">
          <p>No Everflow API key is saved yet, so links can’t be generated.</p>
          <button type="button" class="link" onClick={actions.onOpenOptions}>
            Add your API key in Options
          </button>
        </div>
      ) : null}
      {state.notices.length > 0 ? (
        <div class="banner" role="alert">
          {state.notices.map((notice) => (
            <p key={notice}>{notice}</p>
          ))}
        </div>
      ) : null}
      {state.startupFailure ? <FailureNotice failure={state.startupFailure} onOpenOptions={actions.onOpenOptions} /> : null}
      <form onSubmit={actions.onSubmit} noValidate aria-busy={state.busy}>
        <div class="row">
          {field('offerId', true)}
          {field('affiliateId', true)}
        </div>
        {pickers}
        {field('sourceId')}
        <div class="subs">
          {field('sub1')}
          {field('sub2')}
          {field('sub3')}
          {field('sub4')}
          {field('sub5')}
        </div>
        <details open={state.moreOpen} onToggle={(event) => actions.onToggleMore((event.currentTarget as HTMLDetailsElement).open)}>
          <summary>More options</summary>
          <div class="row">
            {field('trackingDomainId', true)}
            {field('offerUrlId', true)}
          </div>
          <div class="row">
            {field('creativeId', true)}
            {field('trafficSourceId', true)}
          </div>
          <CheckboxField name="encryptParameters" checked={form.encryptParameters} onFlag={actions.onFlag} />
          <CheckboxField name="redirectLink" checked={form.redirectLink} onFlag={actions.onFlag} />
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
      {state.failed ? (
        state.failed.kind === 'invalid-input' ? (
          <p class="failure" role="alert">
            {state.failed.message}
          </p>
        ) : (
          <FailureNotice failure={state.failed} onOpenOptions={actions.onOpenOptions} />
        )
      ) : null}
      {state.link ? result : null}
      <p class="announcement" role="status" aria-live="polite">
        {state.announcement}
      </p>
    </main>
  );
}

const POINTS_TO_OPTIONS: ReadonlySet<Failure['kind']> = new Set(['no-key', 'unauthorized', 'forbidden']);

/** A failure in one plain sentence, pointing to Options when the key is the problem. */
export function FailureNotice({ failure, onOpenOptions }: { failure: Failure; onOpenOptions: () => void }) {
  return (
    <div class="failure" role="alert">
      <p>{failure.message}</p>
      {POINTS_TO_OPTIONS.has(failure.kind) ? (
        <button type="button" class="link" onClick={onOpenOptions}>
          Open options
        </button>
      ) : null}
    </div>
  );
}
