// The Firefox build's platform module, in place of platform.ts (see there; chosen in vite.config.ts).
// Firefox runs the background as an event page with a DOM of its own: no offscreen document.
import type * as Platform from './platform';

/** Writes text to the clipboard; false when the browser refused. The clipboardWrite permission lets the background page write it. */
export const copyToClipboard: typeof Platform.copyToClipboard = async (text) => {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
};

/** Firefox already keeps storage.session from content scripts, and has no setAccessLevel to call. */
export const closeSessionStorage: typeof Platform.closeSessionStorage = () => undefined;

/**
 * Firefox sets no quota on storage.local (it has no QUOTA_BYTES): there is room until the disk is
 * full, and a write that fails even so still pauses a bulk job (bulk-engine.ts).
 */
export const hasRoomFor: typeof Platform.hasRoomFor = async () => true;

/** Firefox keeps the extensions' shortcuts in the add-ons manager, not at an address of their own. */
export const shortcutSettings: typeof Platform.shortcutSettings = () => 'in about:addons (the gear menu, then Manage Extension Shortcuts)';
