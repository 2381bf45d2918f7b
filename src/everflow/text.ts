// Text that comes from outside (Everflow's names, statuses and error sentences; names a page passes
// on) made safe to show and store: no control characters, no direction overrides or isolates (a name
// holding U+202E would show reversed and flip the ID printed after it), no zero-width characters, and
// white space folded.

/** Control, direction-override, isolate, bidi-mark and zero-width characters. */
// oxlint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function cleanText(raw: string): string {
  return raw.replace(HIDDEN, ' ').replace(/\s+/g, ' ').trim();
}

export function hasHiddenCharacters(text: string): boolean {
  HIDDEN.lastIndex = 0;
  return HIDDEN.test(text);
}
