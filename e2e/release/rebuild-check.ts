// `npm run release:rebuild-check`: the full rebuild check on its own (`npm run release` runs it too).
// Makes the source zip from HEAD in a temporary folder, builds it there from nothing (npm ci, npm
// run build) and compares both builds with dist/ and dist-firefox/ byte for byte. Run `npm run
// build` first, from a clean tree; it takes about a minute, most of it npm ci.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIREFOX_ZIP_NAME, VERSION } from '../../vite.config';
import { buildingNotes, makeSourceZip, rebuildFromSourceZip, uncommitted } from './source-zip';

const dir = mkdtempSync(join(tmpdir(), 'elb-rebuild-check-'));
try {
  const changes = uncommitted();
  if (changes.length > 0) console.warn(`! ${changes.length} uncommitted change(s): the zip holds HEAD without them.`);
  const zip = makeSourceZip(dir, 'source.zip', buildingNotes(VERSION, FIREFOX_ZIP_NAME));
  const started = Date.now();
  const differences = rebuildFromSourceZip(zip);
  const seconds = Math.round((Date.now() - started) / 1000);
  if (differences.length > 0) {
    console.error(
      `✗ The build made from the source zip differs from this one (${seconds} s):\n${differences.map((d) => `  - ${d}`).join('\n')}`,
    );
    process.exitCode = 1;
  } else console.log(`✓ The build made from the source zip matches dist-firefox/ and dist/ byte for byte (${seconds} s).`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
