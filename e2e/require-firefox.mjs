// A step of `npm test`: the Firefox end-to-end suite needs a real Firefox. Say exactly what is missing.
import { accessSync, constants } from 'node:fs';

const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
try {
  accessSync(path, constants.X_OK);
} catch {
  console.error(
    `Firefox is missing: no executable at ${path}.\n` +
      'On Debian, install it with:  sudo apt-get update && sudo apt-get install -y firefox-esr\n' +
      'Or point FIREFOX_PATH at another Firefox 140 or later (no geckodriver is needed).',
  );
  process.exit(1);
}
