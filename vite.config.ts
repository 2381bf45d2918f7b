import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { zipSync, type Zippable } from 'fflate';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { popupReadsTag, prerenderPopup } from './src/popup/prerender';

export const ZIP_NAME = `everflow-link-builder-${pkg.version}.zip`;
export const FIREFOX_ZIP_NAME = `everflow-link-builder-${pkg.version}-firefox.zip`;
/** `vite build` writes the Chrome and Edge build; `vite build --mode firefox` the Firefox one. `npm run build` runs both. */
export const FIREFOX_DIST = 'dist-firefox';

// The manifest builder: Firefox's manifest, derived from manifest.json (Chrome's and Edge's, used as
// is). Every manifest difference between the browsers is here; the code differences are in
// src/background/platform.ts and platform.firefox.ts.

/** The add-on's ID on addons.mozilla.org. It may never change once the add-on is listed. */
export const GECKO_ID = 'everflow-link-builder@link-builder';

/** Firefox ESR 140 is the oldest Firefox with everything the extension uses (MV3 event pages with modules, storage.session, runtime.getContexts, data_collection_permissions). */
export const FIREFOX_MIN_VERSION = '140.0';

/** Firefox for Android reads data_collection_permissions from 142 on. */
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

export function firefoxManifest(): ManifestV3Export {
  const { minimum_chrome_version: _chromeOnly, background, permissions, ...rest } = manifest;
  // Keys @crxjs's manifest type does not list yet; it copies them into the built manifest as they are.
  const android = { gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION } };
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
        // Nothing is collected or sent anywhere but to Everflow on the user's own request.
        data_collection_permissions: { required: ['none'] },
      },
      ...android,
    },
  };
}

/**
 * Puts the popup's first paint into popup.html, so its inputs exist before any script runs, and after
 * it the script that starts its storage reads (public/popup-reads.js).
 */
function prerender(): Plugin {
  return {
    name: 'prerender-popup',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        if (!context.filename.endsWith('popup.html')) return html;
        const placeholder = '<div id="app"></div>';
        if (!html.includes(placeholder)) throw new Error('popup.html lost its <div id="app"></div> placeholder');
        return html.replace(placeholder, `<div id="app">${prerenderPopup()}</div>\n    ${popupReadsTag()}`);
      },
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
 * The popup's first paint in one chunk besides its entry: the stored items and dashboard URLs with all
 * they import (zod/mini, the item definitions, the form's fields), the field ids, and Vite's preload
 * helper. So popup.html loads two scripts (startup.ts with startup-data.ts, and this), not five, and
 * its CSS is written into the page (popup.html): each extension file is a round trip through the
 * browser process, and the page's scripts wait for all of them (README, Performance). The
 * other pages and the worker import the same chunk (the worker gains the preload helper, ~0.4 kB gzip).
 */
const POPUP_FIRST_PAINT = {
  name: 'first-paint',
  test: /src[\\/]shared[\\/](settings[\\/]settings|link[\\/]draft|link[\\/]prefill|history[\\/]recent-affiliates|dashboard[\\/]dashboard-url)\.ts$|src[\\/]ui[\\/]field-ids\.ts$|vite[\\/]preload-helper/,
};

const pagesOutsideTheManifest = { history: 'src/history/history.html', bulk: 'src/bulk/bulk.html' };

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  return {
    plugins: firefox
      ? [prerender(), crx({ manifest: firefoxManifest(), browser: 'firefox' }), packZip(FIREFOX_DIST, FIREFOX_ZIP_NAME)]
      : [prerender(), crx({ manifest }), packZip('dist', ZIP_NAME)],
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
      // Every browser this extension supports has module preload built in.
      modulePreload: { polyfill: false },
      // Pages that are not in the manifest; Firefox has no offscreen documents, so its build has none.
      rollupOptions: {
        input: firefox ? pagesOutsideTheManifest : { offscreen: 'src/offscreen/offscreen.html', ...pagesOutsideTheManifest },
        output: { codeSplitting: { groups: [POPUP_FIRST_PAINT] } },
      },
    },
    test: { include: ['src/**/*.test.ts', 'e2e/simulator/**/*.test.ts'], environment: 'node' },
  };
});
