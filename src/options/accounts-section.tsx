// "Everflow accounts", first on the options page (#accounts): each saved account (account-card.tsx),
// then "Add an account". One status line under the form says what the section last did (an account
// added or forgotten); each account says the rest in its own notice line.
import { useRef, useState } from 'preact/hooks';
import type { AccountKind } from '../shared/accounts/accounts';
import type { AccountView } from '../shared/protocol/replies';
import { AccountCard } from './account-card';
import { AddAccount } from './add-account';
import { FirstLinkStep, type Shortcuts } from './first-link';
import { SectionIntro } from './section-intro';
import { OrganisationDomains, usePolicy } from './policy-parts';

interface Props {
  /** null until the background has answered. */
  accounts: readonly AccountView[] | null;
  shortcuts: Shortcuts | null;
  /** After each change made here: the accounts are read again. */
  onChanged: () => void;
}

export function AccountsSection({ accounts, shortcuts, onChanged }: Props) {
  const [status, setStatus] = useState('');
  /** The kind of account just added: the next step (a first link) is shown for it. */
  const [added, setAdded] = useState<AccountKind | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // The administrator's policy, followed: its changes reach this page while it is open.
  const policy = usePolicy() ?? {};

  function forgotten(sentence: string) {
    onChanged();
    setAdded(null);
    setStatus(sentence);
    // Its card, and the button pressed in it, are gone.
    heading.current?.focus();
  }

  return (
    <section id="accounts" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading" ref={heading} tabIndex={-1}>
        Everflow accounts
      </h2>
      <SectionIntro
        line="One account for each Everflow API key: a network’s key, or a partner key your network gave you."
        about="About accounts"
      >
        Each has its own region, pace and dashboard domains; on a dashboard page the popup uses the account whose dashboard it is, elsewhere
        the one you used last.
      </SectionIntro>
      {accounts === null ? (
        <p>Checking for saved accounts…</p>
      ) : accounts.length === 0 ? (
        <p>No Everflow account is saved yet.</p>
      ) : (
        <ul class="accounts" aria-label="Saved accounts">
          {accounts.map((account) => (
            <AccountCard
              key={account.id}
              account={account}
              policy={policy}
              startOpen={accounts.length === 1}
              onChanged={onChanged}
              onForgotten={forgotten}
            />
          ))}
        </ul>
      )}
      <AddAccount
        policy={policy}
        onStatus={(text) => {
          setStatus(text);
          setAdded(null);
        }}
        onAdded={(account) => {
          onChanged();
          setAdded(account.kind);
        }}
      />
      <OrganisationDomains policy={policy} />
      <p class="notice ok" role="status" aria-live="polite">
        {status}
      </p>
      {added ? (
        <section class="next-step" aria-labelledby="next-heading">
          <h3 id="next-heading">Next: make a link</h3>
          <FirstLinkStep shortcuts={shortcuts} kind={added} />
        </section>
      ) : null}
    </section>
  );
}
