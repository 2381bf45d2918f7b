// The popup's Presets view, loaded with import() when its Presets button is pressed (or when a new
// draft takes the default preset), so none of the presets' code is in the popup's first load. Applying
// a preset fills Source ID, Sub 1–5 and the "More options" it holds, saves the draft and goes back to
// the form; Offer ID and Affiliate ID are never touched.
import { useEffect, useRef, useState } from 'preact/hooks';
import { hasMoreOptions, type LinkForm } from '../shared/link/link-form';
import { idInText, FIELD_LABELS, TEXT_FIELDS, type TextField } from '../everflow/link-fields';
import {
  activePreset,
  applyPreset,
  presetErrors,
  partnerChange,
  presetForNewDraft,
  presetValuesFromForm,
  savePreset,
  withoutPreset,
  type Preset,
  type PresetChange,
  type PresetValues,
  presetsItem,
  presetsOf,
} from '../shared/presets/presets';
import { saveDraft } from './drafts';
import { fieldsHoldingKey } from '../ui/key-guard';
import { useStored } from '../ui/use-stored';
import { SUB_TOKENS } from '../shared/link/sub-tokens';
import { TYPING_PAUSE_MS } from '../ui/field-ids';
import type { PopupState } from './popup-view';
import { notSaved } from '../shared/storage/define-item';
import { presetsInUse } from '../shared/policy/in-use';
import { managedPolicy, setBy } from '../shared/policy/policy';
import { isManaged } from '../shared/policy/managed-items';

/** A preset's texts by field: what could hold the key. */
const textsOf = (values: PresetValues) =>
  Object.fromEntries(TEXT_FIELDS.map((field) => [field, values[field]])) as Record<TextField, string>;

export type SetPopupState = (update: (current: PopupState) => PopupState) => void;

export const TOKEN_HINT = `Subs may use ${SUB_TOKENS.join(', ')}: filled in when the link is made.`;

/** Puts a preset's values into the popup's current form and saves the draft. */
function applyValues(setState: SetPopupState, values: PresetValues, announcement?: string) {
  setState((current) => {
    const form = applyPreset(current.form, values);
    saveDraft(current.accountId ?? undefined, form);
    return {
      ...current,
      form,
      errors: {},
      failed: null,
      moreOpen: current.moreOpen || hasMoreOptions(form),
      ...(announcement === undefined ? {} : { announcement }),
    };
  });
}

/**
 * A new draft (a cleared form, or the popup's first open) takes the preset of the affiliate on it (its
 * partner's preset), or else the default preset, if there is one.
 */
export async function applyDefault(setState: SetPopupState): Promise<void> {
  const list = await presetsInUse.value().catch(() => presetsInUse.fallback());
  if (list.presets.length === 0) return;
  setState((current) => {
    const preset = presetForNewDraft(presetsOf(list, current.accountId ?? undefined), current.form);
    if (!preset || activePreset(list, current.form)?.id === preset.id) return current;
    const form = applyPreset(current.form, preset.values);
    saveDraft(current.accountId ?? undefined, form);
    return { ...current, form, moreOpen: current.moreOpen || hasMoreOptions(form) };
  });
}

/**
 * The Affiliate ID a partner's preset was last considered for, kept by the app (the tag is unmounted
 * while another view shows): only a change from it applies one, so a restored draft, or a preset the
 * person removed for this link, is left as it is.
 */
export interface PartnerMemory {
  seen: string;
}

const forWhom = (affiliateId: string, name: string | undefined) => name || `affiliate ${affiliateId.trim()}`;

/**
 * "Preset: Newsletter Q1 ×" above the fields while the form holds a preset's values, so what will be
 * sent is visible; × empties what the preset filled in (this link only: the preset itself stays). It
 * also applies a partner's preset when the Affiliate ID becomes one of its affiliates (typed, picked,
 * Use again, Clear's recent affiliate), once typing pauses, never over a restored draft: "(for Acme
 * Media)" then says why it is there.
 */
export function PresetTag({
  accountId,
  form,
  onApply,
  affiliateName,
  memory,
}: {
  /** The account shown: only its own partners' presets apply by themselves. */
  accountId: string;
  form: LinkForm;
  onApply: SetPopupState;
  affiliateName?: string | undefined;
  memory: PartnerMemory;
}) {
  const list = useStored(presetsInUse);
  const name = useRef(affiliateName);
  name.current = affiliateName;

  useEffect(() => {
    const affiliate = form.affiliateId.trim();
    if (!list || affiliate === memory.seen) return;
    const timer = setTimeout(() => {
      const before = memory.seen;
      memory.seen = affiliate;
      onApply((current) => {
        if (current.form.affiliateId.trim() !== affiliate) return current;
        const change = partnerChange(presetsOf(list, current.accountId ?? undefined), current.form, before);
        if (!change) return current;
        saveDraft(current.accountId ?? undefined, change.form);
        if ('applied' in change) {
          const announcement = `Preset “${change.applied.name}” applied for ${forWhom(affiliate, name.current)}.`;
          return { ...current, form: change.form, errors: {}, moreOpen: current.moreOpen || hasMoreOptions(change.form), announcement };
        }
        return {
          ...current,
          form: change.form,
          errors: {},
          announcement: `Preset “${change.removed.name}” removed: it is not for affiliate ${affiliate}.`,
        };
      });
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [list, form.affiliateId]);

  const preset = list ? activePreset(list, form) : undefined;
  if (!preset) return null;
  const partnerOf =
    (preset.accountId === undefined || preset.accountId === accountId) && preset.affiliateIds.includes(idInText(form.affiliateId) ?? 0);
  const remove = () =>
    onApply((current) => {
      const next = withoutPreset(current.form);
      saveDraft(current.accountId ?? undefined, next);
      return { ...current, form: next, errors: {}, announcement: `Preset “${preset.name}” removed from this link.` };
    });
  return (
    <p class="preset-tag">
      <span>
        Preset: <strong>{preset.name}</strong>
        {partnerOf ? ` (for ${forWhom(form.affiliateId, affiliateName)})` : null}
      </span>
      <button type="button" class="preset-remove" aria-label={`Remove preset ${preset.name} from this link`} onClick={remove}>
        ×
      </button>
    </p>
  );
}

export interface PresetsPanelProps {
  form: LinkForm;
  onBack: () => void;
  onApply: SetPopupState;
}

const focusSoon = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);

export function PresetsPanel({ form, onBack, onApply }: PresetsPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useStored(presetsInUse);
  const policy = useStored(managedPolicy);
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  useEffect(() => {
    heading.current?.focus();
  }, []);

  function back(focus = 'open-presets') {
    onBack();
    focusSoon(focus);
  }

  function apply(preset: Preset) {
    applyValues(onApply, preset.values, `Preset “${preset.name}” applied.`);
    back('field-offerId');
  }

  async function save(event: Event) {
    event.preventDefault();
    const values = presetValuesFromForm(form);
    const errors = presetErrors(name, values);
    const first = Object.values(errors)[0];
    if (first) {
      setError(errors.name ?? `${first} Fix it in the form first.`);
      setStatus('');
      document.getElementById('preset-name')?.focus();
      return;
    }
    const holding = await fieldsHoldingKey({ name, ...textsOf(values) }, (field) => (field === 'name' ? 'The name' : FIELD_LABELS[field]));
    const held = 'ok' in holding ? holding.message : Object.values(holding)[0];
    if (held) {
      setError('ok' in holding || holding.name ? held : `${held} Fix it in the form first.`);
      setStatus('');
      return;
    }
    let change: PresetChange | undefined;
    try {
      await presetsItem.update((current) => {
        change = savePreset(current, name, values, crypto.randomUUID());
        return change.ok ? change.list : current;
      });
    } catch {
      setError(notSaved('The preset'));
      return;
    }
    if (!change?.ok) {
      setError(change?.message ?? 'The preset could not be saved.');
      return;
    }
    setError('');
    setName('');
    setStatus(`Saved preset “${name.trim()}”.`);
  }

  return (
    <main>
      <header class="popup-header">
        <h1 ref={heading} tabIndex={-1}>
          Presets
        </h1>
        <div class="actions">
          <a href={chrome.runtime.getURL('src/options/options.html#presets')} target="_blank" rel="noopener">
            Edit presets
          </a>
          <button type="button" onClick={() => back()}>
            Back
          </button>
        </div>
      </header>
      {list === null ? null : list.presets.length === 0 ? (
        <p class="field-note">No presets yet: fill in Source ID, the subs and options, then save them here.</p>
      ) : (
        <ul style={{ listStyle: 'none', margin: '0 0 10px', padding: 0, maxHeight: '260px', overflowY: 'auto' }}>
          {list.presets.map((preset) => (
            <li key={preset.id} style={{ display: 'flex', gap: '8px', alignItems: 'center', padding: '3px 0' }}>
              <span style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                {preset.name}
                {list.defaultId === preset.id ? (
                  <span class="field-note" style={{ display: 'inline' }}>
                    {' '}
                    (default)
                  </span>
                ) : null}
                {policy && isManaged(preset) ? (
                  <span class="field-note" style={{ display: 'inline' }}>
                    {' '}
                    · {setBy(policy)}
                  </span>
                ) : null}
              </span>
              <button type="button" aria-label={`Apply ${preset.name}`} onClick={() => apply(preset)}>
                Apply
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={save} noValidate>
        <div class="field">
          <label for="preset-name">Save current as preset</label>
          <div style={{ display: 'flex', gap: '8px' }}>
            <input
              id="preset-name"
              type="text"
              value={name}
              maxLength={200}
              placeholder="Preset name"
              autoComplete="off"
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? 'preset-name-error' : 'preset-hint'}
              onInput={(event) => setName(event.currentTarget.value)}
            />
            <button type="submit" class="primary">
              Save
            </button>
          </div>
          {error ? (
            <span id="preset-name-error" class="field-error" role="alert">
              {error}
            </span>
          ) : null}
        </div>
      </form>
      <p id="preset-hint" class="field-note">
        A preset keeps Source ID, Sub 1–5 and the “More options” set now, never the offer, smart link or affiliate, so it works for both
        kinds of link. {TOKEN_HINT}
      </p>
      <p class="announcement" role="status" aria-live="polite">
        {status}
      </p>
    </main>
  );
}
