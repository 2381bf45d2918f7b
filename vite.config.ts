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

/**
 * Moves the popup's module script and its preloads after the markup. Measured (npm run bench): in
 * <head> their loading holds back the parser, so the prerendered inputs appeared later.
 */
function scriptsAfterMarkup(): Plugin {
  return {
    name: 'popup-scripts-after-markup',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.filename.endsWith('popup.html')) return html;
        const tags = html.match(/<script type="module"[^>]*><\/script>|<link rel="modulepreload"[^>]*>/g) ?? [];
        if (tags.length === 0) return html;
        let rest = html;
        for (const tag of tags) rest = rest.replace(tag, '');
        return rest.replace('</body>', `${tags.join('')}</body>`);
      },
    },
  };
}

/**
 * Makes `import()` a plain dynamic import. Vite wraps each one in a preload helper (~700 B gzip in the
 * popup's first load) that fetches the chunk's imports ahead and injects its CSS; ours are local files
 * whose imports (preact) are already loaded, so the helper is dead weight. A lazy chunk that imports
 * CSS would need it, so that fails the build instead of silently losing the styles.
 */
function plainDynamicImport(): Plugin {
  const helper = '\0vite/preload-helper.js';
  return {
    name: 'plain-dynamic-import',
    apply: 'build',
    resolveId: (id) => (id === helper ? id : undefined),
    load: (id) => (id === helper ? 'export const __vitePreload = (load) => load();' : undefined),
    generateBundle: {
      // After Vite has written each import()'s dependency list (__vite__mapDeps), which the plain
      // helper ignores: the lists go too.
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk') continue;
          if (chunk.isDynamicEntry && chunk.viteMetadata?.importedCss.size) {
            this.error(`${chunk.fileName} is loaded with import() and has CSS, which a plain import() does not load.`);
          }
          chunk.code = chunk.code.replace(/^const __vite__mapDeps=.*\n/m, '').replaceAll(/,__vite__mapDeps\(\[[\d,]*\]\)/g, '');
          if (chunk.code.includes('__vite__mapDeps')) this.error(`${chunk.fileName}: an import() dependency list was left behind.`);
        }
      },
    },
  };
}

export default defineConfig({
  plugins: [prerender(), crx({ manifest }), scriptsAfterMarkup(), packZip(), plainDynamicImport()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  build: {
    target: 'chrome116',
    // Chrome has module preload built in; the polyfill would be dead weight. Chunks loaded by import()
    // preload nothing (see plainDynamicImport), so they list no dependencies either.
    modulePreload: { polyfill: false, resolveDependencies: (_file, deps, { hostType }) => (hostType === 'js' ? [] : deps) },
    emptyOutDir: true,
    rollupOptions: {
      input: { offscreen: 'src/offscreen/offscreen.html', history: 'src/history/history.html' },
      output: {
        // Fewer, larger shared chunks: each extra file the popup fetches delayed its start (npm run bench).
        manualChunks(id) {
          if (id.includes('/node_modules/preact')) return 'preact';
          // The history's schema and helpers stay out of the popup's first load (see the budget test).
          if (id.includes('/src/shared/link-history')) return undefined;
          // So do the presets and the sub tokens (the background expands those; the popup never does).
          if (id.includes('/src/shared/presets') || id.includes('/src/shared/sub-tokens')) return undefined;
          // The payload schemas are the background's to check; the popup only imports their types.
          if (id.includes('/src/shared/messages')) return undefined;
          if (id.includes('/node_modules/zod/') || id.includes('/src/shared/') || id.includes('/src/everflow/regions')) return 'shared';
          return undefined;
        },
      },
    },
  },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
