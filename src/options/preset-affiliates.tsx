// The affiliates (partners) a preset is for, on the options page: each listed with its name when
// Everflow gives it, with Remove; "Add affiliate" ties one more by ID. Choosing one of them in the
// popup applies the preset. An affiliate belongs to one preset at most: the refusal, beside the
// field, names the preset it is tied to.
import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../shared/protocol/connector';
import {
  MAX_PRESET_AFFILIATES,
  affiliateWords,
  presetsItem,
  tieAffiliate,
  untieAffiliate,
  type Preset,
  type PresetChange,
  type PresetList,
} from '../shared/presets/presets';
import { idInText } from '../everflow/link-fields';
import { notSaved } from '../shared/storage/define-item';

/** The names of the affiliates tied to any preset, asked of the background once each (it caches them). */
export function useAffiliateNames(list: PresetList | null): ReadonlyMap<number, string> {
  const [names, setNames] = useState<ReadonlyMap<number, string>>(new Map());
  const asked = useRef(new Set<number>());
  const ids = list ? [...new Set(list.presets.flatMap((preset) => preset.affiliateIds))] : [];
  useEffect(() => {
    for (const id of ids) {
      if (asked.current.has(id)) continue;
      asked.current.add(id);
      void send('name', { kind: 'affiliate', id }).then((reply) => {
        // No key, or Everflow unreachable: the ID alone is shown.
        if (reply.ok && reply.option) setNames((current) => new Map(current).set(id, reply.option!.name));
      });
    }
  }, [ids.join(',')]);
  return names;
}

/** One serialised change to the stored presets, with its outcome. */
async function savePresets(apply: (list: PresetList) => PresetChange): Promise<PresetChange> {
  let result: PresetChange = { ok: false, message: 'The presets could not be saved.' };
  try {
    await presetsItem.update((current) => {
      result = apply(current);
      return result.ok ? result.list : current;
    });
  } catch {
    return { ok: false, message: notSaved('The presets') };
  }
  return result;
}

interface PresetAffiliatesProps {
  preset: Preset;
  index: number;
  names: ReadonlyMap<number, string>;
  onNotice: (text: string, tone: 'ok' | 'error') => void;
}

export function PresetAffiliates({ preset, index, names, onNotice }: PresetAffiliatesProps) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState('');
  const inputId = `preset-${index}-affiliate`;
  const listId = `preset-${index}-affiliates`;

  async function add(event: Event) {
    event.preventDefault();
    const id = idInText(typed);
    if (id === undefined) {
      setError(typed.trim() === '' ? 'Enter the affiliate’s ID.' : 'Use the affiliate’s number, e.g. 7.');
      document.getElementById(inputId)?.focus();
      return;
    }
    const result = await savePresets((list) => tieAffiliate(list, preset.id, id, names.get(id)));
    if (!result.ok) {
      setError(result.message);
      document.getElementById(inputId)?.focus();
      return;
    }
    setError('');
    setTyped('');
    onNotice(`${affiliateWords(id, names.get(id))} now gets the preset “${preset.name}”.`, 'ok');
  }

  async function remove(id: number) {
    const result = await savePresets((list) => ({ ok: true, id: preset.id, list: untieAffiliate(list, preset.id, id) }));
    if (!result.ok) {
      onNotice(result.message, 'error');
      return;
    }
    onNotice(`${affiliateWords(id, names.get(id))} no longer gets the preset “${preset.name}”.`, 'ok');
    document.getElementById(inputId)?.focus();
  }

  return (
    <form class="preset-affiliates" aria-label={`Affiliates for ${preset.name}`} onSubmit={add} noValidate>
      <h4 id={listId}>For these affiliates</h4>
      {preset.affiliateIds.length === 0 ? (
        <p class="hint">None: this preset is applied only when you choose it.</p>
      ) : (
        <ul aria-labelledby={listId}>
          {preset.affiliateIds.map((id) => (
            <li key={id}>
              <span>
                {id}
                {names.get(id) ? ` · ${names.get(id)}` : ''}
              </span>
              <button
                type="button"
                aria-label={`Remove ${affiliateWords(id, names.get(id))} from ${preset.name}`}
                onClick={() => void remove(id)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="field">
        <label for={inputId}>Add affiliate (ID)</label>
        <div class="preset-affiliate-add">
          <input
            id={inputId}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={typed}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${inputId}-error` : `${inputId}-hint`}
            onInput={(event) => setTyped(event.currentTarget.value)}
          />
          <button type="submit">Add</button>
        </div>
        {error ? (
          <span id={`${inputId}-error`} class="field-error" role="alert">
            {error}
          </span>
        ) : (
          <span id={`${inputId}-hint`} class="hint">
            Choosing one of them in the popup applies this preset (up to {MAX_PRESET_AFFILIATES}; an affiliate gets one preset at most).
          </span>
        )}
      </div>
    </form>
  );
}
