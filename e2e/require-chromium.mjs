// First step of `npm test`: the end-to-end suite needs a real Chromium. Say exactly what is missing.
import { accessSync, constants } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
try {
  accessSync(path, constants.X_OK);
} catch {
  console.error(
    `Chromium is missing: no executable at ${path}.\n` +
      'On Debian, install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
      'Or point CHROMIUM_PATH at a Chromium or Chrome for Testing binary (branded Chrome 137+ ignores --load-extension).',
  );
  process.exit(1);
}
