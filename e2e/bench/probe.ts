// The first-input probe both benches add to their copy of dist/: records when the first <input>
// exists, from navigation start (performance.now()'s origin). Extension pages allow no inline script
// and Playwright's init scripts do not reach them, so it is a file, the first script of each measured page.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const BLANK_PAGE = 'bench-blank.html';
/**
 * The popup's own page (its prerendered form and its reads script) with a module that only awaits
 * the three reads and writes the draft's text into the form: no decoding, no form logic. Its ready is
 * the floor for any popup that fills its form from storage, measured beside the real one.
 */
export const READS_ONLY_PAGE = 'bench-reads-only.html';

const READS_ONLY_MODULE = `const [local] = await window.popupReads;
for (const [name, value] of Object.entries(local.draft?.data ?? {})) {
  const input = document.getElementById('field-' + name);
  if (input && typeof value === 'string') input.value = value;
}
performance.mark('popup-ready');`;

/** popup.html with its module entry (and the chunk it preloads) replaced by READS_ONLY_MODULE. */
function readsOnlyPage(dir: string, page: string): string {
  const html = readFileSync(join(dir, page), 'utf8');
  const entry = /<script [^>]*type="module"[^>]*><\/script>/;
  if (!entry.test(html) || !html.includes('popup-reads.js'))
    throw new Error(`${page} has no module entry or reads script to measure beside`);
  return html.replace(entry, '<script type="module" src="/bench-reads-only.js"></script>').replace(/<link rel="modulepreload"[^>]*>/g, '');
}

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

/** Adds the reads-only page beside `page` (the popup's, in a copy prepared already); returns its path. */
export function addReadsOnlyPage(dir: string, page: string): string {
  // Beside the popup's page, so its relative links still resolve.
  const path = join(dirname(page), READS_ONLY_PAGE);
  writeFileSync(join(dir, path), readsOnlyPage(dir, page));
  writeFileSync(join(dir, 'bench-reads-only.js'), READS_ONLY_MODULE);
  return path;
}
