import { crx } from '@crxjs/vite-plugin';
import { zipSync, type Zippable } from 'fflate';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { build, type Plugin, type Rolldown } from 'vite';
import { defineConfig } from 'vitest/config';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import * as regions from './src/everflow/regions';
import * as linkForm from './src/shared/link-form';
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

const STARTUP_SOURCE = '<script type="module" src="./startup.ts"></script>';

/**
 * Modules reduced to their plain constants (strings, numbers, arrays, plain objects), from their
 * values at config time. link-form.ts's zod schemas would triple the startup script's size.
 */
function plainConstants(modules: Record<string, Record<string, unknown>>): Plugin {
  const isPlain = (value: unknown): boolean =>
    ['string', 'number', 'boolean'].includes(typeof value) ||
    (Array.isArray(value) && value.every(isPlain)) ||
    (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isPlain));
  return {
    name: 'plain-constants',
    load(id) {
      const module = Object.entries(modules).find(([path]) => id.endsWith(path))?.[1];
      if (!module) return undefined;
      return Object.entries(module)
        .filter(([, value]) => isPlain(value))
        .map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`)
        .join('\n');
    },
  };
}

/**
 * The popup's scripts and styles, arranged for its first paint (measured with npm run bench):
 * - its CSS goes inline into popup.html: stylesheet links delayed the form and the scripts;
 * - src/popup/startup.ts becomes one small classic script, after the markup, that restores the draft
 *   into the prerendered form and then loads the app (popup.tsx) and its imports, which are listed in
 *   its data-app attribute instead of being fetched at once alongside it.
 * In dev both are plain module scripts, in that order, as popup.html has them.
 */
function popupStartup(): Plugin {
  let startupFile = '';
  return {
    name: 'popup-startup',
    apply: 'build',
    async buildStart() {
      const built = await build({
        configFile: false,
        logLevel: 'warn',
        plugins: [plainConstants({ '/src/shared/link-form.ts': linkForm, '/src/everflow/regions.ts': regions })],
        build: {
          write: false,
          target: 'chrome116',
          minify: true,
          rollupOptions: { input: 'src/popup/startup.ts', output: { format: 'iife' } },
        },
      });
      const code = (Array.isArray(built) ? built[0]! : (built as Rolldown.RolldownOutput)).output[0].code;
      startupFile = `assets/popup-startup-${createHash('sha256').update(code).digest('base64url').slice(0, 8)}.js`;
      this.emitFile({ type: 'asset', fileName: startupFile, source: code });
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        if (!context.filename.endsWith('popup.html')) return html;
        // Built on its own (above), not into the app's module graph.
        if (!html.includes(STARTUP_SOURCE)) throw new Error(`popup.html lost its ${STARTUP_SOURCE}`);
        return html.replace(STARTUP_SOURCE, '');
      },
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const popup = Object.values(bundle).find((file) => file.type === 'asset' && file.fileName.endsWith('popup.html'));
        if (!popup || popup.type !== 'asset') throw new Error('popup.html is missing from the bundle');
        let html = String(popup.source);
        const tags = [...html.matchAll(/<script type="module"[^>]*src="\/([^"]+)"[^>]*><\/script>|<link rel="modulepreload"[^>]*href="\/([^"]+)"[^>]*>/g)];
        const entry = tags.filter((tag) => tag[1]).map((tag) => tag[1]!);
        if (entry.length !== 1) throw new Error(`popup.html should have one module script, not ${entry.length}`);
        for (const [tag] of tags) html = html.replace(tag, '');
        const app = [...entry, ...tags.filter((tag) => tag[2]).map((tag) => tag[2]!)].map((file) => `/${file}`);
        html = html.replace('</body>', `<script src="/${startupFile}" data-app="${app.join(' ')}"></script></body>`);
        // Inline each stylesheet; drop the file when no other chunk needs it.
        const cssUsers = (file: string) => Object.values(bundle).filter((chunk) => chunk.type === 'chunk' && chunk.viteMetadata?.importedCss.has(file));
        html = html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+)"[^>]*>/g, (_tag, file: string) => {
          const css = bundle[file];
          if (css?.type !== 'asset') throw new Error(`${file} is missing from the bundle`);
          const users = cssUsers(file);
          if (users.length === 1 && users[0]!.fileName === entry[0]) delete bundle[file];
          return `<style>${String(css.source).trim()}</style>`;
        });
        popup.source = html;
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

/**
 * Out of the popup's first load, in one chunk (each extra file costs the background bytes): the
 * history's schema and helpers, presets and sub tokens (the background expands those), the payload
 * schemas (the popup imports only their types), bulk jobs, CSV, and the stored items and dashboard
 * URL (the popup's startup script reads those itself, see popupStartup).
 */
const COMMON = /\/src\/shared\/(link-history|presets|sub-tokens|messages|bulk-job|csv|storage-item|stored-items|dashboard-url)\.ts|\/src\/everflow\/regions\.ts/;

export default defineConfig({
  plugins: [prerender(), crx({ manifest }), popupStartup(), packZip(), plainDynamicImport()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  build: {
    target: 'chrome116',
    // Chrome has module preload built in; the polyfill would be dead weight. Chunks loaded by import()
    // preload nothing (see plainDynamicImport), so they list no dependencies either.
    modulePreload: { polyfill: false, resolveDependencies: (_file, deps, { hostType }) => (hostType === 'js' ? [] : deps) },
    emptyOutDir: true,
    rollupOptions: {
      input: { offscreen: 'src/offscreen/offscreen.html', history: 'src/history/history.html', bulk: 'src/bulk/bulk.html' },
      output: {
        // Fewer, larger shared chunks: each extra file the popup fetches delayed its start (npm run bench).
        codeSplitting: {
          // Groups by priority: a module goes to the first group that wants it (with its dependencies).
          groups: [
            { name: 'preact', test: /\/node_modules\/preact/, priority: 30 },
            // What the popup's first load needs from zod and src/shared, plus the one-line stand-in for
            // Vite's preload helper (see plainDynamicImport), in one file beside preact.
            {
              name: 'shared',
              test: (id) => id === '\0vite/preload-helper.js' || ((id.includes('/node_modules/zod/') || id.includes('/src/shared/')) && !COMMON.test(id)),
              priority: 20,
            },
            { name: 'common', test: COMMON, priority: 10 },
          ],
        },
      },
    },
  },
  test: { include: ['src/**/*.test.ts', 'e2e/simulator/**/*.test.ts'], environment: 'node' },
});
