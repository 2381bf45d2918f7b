// Writes to the link history: record, delete, clear, each one serialised update of the stored list,
// so two links made at once are both kept and a delete never brings back an entry just dropped.
import type { LinkInput } from '../shared/link-form';
import { appendEntry, historyItem, removeEntry, type Surface } from '../shared/link-history';
import type { Names } from '../shared/names';

const done = async (written: Promise<unknown>) => void (await written);

export function recordLink(url: string, input: LinkInput, surface: Surface, at: number, names?: Names, directLink = false): Promise<void> {
  const named = { ...(names?.offer ? { offerName: names.offer } : {}), ...(names?.affiliate ? { affiliateName: names.affiliate } : {}) };
  const direct = directLink ? { directLink: true as const } : {};
  return done(historyItem.update((history) => appendEntry(history, { id: crypto.randomUUID(), url, input, surface, at, ...named, ...direct })));
}

export function deleteEntry(entryId: string): Promise<void> {
  return done(historyItem.update((history) => removeEntry(history, entryId)));
}

export function clearHistory(): Promise<void> {
  return historyItem.set([]);
}
