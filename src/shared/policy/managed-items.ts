// What an administrator's policy sets among a person's own lists (presets, message templates): told
// apart by its ID, `policy:<the policy's id, or its name>`. A person's own never has one (a new preset
// or template gets a UUID, the built-in formats are words), so the two never take each other's place.
// Names: the policy's keeps its name; a person's of the same name (ignoring case) is shown as
// "Name (yours)", and stays usable beside it.
export const MANAGED_ID_PREFIX = 'policy:';

export const managedId = (id: string) => `${MANAGED_ID_PREFIX}${id}`;

/** Whether an item (a preset, a template) is the policy's: shown read-only, never edited, deleted or exported. */
export const isManaged = (item: { id: string }) => item.id.startsWith(MANAGED_ID_PREFIX);

/** Said after the name of a person's own item that has the name of one the policy sets. */
export const OWN_NAME_SUFFIX = ' (yours)';

const nameKey = (item: { name: string }) => item.name.trim().toLowerCase();

/** The policy's items first, then the person's own, renamed "… (yours)" where the policy's has their name. */
export function withManaged<T extends { id: string; name: string }>(managed: readonly T[], own: readonly T[]): T[] {
  if (managed.length === 0) return [...own];
  const taken = new Set(managed.map(nameKey));
  const mine = own
    .filter((item) => !isManaged(item))
    .map((item) => (taken.has(nameKey(item)) ? { ...item, name: `${item.name}${OWN_NAME_SUFFIX}` } : item));
  return [...managed, ...mine];
}
