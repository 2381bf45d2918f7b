// `npm run lint:firefox`: Mozilla's add-on linter (web-ext lint, as addons.mozilla.org runs it) on the
// Firefox build. Fails on any error or notice, and on any warning except the Android note below and the
// one that is Preact's, not ours: its renderer's support for dangerouslySetInnerHTML (`e.innerHTML = p.__html`, in the chunk Vite
// names after the JSX runtime). An innerHTML warning in any other file, ours, fails.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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

/** Preact's own innerHTML assignment, in the chunk Vite names after the JSX runtime. */
const isPreactInnerHtml = (m: Message) => m.code === 'UNSAFE_VAR_ASSIGNMENT' && /^assets\/jsxRuntime-[\w-]+\.js$/.test(m.file ?? '');
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
