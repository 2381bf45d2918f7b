// The copy formats as the background last read them, kept in the worker's memory and followed as the
// options page changes them: every link is copied in the default format, and reading storage on each
// click would slow the warm click (link-generation.ts). A worker that wakes reads them once. The
// administrator's policy adds its templates and may set the default (shared/policy: copyFormatsUnder).
import { copyFormatsItem, type CopyFormats } from '../shared/copy-formats/copy-formats';
import { copyFormatsUnder } from '../shared/policy/policy';
import { currentPolicy } from './policy';
import { memory } from './worker-memory';

/** The formats now, the policy's among them: the stored ones from memory once read; the first call reads them and starts following changes. */
export async function copyFormats(): Promise<CopyFormats> {
  if (!memory.copyFormats) {
    memory.copyFormats = copyFormatsItem.value().catch(copyFormatsItem.fallback);
    // A change seen while the first read is on its way is newer than that read.
    copyFormatsItem.watch((next) => (memory.copyFormats = Promise.resolve(next)));
  }
  const [stored, policy] = await Promise.all([memory.copyFormats, currentPolicy()]);
  return copyFormatsUnder(stored, policy);
}
