// CSV for the pages' downloads (history, bulk links): one cell, written so a spreadsheet reads it as text.

/**
 * One CSV cell: a value a spreadsheet would run as a formula (starting with = + - @, tab or CR)
 * gets a leading apostrophe; a value with a comma, quote or line break is quoted (RFC 4180).
 */
export function csvCell(value: string | number | boolean | undefined): string {
  let cell = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
