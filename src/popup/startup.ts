// The popup's entry. The form is already on screen (prerendered into popup.html); this puts the draft
// and any prefill into it (the rules are in startup-data.ts), marks 'popup-ready', and only then loads
// the app (popup.tsx), which hydrates the form as it finds it. Measured (npm run bench): with the app's
// modules loaded first, the form was ready about 30 ms later. What the person types or submits
// meanwhile is kept for the app.
import '../shared/theme.css';
import './popup.css';
import { FORM_FIELDS, type FormField } from '../shared/link-form';
import { pendingPrefillItem } from '../shared/stored-items';
import { fieldId } from '../ui/field-ids';
import { LOCAL_ITEMS, startupState, type Startup } from './startup-data';

const input = (field: FormField) => document.getElementById(fieldId(field)) as HTMLInputElement;
/** An unreadable storage area or tab counts as empty: the form still opens. */
const nothing = (): Record<string, unknown> => ({});

/** Fields that no longer show what the prerendered page had: the person typed there already. */
const typedSoFar = () =>
  FORM_FIELDS.filter((field) => {
    const element = input(field);
    return element.type === 'checkbox' ? element.checked !== element.defaultChecked : element.value !== element.defaultValue;
  });

async function startPopup(): Promise<Startup> {
  const typed = new Set<FormField>(typedSoFar());
  addEventListener('input', (event) => typed.add((event.target as HTMLInputElement).name as FormField), true);
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

  const [local, session, [tab]] = await Promise.all([
    chrome.storage.local.get(LOCAL_ITEMS.map((item) => item.key)).catch(nothing),
    chrome.storage.session.get(pendingPrefillItem.key).catch(nothing),
    chrome.tabs.query({ active: true, currentWindow: true }).catch(() => []),
  ]);
  // A right-click request is for this opening only: the background clears it once the app connects.
  const state = startupState({ local, pending: session[pendingPrefillItem.key], url: tab?.url, now: Date.now() }, typed);
  for (const [field, value] of Object.entries(state.form) as [FormField, string | boolean][]) {
    if (typed.has(field)) continue;
    if (typeof value === 'boolean') input(field).checked = value;
    else input(field).value = value;
  }
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
