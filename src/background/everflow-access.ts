// The background's one way to reach Everflow: the saved key, the region's address, and the one pace
// that every caller (popup, menu, keyboard, look-ups, bulk) shares, since Everflow counts them together.
import { MESSAGES, failure, type Failure } from '../everflow/failures';
import type { Connection } from '../everflow/http';
import type { Lane, RateLimiter } from '../everflow/rate-limiter';
import { apiBase, type Region } from '../everflow/regions';
import { settingsItem, type Settings } from '../shared/settings/settings';
import { readApiKey } from './api-key-store';
import { memory } from './worker-memory';

/** The shared limiter, set to the pace in `settings` (read fresh by each caller, so a change applies at once). */
export function pacedBy(settings: Settings): RateLimiter {
  memory.limiter.setLimit(settings.requestsPerSecond);
  return memory.limiter;
}

/** A connection for `lane`, or the no-key failure. */
export async function connect(lane: Lane): Promise<{ ok: true; connection: Connection } | Failure> {
  const [apiKey, settings] = await Promise.all([readApiKey(), settingsItem.value()]);
  if (!apiKey) return failure('no-key', MESSAGES.noKey);
  return {
    ok: true,
    connection: { baseUrl: apiBase(settings.region), apiKey, limiter: pacedBy(settings), serverTrouble: memory.serverTrouble, lane },
  };
}

/** A connection with a key the options page is checking (typed and not saved yet, or saved) in `region`. */
export async function connectWith(apiKey: string, region: Region, lane: Lane): Promise<Connection> {
  return { baseUrl: apiBase(region), apiKey, limiter: pacedBy(await settingsItem.value()), serverTrouble: memory.serverTrouble, lane };
}
