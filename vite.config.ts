import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { zipSync, type Zippable } from 'fflate';
import { marked } from 'marked';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import manifestSource from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { manifestCommands } from './src/background/commands';
import { prerenderPopup } from './src/popup/prerender';
import { MANAGED_SCHEMA_FILE, managedSchema } from './src/shared/policy/managed-schema';

/**
 * The extension's one version, package.json's (`npm version` changes it and package-lock.json's
 * together); manifest.json has none. Chrome and Firefox accept one to four dot-separated integers
 * from 0 to 65535, nothing else (no "-beta"), so anything else fails the build here, not the upload.
 */
export const VERSION = storeVersion(pkg.version);

/** package.json's "homepage", when it has one: the manifest's homepage_url. */
export const HOMEPAGE: string | undefined = (pkg as { homepage?: string }).homepage;

export const ZIP_NAME = `everflow-link-builder-${VERSION}.zip`;
export const FIREFOX_ZIP_NAME = `everflow-link-builder-${VERSION}-firefox.zip`;
/** `vite build` writes the Chrome and Edge build; `vite build --mode firefox` the Firefox one. `npm run build` runs both. */
export const FIREFOX_DIST = 'dist-firefox';
/** Written by Vite (build.license): every bundled package with its licence text. */
export const THIRD_PARTY_LICENSES = 'THIRD-PARTY-LICENSES.md';
/** The privacy policy as a page of the extension, rendered from PRIVACY.md; the options page links to it. */
export const PRIVACY_PAGE = 'privacy.html';

function storeVersion(version: string): string {
  const parts = version.split('.');
  const valid = parts.length <= 4 && parts.every((part) => /^(0|[1-9]\d*)$/.test(part) && Number(part) <= 65_535);
  if (!valid)
    throw new Error(`package.json's version "${version}" is not one browsers take: one to four numbers from 0 to 65535, e.g. 1.2.0.`);
  return version;
}

if (manifestSource.storage.managed_schema !== MANAGED_SCHEMA_FILE)
  throw new Error(
    `manifest.json's storage.managed_schema must be "${MANAGED_SCHEMA_FILE}", the file the build writes (managedSchemaFile).`,
  );

if ('version' in manifestSource) throw new Error('manifest.json has a "version": remove it; the version is package.json\'s alone.');
if ('commands' in manifestSource)
  throw new Error('manifest.json has "commands": remove them; the commands and their keys are src/background/commands.ts\'s alone.');

// The manifest builder: Chrome's and Edge's manifest is manifest.json with the version and homepage
// from package.json and the keyboard commands (src/background/commands.ts); Firefox's is derived from it. Every manifest difference between the browsers is
// here; the code differences are in src/background/platform.ts and platform.firefox.ts.

export function chromeManifest() {
  return {
    ...manifestSource,
    version: VERSION,
    ...(HOMEPAGE ? { homepage_url: HOMEPAGE } : {}),
    commands: manifestCommands(),
  } satisfies ManifestV3Export;
}

/** The add-on's ID on addons.mozilla.org. It may never change once the add-on is listed. */
export const GECKO_ID = 'everflow-link-builder@link-builder';

/** Firefox ESR 140 is the oldest Firefox with everything the extension uses (MV3 event pages with modules, storage.session, runtime.getContexts, data_collection_permissions). */
export const FIREFOX_MIN_VERSION = '140.0';

export function firefoxManifest(): ManifestV3Export {
  // No managed schema: Firefox takes an administrator's policy from policies.json ("3rdparty") and
  // checks it against none (the extension checks every value itself: shared/policy/policy.ts).
  const { minimum_chrome_version: _chromeOnly, storage: _managedSchema, background, permissions, ...rest } = chromeManifest();
  return {
    ...rest,
    // Firefox has no extension service workers: the same module runs as an event page.
    background: { scripts: [background.service_worker], type: background.type },
    // No offscreen documents in Firefox: its background page writes the clipboard itself.
    permissions: permissions.filter((permission) => permission !== 'offscreen'),
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // Mozilla's add-on policies count as data transmission "any data that is collected, used,
        // transferred, shared, or handled outside of the add-on or the local browser", with no
        // exception for a service the person chose. The API key leaves the browser (to Everflow, in
        // every request), and an API key is "authentication information" in Mozilla's taxonomy, a
        // kind that cannot rest on implicit consent: so it is declared, required (no link without it).
        // Nothing else qualifies: a link request carries the link's IDs and sub values (an offer ID
        // may come from the Everflow page in front, its address never leaves), and nothing is sent
        // for analytics.
        // (extensionworkshop.com/documentation/publish/add-on-policies/ and
        // /documentation/develop/firefox-builtin-data-consent/)
        data_collection_permissions: { required: ['authenticationInfo'] },
      },
      // No gecko_android: Firefox for Android is untested, and it has no context menus or shortcuts.
    },
  };
}

/** Puts the popup's first paint into popup.html, so its inputs exist before any script runs. */
function prerender(): Plugin {
  return {
    name: 'prerender-popup',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        if (!context.filename.endsWith('popup.html')) return html;
        const placeholder = '<div id="app"></div>';
        if (!html.includes(placeholder)) throw new Error('popup.html lost its <div id="app"></div> placeholder');
        return html.replace(placeholder, `<div id="app">${prerenderPopup()}</div>`);
      },
    },
  };
}

/** PRIVACY.md as a page of the extension (PRIVACY_PAGE), so the policy is readable offline, from the options page. */
function privacyPage(): Plugin {
  return {
    name: 'privacy-page',
    apply: 'build',
    generateBundle() {
      const body = marked.parse(readFileSync('PRIVACY.md', 'utf8'), { async: false });
      const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width" />
    <title>Privacy – ${manifestSource.name}</title>
    <style>
      body { font: 15px/1.55 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1d2733; }
      h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 1.6rem; }
      code { background: #f1f3f5; padding: 0 0.25em; border-radius: 3px; }
      table { border-collapse: collapse; } th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
      @media (prefers-color-scheme: dark) { body { background: #15191e; color: #e3e7ec; } code { background: #2a3038; } th, td { border-color: #3a424c; } a { color: #8ab4f8; } }
    </style>
  </head>
  <body>
    <main>
${body}    </main>
  </body>
</html>
`;
      this.emitFile({ type: 'asset', fileName: PRIVACY_PAGE, source: html });
    },
  };
}

/** The policy's schema for Chrome and Edge (storage.managed_schema), made from the schema the extension reads the policy with. */
function managedSchemaFile(): Plugin {
  return {
    name: 'managed-schema',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: MANAGED_SCHEMA_FILE, source: `${JSON.stringify(managedSchema(), null, 2)}\n` });
    },
  };
}

/** Packs the build's folder into a store-ready zip in release/. Fixed timestamps keep the zip byte-for-byte stable. */
function packZip(dist: string, zipName: string): Plugin {
  return {
    name: 'pack-zip',
    apply: 'build',
    closeBundle() {
      const files: Zippable = {};
      const walk = (dir: string) => {
        for (const name of readdirSync(dir).toSorted()) {
          const path = join(dir, name);
          // Vite's own build manifest (dist/.vite) is not part of the extension.
          if (name.startsWith('.')) continue;
          if (statSync(path).isDirectory()) walk(path);
          else files[relative(dist, path)] = [readFileSync(path), { mtime: new Date('2026-01-01T00:00:00Z') }];
        }
      };
      walk(dist);
      mkdirSync('release', { recursive: true });
      writeFileSync(join('release', zipName), zipSync(files, { level: 9 }));
    },
  };
}

/**
 * The popup's startup (src/popup/startup/: the reads, the stored items decoded, the form filled in) in
 * one chunk with all it imports (zod/mini, the items' definitions, the form's fields, the dashboard's
 * addresses, the field ids): so popup.html loads its entry and this, and Vite's preload helper, rather
 * than six files. Each extension file is a round trip through the browser process, and a module waits
 * for all of its imports (docs/performance.md). The other pages and the worker import the part they
 * share from that chunk.
 */
const POPUP_STARTUP = { name: 'popup-startup', test: /src[\\/]popup[\\/]startup[\\/]/ };

const pagesOutsideTheManifest = { history: 'src/history/history.html', bulk: 'src/bulk/bulk.html' };

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  return {
    plugins: firefox
      ? [prerender(), crx({ manifest: firefoxManifest(), browser: 'firefox' }), privacyPage(), packZip(FIREFOX_DIST, FIREFOX_ZIP_NAME)]
      : [prerender(), crx({ manifest: chromeManifest() }), privacyPage(), managedSchemaFile(), packZip('dist', ZIP_NAME)],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    resolve: {
      alias: [
        { find: 'react', replacement: 'preact/compat' },
        { find: 'react-dom', replacement: 'preact/compat' },
        // The background's `./platform` is Firefox's own there (no offscreen document, no setAccessLevel).
        ...(firefox
          ? [{ find: /^\.\/platform$/, replacement: fileURLToPath(new URL('./src/background/platform.firefox.ts', import.meta.url)) }]
          : []),
      ],
    },
    build: {
      target: firefox ? 'firefox140' : 'chrome116',
      outDir: firefox ? FIREFOX_DIST : 'dist',
      emptyOutDir: true,
      // The licences of the bundled packages (MIT, and webextension-polyfill's MPL-2.0), shipped with the code they cover.
      license: { fileName: THIRD_PARTY_LICENSES },
      // Every browser this extension supports has module preload built in.
      modulePreload: { polyfill: false },
      // Pages that are not in the manifest; Firefox has no offscreen documents, so its build has none.
      rollupOptions: {
        input: firefox ? pagesOutsideTheManifest : { offscreen: 'src/offscreen/offscreen.html', ...pagesOutsideTheManifest },
        output: { codeSplitting: { groups: [POPUP_STARTUP] } },
      },
    },
    test: { include: ['src/**/*.test.{ts,tsx}', 'e2e/simulator/**/*.test.ts'], environment: 'node' },
  };
});
