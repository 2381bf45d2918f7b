import { crx } from '@crxjs/vite-plugin';
import { zipSync, type Zippable } from 'fflate';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { prerenderPopup } from './src/popup/prerender';

export const ZIP_NAME = `everflow-link-builder-${pkg.version}.zip`;

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

/** Packs dist/ into a store-ready zip beside it. Fixed timestamps keep the zip byte-for-byte stable. */
function packZip(): Plugin {
  return {
    name: 'pack-zip',
    apply: 'build',
    closeBundle() {
      const dist = 'dist';
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
      writeFileSync(join('release', ZIP_NAME), zipSync(files, { level: 9 }));
    },
  };
}

export default defineConfig({
  plugins: [prerender(), crx({ manifest }), packZip()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  build: {
    target: 'chrome116',
    emptyOutDir: true,
    // Every browser this extension supports has module preload built in.
    modulePreload: { polyfill: false },
    // Pages that are not in the manifest.
    rollupOptions: { input: { offscreen: 'src/offscreen/offscreen.html', history: 'src/history/history.html', bulk: 'src/bulk/bulk.html' } },
  },
  test: { include: ['src/**/*.test.ts', 'e2e/simulator/**/*.test.ts'], environment: 'node' },
});
