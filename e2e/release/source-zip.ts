// The source package addons.mozilla.org asks for (the Firefox build is bundled and minified): the
// committed tree at HEAD, made by `git archive` (so no node_modules, nothing ignored), with
// BUILDING.md at its top saying exactly how it was built. The full rebuild check builds from it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { BUILDS, ROOT, treeDifferences } from './checks';

export const BUILD_COMMAND = 'npm ci && npm run build';

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

/** Uncommitted changes (tracked or new, not ignored): the source zip would not be what was built. */
export function uncommitted(): string[] {
  return git('status', '--porcelain').split('\n').filter(Boolean);
}

function osName(): string {
  const release = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  return /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(release)?.[1] ?? `${process.platform} ${process.arch}`;
}

export function buildingNotes(version: string, firefoxZip: string): string {
  const npm = execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim();
  return `# Building Link Builder for Everflow ${version}

This archive is the project's committed tree at commit ${git('rev-parse', 'HEAD')} (made by \`git archive\`:
no node_modules, no build output).

The add-on was built from it with:

- Node.js ${process.version}
- npm ${npm}
- ${osName()} (${process.platform} ${process.arch})

## Build

\`\`\`sh
${BUILD_COMMAND.replace(' && ', '\n')}
\`\`\`

\`npm ci\` installs the exact packages in package-lock.json from the npm registry; \`npm run build\` runs Vite
twice (\`vite build\` for Chrome and Edge into dist/, \`vite build --mode firefox\` for Firefox into
dist-firefox/). Nothing else is downloaded or generated.

The Firefox add-on is the folder dist-firefox/; the uploaded package, ${firefoxZip}, is that folder zipped (in
release/). Its files are the same byte for byte: \`npm run release:rebuild-check\` builds this archive in an
empty folder and compares.
`;
}

/** Writes `zipName` in `dir` from HEAD with BUILDING.md (also written beside it), and returns its path. */
export function makeSourceZip(dir: string, zipName: string, notes: string): string {
  mkdirSync(dir, { recursive: true });
  const notesPath = join(dir, 'BUILDING.md');
  writeFileSync(notesPath, notes);
  const zipPath = join(dir, zipName);
  git('archive', '--format=zip', `--add-file=${notesPath}`, '-o', zipPath, 'HEAD');
  return zipPath;
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`\`${command} ${args.join(' ')}\` failed:\n${(result.stderr || result.stdout).slice(-4000)}`);
}

/**
 * The full rebuild check: the source zip unpacked in an empty folder, `npm ci`, `npm run build`; both
 * builds must match dist/ and dist-firefox/ byte for byte. Returns the differences (none when equal).
 */
export function rebuildFromSourceZip(zipPath: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'elb-source-'));
  try {
    for (const [name, data] of Object.entries(unzipSync(readFileSync(zipPath)))) {
      if (name.endsWith('/')) continue;
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), data);
    }
    run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], dir);
    run('npm', ['run', 'build'], dir);
    return [
      ...treeDifferences(BUILDS.firefox, join(dir, 'dist-firefox')).map((line) => `dist-firefox/${line}`),
      ...treeDifferences(BUILDS.chromium, join(dir, 'dist')).map((line) => `dist/${line}`),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
