// The link history, shared by the full page (history.tsx) and the popup's History view (loaded on
// demand, so none of this is in the popup's first load). It follows the stored list (historyItem,
// the background's); every change goes to the background (delete, clear) by message.
import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../shared/protocol/connector';
import { formFromInput } from '../shared/link/link-form';
import { affiliateOf } from '../everflow/link-fields';
import type { HistoryEntry } from '../shared/history/history';
import { DIRECT_LINK_NOTE, SOME_OFFERS_CLOSED_NOTE } from '../shared/link/link-notes';
import { formatLink, factsFromHistory } from '../shared/copy-formats/copy-formats';
import { copiedSentence } from './copy-status';
import { downloadCsv } from './download';
import { LINK_HOLDS_KEY, useTextsHoldingKey } from './key-guard';
import {
  SURFACE_LABELS,
  csvFileName,
  describeSubs,
  entryAccount,
  entryTarget,
  historyCsv,
  searchHistory,
} from '../shared/history/history-table';
import { accountName, accountsItem } from '../shared/accounts/accounts';
import { historyItem } from '../shared/history/history';
import { draftItem, withDraft } from '../shared/link/draft';
import './history-list.css';
import { pinnedPairsItem } from '../shared/pinned/pinned-pairs';
import { PinButton } from './pin-toggle';
import { useStored } from './use-stored';
import { copyFormatsInUse, presetsInUse } from '../shared/policy/in-use';

export { HISTORY_PAGE } from '../shared/history/history-address';
export const OPEN_POPUP = 'Open the toolbar popup to use it.';
export const HISTORY_UNREADABLE = 'The saved link history could not be read, so it starts empty; new links are recorded as usual.';
export const LINK_GONE = 'That link is no longer in the history.';

/** Puts the entry's inputs in its account's form, that account the popup's, and opens the popup (or says how to). */
async function useAgainFromPage(entry: HistoryEntry): Promise<string> {
  await draftItem.replace(withDraft(await draftItem.value(), entry.accountId, formFromInput(entry.input)));
  try {
    await chrome.action.openPopup();
    return 'The link builder is open with these inputs.';
  } catch {
    return `The inputs are in the link builder’s form. ${OPEN_POPUP}`;
  }
}

function describe(entry: HistoryEntry): string {
  const target = entryTarget(entry);
  const named = `${target.kind.toLowerCase()} ${target.id}`;
  const offer = target.name ? `${named} (${target.name})` : named;
  const id = affiliateOf(entry.input);
  if (id === undefined) return offer;
  return `${offer}, ${entry.affiliateName ? `affiliate ${id} (${entry.affiliateName})` : `affiliate ${id}`}`;
}

/** The names recorded with an entry, as a pin keeps them. */
function entryNames(entry: HistoryEntry) {
  return {
    ...(entry.offerName ? { offer: entry.offerName } : {}),
    ...(entry.campaignName ? { campaign: entry.campaignName } : {}),
    ...(entry.affiliateName ? { affiliate: entry.affiliateName } : {}),
  };
}

function time(entry: HistoryEntry) {
  const when = new Date(entry.at);
  return <time dateTime={when.toISOString()}>{when.toLocaleString()}</time>;
}

const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

export interface HistoryListProps {
  /** The popup's narrow layout: a list instead of a table. */
  compact?: boolean;
  /** Replaces the default "Use again" (write the draft, open the popup), e.g. inside the popup itself. */
  onUseAgain?: (entry: HistoryEntry) => void;
  /** The entry to show (History at one link): scrolled to, marked and focused; each new object shows it again. */
  showEntry?: { id: string } | undefined;
}

/** The account filter's value for every account. */
const ALL_ACCOUNTS = '';

export function HistoryList({ compact = false, onUseAgain, showEntry }: HistoryListProps) {
  const [unreadable, setUnreadable] = useState(false);
  const entries = useStored(historyItem, () => setUnreadable(true));
  const accounts = useStored(accountsItem)?.accounts ?? [];
  const [accountId, setAccountId] = useState(ALL_ACCOUNTS);
  /** Several accounts (or links of one forgotten): each link says which it was made with. */
  const several = accounts.length > 1 || (entries ?? []).some((entry) => !accounts.some((account) => account.id === entry.accountId));
  // Read once for every entry's Pin.
  const pins = useStored(pinnedPairsItem);
  const presets = useStored(presetsInUse);
  const formats = useStored(copyFormatsInUse);
  const [query, setQuery] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [confirming, setConfirming] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const clearButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const [marked, setMarked] = useState<{ id: string }>();
  const markedItem = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
  }, [confirming]);

  // The entry asked for, once the history holds it (it may come a moment after the address), shown
  // once whatever the search or account filter hid.
  const handled = useRef<{ id: string } | undefined>(undefined);
  useEffect(() => {
    if (!showEntry || entries === null || handled.current === showEntry) return;
    if (!entries.some((entry) => entry.id === showEntry.id)) return setAnnouncement(LINK_GONE);
    handled.current = showEntry;
    setAnnouncement('');
    setQuery('');
    setAccountId(ALL_ACCOUNTS);
    setMarked({ id: showEntry.id });
  }, [showEntry, entries]);
  useEffect(() => {
    markedItem.current?.scrollIntoView({ block: 'center' });
    markedItem.current?.focus({ preventScroll: true });
  }, [marked]);
  /** The marked entry's row or item: focusable by script, and said to be the one asked for. */
  const markOf = (entry: HistoryEntry) =>
    entry.id === marked?.id
      ? {
          ref: (element: HTMLElement | null) => void (markedItem.current = element),
          class: 'history-shown',
          tabIndex: -1,
          'aria-current': 'true' as const,
        }
      : {};

  const all = (entries ?? []).filter((entry) => accountId === ALL_ACCOUNTS || entry.accountId === accountId);
  const shown = searchHistory(all, query);
  const holdingKey = useTextsHoldingKey(all.map((entry) => entry.url));
  /** A link is shown, opened and copied only once it is known not to hold the key. */
  const safe = (entry: HistoryEntry) => holdingKey !== null && !holdingKey.has(entry.url);
  const link = (entry: HistoryEntry) => (holdingKey === null ? '' : safe(entry) ? entry.url : LINK_HOLDS_KEY);

  /** Copies in the default format, with the names the entry keeps. */
  async function copy(entry: HistoryEntry) {
    const made = formats ? formatLink(formats, formats.defaultFormat, factsFromHistory(entry)) : { id: 'link', name: '', text: entry.url };
    const reply = await send('copy', { text: made.text });
    setAnnouncement(reply.ok ? copiedSentence(made.id === 'link' ? undefined : made.name, reply.line) : reply.message);
  }

  async function remove(entry: HistoryEntry) {
    const reply = await send('deleteHistoryEntry', { id: entry.id });
    if (!reply.ok) {
      setAnnouncement(reply.message);
      return;
    }
    setAnnouncement(`Deleted the link for ${describe(entry)}.`);
    search.current?.focus();
  }

  async function clearAll() {
    setConfirming(false);
    const reply = await send('clearHistory', accountId === ALL_ACCOUNTS ? {} : { accountId });
    if (!reply.ok) {
      setAnnouncement(reply.message);
      return;
    }
    setAnnouncement('History cleared.');
    search.current?.focus();
  }

  async function useAgain(entry: HistoryEntry) {
    if (onUseAgain) return onUseAgain(entry);
    try {
      setAnnouncement(await useAgainFromPage(entry));
    } catch {
      setAnnouncement('The form could not be saved; try again.');
    }
  }

  async function exportCsv() {
    const saved = await downloadCsv(historyCsv(all, accounts), csvFileName(new Date()));
    setAnnouncement(saved.ok ? `Exported ${all.length} link${all.length === 1 ? '' : 's'} as CSV.${saved.note}` : saved.message);
  }

  const actions = (entry: HistoryEntry) => {
    const about = describe(entry);
    return (
      <div class="history-actions">
        <button type="button" aria-label={`Copy link for ${about}`} disabled={!safe(entry)} onClick={() => void copy(entry)}>
          Copy
        </button>
        {safe(entry) && isWebUrl(entry.url) ? (
          <a class="button" href={entry.url} target="_blank" rel="noopener noreferrer" aria-label={`Open link for ${about}`}>
            Open
          </a>
        ) : null}
        <button type="button" aria-label={`Use again for ${about}`} onClick={() => void useAgain(entry)}>
          Use again
        </button>
        <PinButton
          accountId={entry.accountId}
          form={formFromInput(entry.input)}
          sent={entry}
          names={entryNames(entry)}
          label={`Pin link for ${about}`}
          onAnnounce={setAnnouncement}
          pins={pins}
          presets={presets}
        />
        <button type="button" aria-label={`Delete link for ${about}`} onClick={() => void remove(entry)}>
          Delete
        </button>
      </div>
    );
  };

  return (
    <div class={compact ? 'history compact' : 'history'}>
      {unreadable ? (
        <p class="banner" role="alert">
          {HISTORY_UNREADABLE}
        </p>
      ) : null}
      <div class="history-tools">
        <div class="field history-search">
          <label for="history-search">Search history</label>
          <input
            id="history-search"
            ref={search}
            type="search"
            value={query}
            placeholder="Offer, affiliate, sub value or link"
            autoComplete="off"
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
        </div>
        {accounts.length > 1 ? (
          <div class="field history-account">
            <label for="history-account">Account</label>
            <select id="history-account" value={accountId} onChange={(event) => setAccountId(event.currentTarget.value)}>
              <option value={ALL_ACCOUNTS}>All accounts</option>
              {accounts.map((account) => (
                <option key={account.id} value={account.id}>
                  {accountName(account)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div class="actions">
          <button type="button" disabled={all.length === 0} onClick={exportCsv}>
            Export CSV
          </button>
          <button type="button" ref={clearButton} disabled={all.length === 0 || confirming} onClick={() => setConfirming(true)}>
            Clear all
          </button>
        </div>
      </div>
      {confirming ? (
        <div class="banner history-confirm" role="group" aria-label="Confirm clearing the history">
          <p>
            Delete all {all.length} link{all.length === 1 ? '' : 's'} from the history? This cannot be undone.
          </p>
          <div class="actions">
            <button type="button" class="primary" onClick={() => void clearAll()}>
              Yes, clear all
            </button>
            <button
              type="button"
              ref={cancelButton}
              onClick={() => {
                setConfirming(false);
                clearButton.current?.focus();
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {entries === null ? (
        <p class="history-empty">Loading…</p>
      ) : all.length === 0 ? (
        <p class="history-empty">No links yet. Links you generate (in the popup, the right-click menu or with the keyboard) appear here.</p>
      ) : shown.length === 0 ? (
        <p class="history-empty">No links match “{query.trim()}”.</p>
      ) : compact ? (
        <ul class="history-items" aria-label="Generated links, newest first">
          {shown.map((entry) => (
            <li key={entry.id} {...markOf(entry)}>
              <p class="history-meta">
                <strong>
                  {entryTarget(entry).kind} {entryTarget(entry).id}
                  {affiliateOf(entry.input) === undefined ? '' : ` · Affiliate ${affiliateOf(entry.input)}`}
                </strong>{' '}
                · {SURFACE_LABELS[entry.surface]} · {time(entry)}
              </p>
              {several ? <p class="history-account-name">{entryAccount(entry, accounts)}</p> : null}
              {describeSubs(entry.input) ? <p class="history-subs">{describeSubs(entry.input)}</p> : null}
              <p class="history-url">{link(entry)}</p>
              {entry.someOffersClosed ? <p class="history-warning">{SOME_OFFERS_CLOSED_NOTE}</p> : null}
              {entry.directLink ? <p class="history-warning">{DIRECT_LINK_NOTE}</p> : null}
              {actions(entry)}
            </li>
          ))}
        </ul>
      ) : (
        <table class="history-table">
          <caption class="visually-hidden">Generated links, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              {several ? <th scope="col">Account</th> : null}
              <th scope="col">Offer or smart link</th>
              <th scope="col">Affiliate</th>
              <th scope="col">Subs</th>
              <th scope="col">Link</th>
              <th scope="col">From</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((entry) => (
              <tr key={entry.id} {...markOf(entry)}>
                <td>{time(entry)}</td>
                {several ? <td>{entryAccount(entry, accounts)}</td> : null}
                <td>
                  {entry.input.linkType === 'smart' ? <span class="history-kind">Smart link </span> : null}
                  {entryTarget(entry).id}
                  {entryTarget(entry).name ? <span class="history-name"> {entryTarget(entry).name}</span> : null}
                </td>
                <td>
                  {affiliateOf(entry.input) ?? ''}
                  {entry.affiliateName ? <span class="history-name"> {entry.affiliateName}</span> : null}
                </td>
                <td>{describeSubs(entry.input)}</td>
                <td class="history-url">
                  {link(entry)}
                  {entry.someOffersClosed ? <p class="history-warning">{SOME_OFFERS_CLOSED_NOTE}</p> : null}
                  {entry.directLink ? <p class="history-warning">{DIRECT_LINK_NOTE}</p> : null}
                </td>
                <td>{SURFACE_LABELS[entry.surface]}</td>
                <td>{actions(entry)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="announcement" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
