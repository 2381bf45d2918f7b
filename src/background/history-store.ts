// Writes to the link history: record, delete, clear, each one serialised update of the stored list,
// so two links made at once are both kept and a delete never brings back an entry just dropped.
import type { LinkInput } from '../everflow/link-fields';
import { appendEntry, historyItem, removeEntry, type HistoryEntry, type Surface } from '../shared/history/history';
import type { LinkSuccess } from '../shared/link/outcome';

const done = async (written: Promise<unknown>) => void (await written);

/** The link made, with what it was made from; names and notes come from the link as the person was told. */
export function recordLink(
  url: string,
  input: LinkInput,
  surface: Surface,
  made: Pick<LinkSuccess, 'accountId' | 'at' | 'offerName' | 'campaignName' | 'affiliateName' | 'directLink' | 'someOffersClosed'>,
): Promise<void> {
  const entry: HistoryEntry = { id: crypto.randomUUID(), accountId: made.accountId, url, input, surface, at: made.at };
  for (const key of ['offerName', 'campaignName', 'affiliateName', 'directLink', 'someOffersClosed'] as const) {
    if (made[key] !== undefined) Object.assign(entry, { [key]: made[key] });
  }
  return done(historyItem.update((history) => appendEntry(history, entry)));
}

export function deleteEntry(entryId: string): Promise<void> {
  return done(historyItem.update((history) => removeEntry(history, entryId)));
}

/** Forgets every link, or only `accountId`'s. */
export function clearHistory(accountId?: string): Promise<void> {
  if (accountId === undefined) return historyItem.set([]);
  return done(historyItem.update((history) => history.filter((entry) => entry.accountId !== accountId)));
}
