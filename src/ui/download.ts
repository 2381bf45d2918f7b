// Saves text made on an extension page as a download (history and bulk CSV, team settings).

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

/** Saves `csv` as a download named `fileName`, from an extension page. */
export function downloadCsv(csv: string, fileName: string): void {
  // The byte-order mark lets spreadsheet programs read the file as UTF-8.
  downloadFile(['\uFEFF', csv], 'text/csv;charset=utf-8', fileName);
}
