// The line a page shows after a copy (popup, History, Bulk links).

/** The bare link is "Copied to clipboard."; any other format (`copiedAs`, its name) is named. */
export function copiedSentence(copiedAs: string | undefined): string {
  return copiedAs ? `Copied “${copiedAs}” to clipboard.` : 'Copied to clipboard.';
}
