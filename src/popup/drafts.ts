// The popup's drafts: every account's form as last typed, kept in memory from startup (and from other
// pages' writes) so each change is written at once, whole, without waiting for a read or a lock: the
// popup closes whenever it loses focus, and a keystroke just before must not be lost.
import { FIRST_ACCOUNT_ID } from '../shared/accounts/accounts';
import { draftItem, draftOf, withDraft, type Drafts } from '../shared/link/draft';
import type { LinkForm } from '../shared/link/link-form';

let drafts: Drafts = { accountId: null, forms: {} };
let known: readonly string[] | undefined;

/** Starts from what startup read; follows what other pages write (another popup, "Use again" on the History page). */
export function followDrafts(initial: Drafts, accountIds: readonly string[]): void {
  drafts = initial;
  known = accountIds;
  draftItem.watch((stored) => (drafts = stored));
}

/** The saved accounts changed: drafts of accounts no longer saved go with the next write. */
export const knowAccounts = (accountIds: readonly string[]) => void (known = accountIds);

/** `accountId`'s draft, or an empty form. */
export const draftFor = (accountId: string | undefined) => draftOf(drafts, accountId);

/** Keeps `form` as the draft of `accountId` (the account shown); before any account is saved, the first account's to be. */
export function saveDraft(accountId: string | undefined, form: LinkForm): void {
  drafts = withDraft(drafts, accountId ?? FIRST_ACCOUNT_ID, form, accountId ? known : undefined);
  draftItem.replace(drafts).catch(() => {
    // Storage full or unavailable: the form still works, only the draft is not kept.
  });
}
