// The suggested keys, checked per platform against Chrome's and Firefox's rules for `commands` and
// against the browsers' (and the system's) own shortcuts in the families a suggestion could come from:
// Ctrl+Shift, Alt+Shift, Command+Shift, Command+Option and Control on a Mac.
import { describe, expect, it } from 'vitest';
import { COMMANDS, PLATFORMS, manifestCommands, type Platform } from './commands';

const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const DIGITS = [...'0123456789'];
const NAMED = ['Comma', 'Period', 'Home', 'End', 'PageUp', 'PageDown', 'Space', 'Insert', 'Delete', 'Up', 'Down', 'Left', 'Right'];
const MEDIA = ['MediaNextTrack', 'MediaPlayPause', 'MediaPrevTrack', 'MediaStop'];

/** Why a suggestion breaks Chrome's rules (developer.chrome.com/docs/extensions/reference/api/commands); '' when it keeps them. */
function chromeRuleBroken(shortcut: string, platform: Platform): string {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  const modifiers = new Set(parts);
  if (modifiers.size !== parts.length) return 'a modifier twice';
  if (MEDIA.includes(key)) return modifiers.size === 0 ? '' : 'a media key takes no modifier';
  if (![...LETTERS, ...DIGITS, ...NAMED].includes(key)) return `"${key}" is not a key Chrome takes`;
  const allowed = [
    'Ctrl',
    'Alt',
    'Shift',
    ...(platform === 'mac' ? ['MacCtrl', 'Command'] : []),
    ...(platform === 'chromeos' ? ['Search'] : []),
  ];
  const unknown = parts.find((modifier) => !allowed.includes(modifier));
  if (unknown) return `${unknown} is not a modifier on ${platform}`;
  const primary = platform === 'mac' ? ['Ctrl', 'Alt', 'Command', 'MacCtrl'] : ['Ctrl', 'Alt'];
  if (!parts.some((modifier) => primary.includes(modifier))) return `needs one of ${primary.join(', ')}`;
  // Ctrl+Alt is AltGr on Windows; Chrome refuses it everywhere, and Command is Ctrl to it on a Mac.
  const ctrl = modifiers.has('Ctrl') || modifiers.has('Command');
  if (ctrl && modifiers.has('Alt')) return 'Ctrl (or Command) with Alt';
  return '';
}

/** Why a suggestion breaks Firefox's rules (developer.mozilla.org, manifest.json `commands`); '' when it keeps them. */
function firefoxRuleBroken(shortcut: string): string {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  if (MEDIA.includes(key)) return parts.length === 0 ? '' : 'a media key takes no modifier';
  const functionKey = /^F([1-9]|1[0-2])$/.test(key);
  if (!functionKey && ![...LETTERS, ...DIGITS, ...NAMED].includes(key)) return `"${key}" is not a key Firefox takes`;
  const [modifier, second, ...more] = parts;
  if (more.length > 0) return 'more than two modifiers';
  const primary = ['Alt', 'Ctrl', 'Command', 'MacCtrl'];
  if (modifier === undefined) return functionKey ? '' : 'needs a modifier';
  if (!primary.includes(modifier)) return `${modifier} cannot come first`;
  if (second !== undefined && second !== 'Shift' && (!primary.includes(second) || second === modifier))
    return `${second} cannot follow ${modifier}`;
  return '';
}

const each = (modifiers: string, keys: string) => keys.split(' ').map((key) => `${modifiers}+${key}`);

/**
 * What Chrome takes with Ctrl+Shift and Alt+Shift on Windows, Linux and ChromeOS: Chrome Help "Chrome
 * keyboard shortcuts" and Chromium's accelerator_table.cc (E: Google Lens in some builds), checked on
 * Linux against what Chromium 156 refused as a suggested key (it leaves one of its own unset).
 */
const CHROME = {
  source: 'Chrome Help, Chrome keyboard shortcuts; Chromium accelerator_table.cc; refused by Chromium 156 on Linux',
  shortcuts: [
    ...each('Ctrl+Shift', 'A B C D E G I J L M N O P R T W Delete PageUp PageDown'),
    ...each('Alt+Shift', 'A B C I N P R T W X Z'),
  ],
};

/** What Firefox takes on Windows and Linux: Firefox Support "Keyboard shortcuts", DevTools' list, and the <key>s Firefox ESR 153 registers on Linux. */
const firefox = (only: string) => ({
  source: 'Firefox Support, Keyboard shortcuts; Firefox DevTools keyboard shortcuts; Firefox ESR 153’s registered keys on Linux',
  shortcuts: [
    ...each('Ctrl+Shift', `A B C D E G H I J K M N O P R S T W X Z V Delete PageUp PageDown ${only}`),
    // Firefox gives Alt+Shift+letter to the page in front: its access keys.
    ...each('Alt+Shift', LETTERS.join(' ')),
  ],
});

/** Shortcuts that Chrome, Firefox or the system keep for themselves, as `commands` would write them, with where they were read. */
const TAKEN: Record<Platform, { source: string; shortcuts: string[] }[]> = {
  // Ctrl+Shift+Q quits Firefox on Windows; Ctrl+Shift+Y is its Downloads on Linux.
  windows: [CHROME, firefox('Q')],
  linux: [CHROME, firefox('Y'), { source: 'GTK and IBus: Unicode entry, emoji', shortcuts: ['Ctrl+Shift+U', 'Ctrl+Shift+E'] }],
  chromeos: [
    CHROME,
    {
      source: 'Chromebook Help, Chromebook keyboard shortcuts; Chromium ash accelerators',
      shortcuts: [...each('Ctrl+Shift', 'Q N T Space 0'), ...each('Alt+Shift', 'I L M N P S V'), ...each('Search', 'L D A V C M S Z')],
    },
  ],
  mac: [
    {
      source: 'Chrome Help, Chrome keyboard shortcuts (Mac); Chromium accelerators_cocoa.mm',
      shortcuts: [
        ...each('Command+Shift', 'A B C D F G H I J M N R T V W Z Delete'),
        ...each('Command+Alt', 'B C F I J P U Left Right'),
        'Command+MacCtrl+F',
      ],
    },
    {
      source: 'Firefox Support, Keyboard shortcuts (Mac); Firefox DevTools keyboard shortcuts',
      shortcuts: [
        ...each('Command+Shift', 'A B C D F G H J N O P R S T W X Z Delete'),
        ...each('Command+Alt', 'C E F I K M R U Z'),
        ...each('MacCtrl', 'M X Z'),
        ...each('MacCtrl+Shift', '1 2 3 4 6'),
        'Command+MacCtrl+F',
      ],
    },
    {
      source: 'Apple, Mac keyboard shortcuts (and the Services menu’s defaults)',
      shortcuts: [
        ...each('Command+Shift', '3 4 5 6 Q A L Y'),
        ...each('Command+MacCtrl', 'F Q Space'),
        ...each('MacCtrl', 'Space Up Down Left Right'),
      ],
    },
  ],
};

/** One spelling per combination: the modifiers in a fixed order, then the key. */
function canonical(shortcut: string): string {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  const order = ['Ctrl', 'Command', 'MacCtrl', 'Alt', 'Search', 'Shift'];
  return [...parts.toSorted((a, b) => order.indexOf(a) - order.indexOf(b)), key].join('+');
}

const suggestions = (platform: Platform) => Object.values(COMMANDS).map((command) => command.suggested[platform]);

describe.each(PLATFORMS)('the keys suggested on %s', (platform) => {
  it('keep Chrome’s rules for commands, and Firefox’s where Firefox runs', () => {
    for (const shortcut of suggestions(platform)) {
      expect(chromeRuleBroken(shortcut, platform), shortcut).toBe('');
      if (platform !== 'chromeos') expect(firefoxRuleBroken(shortcut), shortcut).toBe('');
    }
  });

  it('are none of the browsers’ or the system’s own shortcuts checked', () => {
    for (const shortcut of suggestions(platform)) {
      for (const { source, shortcuts } of TAKEN[platform]) {
        expect(shortcuts.map(canonical), `${shortcut} is in ${source}`).not.toContain(canonical(shortcut));
      }
    }
  });

  it('type no character: Option (Alt) on a Mac only ever comes with Control', () => {
    for (const shortcut of suggestions(platform)) {
      const modifiers = shortcut.split('+').slice(0, -1);
      if (platform === 'mac' && modifiers.includes('Alt')) expect(modifiers, shortcut).toContain('MacCtrl');
    }
  });

  it('differ from one command to the other', () => {
    const keys = suggestions(platform).map(canonical);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('the rules themselves', () => {
  it('refuse what Chrome and Firefox refuse', () => {
    expect(chromeRuleBroken('Ctrl+Alt+L', 'windows')).not.toBe('');
    expect(chromeRuleBroken('Command+Alt+L', 'mac')).not.toBe('');
    expect(chromeRuleBroken('MacCtrl+Shift+L', 'windows')).not.toBe('');
    expect(chromeRuleBroken('Shift+L', 'linux')).not.toBe('');
    expect(chromeRuleBroken('Ctrl+Shift+F5', 'windows')).not.toBe('');
    expect(chromeRuleBroken('Search+Ctrl+L', 'chromeos')).toBe('');
    expect(firefoxRuleBroken('Shift+L')).not.toBe('');
    expect(firefoxRuleBroken('Ctrl+Shift+Alt+L')).not.toBe('');
    expect(firefoxRuleBroken('F5')).toBe('');
    expect(canonical('Shift+MacCtrl+L')).toBe(canonical('MacCtrl+Shift+L'));
  });
});

describe('the manifest', () => {
  it('suggests keys for at most four commands (Chrome’s limit), each with a description', () => {
    const commands = Object.values(manifestCommands());
    expect(commands.length).toBeLessThanOrEqual(4);
    for (const command of commands) expect(command.description).not.toBe('');
  });

  it('names every platform, and the Windows keys for any other', () => {
    expect(manifestCommands()).toStrictEqual({
      _execute_action: {
        description: 'Open the link builder',
        suggested_key: {
          default: 'Ctrl+Shift+F',
          windows: 'Ctrl+Shift+F',
          mac: 'MacCtrl+Shift+F',
          linux: 'Ctrl+Shift+F',
          chromeos: 'Ctrl+Shift+F',
        },
      },
      'copy-link-for-page': {
        description: 'Copy the tracking link for the offer in front, for the last affiliate',
        suggested_key: {
          default: 'Ctrl+Shift+Period',
          windows: 'Ctrl+Shift+Period',
          mac: 'MacCtrl+Shift+Period',
          linux: 'Ctrl+Shift+Period',
          chromeos: 'Ctrl+Shift+Period',
        },
      },
    });
  });
});
