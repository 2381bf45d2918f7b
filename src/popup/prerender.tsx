/** @jsxImportSource preact */
// (The pragma above: vite.config.ts bundles this file for prerendering, outside tsconfig's JSX setting.)
// Build-time only (imported by vite.config.ts): the popup's first paint as static HTML, so inputs
// exist before any script has loaded. popup.tsx hydrates exactly this markup.
import { renderToString } from 'preact-render-to-string';
import { pendingPrefillItem } from '../shared/link/prefill';
import { INITIAL_STATE, NO_ACTIONS, PopupView } from './popup-view';
import { LOCAL_ITEMS } from './startup-data';

export function prerenderPopup(): string {
  return renderToString(<PopupView state={INITIAL_STATE} actions={NO_ACTIONS} />);
}

/** The items' keys as an attribute's value: a JSON list. */
function keys(items: readonly { key: string }[]): string {
  const names = items.map((item) => item.key);
  if (!names.every((name) => /^\w+$/.test(name)))
    throw new Error(`a stored item's key cannot go into an attribute as is: ${names.join(', ')}`);
  return JSON.stringify(names);
}

/**
 * The tag that starts the popup's reads (public/popup-reads.js), with the items' keys. It goes after
 * the form: the inputs are there before it, and it runs before the module entry (which waits for the
 * whole page), as soon as the page is parsed up to it.
 */
export function popupReadsTag(): string {
  return `<script src="/popup-reads.js" data-local='${keys(LOCAL_ITEMS)}' data-session='${keys([pendingPrefillItem])}'></script>`;
}
