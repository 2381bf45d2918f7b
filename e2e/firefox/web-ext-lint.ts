// `npm run lint:firefox`: Mozilla's add-on linter (web-ext lint, as addons.mozilla.org runs it) on the
// Firefox build. Fails on any error or notice, and on any warning except the Android note below and the
// one that is Preact's, not ours: its renderer's support for dangerouslySetInnerHTML (`e.innerHTML=f.__html`).
// The bundler puts Preact in whichever chunk first needs it, so the file is judged by what it assigns: a
// file whose every innerHTML assignment is Preact's is tolerated; any other innerHTML assignment fails.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIREFOX_DIST = fileURLToPath(new URL('../../dist-firefox', import.meta.url));
const WEB_EXT = fileURLToPath(new URL('../../node_modules/.bin/web-ext', import.meta.url));

interface Message {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
}
interface Report {
  summary: { errors: number; notices: number; warnings: number };
  errors: Message[];
  notices: Message[];
  warnings: Message[];
}

/** Every `innerHTML=` in the file is Preact's `x.innerHTML=y.__html` (its dangerouslySetInnerHTML). */
const onlyPreactAssigns = (file: string) => {
  const text = readFileSync(join(FIREFOX_DIST, file), 'utf8');
  const all = text.match(/\.innerHTML\s*=(?!=)/g)?.length ?? 0;
  const preact = text.match(/\.innerHTML\s*=\s*\w+\.__html\b/g)?.length ?? 0;
  return all > 0 && all === preact;
};
const isPreactInnerHtml = (m: Message) =>
  m.code === 'UNSAFE_VAR_ASSIGNMENT' && /innerHTML/.test(m.message) && !!m.file && onlyPreactAssigns(m.file);
/**
 * The add-on is for desktop Firefox only (no gecko_android: Firefox for Android is untested and has no
 * menus or shortcuts), so the linter's note that Firefox for Android before 142 lacks
 * data_collection_permissions does not apply; AMO asks for the platforms at upload.
 */
const isAndroidDataCollectionNote = (m: Message) =>
  m.code === 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION' && /data_collection_permissions/.test(m.description ?? '');

if (!existsSync(FIREFOX_DIST)) {
  console.error('dist-firefox/ is missing: run `npm run build` first.');
  process.exit(1);
}
let output: string;
try {
  output = execFileSync(WEB_EXT, ['lint', '--source-dir', FIREFOX_DIST, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
} catch (error) {
  // web-ext exits non-zero when there are errors; the report is still on stdout.
  output = String((error as { stdout?: unknown }).stdout ?? '');
}
const report = JSON.parse(output) as Report;
const blocking = [
  ...report.errors,
  ...report.notices,
  ...report.warnings.filter((m) => !isPreactInnerHtml(m) && !isAndroidDataCollectionNote(m)),
];
const tolerated = report.warnings.filter(isPreactInnerHtml);
for (const m of blocking) console.error(`${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} ${m.message}`);
console.log(
  `web-ext lint dist-firefox: ${report.summary.errors} errors, ${report.summary.notices} notices, ${report.summary.warnings} warnings` +
    (tolerated.length ? ` (${tolerated.length} from Preact's innerHTML support, not our code)` : '') +
    (report.warnings.some(isAndroidDataCollectionNote) ? ' (1 about Firefox for Android, which this add-on does not target)' : ''),
);
if (blocking.length) process.exit(1);
