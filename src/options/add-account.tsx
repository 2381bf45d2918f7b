// "Add an account": an API key, its region and where it is kept. The background asks Everflow whose key
// it is (a network's or a partner's; a region that does not know it is tried the other way once, unless
// an administrator's policy pins the region: then only that one is offered, and asked) and
// answers one sentence: said in the accounts' status line when the account is added, under the key
// field when it is not. The typed key stays for a fix after a refusal and is emptied once kept.
import { useState } from 'preact/hooks';
import { REGION_IDS, type Region } from '../everflow/regions';
import type { Account } from '../shared/accounts/accounts';
import { send } from '../shared/protocol/connector';
import { policyOwner, type Policy } from '../shared/policy/policy';
import { regionWords } from './account-words';
import { KeyField, useKeyEntry } from './key-field';
import { SetBy } from './policy-parts';

export const ADD_KEY_FIELD = 'api-key';
export const focusAddKeyField = () => document.getElementById(ADD_KEY_FIELD)?.focus();

interface Props {
  /** The administrator's policy ({} when none): a region it pins is the only one offered; session-only keys lock the checkbox. */
  policy: Policy;
  /** The accounts' status line: what is happening now (checking), and the sentence of an account added. */
  onStatus: (text: string) => void;
  onAdded: (account: Account) => void;
}

export function AddAccount({ policy, onStatus, onAdded }: Props) {
  const [chosen, setRegion] = useState<Region>('us');
  const [ownChoice, setSessionOnly] = useState(false);
  const region = policy.region ?? chosen;
  const locked = policy.sessionOnlyKeys === true;
  const sessionOnly = locked || ownChoice;
  const regions = policy.region === undefined ? REGION_IDS : [policy.region];
  const entry = useKeyEntry(ADD_KEY_FIELD);

  async function add(event: Event) {
    event.preventDefault();
    const reply = await entry.submit((key) => {
      onStatus('Checking the key with Everflow…');
      return send('addAccount', { key, region, sessionOnly });
    });
    // Refused: said under the key field, so the status line says nothing.
    if (!reply?.ok) return onStatus('');
    onStatus(reply.message);
    onAdded(reply.account);
  }

  return (
    <section class="add-account" aria-labelledby="add-account-heading">
      <h3 id="add-account-heading">Add an account</h3>
      <p class="hint">
        A <strong>network</strong> API key from Everflow’s Control Center (Security → API Keys), or the <strong>partner</strong> API key
        your network gave you. Everflow is asked whose key it is before it is kept; the key stays in this browser and is sent only to
        Everflow’s API.
      </p>
      <form onSubmit={add} noValidate>
        <KeyField label="API key" {...entry.field} />
        <div class="field">
          <label for="region">Region</label>
          <select
            id="region"
            value={region}
            disabled={policy.region !== undefined}
            aria-describedby="region-hint"
            onChange={(event) => setRegion(event.currentTarget.value as Region)}
          >
            {regions.map((id) => (
              <option key={id} value={id}>
                {regionWords(id)}
              </option>
            ))}
          </select>
          <span id="region-hint" class="field-note">
            {policy.region === undefined
              ? 'Where your Everflow account is hosted; if Everflow there does not know the key, the other region is tried.'
              : `Every account is in ${regionWords(policy.region)}: set by ${policyOwner(policy)}.`}
          </span>
        </div>
        <div class="check">
          <input
            id="session-only"
            type="checkbox"
            checked={sessionOnly}
            disabled={locked}
            aria-describedby={locked ? 'session-only-set-by' : undefined}
            onChange={(event) => setSessionOnly(event.currentTarget.checked)}
          />
          <label for="session-only">Keep this key only until the browser closes</label>
          {locked ? <SetBy policy={policy} id="session-only-set-by" /> : null}
        </div>
        <div class="actions">
          <button type="submit" class="primary" disabled={entry.busy}>
            Add account
          </button>
        </div>
      </form>
    </section>
  );
}
