import { crx } from '@crxjs/vite-plugin';
import { zipSync, type Zippable } from 'fflate';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

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

export default defineConfig({
  plugins: [crx({ manifest }), packZip()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  build: {
    target: 'chrome116',
    emptyOutDir: true,
    rollupOptions: { input: { offscreen: 'src/offscreen/offscreen.html' } },
  },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
