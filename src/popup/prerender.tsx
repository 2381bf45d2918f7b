/** @jsxImportSource preact */
// (The pragma above: vite.config.ts bundles this file for prerendering, outside tsconfig's JSX setting.)
// Build-time only (imported by vite.config.ts): the popup's first paint as static HTML, so inputs
// exist before any script has loaded. popup.tsx hydrates exactly this markup.
import { renderToString } from 'preact-render-to-string';
import { pendingPrefillItem } from '../shared/stored-items';
import { INITIAL_STATE, NO_ACTIONS, PopupView } from './popup-view';
import { LOCAL_ITEMS } from './startup-data';

export function prerenderPopup(): string {
  return renderToString(<PopupView state={INITIAL_STATE} actions={NO_ACTIONS} />);
}

/** The items' keys as an attribute's value: a JSON list. */
function keys(items: readonly { key: string }[]): string {
  const names = items.map((item) => item.key);
  if (!names.every((name) => /^\w+$/.test(name))) throw new Error(`a stored item's key cannot go into an attribute as is: ${names.join(', ')}`);
  return JSON.stringify(names);
}

/** The tag that starts the popup's reads while the page is parsed (public/popup-reads.js), with the items' keys. */
export function popupReadsTag(): string {
  return `<script async src="/popup-reads.js" id="popup-reads" data-local='${keys(LOCAL_ITEMS)}' data-session='${keys([pendingPrefillItem])}'></script>`;
}
