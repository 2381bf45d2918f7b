// The line a page shows after a copy (popup, History, Bulk links).
import { firstLine } from '../everflow/text';

/**
 * The bare link is "Copied to clipboard."; any other format (`copiedAs`, its name) is named, with the
 * first line of what it copied (`text`), so a message is never copied unseen.
 */
export function copiedSentence(copiedAs: string | undefined, text?: string): string {
  if (!copiedAs) return 'Copied to clipboard.';
  const line = text === undefined ? '' : firstLine(text);
  return line ? `Copied “${copiedAs}” to clipboard: ${line}` : `Copied “${copiedAs}” to clipboard.`;
}
