// The popup's form as last typed, for each account (what a form holds, IDs included, is its network's),
// and the account the popup last showed, so closing the popup never loses work or the account it was on.
import * as z from 'zod/mini';
import { EMPTY_FORM, LinkFormSchema, type LinkForm } from './link-form';
import { AccountIdSchema, FIRST_ACCOUNT_ID } from '../accounts/accounts';
import { defineItem } from '../storage/define-item';

export const DraftsSchema = z.object({
  /** The account the popup showed last (switched to, or chosen by "Use again"); null before any. */
  accountId: z.nullable(AccountIdSchema),
  forms: z.record(AccountIdSchema, LinkFormSchema),
});
export type Drafts = z.infer<typeof DraftsSchema>;

export const NO_DRAFTS: Drafts = { accountId: null, forms: {} };

export const draftItem = defineItem<Drafts>({
  // The popup, and "Use again" in the history.
  writer: 'pages',
  area: 'local',
  key: 'draft',
  version: 2,
  // Before accounts there was one draft: the first account's.
  migrations: { 1: (form) => ({ accountId: FIRST_ACCOUNT_ID, forms: { [FIRST_ACCOUNT_ID]: form } }) },
  schema: DraftsSchema,
  fallback: () => structuredClone(NO_DRAFTS),
});

/** An account's draft (a copy), or an empty form. */
export const draftOf = (drafts: Drafts, accountId: string | undefined): LinkForm => ({
  ...((accountId && drafts.forms[accountId]) || EMPTY_FORM),
});

/**
 * `drafts` with `form` as `accountId`'s draft and that account the one shown; drafts of accounts no
 * longer saved are dropped (`known`: the saved accounts' IDs, when the caller has them).
 */
export function withDraft(drafts: Drafts, accountId: string, form: LinkForm, known?: readonly string[]): Drafts {
  const forms = { ...drafts.forms, [accountId]: form };
  if (known) for (const id of Object.keys(forms)) if (id !== accountId && !known.includes(id)) delete forms[id];
  return { accountId, forms };
}
