// How the popup's form changes as a person works in it: every change saved as the draft at once (the
// popup closes whenever it loses focus), a field's note and message following it, the rule for a new
// offer's subs, the kind of link, Clear, a picker's choice and a pinned pair.
import { useRef } from 'preact/hooks';
import { FORM_FIELDS, TARGET_FIELDS, TEXT_FIELDS, affiliateOf, type FormField, type LinkType } from '../everflow/link-fields';
import { EMPTY_FORM, hasMoreOptions, parseLinkForm, targetKey, type LinkForm } from '../shared/link/link-form';
import type { Names } from '../shared/link/names';
import type { LinkSuccess } from '../shared/link/outcome';
import { fieldId, focusField } from '../ui/field-ids';
import type { NamedField, useIdNames } from './id-names';
import type { PopupState, PrefillSources } from './popup-view';
import type { PartnerMemory } from './presets-panel';
import type { Startup } from './startup/startup-data';
import { saveDraft } from './drafts';

type SetState = (update: (current: PopupState) => PopupState) => void;

interface Editing {
  startup: Startup;
  /** A new draft takes the default preset (or the affiliate's own). */
  applyDefault: () => void;
  idNames: ReturnType<typeof useIdNames>;
  partnerMemory: PartnerMemory;
  generate: (form: LinkForm, names: Names) => Promise<void>;
}

/** The form as startup.ts left it, with anything typed since: the app starts from what is on screen. */
export function formOnScreen(startup: Startup): LinkForm {
  const form = {} as Record<FormField, string | boolean>;
  for (const field of FORM_FIELDS) {
    const input = document.getElementById(fieldId(field)) as HTMLInputElement;
    form[field] = input.type === 'checkbox' ? input.checked : input.value;
  }
  // A partner's form has no choice to read: its kind is the one startup gave it.
  const checked = document.querySelector<HTMLInputElement>('input[name="linkType"]:checked')?.value as LinkType | undefined;
  const linkType = checked ?? startup.form.linkType;
  return { ...form, linkType } as LinkForm;
}

export function useFormEditing(
  state: PopupState,
  setState: SetState,
  { startup, applyDefault, idNames, partnerMemory, generate }: Editing,
) {
  const patch = (changes: Partial<PopupState>) => setState((current) => ({ ...current, ...changes }));
  const recentAffiliate = useRef(startup.recentAffiliate);
  /** What the last link made here was for ("offer:42"): moving off it is a new offer (see newOfferSubs). */
  const madeFor = useRef<string | null>(null);

  /** The form changed in `field`: saved at once, that field's note and (once flagged) its message follow it. */
  function update(next: LinkForm, field: FormField) {
    // The first change to the offer after a link was made for it starts a new offer: with the rule
    // set to clear, Source ID and subs empty (the default preset, if any, fills them again).
    if (field === TARGET_FIELDS[next.linkType] && madeFor.current !== null && madeFor.current !== targetKey(next)) {
      madeFor.current = null;
      if (state.newOfferSubs === 'clear') {
        for (const text of TEXT_FIELDS) next[text] = '';
        patch({ announcement: 'Source ID and subs cleared for the new offer.' });
        applyDefault();
      }
    }
    saveDraft(state.accountId ?? undefined, next);
    setState((current) => {
      const sources = { ...current.sources };
      delete sources[field as keyof PrefillSources];
      // Once a field has been flagged, re-check it as the person fixes it.
      const check = current.errors[field] ? parseLinkForm(next) : undefined;
      const errors = check ? { ...current.errors, [field]: check.ok ? undefined : check.errors[field] } : current.errors;
      return { ...current, form: next, sources, errors };
    });
  }

  return {
    update,
    /** Another account is shown: its last affiliate is the one Clear keeps, and no offer was made here yet. */
    switched(last: number | undefined) {
      recentAffiliate.current = last;
      madeFor.current = null;
    },
    /** A link was made from `form`: its affiliate is the one Clear keeps, its offer the one a new offer moves off. */
    made(link: LinkSuccess, form: LinkForm) {
      recentAffiliate.current = affiliateOf(link.input) ?? recentAffiliate.current;
      madeFor.current = targetKey(form);
    },
    onLinkType(linkType: LinkType) {
      const form = { ...state.form, linkType };
      saveDraft(state.accountId ?? undefined, form);
      // Messages about the other kind's fields no longer apply; what was typed in them is kept.
      setState((current) => ({ ...current, form, errors: {}, failed: current.failed?.kind === 'invalid-input' ? null : current.failed }));
    },
    onClear() {
      const recent = recentAffiliate.current;
      // The kind of link stays: someone making smart links clears to make another.
      const partner = state.form.linkType === 'partner';
      const next = { ...EMPTY_FORM, linkType: state.form.linkType, affiliateId: recent === undefined || partner ? '' : String(recent) };
      saveDraft(state.accountId ?? undefined, next);
      patch({ form: next, errors: {}, failed: null, sources: {} });
      applyDefault();
      focusField(TARGET_FIELDS[next.linkType]);
    },
    /** A picker's choice: the ID goes in, and the note shows its name instead of where the ID came from. */
    choosePicked(field: NamedField, id: number, name: string, status?: string) {
      idNames.remember(field, { id, name, ...(status ? { status } : {}) });
      // From the current state, not this render's: the pickers may answer after the form has changed again.
      setState((current) => {
        const form = { ...current.form, [field]: String(id) };
        saveDraft(current.accountId ?? undefined, form);
        const sources = { ...current.sources };
        delete sources[field];
        return { ...current, form, errors: { ...current.errors, [field]: undefined }, sources };
      });
    },
    /** A pinned pair: its form goes on screen (so its link shows as usual) and its link is made and copied at once. */
    generatePinned(form: LinkForm, names: Names) {
      if (state.busy) return;
      saveDraft(state.accountId ?? undefined, form);
      partnerMemory.seen = form.affiliateId;
      setState((current) => ({
        ...current,
        form,
        errors: {},
        failed: null,
        sources: {},
        moreOpen: current.moreOpen || hasMoreOptions(form),
      }));
      void generate(form, names);
    },
  };
}
