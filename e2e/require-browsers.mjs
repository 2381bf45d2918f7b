// First step of `npm test` (and of the bench and the Firefox suite): the end-to-end suites need real
// browsers. Checks the ones named (`chromium`, `firefox`) and says exactly what is missing, all at once.
import { accessSync, constants } from 'node:fs';

const BROWSERS = {
  chromium: {
    name: 'Chromium',
    variable: 'CHROMIUM_PATH',
    path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    debian: 'chromium',
    other: 'a Chromium or Chrome for Testing binary (branded Chrome 137+ ignores --load-extension)',
  },
  firefox: {
    name: 'Firefox',
    variable: 'FIREFOX_PATH',
    path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    debian: 'firefox-esr',
    other: 'another Firefox 140 or later (no geckodriver is needed)',
  },
};

const unknown = process.argv.slice(2).filter((id) => !(id in BROWSERS));
if (unknown.length > 0) throw new Error(`require-browsers.mjs knows ${Object.keys(BROWSERS).join(' and ')}, not ${unknown.join(', ')}.`);

const missing = process.argv
  .slice(2)
  .map((id) => BROWSERS[id])
  .filter((browser) => {
    try {
      accessSync(browser.path, constants.X_OK);
      return false;
    } catch {
      return true;
    }
  });
if (missing.length > 0) {
  for (const browser of missing) console.error(`${browser.name} is missing: no executable at ${browser.path}.`);
  console.error(
    `On Debian, install ${missing.length > 1 ? 'them' : 'it'} with:  sudo apt-get update && sudo apt-get install -y ${missing.map((b) => b.debian).join(' ')}`,
  );
  for (const browser of missing) console.error(`Or point ${browser.variable} at ${browser.other}.`);
  process.exit(1);
}
