// The API key goes to Everflow in its header and nowhere else: any other text the extension passes on
// (a link, a copied message, Everflow's own error sentence) is searched for it in every form a link
// or a message could carry it, and has it cut out. Here, in everflow/, because the client's own
// failures and links need it and everflow/ imports nothing else; shared/ and the background use it too.
//
// The forms: as typed (and in lower or upper case, as a host name or a shouting system writes it);
// percent-encoded once or more, character by character, hex digits in either case ("%2B", "%2b",
// "%252B"); a space as "+" and a "+" as a space (form encoding); base64 and base64url of it, whole or
// inside a longer base64 text (at each of the three byte alignments); HTML character references
// ("&#43;", "&#x2b;", "&plus;").

/** HTML's named references for what a key or its base64 can hold, and what an HTML escaper writes. */
const NAMED_REFERENCES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  plus: '+',
  sol: '/',
  equals: '=',
  lowbar: '_',
  period: '.',
};

/** Shorter base64 fragments than this would match ordinary text by chance. */
const MIN_BASE64_FRAGMENT = 6;

const PLUS = 0x2b;
const SPACE = 0x20;

const utf8 = (text: string) => new TextEncoder().encode(text);
/** One character's UTF-8 bytes; ASCII without the encoder, as nearly every character of a link is. */
const charBytes = (char: string) => (char.charCodeAt(0) < 0x80 ? [char.charCodeAt(0)] : [...utf8(char)]);
/** Form encoding writes a space as "+", and a "+" read as form data is a space: the two are one byte here. */
const sameSpace = (bytes: Iterable<number>) => Array.from(bytes, (byte) => (byte === PLUS ? SPACE : byte));

/** One way to read the text at an index: the bytes it stands for, and the index after it. */
interface Reading {
  bytes: number[];
  end: number;
}

const isHex = (char: string | undefined) => char !== undefined && /^[0-9a-fA-F]$/.test(char);
const REFERENCE = new RegExp(String.raw`^&(?:#[xX]0*([0-9a-fA-F]{1,6})|#0*(\d{1,7})|(${Object.keys(NAMED_REFERENCES).join('|')}));`);
const MAX_REFERENCE = 16;

/**
 * Every way the text can be read at `at`: the character itself; a percent escape, after any number of
 * "25" (each round of encoding adds one), each reading of it ("%2541" is "%" then "41", or "A"); an
 * HTML reference. A text can be read more than one way ("%85" before base64 text may be a "%" and
 * then the base64), so the search tries each.
 */
function readingsAt(text: string, at: number): Reading[] {
  const char = String.fromCodePoint(text.codePointAt(at)!);
  const readings: Reading[] = [{ bytes: sameSpace(charBytes(char)), end: at + char.length }];
  if (char === '%') {
    for (let hex = at + 1; isHex(text[hex]) && isHex(text[hex + 1]); hex += 2) {
      readings.push({ bytes: sameSpace([parseInt(text.slice(hex, hex + 2), 16)]), end: hex + 2 });
      if (text.slice(hex, hex + 2) !== '25') break;
    }
  }
  if (char === '&') {
    const reference = REFERENCE.exec(text.slice(at, at + MAX_REFERENCE));
    if (reference) {
      const [whole, hex, decimal, named] = reference;
      const codePoint = hex !== undefined ? parseInt(hex, 16) : decimal !== undefined ? Number(decimal) : undefined;
      const meant = codePoint === undefined ? NAMED_REFERENCES[named!]! : codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '';
      if (meant) readings.push({ bytes: sameSpace(charBytes(meant)), end: at + whole.length });
    }
  }
  return readings;
}

type Readings = (at: number) => Reading[];

/** Where a match of `form` that starts at `at` ends, trying each reading of the text in turn; undefined when none. */
function matchAt(readings: Readings, length: number, at: number, form: readonly number[], done = 0): number | undefined {
  if (done === form.length) return at;
  if (at >= length) return undefined;
  for (const { bytes, end } of readings(at)) {
    if (done + bytes.length > form.length || bytes.some((byte, i) => form[done + i] !== byte)) continue;
    const matched = matchAt(readings, length, end, form, done + bytes.length);
    if (matched !== undefined) return matched;
  }
  return undefined;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const toBase64Url = (base64: string) => base64.replace(/\+/g, '-').replace(/\//g, '_');

/**
 * The key's base64, alone (with and without padding) and as it shows inside a longer base64 text: at
 * each alignment, the characters that depend on the key's bytes alone.
 */
function base64Forms(key: string): string[] {
  const bytes = utf8(key);
  const whole = toBase64(bytes);
  const forms = [whole, whole.replace(/=+$/, '')];
  for (const offset of [0, 1, 2]) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    // Character i holds bits 6i to 6i + 5; the key's bits run from 8 · offset to 8 · (offset + length).
    const first = Math.ceil((8 * offset) / 6);
    const end = Math.floor((8 * (offset + bytes.length)) / 6);
    forms.push(toBase64(padded).slice(first, end));
  }
  return [...forms, ...forms.map(toBase64Url)].filter((form) => form.length >= MIN_BASE64_FRAGMENT);
}

/** Every form of the key as bytes, longest first, so a whole base64 goes before its fragment. */
function keyForms(key: string): number[][] {
  const forms = new Set([key, key.toLowerCase(), key.toUpperCase(), ...base64Forms(key)]);
  return [...forms].map((form) => sameSpace(utf8(form))).toSorted((a, b) => b.length - a.length);
}

/** Where the key is in `text`, as [start, end) index pairs, leftmost first, never overlapping. */
function findKey(text: string, forms: readonly number[][], firstOnly = false): [number, number][] {
  const found: [number, number][] = [];
  // Each index is read once, whatever the number of forms tried from or across it.
  const known: Reading[][] = [];
  const readings: Readings = (at) => (known[at] ??= readingsAt(text, at));
  for (let at = 0; at < text.length;) {
    const end = forms.reduce<number | undefined>((longest, form) => longest ?? matchAt(readings, text.length, at, form), undefined);
    if (end === undefined) {
      at += text.codePointAt(at)! > 0xffff ? 2 : 1;
      continue;
    }
    found.push([at, end]);
    if (firstOnly) break;
    at = end;
  }
  return found;
}

/** Whether `text` holds the key in any of its forms. No key (none saved) is never found. */
export function containsKey(text: string, key: string | null | undefined): boolean {
  return !!key && findKey(text, keyForms(key), true).length > 0;
}

/**
 * The text with the key cut out in every form, again and again until none is left (cutting
 * "ab<key>cd" would join a second "abcd" otherwise). `marker` ("[key]") marks where it was, unless the
 * marker itself would spell the key with what surrounds it.
 */
export function withoutKey(text: string, key: string | null | undefined, marker = ''): string {
  if (!key) return text;
  const forms = keyForms(key);
  let rest = text;
  /** Where something was cut, as indexes into `rest`. */
  let cuts: number[] = [];
  for (;;) {
    const spans = findKey(rest, forms);
    if (spans.length === 0) break;
    // Where index `at` of `rest` lands once the spans are cut out.
    const landing = (at: number) => {
      let removed = 0;
      for (const [start, end] of spans) {
        if (at <= start) break;
        if (at < end) return start - removed;
        removed += end - start;
      }
      return at - removed;
    };
    cuts = [...cuts, ...spans.map(([start]) => start)].map(landing);
    let kept = '';
    let from = 0;
    for (const [start, end] of spans) {
      kept += rest.slice(from, start);
      from = end;
    }
    rest = kept + rest.slice(from);
  }
  if (!marker || cuts.length === 0) return rest;
  let marked = rest;
  for (const at of [...new Set(cuts)].toSorted((a, b) => b - a)) marked = `${marked.slice(0, at)}${marker}${marked.slice(at)}`;
  return findKey(marked, forms, true).length > 0 ? rest : marked;
}
