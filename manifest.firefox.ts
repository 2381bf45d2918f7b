// The manifest builder: Firefox's manifest, derived from manifest.json (Chrome's and Edge's, used as is).
// Every manifest difference between the browsers is here; the code differences are in
// src/background/platform.ts and platform.firefox.ts.
import type { ManifestV3Export } from '@crxjs/vite-plugin';
import chromeManifest from './manifest.json' with { type: 'json' };

/** The add-on's ID on addons.mozilla.org. It may never change once the add-on is listed. */
export const GECKO_ID = 'everflow-link-builder@link-builder';

/** Firefox ESR 140 is the oldest Firefox with everything the extension uses (MV3 event pages with modules, storage.session, runtime.getContexts, data_collection_permissions). */
export const FIREFOX_MIN_VERSION = '140.0';

/** Firefox for Android reads data_collection_permissions from 142 on. */
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

export function firefoxManifest(): ManifestV3Export {
  const { minimum_chrome_version: _chromeOnly, background, permissions, ...rest } = chromeManifest;
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
