// The popup's entry. The form is already on screen (prerendered into popup.html); this puts the draft
// and any prefill into it (the rules are in startup-data.ts), marks 'popup-ready', and only then loads
// the app (popup.tsx), which hydrates the form as it finds it. Measured (npm run bench): with the app's
// modules loaded first, the form was ready about 30 ms later. What the person types or submits
// meanwhile is kept for the app.
import { FORM_FIELDS, usesField, type LinkType } from '../everflow/link-fields';
import type { FormField } from '../everflow/link-fields';
import { pendingPrefillItem } from '../shared/link/prefill';
import { fieldId } from '../ui/field-ids';
import { startupState, type Startup } from './startup-data';

const input = (field: FormField) => document.getElementById(fieldId(field)) as HTMLInputElement;

type Reads = [local: Record<string, unknown>, session: Record<string, unknown>, tabs: chrome.tabs.Tab[]];
declare global {
  interface Window {
    popupReads?: Promise<Reads>;
  }
}

/**
 * The stored values and the active tab, as public/popup-reads.js asked for them. That script follows
 * the form and runs before this module; should it not load, the form opens empty, as with unreadable
 * storage.
 */
const storedReads = (): Promise<Reads> => window.popupReads ?? Promise.resolve([{}, {}, []]);

const linkTypes = () => [...document.querySelectorAll<HTMLInputElement>('input[name="linkType"]')];

/** Fields that no longer show what the prerendered page had: the person typed (or chose) there already. */
const typedSoFar = (): (FormField | 'linkType')[] => [
  ...FORM_FIELDS.filter((field) => {
    const element = input(field);
    return element.type === 'checkbox' ? element.checked !== element.defaultChecked : element.value !== element.defaultValue;
  }),
  ...(linkTypes().some((radio) => radio.checked !== radio.defaultChecked) ? ['linkType' as const] : []),
];

/** Shows the fields of one link type (as popup-view.tsx renders them), before the app hydrates. */
function showLinkType(type: LinkType) {
  for (const radio of linkTypes()) radio.checked = radio.value === type;
  for (const field of FORM_FIELDS) input(field).closest('.field')?.toggleAttribute('hidden', !usesField(type, field));
}

async function startPopup(): Promise<Startup> {
  // Asked for already: the browser's answers are the longest wait; what is on screen is read meanwhile.
  const stored = storedReads();
  const typed = new Set<FormField | 'linkType'>(typedSoFar());
  addEventListener('input', (event) => typed.add((event.target as HTMLInputElement).name as FormField | 'linkType'), true);
  // The form is on screen before the app can handle it (its method="dialog" makes a native submit do
  // nothing): one made while the stored values load is the app's to replay.
  let submitted = false;
  addEventListener(
    'submit',
    (event) => {
      event.preventDefault();
      submitted = true;
    },
    true,
  );

  const [local, session, [tab]] = await stored;
  // A right-click request is for this opening only: the background clears it once the app connects.
  const state = startupState({ local, pending: session[pendingPrefillItem.key], url: tab?.url, now: Date.now() }, typed);
  const { linkType, ...fields } = state.form;
  for (const [field, value] of Object.entries(fields) as [FormField, string | boolean][]) {
    if (typed.has(field)) continue;
    if (typeof value === 'boolean') input(field).checked = value;
    else input(field).value = value;
  }
  // A kind chosen before this ran stays chosen; its fields still need showing.
  showLinkType(
    typed.has('linkType') ? ((linkTypes().find((radio) => radio.checked)?.value as LinkType | undefined) ?? linkType) : linkType,
  );
  if (state.moreOpen) document.querySelector('details')!.open = true;
  performance.mark('popup-ready');
  if (typed.size === 0) input(state.focus).focus();
  return {
    ...state,
    typed,
    get submitted() {
      return submitted;
    },
  };
}

void startPopup().then(async (startup) => (await import('./popup')).mount(startup));
