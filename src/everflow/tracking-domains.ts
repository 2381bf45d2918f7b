// The network's tracking domains (GET /v1/networks/domains/tracking), and whether a link is on one.
// Everflow's redirect flag has an unconfirmed name, so the extension checks the answer instead of
// trusting the flag: a redirect link's host is one of these domains, a direct link's is the advertiser's.
import { callEverflow, type Connection } from './http';

export const TRACKING_DOMAINS_PATH = '/networks/domains/tracking';

/** The host names in a tracking-domains answer (every status: an inactive domain's link is still a redirect), or undefined when the list is missing. */
export function domainsFromResponse(body: unknown): string[] | undefined {
  const list = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).domains : undefined;
  if (!Array.isArray(list)) return undefined;
  const hosts: string[] = [];
  for (const entry of list) {
    const url = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).url : undefined;
    const host = typeof url === 'string' ? hostOf(url) : undefined;
    if (host) hosts.push(host);
  }
  return hosts;
}

/** A domain as Everflow lists it ("trk.example.com", sometimes with a scheme or a path), lower-cased host only. */
function hostOf(domain: string): string | undefined {
  const text = domain.trim();
  if (text === '') return undefined;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname.replace(/\.$/, '').toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

/** Whether `url`'s host is one of the network's tracking domains (exact host; a trailing dot and case do not matter). */
export function isOnTrackingDomain(url: string, domains: readonly string[]): boolean {
  const host = hostOf(url);
  if (!host) return false;
  return domains.some((domain) => hostOf(domain) === host);
}

/** The network's tracking domains, or undefined when Everflow did not say (the link is then not judged). */
export async function fetchTrackingDomains(connection: Connection): Promise<string[] | undefined> {
  const result = await callEverflow(connection, 'GET', TRACKING_DOMAINS_PATH);
  return result.ok ? domainsFromResponse(result.body) : undefined;
}
