// The Firefox build as npm run build wrote it: the manifest Firefox needs, and none of the code it
// cannot run (the offscreen document, storage.session.setAccessLevel) in its bundle.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { FIREFOX_DIST } from './firefox';

const manifest = () => JSON.parse(readFileSync(join(FIREFOX_DIST, 'manifest.json'), 'utf8')) as Record<string, unknown>;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [relative(FIREFOX_DIST, path)];
  });
}

test('the Firefox manifest: an event page, a gecko ID, no Chrome-only keys or permissions', () => {
  const m = manifest();
  assert.deepEqual(m.background, { scripts: ['service-worker-loader.js'], type: 'module' });
  const settings = m.browser_specific_settings as Record<string, Record<string, unknown>>;
  assert.deepEqual(Object.keys(settings), ['gecko'], 'desktop Firefox only: no gecko_android (untested there, no menus or shortcuts)');
  const gecko = settings.gecko!;
  assert.equal(gecko.id, 'everflow-link-builder@link-builder', 'AMO ties the listing to this ID for good');
  assert.equal(gecko.strict_min_version, '140.0');
  // The API key leaves the browser for Everflow: Mozilla's "authentication information", declared, required.
  assert.deepEqual(gecko.data_collection_permissions, { required: ['authenticationInfo'] });
  assert.equal(m.minimum_chrome_version, undefined);
  assert.deepEqual(m.permissions, ['storage', 'clipboardWrite', 'contextMenus', 'notifications', 'alarms']);
});

test('the Firefox bundle carries no offscreen document and no code Firefox cannot run', () => {
  const all = files(FIREFOX_DIST);
  assert.ok(
    all.some((f) => f.startsWith('assets/worker')),
    'the background is built',
  );
  assert.deepEqual(
    all.filter((f) => /offscreen/i.test(f)),
    [],
  );
  for (const file of all.filter((f) => f.endsWith('.js') || f.endsWith('.html'))) {
    const text = readFileSync(join(FIREFOX_DIST, file), 'utf8');
    for (const chromeOnly of ['offscreen', 'setAccessLevel']) assert.ok(!text.includes(chromeOnly), `${file} mentions ${chromeOnly}`);
  }
});
