// Saves text made on an extension page as a download (history and bulk CSV, team settings).
import type { Failure } from '../everflow/failures';
import { KEY_CUT_NOTE, withoutTheKey } from './key-guard';

/** Saves `parts` as a download named `fileName`, from an extension page. */
export function downloadFile(parts: BlobPart[], type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Saves `csv` as a download named `fileName`, from an extension page, with the API key cut out of it
 * (an old history entry or a template could hold it). Answers what to tell the person beside "saved":
 * that the key was cut out, or why nothing was saved.
 */
export async function downloadCsv(csv: string, fileName: string): Promise<{ ok: true; note: string } | Failure> {
  const guarded = await withoutTheKey([csv]);
  if (!guarded.ok) return guarded;
  // The byte-order mark lets spreadsheet programs read the file as UTF-8.
  downloadFile(['\uFEFF', guarded.texts[0]!], 'text/csv;charset=utf-8', fileName);
  return { ok: true, note: guarded.held ? ` ${KEY_CUT_NOTE}` : '' };
}
