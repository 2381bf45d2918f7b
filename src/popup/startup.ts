// The popup's first script, a classic one: it runs as soon as the prerendered form is parsed, with no
// module graph to wait for. It puts the draft and any prefill into the form (the rules are in
// startup-data.ts), marks 'popup-ready', and only then loads the app (popup.tsx), which hydrates the
// form as it finds it. Measured (npm run bench): fetched alongside this script, the app's modules
// delayed both it and the form.
import type { FormField } from '../shared/link-form';
import { pendingPrefillItem } from '../shared/stored-items';
import { fieldId } from '../ui/form-fields';
import { LOCAL_ITEMS, startupState, type Startup } from './startup-data';

/** The app's entry and its imports, written here by the build; in dev the app has its own script tag. */
const app = document.currentScript?.dataset.app?.split(' ');

const typed = new Set<FormField>();
addEventListener('input', (event) => typed.add((event.target as HTMLInputElement).name as FormField), true);
// The form is on screen before the app can handle it: a native submit would reload the page and lose
// it, so none happens (the app prevents its own too), and one made early is the app's to replay.
let submitted = false;
addEventListener(
  'submit',
  (event) => {
    event.preventDefault();
    submitted = true;
  },
  true,
);

const input = (field: FormField) => document.getElementById(fieldId(field)) as HTMLInputElement;
/** An unreadable storage area or tab counts as empty: the form still opens. */
const nothing = (): Record<string, unknown> => ({});

async function start(): Promise<Startup> {
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

window.popupStartup = start();

if (app) {
  const load = () => {
    const [entry, ...imports] = app;
    for (const href of imports) document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href }));
    document.head.append(Object.assign(document.createElement('script'), { type: 'module', src: entry }));
  };
  window.popupStartup.then(load, load);
}
