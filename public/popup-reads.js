// @ts-check
// The popup's three reads, started as soon as the page is parsed up to the form's end: a classic
// script after the form, so it runs before the module entry, which waits for the whole page, and the
// entry needs no code to wait for it (measured, README "Performance": ready about 10 ms sooner than
// with the reads sent by the entry; within 2-3 ms of an async script in <head>). It only asks; startup.ts decodes the answers with the stored items'
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
  /** @type {Window & { popupReads?: Promise<[Record<string, unknown>, Record<string, unknown>, chrome.tabs.Tab[]]> }} */ (
    window
  ).popupReads = Promise.all([
    chrome.storage.local.get(local).catch(nothing),
    chrome.storage.session.get(session).catch(nothing),
    chrome.tabs.query({ active: true, currentWindow: true }).catch(() => []),
  ]);
})();
