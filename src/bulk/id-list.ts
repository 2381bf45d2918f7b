// Reads a pasted list of offer, smart link or affiliate IDs for the Bulk links page.
import { idInText } from '../everflow/link-fields';

export interface IdList {
  /** Valid IDs, first occurrence order, no repeats. */
  ids: number[];
  /** IDs given more than once (each listed once). */
  duplicates: number[];
  /** Pieces that are not IDs, as typed. */
  invalid: string[];
}

/** What separates IDs: anything that is not a letter, digit or one of `-+.` (commas, spaces, new lines, tabs, ;). */
const SEPARATOR = /[^\p{L}\p{N}+\-.]+/u;

/** Reads the IDs of a pasted list, whatever separates them. */
export function parseIdList(text: string): IdList {
  const ids: number[] = [];
  const seen = new Set<number>();
  const duplicates = new Set<number>();
  const invalid: string[] = [];
  for (const piece of text.split(SEPARATOR)) {
    if (piece === '') continue;
    const value = idInText(piece);
    if (value === undefined) {
      if (!invalid.includes(piece)) invalid.push(piece);
      continue;
    }
    if (seen.has(value)) duplicates.add(value);
    else {
      seen.add(value);
      ids.push(value);
    }
  }
  return { ids, duplicates: [...duplicates], invalid };
}

/** The list as typed without the pieces that are not IDs (each with the separator after it); the rest is kept as it was. */
export function withoutInvalid(text: string): string {
  // A capturing split keeps the separators: piece, separator, piece, …
  const parts = text.split(new RegExp(`(${SEPARATOR.source})`, 'u'));
  let kept = '';
  for (let i = 0; i < parts.length; i += 2) {
    const piece = parts[i]!;
    if (piece === '' || idInText(piece) !== undefined) kept += piece + (parts[i + 1] ?? '');
  }
  return kept.replace(new RegExp(`${SEPARATOR.source}$`, 'u'), '');
}
