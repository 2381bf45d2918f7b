// The dashboard domains an administrator's policy adds to everyone's list, read on their own: the popup's
// first paint needs them (a page on one is a dashboard page) and nothing else of the policy, so its first
// chunk does not carry the whole policy's checks (policy.ts reads the same key with this).
import { EVERFLOW_DASHBOARD_SUFFIX, normaliseDomain } from '../dashboard/dashboard-url';
import { MAX_DASHBOARD_DOMAINS } from '../settings/settings';

/** Its key in the policy (chrome.storage.managed). */
export const POLICY_DOMAINS_KEY = 'dashboardDomains';

/**
 * The policy's dashboard domains as host names (lower case, as an account's are): each entry that is not
 * a domain name, is one of Everflow's own dashboard hosts already, or comes again, is left out on its
 * own; at most MAX_DASHBOARD_DOMAINS.
 */
export function policyDashboardDomains(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const domains = new Set<string>();
  for (const entry of value) {
    const domain = typeof entry === 'string' ? normaliseDomain(entry) : undefined;
    if (domain && !domain.endsWith(`.${EVERFLOW_DASHBOARD_SUFFIX}`) && domains.size < MAX_DASHBOARD_DOMAINS) domains.add(domain);
  }
  return [...domains];
}
