/** @jsxImportSource preact */
// What a new offer (or smart link) keeps of the form: Source ID and the subs, or nothing. One setting,
// applied at once and said beside it; the popup states the rule next to its subs.
import { useEffect, useState } from 'preact/hooks';
import { send } from '../shared/protocol/connector';
import type { NewOfferSubs } from '../shared/settings/settings';

export const NEW_OFFER_CHOICES: Record<NewOfferSubs, string> = {
  keep: 'Keep Source ID and subs',
  clear: 'Clear Source ID and subs (the default preset, if any, fills them again)',
};

export function NewOfferSection({ saved }: { saved: NewOfferSubs | undefined }) {
  const [chosen, setChosen] = useState<NewOfferSubs | undefined>(saved);
  const [note, setNote] = useState('');
  useEffect(() => setChosen(saved), [saved]);

  async function choose(value: NewOfferSubs) {
    setChosen(value);
    const reply = await send('updateSettings', { newOfferSubs: value });
    setNote(reply.ok ? `Saved: a new offer will ${value === 'keep' ? 'keep' : 'clear'} Source ID and subs.` : reply.message);
  }

  return (
    <section aria-labelledby="new-offer-heading">
      <h3 id="new-offer-heading">A new offer or smart link</h3>
      <fieldset class="choices">
        <legend>When the popup moves to another offer or smart link (opened on its page, or after a link is made)</legend>
        {(Object.keys(NEW_OFFER_CHOICES) as NewOfferSubs[]).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="new-offer-subs"
              value={value}
              checked={chosen === value}
              disabled={chosen === undefined}
              onChange={() => void choose(value)}
            />
            {NEW_OFFER_CHOICES[value]}
          </label>
        ))}
      </fieldset>
      {/* Live, but not the page's status line (role=status is the one at the top). */}
      <p class="hint" aria-live="polite">
        {note}
      </p>
    </section>
  );
}
