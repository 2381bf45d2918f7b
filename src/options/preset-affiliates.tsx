// The affiliates (partners) a preset is for, on the options page: each listed with its name when
// Everflow gives it, with Remove; "Add affiliate" ties one more by ID. Choosing one of them in the
// popup applies the preset. An affiliate's ID is its network's, so a preset's affiliates are all of one
// network account: with several, a preset tied to none yet picks its account first ("Account"); partner
// accounts have no affiliates to tie. An affiliate belongs to one preset at most: the refusal, beside
// the field, names the preset it is tied to.
import { useEffect, useRef, useState } from 'preact/hooks';
import { accountName } from '../shared/accounts/accounts';
import { send } from '../shared/protocol/connector';
import type { AccountView } from '../shared/protocol/replies';
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

/** An affiliate's name, known by its account and ID. */
export type AffiliateNames = ReadonlyMap<string, string>;
const nameKey = (accountId: string, id: number) => `${accountId}:${id}`;

/** The network account a preset's affiliates are of: its own, or (tied before accounts) the only network account. */
function accountOf(preset: Preset, accounts: readonly AccountView[]): AccountView | undefined {
  if (preset.accountId !== undefined) return accounts.find((account) => account.id === preset.accountId);
  const networks = accounts.filter((account) => account.kind === 'network');
  return networks.length === 1 ? networks[0] : undefined;
}

/** The names of the affiliates tied to any preset, asked of the background once each for its account (it caches them). */
export function useAffiliateNames(list: PresetList | null, accounts: readonly AccountView[] | null): AffiliateNames {
  const [names, setNames] = useState<AffiliateNames>(new Map());
  const asked = useRef(new Set<string>());
  const wanted = (list?.presets ?? []).flatMap((preset) => {
    const account = accounts && accountOf(preset, accounts);
    return account ? preset.affiliateIds.map((id) => ({ accountId: account.id, id })) : [];
  });
  useEffect(() => {
    for (const { accountId, id } of wanted) {
      const key = nameKey(accountId, id);
      if (asked.current.has(key)) continue;
      asked.current.add(key);
      void send('name', { accountId, kind: 'affiliate', id }).then((reply) => {
        // No key, or Everflow unreachable: the ID alone is shown.
        if (reply.ok && reply.option) setNames((current) => new Map(current).set(key, reply.option!.name));
      });
    }
  }, [wanted.map(({ accountId, id }) => nameKey(accountId, id)).join(',')]);
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
  accounts: readonly AccountView[];
  names: AffiliateNames;
  onNotice: (text: string, tone: 'ok' | 'error') => void;
}

export function PresetAffiliates({ preset, index, accounts, names, onNotice }: PresetAffiliatesProps) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState('');
  const networks = accounts.filter((account) => account.kind === 'network');
  const tied = preset.affiliateIds.length > 0;
  const [picked, setPicked] = useState<string | undefined>(undefined);
  // Tied: the preset's account. Not yet: the one picked, else the first network account.
  const account = tied ? accountOf(preset, accounts) : (networks.find((candidate) => candidate.id === picked) ?? networks[0]);
  const nameOf = (id: number) => (account ? names.get(nameKey(account.id, id)) : undefined);
  const inputId = `preset-${index}-affiliate`;
  const listId = `preset-${index}-affiliates`;
  const accountId = `preset-${index}-account`;

  async function add(event: Event) {
    event.preventDefault();
    if (!account) return;
    const id = idInText(typed);
    if (id === undefined) {
      setError(typed.trim() === '' ? 'Enter the affiliate’s ID.' : 'Use the affiliate’s number, e.g. 7.');
      document.getElementById(inputId)?.focus();
      return;
    }
    const result = await savePresets((list) => tieAffiliate(list, preset.id, id, nameOf(id), account.id));
    if (!result.ok) {
      setError(result.message);
      document.getElementById(inputId)?.focus();
      return;
    }
    setError('');
    setTyped('');
    onNotice(`${affiliateWords(id, nameOf(id))} now gets the preset “${preset.name}”.`, 'ok');
  }

  async function remove(id: number) {
    const result = await savePresets((list) => ({ ok: true, id: preset.id, list: untieAffiliate(list, preset.id, id) }));
    if (!result.ok) {
      onNotice(result.message, 'error');
      return;
    }
    onNotice(`${affiliateWords(id, nameOf(id))} no longer gets the preset “${preset.name}”.`, 'ok');
    document.getElementById(inputId)?.focus();
  }

  return (
    <form class="preset-affiliates" aria-label={`Affiliates for ${preset.name}`} onSubmit={add} noValidate>
      <h4 id={listId}>For these affiliates</h4>
      {!tied ? (
        <p class="hint">None: this preset is applied only when you choose it.</p>
      ) : (
        <>
          {accounts.length > 1 ? <p class="hint">Affiliates of {account ? accountName(account) : 'an account no longer saved'}.</p> : null}
          <ul aria-labelledby={listId}>
            {preset.affiliateIds.map((id) => (
              <li key={id}>
                <span>
                  {id}
                  {nameOf(id) ? ` · ${nameOf(id)}` : ''}
                </span>
                <button
                  type="button"
                  aria-label={`Remove ${affiliateWords(id, nameOf(id))} from ${preset.name}`}
                  onClick={() => void remove(id)}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {!tied && networks.length > 1 ? (
        <div class="field">
          <label for={accountId}>Account</label>
          <select id={accountId} value={account?.id} onChange={(event) => setPicked(event.currentTarget.value)}>
            {networks.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {accountName(candidate)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {account ? (
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
      ) : (
        <p class="hint">
          {tied
            ? 'The account these affiliates are of is no longer saved: remove them, or add its API key again.'
            : 'Affiliates are a network’s: add a network API key under Everflow accounts to tie this preset to some.'}
        </p>
      )}
    </form>
  );
}
