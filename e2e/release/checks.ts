// The release checks, each a list of plain sentences (empty when all is well): `npm run release`
// stops on any, and the release spec (e2e/release/release.spec.ts) asserts none in npm test.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DESCRIPTION, EDGE_SEARCH_TERMS, NAME, SUMMARY, listedPermissions } from './listing';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUILDS = { chromium: join(ROOT, 'dist'), firefox: join(ROOT, 'dist-firefox') } as const;

interface Manifest {
  version?: string;
  homepage_url?: string;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
}

export const builtManifestOf = (build: keyof typeof BUILDS): Manifest => {
  const path = join(BUILDS[build], 'manifest.json');
  if (!existsSync(path)) throw new Error(`${relative(ROOT, BUILDS[build])}/ is missing: run \`npm run build\` first.`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
};

const readJson = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown>;

/** Both builds carry package.json's version (and homepage), and nothing else can hold another. */
export function versionProblems(): string[] {
  const pkg = readJson('package.json') as { version: string; homepage?: string };
  const lock = readJson('package-lock.json') as { version?: string; packages?: Record<string, { version?: string }> };
  const problems: string[] = [];
  if ('version' in readJson('manifest.json')) problems.push('manifest.json has a version of its own; package.json’s is the only one.');
  for (const version of [lock.version, lock.packages?.['']?.version]) {
    if (version !== pkg.version) problems.push(`package-lock.json says ${version}, package.json ${pkg.version}: bump it with npm version.`);
  }
  for (const build of ['chromium', 'firefox'] as const) {
    const m = builtManifestOf(build);
    if (m.version !== pkg.version) problems.push(`The ${build} build says version ${m.version}, package.json ${pkg.version}.`);
    if (m.homepage_url !== pkg.homepage)
      problems.push(`The ${build} build's homepage_url is ${m.homepage_url}, package.json's homepage ${pkg.homepage}.`);
  }
  return problems;
}

/** Each store's listing names exactly the permissions and hosts of the build that store gets. */
export function permissionProblems(): string[] {
  return (['chromium', 'firefox'] as const).flatMap((build) => {
    const m = builtManifestOf(build);
    const built = [...(m.permissions ?? []), ...(m.host_permissions ?? []), ...(m.optional_host_permissions ?? [])].toSorted();
    const listed = listedPermissions(build).toSorted();
    const missing = built.filter((name) => !listed.includes(name));
    const extra = listed.filter((name) => !built.includes(name));
    return [
      ...missing.map((name) => `The ${build} build asks for ${name}, and the listing gives no reason for it (e2e/release/listing.ts).`),
      ...extra.map((name) => `The listing for the ${build} build explains ${name}, which that build does not ask for.`),
    ];
  });
}

/** The lengths each store allows (Chrome: summary 132; Edge: description 250–10,000, search terms; AMO: name 50, summary 250). */
export function listingProblems(): string[] {
  const problems: string[] = [];
  const words = EDGE_SEARCH_TERMS.flatMap((term) => term.split(/\s+/));
  if (NAME.length > 45) problems.push(`The name has ${NAME.length} characters; Firefox takes 45 at most, AMO 50, Chrome 75.`);
  if (SUMMARY.length > 132)
    problems.push(`The summary (manifest description) has ${SUMMARY.length} characters; the Chrome Web Store takes 132 at most.`);
  if (DESCRIPTION.length < 250 || DESCRIPTION.length > 10_000)
    problems.push(`The description has ${DESCRIPTION.length} characters; Edge Add-ons takes 250 to 10,000.`);
  if (EDGE_SEARCH_TERMS.length > 7 || EDGE_SEARCH_TERMS.some((term) => term.length > 30) || words.length > 21)
    problems.push('Edge takes at most 7 search terms of 30 characters each, 21 words in all.');
  if (!/not made by, endorsed by or affiliated with Everflow/.test(DESCRIPTION))
    problems.push('The description must say it is not made by Everflow.');
  return problems;
}

/** Every file under `root`, as paths relative to it. */
function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(root, path) : [relative(root, path)];
  });
}

/** Sentences for each file that differs between two build folders, or exists in one only. */
export function treeDifferences(expected: string, actual: string): string[] {
  const a = filesUnder(expected).toSorted();
  const b = filesUnder(actual).toSorted();
  return [
    ...a.filter((f) => !b.includes(f)).map((f) => `${f} is missing from the rebuild.`),
    ...b.filter((f) => !a.includes(f)).map((f) => `${f} is only in the rebuild.`),
    ...a.filter((f) => b.includes(f) && !readFileSync(join(expected, f)).equals(readFileSync(join(actual, f)))).map((f) => `${f} differs.`),
  ];
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd}:\n${result.stderr || result.stdout}`);
}

/**
 * The cheap rebuild check: the files git holds or would hold (tracked, or new and not ignored), as
 * they are now, copied to another folder and built there with the same node_modules (linked). The
 * Firefox build must come out byte for byte as dist-firefox/: the build reads nothing ignored and
 * depends on no absolute path. `npm run release:rebuild-check` does the full one, from the source zip
 * with `npm ci`.
 */
export function rebuildFromWorkTree(): string[] {
  const listed = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), 'elb-rebuild-'));
  try {
    for (const file of listed.stdout.split('\0').filter(Boolean)) {
      if (!existsSync(join(ROOT, file))) continue; // deleted, not yet committed
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      copyFileSync(join(ROOT, file), join(dir, file));
    }
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    run(join(ROOT, 'node_modules/.bin/vite'), ['build', '--mode', 'firefox', '--logLevel', 'error'], dir);
    return treeDifferences(BUILDS.firefox, join(dir, 'dist-firefox'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
