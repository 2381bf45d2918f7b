// The way to a first link, said where a person needs it: in the welcome (no account saved yet), after
// an account is added (for its kind of key), and in the Keyboard shortcuts section. The shortcuts are the browser's own (a person may
// have changed or removed them), read by the background.
import type { AccountKind } from '../shared/accounts/accounts';
import type { Reply } from '../shared/protocol/messages';

export type Shortcuts = Extract<Reply<'getShortcuts'>, { ok: true }>;

/**
 * Open an offer page and click the icon (or press the shortcut); how to set a shortcut when none is. A
 * partner key's link is the partner's own: the offer is what to find. Without `kind`, a network's way.
 */
export function FirstLinkStep({ shortcuts, kind = 'network' }: { shortcuts: Shortcuts | null; kind?: AccountKind }) {
  const press = shortcuts?.open ? (
    <>
      , or press <kbd>{shortcuts.open}</kbd>
    </>
  ) : null;
  return (
    <>
      {kind === 'partner' ? (
        <p>
          Click the Link Builder for Everflow icon in the toolbar{press}. Find an offer you may run by its name or ID, press Enter, and your
          tracking link is on your clipboard.
        </p>
      ) : (
        <p>
          Open an offer page in Everflow and click the Link Builder for Everflow icon in the toolbar{press}. The offer is filled in for you:
          type the affiliate, press Enter, and the link is on your clipboard.
        </p>
      )}
      <p class="hint">
        No icon in the toolbar? It is under the browser’s Extensions button (the puzzle piece): pin it there.
        {shortcuts && !shortcuts.open ? ` No keyboard shortcut opens it; set one ${shortcuts.settings}.` : null}
      </p>
    </>
  );
}

const key = (shortcut: string) => (shortcut ? <kbd>{shortcut}</kbd> : 'no shortcut set');

/** The Keyboard shortcuts section: each command with its shortcut as the browser has it now. */
export function ShortcutsSection({ shortcuts }: { shortcuts: Shortcuts | null }) {
  return (
    <section aria-labelledby="shortcuts-heading">
      <h3 id="shortcuts-heading">Keyboard shortcuts</h3>
      {shortcuts ? (
        <>
          <ul class="shortcuts">
            <li>Open the link builder: {key(shortcuts.open)}</li>
            <li>Copy the tracking link for the offer in front, for the last affiliate used: {key(shortcuts.copy)}</li>
          </ul>
          <p class="hint">Set or change them {shortcuts.settings}.</p>
        </>
      ) : null}
    </section>
  );
}
