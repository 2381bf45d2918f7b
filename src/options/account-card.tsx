// One Everflow account on the options page: what it is (its name, kind, region, the key's last four
// characters, where the key is kept), Test connection, and "Edit account": its label, where its key is
// kept, its pace, its dashboard domains, a new key, and Forget. Each change is one message to the
// background, which answers one sentence, said in the account's own notice line (or under the field it
// is about); the list follows the stored accounts, so another page's change shows here too. Under an
// administrator's policy, where the key is kept may be locked and the pace capped, and an account in
// another region than the policy's says so.
import { useEffect, useRef, useState } from 'preact/hooks';
import { accountName } from '../shared/accounts/accounts';
import { EVERFLOW_DASHBOARD_SUFFIX } from '../shared/dashboard/dashboard-url';
import { send } from '../shared/protocol/connector';
import type { AccountView } from '../shared/protocol/replies';
import { MAX_REQUESTS_PER_SECOND } from '../shared/settings/settings';
import { policyOwner, type Policy } from '../shared/policy/policy';
import { cappedPaceHint, kindWords, labelProblem, outsideRegion, paceError, paceHint, readPace, regionWords } from './account-words';
import { DashboardDomains } from './dashboard-domains';
import { dropAccountData } from './forget-account';
import { KeyField, useKeyEntry } from './key-field';
import { SetBy } from './policy-parts';
import { SectionNotice, type Notice } from './section-notice';

type Say = (text: string, tone: 'ok' | 'error', saved?: boolean) => void;

interface CardProps {
  account: AccountView;
  /** The administrator's policy ({} when none): its region, pace cap and session-only keys. */
  policy: Policy;
  /** Opened to begin with (the only account: its settings are what there is to see). */
  startOpen: boolean;
  /** After a change is saved: the accounts are read again. */
  onChanged: () => void;
  /** Said in the accounts' status line once the account is forgotten (its own card is gone by then). */
  onForgotten: (sentence: string) => void;
}

export function AccountCard({ account, policy, startOpen, onChanged, onForgotten }: CardProps) {
  const [notice, setNotice] = useState<Notice>(null);
  const [open, setOpen] = useState(startOpen);
  const [testing, setTesting] = useState(false);
  /** What a part of the card says; a change it saved is read back. */
  const say: Say = (text, tone, saved = false) => {
    setNotice({ text, tone });
    if (saved) onChanged();
  };
  const base = `account-${account.id}`;
  const name = accountName(account);

  async function test() {
    setTesting(true);
    say('Checking the key with Everflow…', 'ok');
    const reply = await send('testConnection', { accountId: account.id });
    setTesting(false);
    say(reply.message, reply.ok ? 'ok' : 'error');
  }

  return (
    <li class="account">
      <section aria-labelledby={`${base}-name`}>
        <h3 id={`${base}-name`}>{name}</h3>
        <ul class="account-facts">
          <li>{kindWords(account)}</li>
          <li>Region: {regionWords(account.region)}</li>
          <li>
            Key ending in <code>{account.keyHint}</code>
            {account.sessionOnly ? ', kept until the browser closes' : ''}
          </li>
          {account.identifier ? (
            <li>
              Dashboard: <code>{`${account.identifier}.${EVERFLOW_DASHBOARD_SUFFIX}`}</code>
            </li>
          ) : null}
        </ul>
        {policy.region !== undefined && policy.region !== account.region ? (
          <p class="failure" id={`${base}-outside-region`}>
            {outsideRegion(account, policy.region, policyOwner(policy))}
          </p>
        ) : null}
        {account.hasKey ? null : (
          <>
            <p class="failure" id={`${base}-no-key`}>
              This account’s key was kept only until the browser closed, and it has closed since: enter the key again to use {name}.
            </p>
            <ReplaceKey account={account} base={base} again onNotice={say} />
          </>
        )}
        <div class="actions">
          <button type="button" disabled={testing} onClick={() => void test()}>
            Test connection
          </button>
        </div>
        <details class="account-edit" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
          <summary>Edit account</summary>
          <AccountSettings account={account} policy={policy} base={base} onNotice={say} />
          <DashboardDomains account={account} base={base} onNotice={say} />
          {account.hasKey ? <ReplaceKey account={account} base={base} again={false} onNotice={say} /> : null}
          <Forget account={account} name={name} onNotice={say} onForgotten={onForgotten} />
        </details>
        <SectionNotice id={`${base}-notice`} notice={notice} />
      </section>
    </li>
  );
}

interface PartProps {
  account: AccountView;
  base: string;
  onNotice: Say;
}

/**
 * Label, where the key is kept and the pace: one form, one Save. Under a policy, where the key is kept
 * may be locked (session only) and the pace capped: the field starts at the pace in effect.
 */
function AccountSettings({ account, policy, base, onNotice }: PartProps & { policy: Policy }) {
  const locked = policy.sessionOnlyKeys === true;
  const cap = policy.maxRequestsPerSecond ?? MAX_REQUESTS_PER_SECOND;
  const paceNow = String(Math.min(account.requestsPerSecond, cap));
  const [label, setLabel] = useState(account.label);
  const [sessionOnly, setSessionOnly] = useState(account.sessionOnly);
  const [pace, setPace] = useState(paceNow);
  const [errors, setErrors] = useState<{ label?: string; pace?: string }>({});
  const [busy, setBusy] = useState(false);
  // A change saved elsewhere (another options page, an import) shows here.
  useEffect(() => setLabel(account.label), [account.label]);
  useEffect(() => setSessionOnly(account.sessionOnly), [account.sessionOnly]);
  useEffect(() => setPace(paceNow), [paceNow]);
  const id = (part: string) => `${base}-${part}`;

  async function save(event: Event) {
    event.preventDefault();
    if (busy) return;
    const requestsPerSecond = readPace(pace, cap);
    const found = { label: labelProblem(label), pace: requestsPerSecond === undefined ? paceError(cap) : undefined };
    setErrors(found);
    const first = found.label ? 'label' : found.pace ? 'pace' : undefined;
    if (first || requestsPerSecond === undefined) {
      document.getElementById(id(first ?? 'pace'))?.focus();
      return;
    }
    setBusy(true);
    const reply = await send('updateAccount', {
      accountId: account.id,
      label: label.trim(),
      sessionOnly: locked || sessionOnly,
      requestsPerSecond,
    });
    setBusy(false);
    onNotice(reply.message, reply.ok ? 'ok' : 'error', reply.ok);
  }

  return (
    <form aria-label={`Settings of ${accountName(account)}`} onSubmit={save} noValidate>
      <SettingField
        id={id('label')}
        label="Label"
        value={label}
        error={errors.label}
        hint="How the popup, History and Bulk links name this account; left empty, the network’s name."
        onValue={(value) => {
          setLabel(value);
          if (errors.label) setErrors((before) => ({ ...before, label: undefined }));
        }}
      />
      <div class="check">
        <input
          id={id('session-only')}
          type="checkbox"
          checked={locked || sessionOnly}
          disabled={locked}
          aria-describedby={locked ? id('session-only-set-by') : undefined}
          onChange={(event) => setSessionOnly(event.currentTarget.checked)}
        />
        <label for={id('session-only')}>Keep this key only until the browser closes</label>
        {locked ? <SetBy policy={policy} id={id('session-only-set-by')} /> : null}
      </div>
      <SettingField
        id={id('pace')}
        label="Requests per second"
        value={pace}
        error={errors.pace}
        hint={policy.maxRequestsPerSecond === undefined ? paceHint(account.kind) : cappedPaceHint(cap, policyOwner(policy))}
        number={{ min: 1, max: cap }}
        onValue={(value) => {
          setPace(value);
          if (errors.pace) setErrors((before) => ({ ...before, pace: undefined }));
        }}
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}

interface SettingFieldProps {
  id: string;
  label: string;
  value: string;
  /** Why what is typed cannot be kept: said under the field instead of its hint. */
  error: string | undefined;
  hint: string;
  /** A whole number in this range, typed in a number field. */
  number?: { min: number; max: number };
  onValue: (value: string) => void;
}

/** One labelled field of an account's settings, with its hint, or its refusal in its place. */
function SettingField({ id, label, value, error, hint, number, onValue }: SettingFieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type={(number ? 'number' : 'text') as 'text'}
        class={number ? 'pace' : undefined}
        {...(number ? { min: number.min, max: number.max, step: 1 } : {})}
        value={value}
        autoComplete="off"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
      {error ? (
        <span id={`${id}-error`} class="field-error" role="alert">
          {error}
        </span>
      ) : (
        <span id={`${id}-hint`} class="field-note">
          {hint}
        </span>
      )}
    </div>
  );
}

/**
 * A new key for this account (the same network's, and the same partner's): checked with Everflow
 * first, refused under the field when it is another's. `again`: the key was session-only and is gone.
 */
function ReplaceKey({ account, base, again, onNotice }: PartProps & { again: boolean }) {
  const fieldId = `${base}-${again ? 'key-again' : 'new-key'}`;
  const headingId = `${fieldId}-heading`;
  const entry = useKeyEntry(fieldId);

  async function replace(event: Event) {
    event.preventDefault();
    const reply = await entry.submit((key) => {
      onNotice('Checking the key with Everflow…', 'ok');
      return send('updateAccount', { accountId: account.id, key });
    });
    // Refused: said under the field.
    if (!reply?.ok) return onNotice('', 'ok');
    onNotice(reply.message, 'ok', true);
  }

  return (
    <form class="replace-key" aria-labelledby={headingId} onSubmit={replace} noValidate>
      <h4 id={headingId} class={again ? 'visually-hidden' : undefined}>
        {again ? `The API key of ${accountName(account)}` : 'Replace the API key'}
      </h4>
      {again ? null : (
        <p class="hint">
          A new key of the same network{account.kind === 'partner' ? ' and partner' : ''}; a key of another is refused: add it as another
          account.
        </p>
      )}
      <KeyField label={again ? 'Enter the API key again' : 'Replace API key'} {...entry.field} />
      <div class="actions">
        <button type="submit" disabled={entry.busy}>
          {again ? 'Save key' : 'Replace key'}
        </button>
      </div>
    </form>
  );
}

/** Forget this account, asked first; then the pages drop what they keep of it. */
function Forget({
  account,
  name,
  onNotice,
  onForgotten,
}: Omit<PartProps, 'base'> & { name: string; onForgotten: (sentence: string) => void }) {
  const [confirming, setConfirming] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  // The button pressed goes away: focus moves to the question's safe answer, and back after it.
  useEffect(() => {
    if (confirming) cancel.current?.focus();
    else if (confirming === false) start.current?.focus();
  }, [confirming]);

  async function forget() {
    setBusy(true);
    const reply = await send('forgetAccount', { accountId: account.id });
    if (!reply.ok) {
      setBusy(false);
      setConfirming(false);
      onNotice(reply.message, 'error');
      return;
    }
    const dropped = await dropAccountData(account.id);
    onForgotten(
      `Forgot ${name}: its key, its link history, its pins and its cached names are gone from this browser.` +
        (dropped ? '' : ' Its pins, presets or bulk draft could not be changed (browser storage is unavailable or full).'),
    );
  }

  return confirming ? (
    <div class="actions forget" role="group" aria-label={`Confirm forgetting ${name}`}>
      <span>
        Forget {name}? Its key, link history, pins and cached names go from this browser; presets tied to its affiliates stay, tied to none.
      </span>
      <button type="button" class="danger" disabled={busy} onClick={() => void forget()}>
        Yes, forget it
      </button>
      <button type="button" ref={cancel} disabled={busy} onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </div>
  ) : (
    <div class="actions forget">
      <button type="button" ref={start} class="danger" onClick={() => setConfirming(true)}>
        Forget this account
      </button>
    </div>
  );
}
