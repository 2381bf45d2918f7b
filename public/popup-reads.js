// @ts-check
// The popup's three reads, started while popup.html is still being parsed: a classic async script,
// so the browser's answers come back while the form's own scripts load (measured: ready about 10 ms
// sooner, README "Performance"). It only asks; startup.ts decodes the answers with the stored items'
// own definitions. The keys come from those definitions too: the build writes them into this
// script's data-local and data-session (vite.config.ts, popupReadsTag in src/popup/prerender.tsx).
(() => {
  const script = /** @type {HTMLScriptElement} */ (document.currentScript);
  /** @type {string[]} */
  const local = JSON.parse(script.dataset.local ?? '[]');
  /** @type {string[]} */
  const session = JSON.parse(script.dataset.session ?? '[]');
  /** An unreadable storage area or tab counts as empty: the form still opens. */
  const nothing = () => ({});
  /** @type {Window & { popupReads?: Promise<[Record<string, unknown>, Record<string, unknown>, chrome.tabs.Tab[]]> }} */ (window).popupReads = Promise.all([
    chrome.storage.local.get(local).catch(nothing),
    chrome.storage.session.get(session).catch(nothing),
    chrome.tabs.query({ active: true, currentWindow: true }).catch(() => []),
  ]);
})();
