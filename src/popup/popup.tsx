// The toolbar popup: a thin view over the link form. It never fetches and never sees the key; it
// keeps the draft in storage on every keystroke because the popup closes whenever it loses focus.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { send } from '../shared/connector';
import {
  EMPTY_FORM,
  ID_FIELDS,
  TEXT_FIELDS,
  parseLinkForm,
  type FieldErrors,
  type FlagField,
  type FormField,
  type IdField,
  type LinkForm,
  type TextField,
} from '../shared/link-form';
import { POPUP_PORT, type Status } from '../shared/messages';
import type { Failure, LinkSuccess } from '../shared/outcome';
import { readItem, writeItem } from '../shared/storage-item';
import { draftItem } from '../shared/stored-items';
import '../shared/theme.css';
import './popup.css';
import { CheckboxField, InputField, fieldId } from './form-fields';
import { readPrefill } from './page-prefill';
import { FailureNotice, LinkResult } from './result-panel';

const MORE_OPTIONS: readonly FormField[] = ['trackingDomainId', 'offerUrlId', 'creativeId', 'trafficSourceId', 'encryptParameters', 'redirectLink'];
const ALL_FIELDS: readonly FormField[] = [...ID_FIELDS, ...TEXT_FIELDS];

function openOptions() {
  void browser.runtime.openOptionsPage();
  window.close();
}

/** Holds a port open while the popup lives, so the background knows someone will see its reply. */
function stayConnected() {
  try {
    const port = browser.runtime.connect({ name: POPUP_PORT });
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

function App() {
  const [form, setForm] = useState<LinkForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status | null>(null);
  const [startupFailure, setStartupFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<{ value: LinkSuccess; fresh: boolean } | null>(null);
  const [failed, setFailed] = useState<Failure | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [moreOpen, setMoreOpen] = useState(false);
  const [notices, setNotices] = useState<string[]>([]);
  const [sources, setSources] = useState<Partial<Record<'offerId' | 'affiliateId', string>>>({});
  // Fields typed into before the draft finished loading keep what was typed.
  const touched = useRef(new Set<FormField>());

  useEffect(() => {
    stayConnected();
    void (async () => {
      const [stored, reply, prefill] = await Promise.all([readItem(draftItem), send('getStatus', {}), readPrefill()]);
      const draft = stored.value;
      const found = reply.ok ? [...reply.notices] : [];
      if (stored.status === 'reset') found.push('Your saved form could not be read, so it starts empty.');
      setNotices(found);
      const recent = reply.ok ? reply.recentAffiliates[0] : undefined;
      const restored: LinkForm = { ...draft };
      if (restored.affiliateId.trim() === '' && recent !== undefined) restored.affiliateId = String(recent);
      // What the page (or the menu) names wins over the draft for that field; the rest stays.
      const fromPage: Partial<Record<'offerId' | 'affiliateId', string>> = {};
      for (const field of ['offerId', 'affiliateId'] as const) {
        const value = prefill?.[field];
        if (value !== undefined && !touched.current.has(field)) {
          restored[field] = value;
          if (prefill) fromPage[field] = prefill.note;
        }
      }
      setSources(fromPage);
      if (prefill) saveDraft(restored);
      setForm((current) => {
        const merged = { ...restored } as Record<FormField, unknown>;
        for (const field of touched.current) merged[field] = current[field];
        return merged as LinkForm;
      });
      if (MORE_OPTIONS.some((field) => restored[field] !== EMPTY_FORM[field])) setMoreOpen(true);
      if (reply.ok) {
        setStatus(reply);
        if (reply.lastLink) setLink({ value: reply.lastLink, fresh: false });
      } else {
        setStartupFailure(reply);
      }
      focusFirstEmpty(restored);
      performance.mark('popup-ready');
    })();
  }, []);

  function focusFirstEmpty(values: LinkForm) {
    const target = values.offerId.trim() === '' ? 'offerId' : values.affiliateId.trim() === '' ? 'affiliateId' : 'offerId';
    const input = document.getElementById(fieldId(target)) as HTMLInputElement | null;
    if (input && !touched.current.size) input.focus();
  }

  function update(next: LinkForm, field: FormField) {
    touched.current.add(field);
    if (field in sources) setSources({ ...sources, [field]: undefined });
    setForm(next);
    saveDraft(next);
    // Once a field has been flagged, re-check it as the person fixes it.
    if (errors[field]) {
      const check = parseLinkForm(next);
      setErrors({ ...errors, [field]: check.ok ? undefined : check.errors[field] });
    }
  }

  const onValue = (name: IdField | TextField, value: string) => update({ ...form, [name]: value }, name);
  const onFlag = (name: FlagField, checked: boolean) => update({ ...form, [name]: checked }, name);

  function showErrors(fieldErrors: FieldErrors) {
    setErrors(fieldErrors);
    const first = ALL_FIELDS.find((field) => fieldErrors[field]);
    if (first && MORE_OPTIONS.includes(first)) setMoreOpen(true);
    // Focus after render so the opened "More options" section holds the field.
    if (first) setTimeout(() => (document.getElementById(fieldId(first)) as HTMLInputElement | null)?.focus(), 0);
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setFailed(null);
    setAnnouncement('');
    const check = parseLinkForm(form);
    if (!check.ok) {
      showErrors(check.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    const reply = await send('generate', { form, surface: 'popup' });
    setBusy(false);
    if (reply.ok) {
      setLink({ value: reply, fresh: true });
      setAnnouncement(reply.copied ? 'Copied to clipboard.' : 'Link ready, but it could not be copied automatically; use Copy.');
      return;
    }
    if (reply.kind === 'invalid-input' && reply.fieldErrors) showErrors(reply.fieldErrors);
    if (reply.kind === 'no-key') setStatus((current) => (current ? { ...current, hasKey: false } : current));
    setFailed(reply);
  }

  async function copy(url: string) {
    const reply = await send('copy', { text: url });
    setAnnouncement(reply.ok ? 'Copied to clipboard.' : reply.message);
  }

  function clear() {
    const recent = status?.recentAffiliates[0];
    const next = { ...EMPTY_FORM, affiliateId: recent === undefined ? '' : String(recent) };
    touched.current.clear();
    setForm(next);
    setErrors({});
    setFailed(null);
    saveDraft(next);
    (document.getElementById(fieldId('offerId')) as HTMLInputElement | null)?.focus();
  }

  const field = (name: IdField | TextField, numeric = false) => (
    <InputField
      name={name}
      value={form[name]}
      error={errors[name]}
      numeric={numeric}
      note={name === 'offerId' || name === 'affiliateId' ? sources[name] : undefined}
      onValue={onValue}
    />
  );

  return (
    <main>
      <header class="popup-header">
        <h1>Everflow Link Builder</h1>
        <button type="button" class="link" onClick={openOptions}>
          Options
        </button>
      </header>
      {status && !status.hasKey ? (
        <div class="banner" role="alert">
          <p>No Everflow API key is saved yet, so links can’t be generated.</p>
          <button type="button" class="link" onClick={openOptions}>
            Add your API key in Options
          </button>
        </div>
      ) : null}
      {notices.length > 0 ? (
        <div class="banner" role="alert">
          {notices.map((notice) => (
            <p key={notice}>{notice}</p>
          ))}
        </div>
      ) : null}
      {startupFailure ? <FailureNotice failure={startupFailure} onOpenOptions={openOptions} /> : null}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <div class="row">
          {field('offerId', true)}
          {field('affiliateId', true)}
        </div>
        {field('sourceId')}
        <div class="subs">
          {field('sub1')}
          {field('sub2')}
          {field('sub3')}
          {field('sub4')}
          {field('sub5')}
        </div>
        <details open={moreOpen} onToggle={(event) => setMoreOpen((event.currentTarget as HTMLDetailsElement).open)}>
          <summary>More options</summary>
          <div class="row">
            {field('trackingDomainId', true)}
            {field('offerUrlId', true)}
          </div>
          <div class="row">
            {field('creativeId', true)}
            {field('trafficSourceId', true)}
          </div>
          <CheckboxField name="encryptParameters" checked={form.encryptParameters} onFlag={onFlag} />
          <CheckboxField name="redirectLink" checked={form.redirectLink} onFlag={onFlag} />
        </details>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? 'Generating…' : 'Generate link'}
          </button>
          <button type="button" class="secondary" onClick={clear}>
            Clear
          </button>
        </div>
      </form>
      {failed && failed.kind !== 'invalid-input' ? <FailureNotice failure={failed} onOpenOptions={openOptions} /> : null}
      {failed?.kind === 'invalid-input' ? (
        <p class="failure" role="alert">
          {failed.message}
        </p>
      ) : null}
      {link ? <LinkResult link={link.value} heading={link.fresh ? 'Your tracking link' : 'Last link'} onCopy={copy} /> : null}
      <p class="announcement" role="status" aria-live="polite">
        {announcement}
      </p>
    </main>
  );
}

render(<App />, document.getElementById('app')!);
