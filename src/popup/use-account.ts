// The popup's account: which one the form is for, what the background says of the accounts when the
// app takes over, a switch to another (its own draft and kind of link), and History's "Use again"
// with the account an entry was made with.
import { useRef } from 'preact/hooks';
import { accountName } from '../shared/accounts/accounts';
import type { HistoryEntry } from '../shared/history/history';
import { recentOf } from '../shared/history/recent-affiliates';
import { formFromInput, hasMoreOptions, type LinkForm } from '../shared/link/link-form';
import type { Status } from '../shared/protocol/messages';
import { draftFor, saveDraft } from './drafts';
import type { PopupState } from './popup-view';
import type { Startup } from './startup/startup-data';

type SetState = (update: (current: PopupState) => PopupState) => void;

export function useAccount(
  state: PopupState,
  setState: SetState,
  { startup, switched }: { startup: Startup; switched: (last: number | undefined) => void },
) {
  /** Each account's recent affiliates, as the background said: a switch to another account starts with its last one. */
  const recent = useRef<Record<string, number[]>>({});
  const patch = (changes: Partial<PopupState>) => setState((current) => ({ ...current, ...changes }));

  /** Shows `accountId` with `next` as its form (its own kind of link; a network's last affiliate where none is given). */
  function show(accountId: string, next: LinkForm, switching: boolean) {
    const account = state.accounts.find((known) => known.id === accountId);
    if (!account) return;
    const partner = account.kind === 'partner';
    // A partner's link is its own kind, with no affiliate; a network's starts with its last affiliate.
    if (partner) next.linkType = 'partner';
    else if (next.linkType === 'partner') next.linkType = 'offer';
    const last = partner ? undefined : recentOf(recent.current, accountId)[0];
    if (switching && !partner && next.affiliateId.trim() === '' && last !== undefined) next.affiliateId = String(last);
    if (accountId !== state.accountId) switched(last);
    saveDraft(accountId, next);
    patch({
      accountId,
      form: next,
      errors: {},
      failed: null,
      sources: {},
      awaiting: false,
      hasKey: account.hasKey ?? state.hasKey,
      moreOpen: state.moreOpen || hasMoreOptions(next),
      announcement: accountId === state.accountId ? '' : `Now making links with ${accountName(account)}.`,
    });
  }

  return {
    /** The background's word on the accounts, once the app has taken over. */
    adopt(reply: Status) {
      recent.current = reply.recentAffiliates;
      setState((current) => {
        // An update from the single-key version has just made its key the first account (the worker woke for this message).
        const known = (id: string | null) => reply.accounts.find((account) => account.id === id)?.id;
        const accountId = current.accountId ?? known(startup.drafts.accountId) ?? known(reply.lastUsedId) ?? reply.accounts[0]?.id ?? null;
        return {
          ...current,
          accounts: reply.accounts,
          accountId,
          hasKey: reply.accounts.find((account) => account.id === accountId)?.hasKey ?? false,
          notices: [...reply.notices, ...current.notices],
          link: current.link ?? (reply.lastLink ? { value: reply.lastLink, fresh: false } : null),
        };
      });
    },
    /** The switcher: another account, with its own draft. */
    choose(accountId: string) {
      if (accountId !== state.accountId) show(accountId, draftFor(accountId), true);
    },
    /** History's "Use again": the entry's inputs, with the account it was made with when that is still saved. */
    useAgain(entry: HistoryEntry) {
      const next = formFromInput(entry.input);
      const accountId = state.accounts.some((known) => known.id === entry.accountId) ? entry.accountId : state.accountId;
      if (accountId) show(accountId, next, false);
    },
  };
}
