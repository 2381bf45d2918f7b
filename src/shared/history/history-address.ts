// The History page's address, and its address at one link (`#link-<entry id>`): the background opens
// it there from a notification, the page scrolls to that entry, marks it and focuses it.
export const HISTORY_PAGE = 'src/history/history.html';

const LINK_PREFIX = '#link-';

/** The History page (an extension path), at the entry `entryId` when given. */
export const historyAddress = (entryId?: string): string =>
  entryId === undefined ? HISTORY_PAGE : `${HISTORY_PAGE}${LINK_PREFIX}${encodeURIComponent(entryId)}`;

/** The entry an address's hash (`location.hash`) names; undefined for any other hash. */
export function entryIdOf(hash: string): string | undefined {
  if (!hash.startsWith(LINK_PREFIX) || hash.length === LINK_PREFIX.length) return undefined;
  try {
    return decodeURIComponent(hash.slice(LINK_PREFIX.length));
  } catch {
    return undefined;
  }
}
