// `npm run release`: everything a publisher uploads, in release/ (docs/releasing.md says what goes where):
//   everflow-link-builder-<version>.zip           Chrome Web Store and Edge Add-ons
//   everflow-link-builder-<version>-firefox.zip   addons.mozilla.org
//   source/everflow-link-builder-<version>-source.zip   the source AMO asks for (git archive of HEAD + BUILDING.md)
//   source/BUILDING.md                            the exact Node.js and npm versions and the build command
//   store/                                        listing text per store, PRIVACY.md, icon, logo, promo tile, screenshots
// It builds from a clean tree (commit first; `-- --allow-dirty` to try it anyway), checks the
// version, the listings against the built manifests and every picture's size, rebuilds the Firefox
// add-on from the source zip in an empty folder (npm ci, about a minute) and compares it byte for
// byte, then lists what is still to do by hand. Any failed check stops it with a plain sentence.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { FIREFOX_ZIP_NAME, VERSION, ZIP_NAME } from '../../vite.config';
import { ROOT, listingProblems, permissionProblems, versionProblems } from './checks';
import { ART, SCREENSHOT, STORE_IMAGES, sizeProblems } from './images';
import { HOMEPAGE_URL, PRIVACY_POLICY_URL, listings, renderListing } from './listing';
import { buildingNotes, makeSourceZip, rebuildFromSourceZip, uncommitted } from './source-zip';
import { SCREENSHOT_FILES, makeStoreScreenshots } from './store-screenshots';

const RELEASE = join(ROOT, 'release');
const STORE = join(RELEASE, 'store');
// In a folder of its own: release/*.zip are the browser packages (e2e/fixtures/bundle-size.ts measures them).
const SOURCE = join(RELEASE, 'source');
const SOURCE_ZIP = `everflow-link-builder-${VERSION}-source.zip`;

function stop(problems: string[], what: string): void {
  if (problems.length === 0) return void console.log(`✓ ${what}`);
  console.error(`✗ ${what}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}

const allowDirty = process.argv.includes('--allow-dirty');
const changes = uncommitted();
if (changes.length > 0 && !allowDirty) {
  stop(
    [`${changes.length} uncommitted change(s), e.g. ${changes[0]!.trim()}: commit them first, so the source zip is what was built.`],
    'clean work tree',
  );
}
if (changes.length > 0)
  console.warn(`! ${changes.length} uncommitted change(s): the source zip holds HEAD, not them; the rebuild check will say so.`);

rmSync(RELEASE, { recursive: true, force: true });
console.log('Building (npm run build)…');
const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
if (build.status !== 0) stop([`npm run build failed:\n${build.stderr.slice(-4000)}`], 'build');

stop(versionProblems(), `one version, ${VERSION}, in package.json, package-lock.json and both builds`);
stop(permissionProblems(), 'each listing explains exactly the permissions of its build');
stop(listingProblems(), 'listing text within the stores’ limits');

const sourceZip = makeSourceZip(SOURCE, SOURCE_ZIP, buildingNotes(VERSION, FIREFOX_ZIP_NAME));
console.log(`Rebuilding from ${basename(sourceZip)} in an empty folder (npm ci, npm run build)…`);
stop(rebuildFromSourceZip(sourceZip), 'the build made from the source zip matches dist-firefox/ and dist/ byte for byte');

mkdirSync(STORE, { recursive: true });
copyFileSync(join(ROOT, 'public/icons/icon-128.png'), join(STORE, 'icon-128.png'));
for (const name of ['logo-300.png', 'promo-tile-440x280.png']) copyFileSync(join(ART, name), join(STORE, name));
copyFileSync(join(ROOT, 'PRIVACY.md'), join(STORE, 'PRIVACY.md'));
stop(sizeProblems(STORE_IMAGES, STORE), 'icon, logo and promo tile at the stores’ sizes');

console.log('Making the screenshots from dist/ against the Everflow simulator…');
const shots = await makeStoreScreenshots(join(STORE, 'screenshots'));
stop(
  sizeProblems(Object.fromEntries(SCREENSHOT_FILES.map((name) => [name, SCREENSHOT])), join(STORE, 'screenshots')),
  'screenshots at 1280×800',
);

for (const listing of listings({
  chromeZip: ZIP_NAME,
  firefoxZip: FIREFOX_ZIP_NAME,
  sourceZip: SOURCE_ZIP,
  screenshots: shots.map((path) => `screenshots/${basename(path)}`),
})) {
  writeFileSync(join(STORE, listing.file), renderListing(listing));
}

const byHand = [
  ...(HOMEPAGE_URL ? [] : ['Set package.json "homepage" (the manifest\'s homepage_url) once the project has a public address.']),
  ...(PRIVACY_POLICY_URL ? [] : ['Publish PRIVACY.md at a public address and set PRIVACY_POLICY_URL in e2e/release/listing.ts.']),
  'Upload and fill in each store as release/store/*.md says (docs/releasing.md, "By hand").',
];
console.log(`\nWrote ${relative(ROOT, RELEASE)}/:`);
for (const name of [ZIP_NAME, FIREFOX_ZIP_NAME, `source/${SOURCE_ZIP}`, 'source/BUILDING.md', 'store/']) console.log(`  ${name}`);
console.log(`\nStill by hand:\n${byHand.map((line) => `  - ${line}`).join('\n')}`);
