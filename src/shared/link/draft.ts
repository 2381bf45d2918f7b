// The popup's form as last typed, so closing the popup never loses work.
import * as z from 'zod/mini';
import { EMPTY_FORM, LinkFormSchema, type LinkForm } from './link-form';
import { AccountIdSchema, byFirstAccount } from '../accounts/accounts';
import { defineItem } from '../storage/define-item';

/** The popup's form as last typed, for each account (what one holds, IDs included, is that network's). */
export const draftItem = defineItem<Record<string, LinkForm>>({
  // The popup, and "Use again" in the history.
  writer: 'pages',
  area: 'local',
  key: 'draft',
  version: 2,
  // Before accounts there was one draft: the first account's.
  migrations: { 1: byFirstAccount },
  schema: z.record(AccountIdSchema, LinkFormSchema),
  fallback: () => ({}),
});

/** An account's draft, or an empty form. */
export const draftOf = (drafts: Readonly<Record<string, LinkForm>>, accountId: string | undefined): LinkForm => ({
  ...((accountId && drafts[accountId]) || EMPTY_FORM),
});

/**
 * Keeps `form` as `accountId`'s draft. One serialised update of every account's drafts (two popups on two
 * accounts never drop each other's); a write that fails (storage full) leaves the form working on screen.
 */
export function saveDraft(accountId: string, form: LinkForm): void {
  draftItem.update((drafts) => ({ ...drafts, [accountId]: form })).catch(() => undefined);
}
