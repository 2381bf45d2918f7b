// The first-input probe both benches add to their copy of dist/: records when the first <input>
// exists, from navigation start (performance.now()'s origin). Extension pages allow no inline script
// and Playwright's init scripts do not reach them, so it is a file, the first script of each measured page.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BLANK_PAGE = 'bench-blank.html';
/**
 * The storage floor: an extension page that reads what the popup starts from (the same stored items,
 * the right-click request, the tab in front) and shows one value, with no framework and nothing else.
 * Any popup that fills its form from storage waits at least this long; the popup's ready is measured
 * against it in the same run.
 */
export const STORAGE_FLOOR_PAGE = 'bench-storage-floor.html';

const storageFloorScript = (local: readonly string[], session: readonly string[]) => `(async () => {
  const [stored] = await Promise.all([
    chrome.storage.local.get(${JSON.stringify(local)}),
    chrome.storage.session.get(${JSON.stringify(session)}),
    chrome.tabs.query({ active: true, currentWindow: true }),
  ]);
  document.querySelector('input').value = stored.draft?.data?.offerId ?? '';
  performance.mark('popup-ready');
})();`;

const PROBE = `(() => {
  const check = () => {
    if (window.firstInputAt === undefined && document.querySelector('input')) window.firstInputAt = performance.now();
    return window.firstInputAt !== undefined;
  };
  if (!check()) {
    const observer = new MutationObserver(() => check() && observer.disconnect());
    observer.observe(document, { childList: true, subtree: true });
  }
})();`;

function addProbe(dir: string, page: string): void {
  const path = join(dir, page);
  const html = readFileSync(path, 'utf8');
  if (!html.includes('<head>')) throw new Error(`${page} has no <head> to put the probe in`);
  writeFileSync(path, html.replace('<head>', '<head><script src="/bench-probe.js"></script>'));
}

/** Adds the blank page (the floor: one <input>) and the probe, in it and in `page`, to a copy of dist/. */
export function prepareCopy(dir: string, page: string): void {
  writeFileSync(
    join(dir, BLANK_PAGE),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body><input aria-label="Blank"></body></html>',
  );
  writeFileSync(join(dir, 'bench-probe.js'), PROBE);
  addProbe(dir, BLANK_PAGE);
  addProbe(dir, page);
}

/** Adds the storage floor page (reading `local` and `session` keys) to a copy prepared already. */
export function addStorageFloorPage(dir: string, local: readonly string[], session: readonly string[]): string {
  writeFileSync(
    join(dir, STORAGE_FLOOR_PAGE),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Storage floor</title></head><body><input aria-label="Offer ID"><script src="/bench-storage-floor.js"></script></body></html>',
  );
  writeFileSync(join(dir, 'bench-storage-floor.js'), storageFloorScript(local, session));
  addProbe(dir, STORAGE_FLOOR_PAGE);
  return STORAGE_FLOOR_PAGE;
}
