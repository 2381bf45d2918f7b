// The Bulk links form: offer or smart link, mode, the fixed ID, the pasted list (with "add by name"),
// the fields every link shares, presets, and the start button. Checks everything before sending; the
// background checks again. The draft is saved by the page on every change (onDraft).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BulkMode } from '../shared/bulk/bulk-job';
import { send } from '../shared/protocol/connector';
import { MESSAGES, failure, type Failure } from '../everflow/failures';
import type { Account } from '../shared/accounts/accounts';
import {
  MORE_OPTIONS,
  TEXT_FIELDS,
  type FlagField,
  type FormField,
  type IdField,
  type LinkType,
  type TextField,
} from '../everflow/link-fields';
import { hasMoreOptions, parseLinkForm, type FieldErrors } from '../shared/link/link-form';
import { applyPreset, presetForAffiliate, type Preset } from '../shared/presets/presets';
import { SUB_TOKENS } from '../shared/link/sub-tokens';
import { fieldId } from '../ui/field-ids';
import { InputField, LinkTypeChoice, MoreOptionFields, SubFields } from '../ui/form-fields';
import type { PickField } from '../ui/pickers';
import { withName, type BulkDraft } from '../shared/bulk/bulk-draft';
import { checkDraft, emptyListMessage, startLabel, summarizeList } from './bulk-check';
import { withoutInvalid } from './id-list';
import { JOB_HEADING, focusWhenReady } from './job-panel';
import { BULK_MODES, modeWords, plural } from './list-words';

export const LIST_ID = 'bulk-list';
const ADD_NOTE = 'Type a name and choose a match, or type an ID and press Enter: it is added to the list.';
export const TOKEN_HINT = `Source ID and subs may use ${SUB_TOKENS.join(', ')}: filled in per row, with that row’s IDs.`;
const MAX_ROW_ERRORS_SHOWN = 50;

interface BulkFormProps {
  /** The account the links are made with (undefined: none saved yet; the background then says so). */
  account: Account | undefined;
  draft: BulkDraft;
  onDraft: (next: BulkDraft) => void;
  presets: readonly Preset[];
  /** Why a job cannot start now (one is running or paused), or ''. */
  blockedReason: string;
  onAnnounce: (text: string) => void;
}

export function BulkForm({ account, draft, onDraft, presets, blockedReason, onAnnounce }: BulkFormProps) {
  const { mode, form } = draft;
  // A partner's links are its own: no affiliate to fix, one mode, one kind of link.
  const partner = form.linkType === 'partner';
  const words = modeWords(mode, form.linkType);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [emptyList, setEmptyList] = useState('');
  const [rowProblems, setRowProblems] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<Failure | null>(null);
  const [adding, setAdding] = useState('');
  const [presetId, setPresetId] = useState('');
  const [starting, setStarting] = useState(false);
  const more = useRef<HTMLDetailsElement>(null);
  // Open at first when the draft uses those fields; afterwards the person (or an error) opens it.
  const [moreAtFirst] = useState(() => hasMoreOptions(draft.form));
  // Loaded with import(), as in the popup: then the picker's chunk stays one the popup can load lazily.
  const [pickers, setPickers] = useState<typeof import('../ui/pickers') | null>(null);
  useEffect(() => void import('../ui/pickers').then(setPickers, () => undefined), []);
  const view = useRef(draft);
  view.current = draft;

  const listText = draft.lists[words.listKind];
  const list = useMemo(() => summarizeList(words.listKind, listText), [words.listKind, listText]);
  const listErrors = [...(emptyList && list.parsed.ids.length === 0 ? [emptyList] : []), ...list.problems];

  /**
   * One affiliate × many offers: an affiliate tied to a preset (its partner's preset) brings that
   * preset's values, as in the popup.
   */
  function withPartnerPreset(next: BulkDraft): BulkDraft {
    if (next.mode !== 'targets') return next;
    const tied = presetForAffiliate({ presets: [...presets], defaultId: null }, next.form.affiliateId);
    if (!tied || tied.id === presetId) return next;
    setPresetId(tied.id);
    onAnnounce(`Applied the preset “${tied.name}” for affiliate ${next.form.affiliateId.trim()}.`);
    return { ...next, form: applyPreset(next.form, tied.values) };
  }

  function setField(name: IdField | TextField | FlagField, value: string | boolean) {
    let next = { ...view.current, form: { ...view.current.form, [name]: value } };
    if (name === 'affiliateId') next = withPartnerPreset(next);
    onDraft(next);
    setRowProblems([]);
    // Once a field has been flagged, re-check it as the person fixes it.
    if (errors[name]) {
      const check = parseLinkForm({ ...next.form, [words.listField]: '1' });
      setErrors({ ...errors, [name]: check.ok ? undefined : check.errors[name] });
    }
  }

  /** A new mode or link type: the other fields and lists keep what was typed for them. */
  function choose(next: BulkDraft) {
    onDraft(next);
    setErrors({});
    setEmptyList('');
    setRowProblems([]);
    setRefusal(null);
    setAdding('');
  }
  const setMode = (next: BulkMode) => choose(withPartnerPreset({ ...view.current, mode: next }));
  const setLinkType = (linkType: LinkType) => choose({ ...view.current, form: { ...view.current.form, linkType } });

  function setList(text: string) {
    onDraft({ ...view.current, lists: { ...view.current.lists, [words.listKind]: text } });
    setRowProblems([]);
  }

  function removeInvalid() {
    const removed = list.parsed.invalid.length;
    setList(withoutInvalid(view.current.lists[words.listKind]));
    onAnnounce(`Removed ${plural(removed, 'invalid entry', 'invalid entries')}.`);
    // The button is gone: the list, where the entries were, takes the focus.
    setTimeout(() => document.getElementById(LIST_ID)?.focus(), 0);
  }

  function addId(id: number, name?: string) {
    const current = view.current;
    const text = current.lists[words.listKind].replace(/[\s,;]+$/, '');
    const next: BulkDraft = { ...current, lists: { ...current.lists, [words.listKind]: text === '' ? String(id) : `${text}\n${id}` } };
    if (name !== undefined) {
      const used = new Set(summarizeList(words.listKind, next.lists[words.listKind]).parsed.ids);
      next.names = { ...current.names, [words.listKind]: withName(current.names[words.listKind], id, name, used) };
    }
    onDraft(next);
    setAdding('');
    setRowProblems([]);
    onAnnounce(`Added ${words.one} ${id}${name ? ` · ${name}` : ''} to the list.`);
  }

  function onChoose(field: PickField, id: number, name: string) {
    if (field === words.listField) return addId(id, name);
    const current = view.current;
    const used = new Set([id]);
    onDraft(
      withPartnerPreset({
        ...current,
        form: { ...current.form, [field]: String(id) },
        names: { ...current.names, [words.fixedKind]: withName(current.names[words.fixedKind], id, name, used) },
      }),
    );
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  }

  function onAddKey(event: KeyboardEvent) {
    if (event.key !== 'Enter') return;
    // Enter here adds to the list (or chooses a match, handled by the picker); it never starts the job.
    event.preventDefault();
    const text = adding.trim();
    if (/^\d{1,10}$/.test(text)) {
      const ids = summarizeList(words.listKind, text).parsed.ids;
      if (ids[0] !== undefined) addId(ids[0]);
    }
  }

  function choosePreset(id: string) {
    setPresetId(id);
    const preset = presets.find((p) => p.id === id);
    if (!preset) return;
    const next = { ...view.current, form: applyPreset(view.current.form, preset.values) };
    onDraft(next);
    setErrors({});
    setRowProblems([]);
    if (more.current && hasMoreOptions(next.form)) more.current.open = true;
    onAnnounce(`Applied the preset “${preset.name}”.`);
  }

  async function start(event: Event) {
    event.preventDefault();
    if (blockedReason || starting) return;
    setRefusal(null);
    const check = checkDraft(view.current, new Date(), account?.partnerId);
    if (!check.ok) {
      setErrors(check.fieldErrors);
      setEmptyList(check.listErrors.includes(emptyListMessage(words.listKind)) ? emptyListMessage(words.listKind) : '');
      setRowProblems(check.rowErrors);
      const order: FormField[] = [words.fixedField, ...TEXT_FIELDS, ...MORE_OPTIONS];
      const first = order.find((field) => check.fieldErrors[field]);
      // The fixed ID, then the list, then the shared fields, then the rows: the order they appear in.
      const target =
        first === words.fixedField ? fieldId(first) : check.listErrors.length > 0 ? LIST_ID : first ? fieldId(first) : 'bulk-row-errors';
      if (first && MORE_OPTIONS.includes(first) && more.current) more.current.open = true;
      setTimeout(() => document.getElementById(target)?.focus(), 0);
      return;
    }
    setErrors({});
    setEmptyList('');
    setRowProblems([]);
    setStarting(true);
    if (!account) {
      setRefusal(failure('no-key', MESSAGES.noKey));
      return;
    }
    const reply = await send('bulkStart', { accountId: account.id, mode, form: view.current.form, rows: check.rows });
    setStarting(false);
    if (!reply.ok) {
      setRefusal(reply);
      if (reply.fieldErrors) setErrors(reply.fieldErrors as FieldErrors);
      return;
    }
    focusWhenReady(JOB_HEADING);
  }

  const field = (name: IdField | TextField) => <InputField name={name} value={form[name]} error={errors[name]} onValue={setField} />;
  const fields = { form, errors, onValue: setField, onFlag: setField };
  const listDescribed = ['bulk-list-summary', listErrors.length > 0 ? 'bulk-list-errors' : ''].filter(Boolean).join(' ');

  return (
    <form class="bulk-form" onSubmit={start} noValidate>
      <LinkTypeChoice value={form.linkType} onChoose={setLinkType} />
      <fieldset class="bulk-mode" hidden={partner}>
        <legend>Make links for</legend>
        {BULK_MODES.map((value) => (
          <div class="check" key={value}>
            <input
              type="radio"
              id={`bulk-mode-${value}`}
              name="bulk-mode"
              value={value}
              checked={mode === value}
              onChange={() => setMode(value)}
            />
            <label for={`bulk-mode-${value}`}>{modeWords(value, form.linkType).modeLabel}</label>
          </div>
        ))}
      </fieldset>

      {/* Keyed by link type and mode: the picker attaches to these inputs by id, and the ids change with them. */}
      <div class="bulk-pick" key={`${form.linkType}-${mode}`}>
        <div class="row">
          {partner ? null : field(words.fixedField)}
          <div class="field">
            <label for={fieldId(words.listField)}>{words.addLabel}</label>
            <input
              id={fieldId(words.listField)}
              type="text"
              value={adding}
              autoComplete="off"
              spellcheck={false}
              aria-describedby="bulk-add-note"
              onInput={(event) => setAdding(event.currentTarget.value)}
              onKeyDown={onAddKey}
            />
            <span id="bulk-add-note" class="field-note">
              {ADD_NOTE}
            </span>
          </div>
        </div>
        {pickers && account ? (
          <pickers.Pickers accountId={account.id} offerId={words.fixedField === 'offerId' ? form.offerId : ''} onChoose={onChoose} />
        ) : null}
      </div>

      <div class="field">
        <label for={LIST_ID}>{words.listLabel}</label>
        <textarea
          id={LIST_ID}
          rows={8}
          value={listText}
          spellcheck={false}
          placeholder="Paste IDs separated by commas, spaces or new lines"
          aria-invalid={listErrors.length > 0 ? 'true' : undefined}
          aria-describedby={listDescribed}
          onInput={(event) => setList(event.currentTarget.value)}
        />
        <p id="bulk-list-summary" class="field-note">
          {list.count}
          {list.duplicates ? ` · ${list.duplicates}` : ''}
        </p>
        {listErrors.length > 0 ? (
          // The alert holds the list: a list given another role would leave its items outside any list.
          <div id="bulk-list-errors" class="field-error" role="alert">
            <ul class="bulk-errors">
              {listErrors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {list.parsed.invalid.length > 0 ? (
          <div class="actions">
            <button type="button" onClick={removeInvalid}>
              Remove invalid entries
            </button>
          </div>
        ) : null}
      </div>

      <fieldset class="bulk-shared">
        <legend>The same for every link</legend>
        <div class="field">
          <label for="bulk-preset">Preset</label>
          <select id="bulk-preset" value={presetId} onChange={(event) => choosePreset(event.currentTarget.value)}>
            <option value="">{presets.length > 0 ? 'Choose a preset to fill in these fields' : 'No presets saved yet'}</option>
            {presets.map((preset) => (
              <option key={preset.id} value={preset.id}>
                {preset.name}
              </option>
            ))}
          </select>
        </div>
        {field('sourceId')}
        <SubFields {...fields} />
        <p class="field-note">{TOKEN_HINT}</p>
        <details ref={more} open={moreAtFirst}>
          <summary>More options</summary>
          <MoreOptionFields {...fields} />
        </details>
      </fieldset>

      {rowProblems.length > 0 ? (
        <div id="bulk-row-errors" class="failure" role="alert" tabIndex={-1}>
          <p>These rows cannot be made:</p>
          <ul>
            {rowProblems.slice(0, MAX_ROW_ERRORS_SHOWN).map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
          {rowProblems.length > MAX_ROW_ERRORS_SHOWN ? <p>…and {rowProblems.length - MAX_ROW_ERRORS_SHOWN} more.</p> : null}
        </div>
      ) : null}

      <div class="actions">
        <button
          type="submit"
          class="primary"
          disabled={!!blockedReason || starting}
          aria-describedby={blockedReason ? 'bulk-blocked' : undefined}
        >
          {startLabel(list.parsed)}
        </button>
      </div>
      {blockedReason ? (
        <p id="bulk-blocked" class="field-note">
          {blockedReason}
        </p>
      ) : null}
      {refusal ? (
        <div class="failure">
          <p role="alert">{refusal.message}</p>
          {refusal.kind === 'no-key' ? <a href="../options/options.html">Open the options page to add your API key</a> : null}
        </div>
      ) : null}
    </form>
  );
}
