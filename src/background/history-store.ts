// Writes to the link history. Every change (record, delete, clear) is a read-modify-write of one
// stored list, so they run one after another on a single promise chain: two links made at once are
// both kept, and a delete never brings back an entry another write just dropped.
import { appendEntry, historyItem, removeEntry, type HistoryEntry, type Surface } from '../shared/link-history';
import type { LinkInput } from '../shared/link-form';
import type { Names } from '../shared/messages';
import { read, writeItem } from '../shared/storage-item';

let writes: Promise<void> = Promise.resolve();

function serialize(change: (history: HistoryEntry[]) => HistoryEntry[]): Promise<void> {
  const next = writes.then(async () => writeItem(historyItem, change(await read(historyItem))));
  // A failed write (storage full, say) must not stop the ones queued after it.
  writes = next.catch(() => undefined);
  return next;
}

export function recordLink(url: string, input: LinkInput, surface: Surface, at: number, names?: Names): Promise<void> {
  const named = { ...(names?.offer ? { offerName: names.offer } : {}), ...(names?.affiliate ? { affiliateName: names.affiliate } : {}) };
  return serialize((history) => appendEntry(history, { id: crypto.randomUUID(), url, input, surface, at, ...named }));
}

export function deleteEntry(entryId: string): Promise<void> {
  return serialize((history) => removeEntry(history, entryId));
}

export function clearHistory(): Promise<void> {
  return serialize(() => []);
}
