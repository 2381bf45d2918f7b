// One rule for characters a person cannot see, for text from outside (Everflow's names, statuses and
// error sentences; names a page passes on) and text the team writes (preset and template names,
// template texts, preset values). Hidden are Unicode's controls (Cc), format characters (Cf: direction
// overrides and isolates, zero-width characters, the soft hyphen, tag characters) and default-ignorable
// code points (variation selectors, the Hangul fillers, the combining grapheme joiner): each can make
// a name read differently from what it holds (U+202E shows it reversed and flips the ID printed after
// it), make two names look the same, or carry text nobody sees.
//
// A few of them are how ordinary writing works, so they are kept where they do that job and nowhere
// else, each beside the character it works on, so no run of them can carry hidden text:
// - in emoji: U+FE0E/U+FE0F (text or emoji style) right after an emoji character (❤️, a keycap #️⃣),
//   a ZWJ between two emoji (a family 👨‍👩‍👧‍👦, 👩🏽‍💻, 🏳️‍🌈), and the tag characters of the England,
//   Scotland and Wales flags, the only flags Unicode recommends that are made of them;
// - a joiner (ZWJ, ZWNJ) right after a script's own combining mark, as after a virama (Sinhala ශ්‍රී);
// - ZWNJ between two letters of a script whose letters join (Persian می‌خواهم);
// - a variation selector right after a CJK ideograph (a name's exact glyph, 葛󠄀) or a Mongolian
//   letter (its free variation selectors).
// JavaScript has no property for viramas or joining types, so the two joiner rules approximate Unicode's
// rules (those of IDNA, RFC 5892 appendix A) with scripts and general categories. Emoji sequences are
// not matched with \p{RGI_Emoji}: that pattern takes some 100 ms to build, on every start of the
// background.

/** A single line (a name, a value): line breaks and tabs are hidden there too. Several lines (a message template): they are kept. */
export type TextShape = 'line' | 'lines';

/** Scripts whose letters join (Unicode's ArabicShaping.txt), where ZWNJ keeps two letters apart. */
const JOINING_SCRIPTS = ['Arabic', 'Syriac', 'Mandaic', 'Manichaean', 'Mongolian', 'Nko', 'Phags_Pa', 'Psalter_Pahlavi', 'Adlam'];
const JOINING_LETTER = `(?=\\p{L})[${JOINING_SCRIPTS.map((script) => `\\p{scx=${script}}`).join('')}]`;
/** gbeng, gbsct and gbwls, spelled in tag characters and ended by CANCEL TAG. */
const TAG_FLAGS = String.raw`\u{1F3F4}\u{E0067}\u{E0062}(?:\u{E0065}\u{E006E}\u{E0067}|\u{E0073}\u{E0063}\u{E0074}|\u{E0077}\u{E006C}\u{E0073})\u{E007F}`;

const KEPT = [
  TAG_FLAGS,
  String.raw`(?<=\p{Emoji})[\uFE0E\uFE0F]`,
  String.raw`(?<=\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Emoji}\uFE0F)\u200D(?=\p{Extended_Pictographic})`,
  String.raw`(?<=\p{M})(?<![\p{sc=Inherited}\p{Default_Ignorable_Code_Point}])[\u200C\u200D]`,
  String.raw`(?<=${JOINING_LETTER}\p{M}*)\u200C(?=\p{M}*${JOINING_LETTER})`,
  String.raw`(?<=\p{Ideographic})[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]`,
  String.raw`(?<=\p{scx=Mongolian})(?<!\p{Default_Ignorable_Code_Point})[\u180B-\u180D\u180F]`,
].join('|');
/** Line and paragraph separators break a line as a newline does. */
const HIDDEN = String.raw`[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}]`;
// `replace` and `matchAll` never share its lastIndex.
const SCAN = new RegExp(`(${KEPT})|${HIDDEN}`, 'gu');

/** Every line break: newlines, vertical tab, form feed, NEL and the line and paragraph separators. */
export const LINE_BREAK = /[\n\v\f\r\u0085\u2028\u2029]/;
/** What a template may hold across its lines. */
const LINES_ALLOWED = /[\n\r\t\u2028\u2029]/;

/** The hidden characters in `text` as the scan finds them, each with its index. */
export function* hiddenIn(text: string, shape: TextShape): Generator<{ char: string; index: number }> {
  for (const match of text.matchAll(SCAN)) {
    if (match[1] !== undefined) continue;
    if (shape === 'lines' && LINES_ALLOWED.test(match[0])) continue;
    yield { char: match[0], index: match.index };
  }
}

/**
 * The text with every hidden character removed. On one line a control or line break becomes a space
 * (it stood between words); in several lines, line breaks and tabs stay. Spacing is left as it is.
 */
export function withoutHiddenCharacters(text: string, shape: TextShape = 'line'): string {
  let clean = '';
  let from = 0;
  for (const { char, index } of hiddenIn(text, shape)) {
    clean += text.slice(from, index) + (/\p{Cc}/u.test(char) || LINE_BREAK.test(char) ? ' ' : '');
    from = index + char.length;
  }
  return clean + text.slice(from);
}

/** One line, safe to show and store: hidden characters removed, white space folded, trimmed. */
export function cleanText(raw: string): string {
  return withoutHiddenCharacters(raw).replace(/\s+/g, ' ').trim();
}

/**
 * At most `max` UTF-16 units, `end` ("…") included when it is cut: cut between graphemes, so never
 * inside an emoji sequence or between a letter and its accent, and trimmed.
 */
export function shortened(text: string, max: number, end = ''): string {
  if (text.length <= max) return text;
  let cut = 0;
  // Made here, not once for the module: building one takes some 10 ms, and few texts need cutting.
  for (const { index, segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    if (index + segment.length > max - end.length) break;
    cut = index + segment.length;
  }
  return `${text.slice(0, cut).trimEnd()}${end}`;
}

export function hasHiddenCharacters(text: string, shape: TextShape = 'line'): boolean {
  return !hiddenIn(text, shape).next().done;
}

/** The first line of a text that says something, at most `max` characters: what a person is shown of a copied message. */
export function firstLine(text: string, max = 120): string {
  const line = text.split(/\r?\n/).find((candidate) => candidate.trim() !== '') ?? '';
  return shortened(line.trim(), max, '…');
}
