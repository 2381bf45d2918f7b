// Reads a pasted list of offer, smart link or affiliate IDs for the Bulk links page.
import { MAX_ID } from '../shared/link-form';

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

/** The ID a piece of the list stands for, or undefined when it is not one. */
function idOf(piece: string): number | undefined {
  const value = /^0*\d{1,10}$/.test(piece) ? Number(piece) : Number.NaN;
  return Number.isInteger(value) && value >= 1 && value <= MAX_ID ? value : undefined;
}

/** Reads the IDs of a pasted list, whatever separates them. */
export function parseIdList(text: string): IdList {
  const ids: number[] = [];
  const seen = new Set<number>();
  const duplicates = new Set<number>();
  const invalid: string[] = [];
  for (const piece of text.split(SEPARATOR)) {
    if (piece === '') continue;
    const value = idOf(piece);
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
    if (piece === '' || idOf(piece) !== undefined) kept += piece + (parts[i + 1] ?? '');
  }
  return kept.replace(new RegExp(`${SEPARATOR.source}$`, 'u'), '');
}
