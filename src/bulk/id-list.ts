// Reads a pasted list of offer or affiliate IDs for the Bulk links page.
import { MAX_ID } from '../shared/link-form';

export interface IdList {
  /** Valid IDs, first occurrence order, no repeats. */
  ids: number[];
  /** IDs given more than once (each listed once). */
  duplicates: number[];
  /** Pieces that are not IDs, as typed. */
  invalid: string[];
}

/** Reads IDs separated by anything that is not a letter, digit or one of `-+.` (commas, spaces, new lines, tabs, ;). */
export function parseIdList(text: string): IdList {
  const ids: number[] = [];
  const seen = new Set<number>();
  const duplicates = new Set<number>();
  const invalid: string[] = [];
  for (const piece of text.split(/[^\p{L}\p{N}+\-.]+/u)) {
    if (piece === '') continue;
    const value = /^0*\d{1,10}$/.test(piece) ? Number(piece) : Number.NaN;
    if (!Number.isInteger(value) || value < 1 || value > MAX_ID) {
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
