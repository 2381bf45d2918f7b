// What a page says after a copy. Its own tiny module: the popup's status needs it, and nothing else of
// the copy formats.

/** The bare link is "Copied to clipboard."; any other format (`copiedAs`, its name) is named. */
export function copiedSentence(copiedAs: string | undefined): string {
  return copiedAs ? `Copied “${copiedAs}” to clipboard.` : 'Copied to clipboard.';
}
