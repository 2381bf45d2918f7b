// The presets and copy formats as the pages use them: the person's own, stored, beside what an
// administrator's policy sets (policy.ts), read and followed together. Pages only: the background keeps
// its copy formats itself (background/copy-format-cache.ts) and uses no presets.
import { copyFormatsItem } from '../copy-formats/copy-formats';
import { effectivePresets, presetsItem, type PresetList } from '../presets/presets';
import type { Followed, ReadResult, StorageItem } from '../storage/define-item';
import { copyFormatsUnder, managedPolicy, type Policy } from './policy';

/** The presets everyone uses: the policy's, then the person's own (shared/presets: effectivePresets). */
export const presetsUnder = (stored: PresetList, policy: Policy) => effectivePresets(stored, policy.presets ?? []);

/**
 * A stored item as everyone uses it under the policy (`apply`), read and followed like the item itself:
 * a change of either the item or the policy gives the combined value anew. Writes go to the item alone.
 */
function underPolicy<T>(item: StorageItem<T>, apply: (stored: T, policy: Policy) => T): Followed<T> & { value(): Promise<T> } {
  const combined = {
    fallback: item.fallback,
    async read(): Promise<ReadResult<T>> {
      const [stored, policy] = await Promise.all([item.read(), managedPolicy.value()]);
      return { value: apply(stored.value, policy), status: stored.status };
    },
    async value() {
      return (await combined.read()).value;
    },
    watch(listener: (value: T) => void) {
      // The newest of each, whichever changed last; the other is read once, when first needed.
      let latest: Promise<[T, Policy]> | undefined;
      const both = () => (latest ??= Promise.all([item.value(), managedPolicy.value()]));
      const tell = (next: Promise<[T, Policy]>) => {
        latest = next;
        void next.then(
          ([stored, policy]) => latest === next && listener(apply(stored, policy)),
          () => undefined,
        );
      };
      const stopItem = item.watch((stored) => tell(both().then(([, policy]) => [stored, policy])));
      const stopPolicy = managedPolicy.watch((policy) => tell(both().then(([stored]) => [stored, policy])));
      return () => {
        stopItem();
        stopPolicy();
      };
    },
  };
  return combined;
}

/** The presets as the popup, Bulk links, History and the options page use them: the policy's, then the person's own. */
export const presetsInUse = underPolicy(presetsItem, presetsUnder);
/** The copy formats as every page uses them: the policy's templates and default, then the person's own. */
export const copyFormatsInUse = underPolicy(copyFormatsItem, copyFormatsUnder);
