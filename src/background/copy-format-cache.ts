// The copy formats as the background last read them, kept in the worker's memory and followed as the
// options page changes them: every link is copied in the default format, and reading storage on each
// click would slow the warm click (link-generation.ts). A worker that wakes reads them once.
import { copyFormatsItem, type CopyFormats } from '../shared/copy-formats';

let current: CopyFormats | undefined;
let loading: Promise<CopyFormats> | undefined;

/** The formats now: from memory once read; the first call reads them and starts following changes. */
export function copyFormats(): Promise<CopyFormats> {
  if (current) return Promise.resolve(current);
  if (!loading) {
    copyFormatsItem.watch((next) => (current = next));
    loading = copyFormatsItem.value().then(
      (value) => (current ??= value),
      () => copyFormatsItem.fallback(),
    );
  }
  return loading;
}
