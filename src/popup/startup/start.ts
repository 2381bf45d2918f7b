// The popup's startup, before its app loads: the reads, and the form filled in from them. The entry
// (popup/startup.ts) runs it; everything here is in the popup's first chunk (vite.config.ts).
import { FORM_FIELDS, usesField, type LinkType } from '../../everflow/link-fields';
import type { FormField } from '../../everflow/link-fields';
import { pendingPrefillItem } from '../../shared/link/prefill';
import { fieldId } from '../../ui/field-ids';
import { POPUP_READS, startupState, type Startup } from './startup-data';
import { readManaged, soon } from '../../shared/policy/managed-read';

const input = (field: FormField) => document.getElementById(fieldId(field)) as HTMLInputElement;

/** An unreadable storage area or tab counts as empty: the form still opens. */
const nothing = (): Record<string, unknown> => ({});

/**
 * The popup's first paint waits for its stored items and the tab; the policy, asked for beside them,
 * is taken if it answers within this much more. It answers as quickly as they do once the browser has
 * it, but only some 5 s after the browser starts (managed-read.ts), and the form must not wait for that.
 */
const POLICY_GRACE_MS = 20;

/**
 * What the popup starts from, as the browser answers: its stored items, the right-click request, the tab
 * in front, and the administrator's policy's dashboard domains (none while the browser, just started,
 * cannot say yet).
 */
export async function readStartup() {
  const policy = readManaged([...POPUP_READS.managed]);
  const [local, session, tabs] = await Promise.all([
    chrome.storage.local.get([...POPUP_READS.local]).catch(nothing),
    chrome.storage.session.get([...POPUP_READS.session]).catch(nothing),
    chrome.tabs.query({ active: true, currentWindow: true }).catch((): chrome.tabs.Tab[] => []),
  ]);
  return [local, session, tabs, await soon(policy, {}, POLICY_GRACE_MS)] as const;
}

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
  // A partner's key makes one kind of link: the choice is not shown.
  document.querySelector('.link-type')?.toggleAttribute('hidden', type === 'partner');
  for (const field of FORM_FIELDS) input(field).closest('.field')?.toggleAttribute('hidden', !usesField(type, field));
}

/**
 * Fills the prerendered form from what was `stored` (leaving what the person typed meanwhile), marks
 * 'popup-ready', and hands the app what it needs to take over.
 */
export async function startPopup(stored: ReturnType<typeof readStartup>): Promise<Startup> {
  // What is on screen is read while the browser answers.
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

  const [local, session, [tab], managed] = await stored;
  // A right-click request is for this opening only: the background clears it once the app connects.
  const state = startupState({ local, pending: session[pendingPrefillItem.key], url: tab?.url, managed, now: Date.now() }, typed);
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
