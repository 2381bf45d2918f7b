// The browser's access to white-label dashboard domains: asked for by the options page when a domain
// is added to an account (or, for the domains of an administrator's policy, with one button), given back
// when no account has it any more. Access still granted for a domain no longer in the list (two options
// pages changing it at once, an options page closed mid-way) is given back here; a policy's domains are
// never given back.
import { dashboardMatchPatterns } from '../shared/dashboard/dashboard-url';
import { allDashboardDomains, type Accounts } from '../shared/accounts/accounts';
import { readAccounts } from './accounts';
import { currentPolicy } from './policy';

/** Every dashboard host the extension knows now: each account's white-label domains, and the policy's. */
export async function knownDashboardDomains(accounts?: Accounts): Promise<string[]> {
  const [list, policy] = await Promise.all([accounts ?? readAccounts(), currentPolicy()]);
  return allDashboardDomains(list, policy.dashboardDomains ?? []);
}

export async function releaseUnusedDashboardAccess(): Promise<void> {
  const [domains, granted] = await Promise.all([knownDashboardDomains(), chrome.permissions.getAll()]);
  const needed = new Set([...dashboardMatchPatterns(domains), ...(chrome.runtime.getManifest().host_permissions ?? [])]);
  const unused = (granted.origins ?? []).filter((origin) => !needed.has(origin));
  if (unused.length > 0) await chrome.permissions.remove({ origins: unused });
}
