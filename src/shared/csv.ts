// CSV for the pages' downloads (history, bulk links).
import { downloadFile } from './download';

/**
 * One CSV cell: a value a spreadsheet would run as a formula (starting with = + - @, tab or CR)
 * gets a leading apostrophe; a value with a comma, quote or line break is quoted (RFC 4180).
 */
export function csvCell(value: string | number | boolean | undefined): string {
  let cell = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Saves `csv` as a download named `fileName`, from an extension page. */
export function downloadCsv(csv: string, fileName: string): void {
  // The byte-order mark lets spreadsheet programs read the file as UTF-8.
  downloadFile(['\uFEFF', csv], 'text/csv;charset=utf-8', fileName);
}
