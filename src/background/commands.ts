// The extension's keyboard commands and the keys suggested for them on each platform: the one table
// the manifest builder (vite.config.ts) writes into the manifest's `commands`. A person may change or
// remove the keys; shortcuts.ts reads what the browser has now.
//
// Why Ctrl+Shift+F and Ctrl+Shift+Period, and on a Mac Control+Shift (MacCtrl), not Command or Option:
// - Option+letter types a character on most Mac layouts, so the shortcut would never reach the
//   extension; Alt+Shift+letter on Windows and Linux is Firefox's key for a page's access keys, and
//   ChromeOS and Chrome take many of them (Alt+Shift+L focuses ChromeOS's shelf).
// - Chrome's rules for `commands` (developer.chrome.com/docs/extensions/reference/api/commands): Ctrl
//   or Alt (Command or MacCtrl on a Mac), Shift optional, never Ctrl+Alt, A–Z, 0–9 and a few named keys
//   (Comma, Period, …), at most four commands with suggested keys; Firefox's (developer.mozilla.org,
//   manifest.json `commands`) take the same names. Chrome leaves a suggested key unset when it is one
//   of its own shortcuts.
// - Chrome's and Firefox's own shortcuts (Chrome Help "Chrome keyboard shortcuts", Chromebook Help
//   "Chromebook keyboard shortcuts", Firefox Support "Keyboard shortcuts" and Firefox DevTools' list,
//   Apple's "Mac keyboard shortcuts"; on Linux also what Chromium 156 refused as its own and the keys
//   Firefox ESR 153 registers) leave one Ctrl+Shift letter free in both browsers on Windows and
//   Linux: F (U is GTK's Unicode entry, V pastes as plain text, Q quits). Period is free in both, on
//   ChromeOS and on a Mac. On a Mac, Command+Shift+F is a full-screen command in both browsers;
//   Control+Shift+F and Control+Shift+Period are used by neither browser nor macOS, and are the same
//   keys as elsewhere. commands.test.ts holds the lists checked, per platform.

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
    suggested: { windows: 'Ctrl+Shift+Period', linux: 'Ctrl+Shift+Period', chromeos: 'Ctrl+Shift+Period', mac: 'MacCtrl+Shift+Period' },
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

/** A command's suggested keys as a person reads them: "Ctrl+Shift+F (Control+Shift+F on a Mac)". */
export function suggestedKeys(command: keyof typeof COMMANDS): string {
  const { linux, mac } = COMMANDS[command].suggested;
  return `${linux} (${mac.replace('MacCtrl', 'Control')} on a Mac)`;
}
