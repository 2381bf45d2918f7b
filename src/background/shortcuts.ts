// The keyboard shortcuts as the browser has them now (a person may have changed or removed them), for
// the options page to show. The commands and their suggested keys are in commands.ts.
import browser from 'webextension-polyfill';
import { COPY_COMMAND, OPEN_COMMAND } from './commands';
import { shortcutSettings } from './platform';

/** Each command's shortcut ('' when none is set) and where to set them. */
export async function readShortcuts(): Promise<{ ok: true; open: string; copy: string; settings: string }> {
  const commands = await browser.commands.getAll();
  const shortcut = (name: string) => commands.find((command) => command.name === name)?.shortcut ?? '';
  return { ok: true, open: shortcut(OPEN_COMMAND), copy: shortcut(COPY_COMMAND), settings: shortcutSettings() };
}
