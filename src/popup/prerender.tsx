/** @jsxImportSource preact */
// (The pragma above: vite.config.ts bundles this file for prerendering, outside tsconfig's JSX setting.)
// Build-time only (imported by vite.config.ts): the popup's first paint as static HTML, so inputs
// exist before any script has loaded. popup.tsx hydrates exactly this markup.
import { renderToString } from 'preact-render-to-string';
import { INITIAL_STATE, NO_ACTIONS, PopupView } from './popup-view';

export function prerenderPopup(): string {
  return renderToString(<PopupView state={INITIAL_STATE} actions={NO_ACTIONS} />);
}
