// The extension's keyboard commands and the keys suggested for them on each platform: the one table
// the manifest builder (vite.config.ts) writes into the manifest's `commands`. A person may change or
// remove the keys; shortcuts.ts reads what the browser has now.
//
// Why Ctrl+Shift+F and Ctrl+Shift+L, and on a Mac Control+Shift (MacCtrl), not Command or Option:
// - Option+letter types a character on most Mac layouts, so the shortcut would never reach the
//   extension; Alt+Shift on Windows and Linux is also Firefox's modifier for a page's access keys,
//   and ChromeOS takes Alt+Shift+L (focus the shelf).
// - Chrome's rules for `commands` (developer.chrome.com/docs/extensions/reference/api/commands): Ctrl
//   or Alt (Command or MacCtrl on a Mac), Shift optional, never Ctrl+Alt, A–Z, 0–9 and a few named keys,
//   at most four commands with suggested keys; Firefox's (developer.mozilla.org, manifest.json
//   `commands`) take the same names.
// - Chrome's and Firefox's own shortcuts (Chrome Help "Chrome keyboard shortcuts", Chromebook Help
//   "Chromebook keyboard shortcuts", Firefox Support "Keyboard shortcuts" and Firefox DevTools' list,
//   Apple's "Mac keyboard shortcuts") leave few Ctrl+Shift letters free on Windows and Linux: one
//   browser or the other uses every letter but F, L and U, and Ctrl+Shift+U is GTK's Unicode entry.
//   On a Mac, Command+Shift+F is a full-screen command in both browsers and Command+Shift+L is
//   macOS's "Search With Google"; Control+Shift+F and Control+Shift+L are used by neither browser nor
//   macOS, and are the same keys as elsewhere. commands.test.ts holds the lists checked, per platform.

/** The browser's own command that opens the popup. */
export const OPEN_COMMAND = '_execute_action';
/** Copies the tracking link for the offer in front, for the last affiliate (worker.ts). */
export const COPY_COMMAND = 'copy-link-for-page';

/** The platforms `suggested_key` names (Chrome and Firefox read the same names). */
export const PLATFORMS = ['windows', 'mac', 'linux', 'chromeos'] as const;
export type Platform = (typeof PLATFORMS)[number];

interface Command {
  /** Shown where a person sets the shortcuts (chrome://extensions/shortcuts, about:addons). */
  description: string;
  suggested: Record<Platform, string>;
}

export const COMMANDS: Record<typeof OPEN_COMMAND | typeof COPY_COMMAND, Command> = {
  [OPEN_COMMAND]: {
    description: 'Open the link builder',
    suggested: { windows: 'Ctrl+Shift+F', linux: 'Ctrl+Shift+F', chromeos: 'Ctrl+Shift+F', mac: 'MacCtrl+Shift+F' },
  },
  [COPY_COMMAND]: {
    description: 'Copy the tracking link for the offer in front, for the last affiliate',
    suggested: { windows: 'Ctrl+Shift+L', linux: 'Ctrl+Shift+L', chromeos: 'Ctrl+Shift+L', mac: 'MacCtrl+Shift+L' },
  },
};

/** The manifest's `commands`: every platform named, and Windows' keys for any other (`default`). */
export function manifestCommands() {
  return Object.fromEntries(
    Object.entries(COMMANDS).map(([name, { description, suggested }]) => [
      name,
      { suggested_key: { default: suggested.windows, ...suggested }, description },
    ]),
  );
}
