/** @jsxImportSource preact */
// What the popup shows after a generation: the link with Copy and Open, or one plain sentence.
import type { Failure, LinkSuccess } from '../shared/outcome';

interface LinkResultProps {
  link: LinkSuccess;
  heading: string;
  onCopy: (url: string) => void;
}

export function LinkResult({ link, heading, onCopy }: LinkResultProps) {
  return (
    <section class="result">
      <label for="result-url" class="result-heading">
        {heading}
      </label>
      <input
        id="result-url"
        class="result-url"
        type="text"
        readOnly
        value={link.url}
        onFocus={(event) => event.currentTarget.select()}
      />
      <div class="result-actions">
        <button type="button" onClick={() => onCopy(link.url)}>
          Copy
        </button>
        <a class="button secondary" href={link.url} target="_blank" rel="noopener noreferrer">
          Open
        </a>
        <span class="result-meta">
          Offer {link.offerId} · Affiliate {link.affiliateId}
        </span>
      </div>
    </section>
  );
}

const POINTS_TO_OPTIONS: ReadonlySet<Failure['kind']> = new Set(['no-key', 'unauthorized', 'forbidden']);

export function FailureNotice({ failure, onOpenOptions }: { failure: Failure; onOpenOptions: () => void }) {
  return (
    <div class="failure" role="alert">
      <p>{failure.message}</p>
      {POINTS_TO_OPTIONS.has(failure.kind) ? (
        <button type="button" class="link" onClick={onOpenOptions}>
          Open options
        </button>
      ) : null}
    </div>
  );
}
