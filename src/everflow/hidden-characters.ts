// Which hidden characters (text.ts) a text holds, in words a person can act on: for the team's own
// names and texts, refused on save and removed on import. Apart from text.ts, which the background and
// every page load: only the options page says this.
import { LINE_BREAK, hiddenIn, type TextShape } from './text';

export interface HiddenCharacter {
  /** As Unicode writes it: "U+202E". */
  codePoint: string;
  /** What it is, in a few words: "direction control". */
  kind: string;
  /** How many times it occurs. */
  count: number;
}

// Names for people only: which characters are hidden is decided by text.ts's Unicode properties.
const KINDS: [RegExp, string][] = [
  [LINE_BREAK, 'line break'],
  [/\t/, 'tab'],
  [/\p{Cc}/u, 'control character'],
  [/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/, 'direction control'],
  [/[\u200B\u2060\uFEFF]/, 'zero-width space'],
  [/\u200C/, 'zero-width non-joiner'],
  [/\u200D/, 'zero-width joiner'],
  [/\u00AD/, 'soft hyphen'],
  [/[\u{E0000}-\u{E007F}]/u, 'tag character'],
  [/\p{Variation_Selector}/u, 'variation selector'],
  [/[\u115F\u1160\u3164\uFFA0]/, 'Hangul filler'],
  [/\u034F/, 'combining grapheme joiner'],
  [/\u180E/, 'Mongolian vowel separator'],
];

const codePointOf = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Which hidden characters `text` holds, each once in the order they first appear; [] when none. */
export function hiddenCharacters(text: string, shape: TextShape = 'line'): HiddenCharacter[] {
  const found = new Map<string, HiddenCharacter>();
  for (const { char } of hiddenIn(text, shape)) {
    const known = found.get(char);
    if (known) known.count++;
    else
      found.set(char, {
        codePoint: codePointOf(char),
        kind: KINDS.find(([test]) => test.test(char))?.[1] ?? 'invisible character',
        count: 1,
      });
  }
  return [...found.values()];
}

const MAX_LISTED = 3;

const sayList = (items: readonly string[]) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** By kind: "U+202E (direction control)", "U+200B (zero-width space) and U+E0068, U+E0069 and 1 more (tag characters)". */
export function hiddenCharactersList(found: readonly HiddenCharacter[]): string {
  const byKind = new Map<string, HiddenCharacter[]>();
  for (const character of found) byKind.set(character.kind, [...(byKind.get(character.kind) ?? []), character]);
  return sayList(
    [...byKind].map(([kind, characters]) => {
      const codes = characters.slice(0, MAX_LISTED).map((character) => character.codePoint);
      if (characters.length > MAX_LISTED) codes.push(`${characters.length - MAX_LISTED} more`);
      return `${sayList(codes)} (${kind}${characters.length > 1 ? 's' : ''})`;
    }),
  );
}

/**
 * The refusal when the team writes a hidden character into a name or text (`what`: "The name", "The
 * message text"), e.g. "The name holds a hidden character, U+202E (direction control), that could make
 * it read differently from how it looks; type it again instead of pasting it."
 */
export function hiddenCharactersSentence(what: string, found: readonly HiddenCharacter[]): string {
  const total = found.reduce((sum, character) => sum + character.count, 0);
  const holds = total === 1 ? 'a hidden character' : `${total} hidden characters`;
  return `${what} holds ${holds}, ${hiddenCharactersList(found)}, that could make it read differently from how it looks; type it again instead of pasting it.`;
}
