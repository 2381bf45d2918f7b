import { crx } from '@crxjs/vite-plugin';
import { zipSync, type Zippable } from 'fflate';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import manifest from './manifest.json' with { type: 'json' };
import { firefoxManifest } from './manifest.firefox';
import pkg from './package.json' with { type: 'json' };
import { prerenderPopup } from './src/popup/prerender';

export const ZIP_NAME = `everflow-link-builder-${pkg.version}.zip`;
export const FIREFOX_ZIP_NAME = `everflow-link-builder-${pkg.version}-firefox.zip`;
/** `vite build` writes the Chrome and Edge build; `vite build --mode firefox` the Firefox one. `npm run build` runs both. */
export const FIREFOX_DIST = 'dist-firefox';

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
        ...(firefox ? [{ find: /^\.\/platform$/, replacement: fileURLToPath(new URL('./src/background/platform.firefox.ts', import.meta.url)) }] : []),
      ],
    },
    build: {
      target: firefox ? 'firefox140' : 'chrome116',
      outDir: firefox ? FIREFOX_DIST : 'dist',
      emptyOutDir: true,
      // Every browser this extension supports has module preload built in.
      modulePreload: { polyfill: false },
      // Pages that are not in the manifest; Firefox has no offscreen documents, so its build has none.
      rollupOptions: { input: firefox ? pagesOutsideTheManifest : { offscreen: 'src/offscreen/offscreen.html', ...pagesOutsideTheManifest } },
    },
    test: { include: ['src/**/*.test.ts', 'e2e/simulator/**/*.test.ts'], environment: 'node' },
  };
});
