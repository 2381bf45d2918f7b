// The network's tracking domains, kept in the worker's memory for a while: they are read only to check
// a link asked for as a redirect link (rare), they change seldom, and a worker that restarts pays one
// GET. Not stored: nothing would read a stored copy faster than Everflow answers this small list.
import type { Connection } from '../everflow/http';
import { fetchTrackingDomains, isOnTrackingDomain } from '../everflow/tracking-domains';
import { memory } from './worker-memory';

export const DOMAINS_MAX_AGE_MS = 10 * 60_000;

/** The network's tracking domains (from memory when fresh), or undefined when Everflow did not say. */
export async function trackingDomains(connection: Connection, now = Date.now()): Promise<string[] | undefined> {
  // Per key and region: another network's domains never judge this one's links.
  const key = `${connection.baseUrl} ${connection.apiKey}`;
  const cached = memory.trackingDomains;
  if (cached?.key === key && now - cached.at < DOMAINS_MAX_AGE_MS) return cached.domains;
  let pending = memory.trackingDomainsPending;
  if (pending?.key !== key) {
    const domains = fetchTrackingDomains({ ...connection, maxAttempts: 1 }).finally(() => (memory.trackingDomainsPending = undefined));
    pending = memory.trackingDomainsPending = { key, domains };
  }
  const domains = await pending.domains;
  if (domains) memory.trackingDomains = { key, at: now, domains };
  return domains;
}

/**
 * True when `url` is known not to be on one of the network's tracking domains. Unknown is false: the
 * list could not be read, or it is empty (a network always has one, so an empty list proves nothing).
 */
export async function isDirectLink(connection: Connection, url: string): Promise<boolean> {
  const domains = await trackingDomains(connection);
  return domains !== undefined && domains.length > 0 && !isOnTrackingDomain(url, domains);
}
