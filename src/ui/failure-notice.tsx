/** @jsxImportSource preact */
// A failure in one plain sentence (Everflow's own, when it gave one, then at most one short line on
// what to do), pointing to the options page when the key is the problem.
import type { Failure } from '../everflow/failures';

const POINTS_TO_OPTIONS: ReadonlySet<Failure['kind']> = new Set(['no-key', 'unauthorized', 'forbidden']);

export function FailureNotice({ failure, onOpenOptions }: { failure: Failure; onOpenOptions: () => void }) {
  return (
    <div class="failure" role="alert">
      <p>{failure.message}</p>
      {failure.hint ? <p class="failure-hint">{failure.hint}</p> : null}
      {POINTS_TO_OPTIONS.has(failure.kind) ? (
        <button type="button" class="link" onClick={onOpenOptions}>
          Open options
        </button>
      ) : null}
    </div>
  );
}
