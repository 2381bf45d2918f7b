// The name and status beside each offer, smart link and affiliate ID in the popup, wherever the ID
// came from (typed, the dashboard page, the right-click menu, the restored draft, Use again, a
// picker), asked of the background with the `name` message (cached there like the pickers'
// look-ups), and the sentence said when a link to it will not track. The app starts it once it has
// taken over the form, never before: the form is usable first, and startup.ts knows nothing of it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { idInText, usesField } from '../everflow/link-fields';
import type { LookupOption, NameKind } from '../everflow/lookups';
import { send } from '../shared/protocol/connector';
import type { LinkForm } from '../shared/link/link-form';
import type { Names } from '../shared/link/names';
import { TYPING_PAUSE_MS } from '../ui/field-ids';

export type NamedField = 'offerId' | 'campaignId' | 'affiliateId';
export const NAME_KIND: Record<NamedField, NameKind> = { offerId: 'offer', campaignId: 'campaign', affiliateId: 'affiliate' };
const FIELDS = Object.keys(NAME_KIND) as NamedField[];

/** What the popup shows about one ID: its name and status, and what a manager must know first. */
export interface IdNote {
  name?: string | undefined;
  status?: string | undefined;
  warning?: string | undefined;
}
export type IdNotes = Partial<Record<NamedField, IdNote>>;

/** `accountId`'s offers and affiliates are its network's: another account's offer 42 is another offer. */
export function useIdNames(accountId: string | null, form: LinkForm) {
  const keyOf = (field: NamedField, id: number) => `${accountId}:${NAME_KIND[field]}:${id}`;
  // Answers by "kind:id", so going back to an ID typed before shows its name at once. null: Everflow has none.
  const [found, setFound] = useState<Record<string, LookupOption | null>>({});
  /** Asked or answered: never asked twice while the popup is open. */
  const asked = useRef(new Set<string>());
  const started = useRef(false);
  // Only the fields the chosen kind of link uses: a hidden smart link ID is not looked up.
  const ids = FIELDS.map((field) => (usesField(form.linkType, field) ? idInText(form[field]) : undefined));

  useEffect(() => {
    // The IDs the popup opened with at once; typed ones when typing pauses, never per keystroke.
    const wait = started.current ? TYPING_PAUSE_MS : 0;
    started.current = true;
    const timers = FIELDS.flatMap((field, index) => {
      const id = ids[index];
      return id === undefined || asked.current.has(keyOf(field, id)) ? [] : [setTimeout(() => void ask(field, id), wait)];
    });
    return () => timers.forEach(clearTimeout);
  }, [accountId, ...ids]);

  async function ask(field: NamedField, id: number) {
    const key = keyOf(field, id);
    if (!accountId) return;
    asked.current.add(key);
    // The channel: the background drops this field's older look-up for a newer one.
    const reply = await send('name', { accountId, kind: NAME_KIND[field], id, channel: `name-${field}` });
    if (reply.ok) setFound((current) => ({ ...current, [key]: reply.option }));
    // No answer (no key, Everflow unreachable, replaced by a newer ID): asked again should the ID come back.
    else asked.current.delete(key);
  }

  const notes: IdNotes = {};
  FIELDS.forEach((field, index) => {
    const id = ids[index];
    const key = id === undefined ? '' : keyOf(field, id);
    if (id === undefined || !(key in found)) return;
    const option = found[key]!;
    notes[field] = { name: option?.name, status: option?.status, warning: idWarning(NAME_KIND[field], id, option) };
  });

  return {
    notes,
    /** A picker's choice: its name and status are known already, so nothing is asked. */
    remember(field: NamedField, option: LookupOption) {
      const key = keyOf(field, option.id);
      asked.current.add(key);
      setFound((current) => ({ ...current, [key]: option }));
    },
    /** The names known for the IDs in `form`, sent with the link so its history entry carries them. */
    namesFor(submitted: LinkForm): Names {
      const names: Names = {};
      for (const field of FIELDS) {
        const id = usesField(submitted.linkType, field) ? idInText(submitted[field]) : undefined;
        const option = id === undefined ? undefined : found[keyOf(field, id)];
        if (option) names[NAME_KIND[field]] = option.name;
      }
      return names;
    },
  };
}

const WHAT: Record<NameKind, string> = { offer: 'Offer', campaign: 'Smart link', affiliate: 'Affiliate' };

/**
 * What a manager must know about an ID before making a link with it, as one sentence, or undefined
 * when nothing: Everflow has nothing by that ID (`found` null), or has it but not active (its own
 * status word, e.g. paused, inactive, deleted). Clicks on such a link do not track.
 */
export function idWarning(kind: NameKind, id: number, found: { status?: string | undefined } | null): string | undefined {
  if (found === null) return `Everflow has no ${WHAT[kind].toLowerCase()} ${id}; check the ID.`;
  const status = found.status?.trim().toLowerCase().replaceAll('_', ' ');
  if (!status || status === 'active') return undefined;
  return kind === 'affiliate'
    ? `Affiliate ${id} is ${status} in Everflow: links for it will not track.`
    : `${WHAT[kind]} ${id} is ${status} in Everflow: links to it will not track.`;
}
