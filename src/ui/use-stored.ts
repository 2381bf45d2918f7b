// A page's view of a stored item (or of the administrator's policy): its value now, then every change
// as it happens (item.watch), so no page writes its own storage subscription. null until the first
// read answers. `onReset` hears when what is stored could not be read (damaged, or from a newer
// version) and the default shows.
import { useEffect, useState } from 'preact/hooks';
import type { Followed } from '../shared/storage/define-item';

export function useStored<T>(item: Followed<T>, onReset?: () => void): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let changed = false;
    const stop = item.watch((next) => {
      changed = true;
      setValue(next);
    });
    // A change seen while the first read was on its way is newer than that read.
    void item.read().then(
      (first) => {
        if (changed) return;
        setValue(first.value);
        if (first.status === 'reset') onReset?.();
      },
      () => changed || setValue(item.fallback()),
    );
    return stop;
  }, [item]);
  return value;
}
