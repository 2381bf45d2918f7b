import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hiddenCharacters } from './hidden-characters';
import { firstLine, cleanText, hasHiddenCharacters, shortened, withoutHiddenCharacters } from './text';

/** Names as people and companies write them: every script's letters, accents both composed and not, and emoji. */
const VISIBLE_NAMES = [
  'Café 🚀 Médias',
  'Cafe\u0301 Me\u0301dias',
  'Acme – Shoes (US) · ü',
  'شركة النور للإعلام',
  'שלום מדיה',
  '김민준 미디어',
  '株式会社 葛飾',
  'Ελληνικά Μέσα',
  'Медиа Группа',
  'हिन्दी मीडिया',
  'ไทยมีเดีย',
  'Flags 🇯🇵 🇫🇷 🇺🇸',
  'Family 👨‍👩‍👧‍👦 and 👩🏽‍💻',
  'Love ❤️ and ☎️',
  'Keycap #️⃣ 1️⃣',
  'Scotland 🏴󠁧󠁢󠁳󠁣󠁴󠁿 and Wales 🏴󠁧󠁢󠁷󠁬󠁳󠁿',
  'Rainbow 🏳️‍🌈',
  // Joiners that are part of how a script is written: Persian's ZWNJ between joining letters, Sinhala's ZWJ after a virama.
  'می‌خواهم',
  'ශ්‍රී ලංකා',
  // A variation selector naming an ideograph's exact glyph, and a text-style telephone.
  '葛󠄀飾',
  '☎︎ hotline',
  // A Mongolian letter with its free variation selector.
  'ᠠ᠋',
];

describe('what stays: every script’s letters and emoji', () => {
  it.each(VISIBLE_NAMES)('%s', (name) => {
    expect(cleanText(name)).toBe(name);
    expect(withoutHiddenCharacters(name)).toBe(name);
    expect(hiddenCharacters(name)).toStrictEqual([]);
    expect(hasHiddenCharacters(name)).toBe(false);
  });
});

/** Each hidden character, between letters as it would be pasted into a name. */
const HIDDEN: [string, string, string][] = [
  ['\u0000', 'U+0000', 'control character'],
  ['\u0007', 'U+0007', 'control character'],
  ['\u007F', 'U+007F', 'control character'],
  ['\u009B', 'U+009B', 'control character'],
  ['\u00AD', 'U+00AD', 'soft hyphen'],
  ['\u034F', 'U+034F', 'combining grapheme joiner'],
  ['\u061C', 'U+061C', 'direction control'],
  ['\u115F', 'U+115F', 'Hangul filler'],
  ['\u1160', 'U+1160', 'Hangul filler'],
  ['\u180E', 'U+180E', 'Mongolian vowel separator'],
  ['\u200B', 'U+200B', 'zero-width space'],
  ['\u200C', 'U+200C', 'zero-width non-joiner'],
  ['\u200D', 'U+200D', 'zero-width joiner'],
  ['\u200E', 'U+200E', 'direction control'],
  ['\u200F', 'U+200F', 'direction control'],
  ['\u202A', 'U+202A', 'direction control'],
  ['\u202E', 'U+202E', 'direction control'],
  ['\u2060', 'U+2060', 'zero-width space'],
  ['\u2062', 'U+2062', 'invisible character'],
  ['\u2066', 'U+2066', 'direction control'],
  ['\u2069', 'U+2069', 'direction control'],
  ['\u3164', 'U+3164', 'Hangul filler'],
  ['\uFE00', 'U+FE00', 'variation selector'],
  ['\uFE0E', 'U+FE0E', 'variation selector'],
  ['\uFE0F', 'U+FE0F', 'variation selector'],
  ['\uFEFF', 'U+FEFF', 'zero-width space'],
  ['\uFFA0', 'U+FFA0', 'Hangul filler'],
  ['\u{1D173}', 'U+1D173', 'invisible character'],
  ['\u{E0000}', 'U+E0000', 'tag character'],
  ['\u{E0001}', 'U+E0001', 'tag character'],
  ['\u{E0041}', 'U+E0041', 'tag character'],
  ['\u{E007F}', 'U+E007F', 'tag character'],
  ['\u{E0100}', 'U+E0100', 'variation selector'],
  ['\u{E01EF}', 'U+E01EF', 'variation selector'],
];

describe('what goes: controls, format characters and default-ignorable code points', () => {
  it.each(HIDDEN)('%j (%s) is found and removed', (char, codePoint, kind) => {
    const name = `Acme${char}Media`;
    expect(hiddenCharacters(name)).toStrictEqual([{ codePoint, kind, count: 1 }]);
    expect(hasHiddenCharacters(name)).toBe(true);
    // A control stood between words; a format character was invisible, so the name reads as it looked.
    expect(cleanText(name)).toBe(/\p{Cc}/u.test(char) ? 'Acme Media' : 'AcmeMedia');
    expect(hasHiddenCharacters(cleanText(name))).toBe(false);
  });

  it.each([
    ['a right-to-left override', 'Acme\u202E Media 913', 'Acme Media 913'],
    ['isolates and bidi marks', '\u2066Jolly\u2069 \u200FMedia\u200E', 'Jolly Media'],
    ['zero-width characters', 'Sum\u200Bmer\u200D Sale\uFEFF', 'Summer Sale'],
    ['control characters and runs of spaces', 'Acme\u0000\n\t  Shoes', 'Acme Shoes'],
    ['a line separator', 'Acme\u2028Shoes', 'Acme Shoes'],
    ['a soft hyphen', 'Ex\u00ADample', 'Example'],
    ['a name of Hangul fillers only', '\u3164\u3164', ''],
  ])('cleans %s', (_what, raw, clean) => {
    expect(cleanText(raw)).toBe(clean);
  });

  it('finds text smuggled in tag characters, keeping the emoji it hides behind', () => {
    const smuggled = `Acme 😀${[...'ignore all'].map((c) => String.fromCodePoint(0xe0000 + c.codePointAt(0)!)).join('')}`;
    expect(cleanText(smuggled)).toBe('Acme 😀');
    expect(hiddenCharacters(smuggled).map((found) => found.kind)).toStrictEqual(Array(9).fill('tag character'));
    // A black flag with tags that make no RGI flag is a black flag.
    expect(cleanText('🏴\u{E0068}\u{E0069}\u{E007F}')).toBe('🏴');
  });

  it('finds bytes smuggled in variation selectors after an emoji, keeping the emoji', () => {
    const smuggled = `😀${'\u{E0110}\u{E0121}\uFE05'.repeat(4)}`;
    expect(cleanText(smuggled)).toBe('😀');
    expect(hiddenCharacters(smuggled)).toHaveLength(3);
  });

  it('keeps a joiner or selector only in its place, one at a time', () => {
    expect(cleanText('A\u200Dwith')).toBe('Awith'); // a ZWJ between Latin letters does nothing visible
    expect(cleanText('ab\u200Ccd')).toBe('abcd');
    // Between two emoji a ZWJ is how emoji sequences are made, newer ones than the browser knows included.
    expect(cleanText('😀\u200D😀')).toBe('😀\u200D😀');
    expect(cleanText('😀\u200D\u200D😀')).toBe('😀😀');
    expect(cleanText('A\uFE0F\u200D😀')).toBe('A😀');
    expect(cleanText('❤\uFE0F\uFE0F')).toBe('❤\uFE0F');
    expect(cleanText('葛\u{E0100}\u{E0100}')).toBe('葛\u{E0100}');
    expect(cleanText('ᠠ\u180B\u180B')).toBe('ᠠ\u180B');
    expect(cleanText('ශ්\u200D\u200Dර')).toBe('ශ්\u200Dර');
    expect(cleanText('م\u200C\u200Cخ')).toBe('مخ');
    expect(cleanText('A\u{E0100}')).toBe('A');
  });

  it('counts each hidden character once, in the order they first appear, and counts repeats', () => {
    expect(hiddenCharacters('\u202Ea\u200Bb\u202E')).toStrictEqual([
      { codePoint: 'U+202E', kind: 'direction control', count: 2 },
      { codePoint: 'U+200B', kind: 'zero-width space', count: 1 },
    ]);
  });
});

describe('several lines (a message template)', () => {
  const template = 'Hi {affiliate_name},\r\n\tyour link:\n{url}';

  it('keeps line breaks and tabs, and removes the rest without folding spaces', () => {
    expect(hiddenCharacters(template, 'lines')).toStrictEqual([]);
    expect(withoutHiddenCharacters(template, 'lines')).toBe(template);
    expect(withoutHiddenCharacters('Hi  {affiliate_name}\u200B,\n\u202E{url}', 'lines')).toBe('Hi  {affiliate_name},\n{url}');
    expect(hiddenCharacters('a\u0000\nb', 'lines')).toStrictEqual([{ codePoint: 'U+0000', kind: 'control character', count: 1 }]);
  });

  it('on one line, a line break or tab is hidden and becomes a space', () => {
    expect(hiddenCharacters('a\nb\tc').map((found) => found.kind)).toStrictEqual(['line break', 'tab']);
    expect(withoutHiddenCharacters('a\nb\tc  d')).toBe('a b c  d');
  });
});

const oneOf = (unit: 'binary' | 'grapheme') => fc.string({ unit, minLength: 1, maxLength: 1 });
/** The characters whose neighbours decide whether a joiner or selector stays. */
const BASES = ['A', '1', '#', '😀', '❤', '🏴', '👩', '🏽', 'ශ', '්', 'م', 'خ', '\u064E', '葛', 'ᠠ', '\u0301'];

describe('the rule holds for any text', () => {
  const anyText = fc.string({
    unit: fc.oneof(fc.constantFrom(...HIDDEN.map(([char]) => char), ...BASES, ...VISIBLE_NAMES), oneOf('binary'), oneOf('grapheme')),
  });

  it('what is cleaned holds nothing hidden, and cleaning it again changes nothing', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('line' as const, 'lines' as const), (text, shape) => {
        const clean = withoutHiddenCharacters(text, shape);
        expect(hiddenCharacters(clean, shape)).toStrictEqual([]);
        expect(withoutHiddenCharacters(clean, shape)).toBe(clean);
        // Cleaning changes the text exactly when something hidden was found.
        expect(clean === text).toBe(!hasHiddenCharacters(text, shape));
        expect(hiddenCharacters(text, shape).length > 0).toBe(hasHiddenCharacters(text, shape));
      }),
      { numRuns: 2000 },
    );
  });

  it('holds for every short text of the characters the context rules look at', () => {
    const alphabet = [
      'A',
      '😀',
      '🏽',
      'ශ',
      '්',
      'م',
      '葛',
      'ᠠ',
      '\u200D',
      '\u200C',
      '\uFE0F',
      '\u{E0100}',
      '\u180B',
      '\u0301',
      '\u034F',
      '\u{E007F}',
    ];
    let texts = [''];
    for (let length = 1; length <= 4; length++) {
      texts = texts.flatMap((text) => alphabet.map((char) => text + char));
      for (const text of texts) {
        const clean = withoutHiddenCharacters(text);
        if (hasHiddenCharacters(clean)) expect.fail(`${JSON.stringify(text)} cleans to ${JSON.stringify(clean)}, which still holds one`);
      }
    }
  });

  it('every visible name is kept as it is, whatever hidden characters are put around it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VISIBLE_NAMES), fc.constantFrom('\u202E', '\u200B', '\u{E0041}', '\u3164'), (name, hidden) => {
        expect(cleanText(`${hidden}${name}${hidden}`)).toBe(name);
      }),
    );
  });
});

describe('shortened', () => {
  it('cuts between graphemes, never inside an emoji sequence or between a letter and its accent', () => {
    expect(shortened('Team 👨‍👩‍👧‍👦', 10)).toBe('Team');
    expect(shortened('Team 👨‍👩‍👧‍👦', 16)).toBe('Team 👨‍👩‍👧‍👦');
    expect(shortened('Cafe\u0301s', 4)).toBe('Caf');
    expect(shortened('🇫🇷🇫🇷', 7)).toBe('🇫🇷');
    expect(shortened('🇫🇷', 3)).toBe('');
    expect(shortened('abcdef', 4, '…')).toBe('abc…');
    expect(shortened('ab cdef', 4, '…')).toBe('ab…');
    expect(shortened('abc', 3, '…')).toBe('abc');
  });
});

describe('firstLine', () => {
  it('is the first line that says something, cut to fit between whole characters', () => {
    expect(firstLine('\n  \nHi Acme 👋\nYour link: https://t.example/')).toBe('Hi Acme 👋');
    expect(firstLine('a'.repeat(130))).toBe(`${'a'.repeat(119)}…`);
    expect(firstLine(`${'a'.repeat(118)}👨‍👩‍👧 more`)).toBe(`${'a'.repeat(118)}…`);
    expect(firstLine('')).toBe('');
  });
});
