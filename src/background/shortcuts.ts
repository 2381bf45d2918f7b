// The keyboard shortcuts as the browser has them now (a person may have changed or removed them), for
// the options page to show. The commands themselves are declared in manifest.json.
import browser from 'webextension-polyfill';
import { shortcutSettings } from './platform';

/** The browser's own command that opens the popup. */
export const OPEN_COMMAND = '_execute_action';
/** Copies the tracking link for the offer in front, for the last affiliate (worker.ts). */
export const COPY_COMMAND = 'copy-link-for-page';

/** Each command's shortcut ('' when none is set) and where to set them. */
export async function readShortcuts(): Promise<{ ok: true; open: string; copy: string; settings: string }> {
  const commands = await browser.commands.getAll();
  const shortcut = (name: string) => commands.find((command) => command.name === name)?.shortcut ?? '';
  return { ok: true, open: shortcut(OPEN_COMMAND), copy: shortcut(COPY_COMMAND), settings: shortcutSettings() };
}
