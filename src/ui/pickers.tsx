// The Offer, Smart link and Affiliate pickers (ARIA combobox over the existing inputs) and the "More options"
// suggestion lists. Loaded with import() on the first focus of an ID field, so none of it is in the
// popup's first load. Typing a bare number never searches; a failed search only leaves a short note.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LookupKind, LookupOption } from '../everflow/lookups';
import { send } from '../shared/protocol/connector';
import type { IdField } from '../everflow/link-fields';
import { TYPING_PAUSE_MS, fieldId } from './field-ids';

export type PickField = 'offerId' | 'campaignId' | 'affiliateId';
const PICK_FIELDS: readonly PickField[] = ['offerId', 'campaignId', 'affiliateId'];
type ListField = Exclude<IdField, PickField>;

const SEARCH: Record<PickField, { kind: LookupKind; what: string }> = {
  offerId: { kind: 'offers', what: 'offers' },
  campaignId: { kind: 'campaigns', what: 'smart links' },
  affiliateId: { kind: 'affiliates', what: 'affiliates' },
};
const LISTS: Record<ListField, { kind: LookupKind; needsOffer: boolean }> = {
  trackingDomainId: { kind: 'trackingDomains', needsOffer: false },
  offerUrlId: { kind: 'offerUrls', needsOffer: true },
  creativeId: { kind: 'creatives', needsOffer: true },
  trafficSourceId: { kind: 'trafficSources', needsOffer: false },
};
const LISTBOX = 'picker-listbox';
const isId = (text: string) => /^\d+$/.test(text);

export const optionLabel = (option: LookupOption) => `${option.id} · ${option.name}${option.status ? ` (${option.status})` : ''}`;

interface Props {
  /** The account whose network is searched (the pickers are remounted for another account: their answers are its own). */
  accountId: string;
  /** A partner's offer search also lists the offers it still awaits approval for. */
  awaiting?: boolean;
  /** The Offer ID field as typed: offer URLs and creatives belong to the chosen offer. */
  offerId: string;
  /** The Affiliate ID field as typed: offer URLs open to that affiliate, and its own tracking domain. */
  affiliateId?: string;
  /** `status` as Everflow gave it, when it did (e.g. "paused"). */
  onChoose: (field: PickField, id: number, name: string, status?: string) => void;
  /** Fields flagged by the form's check: their own message replaces a search note (one message at a time). */
  flagged?: ReadonlySet<string>;
}

export function Pickers({ accountId, awaiting = false, offerId, affiliateId = '', onChoose, flagged }: Props) {
  const [open, setOpen] = useState<{ field: PickField; options: LookupOption[] } | null>(null);
  const [active, setActive] = useState(-1);
  const [note, setNoteState] = useState<{ field: PickField; text: string } | null>(null);
  const setNote = (text: string, field?: PickField) => setNoteState(text && field ? { field, text } : null);
  const [lists, setLists] = useState<Partial<Record<ListField, LookupOption[]>>>({});
  const view = useRef({ open, active, offerId, affiliateId, awaiting });
  view.current = { open, active, offerId, affiliateId, awaiting };
  const answers = useRef(new Map<string, LookupOption[]>());

  function close() {
    setOpen(null);
    setActive(-1);
  }

  function choose(field: PickField, option: LookupOption) {
    onChoose(field, option.id, option.name, option.status);
    setNote('');
    close();
  }

  useEffect(() => {
    const timers: Partial<Record<PickField, ReturnType<typeof setTimeout>>> = {};
    const latest: Record<PickField, string> = { offerId: '', campaignId: '', affiliateId: '' };
    const removers: (() => void)[] = [];
    const listen = (input: HTMLElement, type: string, handler: (event: Event) => void) => {
      input.addEventListener(type, handler);
      removers.push(() => input.removeEventListener(type, handler));
    };

    for (const field of PICK_FIELDS) {
      const input = document.getElementById(fieldId(field));
      if (!input) continue;
      input.setAttribute('role', 'combobox');
      input.setAttribute('aria-autocomplete', 'list');
      input.setAttribute('aria-expanded', 'false');
      input.setAttribute('placeholder', 'Name or ID');

      const search = () => {
        const text = (input as HTMLInputElement).value.trim();
        latest[field] = text;
        clearTimeout(timers[field]);
        setNote('');
        if (text.length < 2 || isId(text)) return close();
        const asked = `${field}|${view.current.awaiting}|${text.toLowerCase()}`;
        const known = answers.current.get(asked);
        if (known) return show(field, text, known);
        // One request per pause in typing; the background cancels the previous one for this field.
        timers[field] = setTimeout(async () => {
          const { awaiting: withAwaiting } = view.current;
          const reply = await send('lookup', {
            accountId,
            kind: SEARCH[field].kind,
            query: text,
            channel: field,
            ...(withAwaiting ? { awaiting: true } : {}),
          });
          if (latest[field] !== text) return;
          if (reply.ok) {
            answers.current.set(asked, reply.options);
            show(field, text, reply.options);
          } else {
            close();
            setNote(`Search is unavailable: ${reply.message} Enter the ID instead.`, field);
          }
        }, TYPING_PAUSE_MS);
      };
      listen(input, 'input', search);
      // What was typed before these pickers loaded (the popup takes input from its first paint) is searched for too.
      if (document.activeElement === input) search();

      listen(input, 'keydown', (event) => {
        const { key } = event as KeyboardEvent;
        const { open: list, active: current } = view.current;
        if (!list || list.field !== field) return;
        const count = list.options.length;
        if (key === 'ArrowDown' || key === 'ArrowUp') {
          event.preventDefault();
          setActive(key === 'ArrowDown' ? (current + 1) % count : (current - 1 + count) % count);
        } else if (key === 'Enter' && current >= 0) {
          // Choosing, not submitting the form.
          event.preventDefault();
          choose(field, list.options[current]!);
        } else if (key === 'Escape') {
          event.preventDefault();
          close();
        }
      });
      listen(input, 'blur', close);
    }

    for (const field of Object.keys(LISTS) as ListField[]) {
      const input = document.getElementById(fieldId(field));
      if (!input) continue;
      input.setAttribute('list', `list-${field}`);
      listen(input, 'focus', () => void loadList(field));
    }
    return () => {
      for (const remove of removers) remove();
      for (const timer of Object.values(timers)) clearTimeout(timer);
    };
  }, []);

  function show(field: PickField, text: string, options: LookupOption[]) {
    setActive(-1);
    if (options.length === 0) {
      setOpen(null);
      setNote(`No ${SEARCH[field].what} match “${text}”.`, field);
      return;
    }
    setOpen({ field, options });
  }

  async function loadList(field: ListField) {
    const { kind, needsOffer } = LISTS[field];
    const offer = view.current.offerId.trim();
    if (needsOffer && !isId(offer)) return;
    const affiliate = view.current.affiliateId.trim();
    const reply = await send('lookup', {
      accountId,
      kind,
      query: '',
      ...(needsOffer ? { offerId: Number(offer) } : {}),
      ...(isId(affiliate) ? { affiliateId: Number(affiliate) } : {}),
    });
    // A list that cannot be loaded leaves plain ID entry, which always works.
    if (reply.ok) setLists((current) => ({ ...current, [field]: reply.options }));
  }

  // The inputs are not ours to render, so their combobox state is set on them directly.
  useEffect(() => {
    for (const field of PICK_FIELDS) {
      const input = document.getElementById(fieldId(field));
      const mine = open?.field === field;
      input?.setAttribute('aria-expanded', String(mine));
      if (mine) input?.setAttribute('aria-controls', LISTBOX);
      else input?.removeAttribute('aria-controls');
      if (mine && active >= 0) input?.setAttribute('aria-activedescendant', `picker-option-${active}`);
      else input?.removeAttribute('aria-activedescendant');
    }
  }, [open, active]);

  return (
    <>
      {open ? (
        <ul
          id={LISTBOX}
          role="listbox"
          aria-label={`Matching ${SEARCH[open.field].what}`}
          style={{
            listStyle: 'none',
            margin: '-4px 0 8px',
            padding: '2px 0',
            border: '1px solid var(--border)',
            borderRadius: '4px',
            maxHeight: '180px',
            overflowY: 'auto',
          }}
        >
          {open.options.map((option, index) => (
            <li
              key={option.id}
              id={`picker-option-${index}`}
              role="option"
              aria-selected={index === active}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(open.field, option);
              }}
              style={{
                padding: '4px 8px',
                cursor: 'pointer',
                background: index === active ? 'var(--accent)' : undefined,
                color: index === active ? 'var(--accent-fg)' : undefined,
              }}
            >
              {optionLabel(option)}
            </li>
          ))}
        </ul>
      ) : null}
      {note && !flagged?.has(note.field) ? (
        <p class="field-note" role="status">
          {note.text}
        </p>
      ) : null}
      {(Object.keys(lists) as ListField[]).map((field) => (
        <datalist key={field} id={`list-${field}`}>
          {lists[field]!.map((option) => (
            <option key={option.id} value={String(option.id)} label={optionLabel(option)} />
          ))}
        </datalist>
      ))}
    </>
  );
}
