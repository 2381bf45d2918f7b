// Presets on the options page: each one's name and values as labelled inputs, Save changes, Delete
// (asked in the page first), and Make default / No default. Presets are saved from the popup; this
// page changes the same stored item (presets are not secret), each change one serialised update. An
// administrator's policy's presets come first, read-only ("Set by <organisation>"): they can be made
// the default, never edited or deleted, and a person's own keeps its name here (elsewhere one of the
// same name is shown as "… (yours)": shared/policy/managed-items.ts).
import { useState } from 'preact/hooks';
import { EMPTY_FORM, type LinkForm } from '../shared/link/link-form';
import { FIELD_LABELS, FLAG_FIELDS, TEXT_FIELDS, type TextField } from '../everflow/link-fields';
import { fieldsHoldingKey } from '../ui/key-guard';
import {
  MAX_PRESETS,
  PRESET_ID_FIELDS,
  applyPreset,
  deletePreset,
  presetErrors,
  presetValuesFromForm,
  setDefaultPreset,
  updatePreset,
  type Preset,
  type PresetErrors,
  type PresetList,
  presetsItem,
} from '../shared/presets/presets';
import type { AccountView } from '../shared/protocol/replies';
import { useStored } from '../ui/use-stored';
import { PresetAffiliates, useAffiliateNames } from './preset-affiliates';
import { notSaved } from '../shared/storage/define-item';
import { ConfirmDelete } from './confirm-delete';
import { SetBy, usePolicy } from './policy-parts';
import { isManaged } from '../shared/policy/managed-items';
import { presetsUnder } from '../shared/policy/in-use';
import type { Policy } from '../shared/policy/policy';
import { SectionNotice, type Notice } from './section-notice';
import { SectionIntro } from './section-intro';

export const PRESETS_UNREADABLE = 'The saved presets could not be read, so none are shown; presets you save now are kept as usual.';

type Change = (list: PresetList) => { ok: true; list: PresetList } | { ok: false; message: string };

export function PresetsSection({ accounts }: { accounts: readonly AccountView[] | null }) {
  // A preset saved in the popup meanwhile shows up here.
  // Its own live line, beside the presets: the page's status line is at the top, out of sight from here.
  const [notice, setNotice] = useState<Notice>(null);
  const list = useStored(presetsItem, () => setNotice({ text: PRESETS_UNREADABLE, tone: 'error' }));
  const onNotice = (text: string, tone: 'ok' | 'error') => setNotice({ text, tone });
  const affiliateNames = useAffiliateNames(list, accounts);
  const policy = usePolicy();
  const theirs = list && policy ? presetsUnder(list, policy).presets.filter(isManaged) : [];

  /** Applies a change to the stored list as it is now; true when it was saved. */
  async function change(apply: Change, done: string): Promise<boolean> {
    let result: ReturnType<Change> | undefined;
    try {
      await presetsItem.update((current) => {
        result = apply(current);
        return result.ok ? result.list : current;
      });
    } catch {
      onNotice(notSaved('The presets'), 'error');
      return false;
    }
    if (!result?.ok) {
      onNotice(result?.message ?? 'The presets could not be saved.', 'error');
      return false;
    }
    onNotice(done, 'ok');
    return true;
  }

  return (
    <section id="presets" aria-labelledby="presets-heading">
      <h2 id="presets-heading" tabIndex={-1}>
        Presets
      </h2>
      <SectionIntro
        line={
          <>
            Named sets of Source ID, Sub 1–5 and “More options” values, saved from the popup’s <strong>Presets</strong> button.
          </>
        }
        about="About presets"
      >
        A preset is a named set of Source ID, Sub 1–5 and “More options” values. Save one from the popup’s <strong>Presets</strong> button
        (up to {MAX_PRESETS}); apply it there in one click. Tie a preset to affiliates (partners) and choosing one of them in the popup
        applies it; that wins over the default preset. Those affiliates are of one network account (an affiliate’s ID means nothing on
        another network). The default preset fills every new draft: when you press Clear, and when the popup opens for the first time. Sub
        values may use <code>{'{date}'}</code>, <code>{'{offer_id}'}</code> and <code>{'{affiliate_id}'}</code>, filled in with today’s date
        (YYYY-MM-DD), the offer and the affiliate when the link is made.
      </SectionIntro>
      {/* Waits for the accounts too: a preset's affiliates are one account's. */}
      {list === null || policy === null || theirs.length === 0 ? null : (
        <ul class="presets" aria-label={`Presets set by ${policy.organisationName ?? 'your administrator'}`}>
          {theirs.map((preset) => (
            <li class="preset" key={preset.id}>
              <ManagedPresetView preset={preset} policy={policy} isDefault={list.defaultId === preset.id} change={change} />
            </li>
          ))}
        </ul>
      )}
      {list === null || accounts === null ? null : list.presets.length === 0 ? (
        theirs.length > 0 ? null : (
          <p>No presets yet.</p>
        )
      ) : (
        <ul class="presets">
          {list.presets.map((preset, index) => (
            <li class="preset" key={preset.id}>
              <PresetEditor
                // A change made elsewhere (the popup) starts the editor afresh from the stored preset; tying
                // an affiliate does not, so what is being edited stays.
                key={`${preset.id}:${JSON.stringify({ ...preset, affiliateIds: undefined, accountId: undefined })}`}
                preset={preset}
                index={index}
                isDefault={list.defaultId === preset.id}
                change={change}
              />
              <PresetAffiliates preset={preset} index={index} accounts={accounts} names={affiliateNames} onNotice={onNotice} />
            </li>
          ))}
        </ul>
      )}
      <SectionNotice id="presets-notice" notice={notice} />
    </section>
  );
}

interface EditorProps {
  preset: Preset;
  index: number;
  isDefault: boolean;
  change: (apply: Change, done: string) => Promise<boolean>;
}

function PresetEditor({ preset, index, isDefault, change }: EditorProps) {
  const [name, setName] = useState(preset.name);
  const [form, setForm] = useState<LinkForm>(() => applyPreset(EMPTY_FORM, preset.values));
  const [errors, setErrors] = useState<PresetErrors>({});
  const [confirming, setConfirming] = useState(false);
  const id = (field: string) => `preset-${index}-${field}`;

  async function save(event: Event) {
    event.preventDefault();
    const values = presetValuesFromForm(form);
    const rules = presetErrors(name, values);
    const holding =
      Object.keys(rules).length > 0
        ? {}
        : await fieldsHoldingKey({ name, ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, values[field]])) }, (field) =>
            field === 'name' ? 'The name' : FIELD_LABELS[field as TextField],
          );
    const found: PresetErrors = 'ok' in holding ? { name: holding.message } : { ...rules, ...holding };
    setErrors(found);
    const first = ['name', ...TEXT_FIELDS, ...PRESET_ID_FIELDS].find((field) => found[field as keyof PresetErrors]);
    if (first) {
      document.getElementById(id(first))?.focus();
      return;
    }
    await change((list) => updatePreset(list, preset.id, name, values), `Saved preset “${name.trim()}”.`);
  }

  const text = (field: 'name' | (typeof TEXT_FIELDS)[number] | (typeof PRESET_ID_FIELDS)[number]) => {
    const error = errors[field];
    return (
      <div class="field" key={field}>
        <label for={id(field)}>{field === 'name' ? 'Name' : FIELD_LABELS[field]}</label>
        <input
          id={id(field)}
          type="text"
          value={field === 'name' ? name : form[field]}
          autoComplete="off"
          spellcheck={false}
          inputMode={field === 'name' || TEXT_FIELDS.includes(field as never) ? undefined : 'numeric'}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id(field)}-error` : undefined}
          onInput={(event) => {
            const value = event.currentTarget.value;
            if (field === 'name') setName(value);
            else setForm((current) => ({ ...current, [field]: value }));
          }}
        />
        {error ? (
          <span id={`${id(field)}-error`} class="field-error" role="alert">
            {error}
          </span>
        ) : null}
      </div>
    );
  };

  return (
    <>
      <form aria-label={`Preset ${preset.name}`} onSubmit={save} noValidate>
        <h3>
          {preset.name}
          {isDefault ? <span class="hint"> (default)</span> : null}
        </h3>
        {text('name')}
        <div class="preset-grid">
          {TEXT_FIELDS.map(text)}
          {PRESET_ID_FIELDS.map(text)}
        </div>
        {FLAG_FIELDS.map((field) => (
          <div class="check" key={field}>
            <input
              id={id(field)}
              type="checkbox"
              checked={form[field]}
              onChange={(event) => {
                const checked = event.currentTarget.checked;
                setForm((current) => ({ ...current, [field]: checked }));
              }}
            />
            <label for={id(field)}>{FIELD_LABELS[field]}</label>
          </div>
        ))}
        {confirming ? (
          <ConfirmDelete
            what={`preset “${preset.name}”`}
            onDelete={() => void change((list) => ({ ok: true, list: deletePreset(list, preset.id) }), `Deleted preset “${preset.name}”.`)}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <div class="actions">
            <button type="submit" class="primary">
              Save changes
            </button>
            <DefaultToggle preset={preset} isDefault={isDefault} change={change} />
            <button type="button" onClick={() => setConfirming(true)}>
              Delete
            </button>
          </div>
        )}
      </form>
    </>
  );
}

/** What a preset of the policy sets, as "Label: value" lines (flags by their label alone). */
function presetFacts(preset: Preset): string[] {
  const { values } = preset;
  return [
    ...TEXT_FIELDS.filter((field) => values[field] !== '').map((field) => `${FIELD_LABELS[field]}: ${values[field]}`),
    ...PRESET_ID_FIELDS.filter((field) => values[field] !== undefined).map((field) => `${FIELD_LABELS[field]}: ${values[field]}`),
    ...FLAG_FIELDS.filter((field) => values[field]).map((field) => FIELD_LABELS[field]),
  ];
}

/** A preset of the administrator's policy: shown, never edited; a person may make it their default. */
function ManagedPresetView({ preset, policy, isDefault, change }: Omit<EditorProps, 'index'> & { policy: Policy }) {
  const facts = presetFacts(preset);
  return (
    <section class="managed" aria-label={`Preset ${preset.name}`}>
      <h3>
        {preset.name}
        {isDefault ? <span class="hint"> (default)</span> : null}
      </h3>
      <p>
        <SetBy policy={policy} />: it cannot be changed or deleted here.
      </p>
      {facts.length === 0 ? (
        <p class="hint">It sets no values.</p>
      ) : (
        <ul class="preset-facts">
          {facts.map((fact) => (
            <li key={fact}>{fact}</li>
          ))}
        </ul>
      )}
      <div class="actions">
        <DefaultToggle preset={preset} isDefault={isDefault} change={change} />
      </div>
    </section>
  );
}

/** Make default / No default, for a person's own preset or one of the policy's. */
function DefaultToggle({ preset, isDefault, change }: Omit<EditorProps, 'index'>) {
  return isDefault ? (
    <button
      type="button"
      onClick={() => void change((list) => ({ ok: true, list: setDefaultPreset(list, null) }), 'No preset is the default now.')}
    >
      No default
    </button>
  ) : (
    <button
      type="button"
      onClick={() =>
        void change(
          // A policy's preset is not in the stored list (the policy holds it): setDefaultPreset would refuse its ID.
          (list) => ({ ok: true, list: isManaged(preset) ? { ...list, defaultId: preset.id } : setDefaultPreset(list, preset.id) }),
          `“${preset.name}” is now the default preset for new drafts.`,
        )
      }
    >
      Make default
    </button>
  );
}
