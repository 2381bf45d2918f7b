// The options page's key check (on Save and on Test connection): one cheap read-only Network API call
// that proves key and region, and what it says to a person.
import { MESSAGES, type Failure } from './failures';
import { callEverflow, type Connection } from './http';
import { REGIONS, REGION_IDS, type Region } from './regions';

export const CONNECTION_CHECK_PATH = '/networks/domains/tracking';

export async function checkConnection(connection: Connection): Promise<{ ok: true; domains?: number } | Failure> {
  const result = await callEverflow(connection, 'GET', CONNECTION_CHECK_PATH);
  if (!result.ok) return result;
  const domains = (result.body as { domains?: unknown } | null)?.domains;
  return Array.isArray(domains) ? { ok: true, domains: domains.length } : { ok: true };
}

/** What a check that Everflow answered says. */
export function connectedSentence(domains?: number): string {
  const count = domains === undefined ? '' : ` (${domains} tracking domain${domains === 1 ? '' : 's'})`;
  return `Connected to Everflow${count}.`;
}

/**
 * Everflow refused the key (401) in `region`: what happened and what to do. A key works only in its
 * account's region, so the other region is named.
 */
export function refusedKeySentence(region: Region, whose: 'this' | 'the saved'): string {
  const others = REGION_IDS.filter((id) => id !== region)
    .map((id) => REGIONS[id].label)
    .join(' or ');
  return `Everflow’s ${REGIONS[region].label} region did not accept ${whose} API key (it may be mistyped or revoked); check it, or choose ${others} if your Everflow account is there.`;
}

/** Why any other check failed, in one sentence: the usual failure's, worded for a check rather than a link. */
export function checkFailureSentence(failure: Failure): string {
  if (failure.kind === 'rate-limited') return MESSAGES.rateLimited;
  if (failure.kind === 'forbidden') {
    return 'Everflow did not let this key read the network’s tracking domains; use a network API key (not an affiliate key) whose permissions include tracking links.';
  }
  return failure.message;
}

/** The same sentence following "…, but ": lower-cased, except where it starts with Everflow's name. */
export function butSentence(sentence: string): string {
  return sentence.startsWith('Everflow') ? sentence : sentence.charAt(0).toLowerCase() + sentence.slice(1);
}
