// The browser's access to white-label dashboard domains: asked for by the options page when a domain
// is added to an account, given back when no account has it any more. Access still granted for a domain no longer in the list
// (two options pages changing it at once, an options page closed mid-way) is given back here.
import { dashboardMatchPatterns } from '../shared/dashboard/dashboard-url';
import { allDashboardDomains } from '../shared/accounts/accounts';
import { readAccounts } from './accounts';

export async function releaseUnusedDashboardAccess(): Promise<void> {
  const [accounts, granted] = await Promise.all([readAccounts(), chrome.permissions.getAll()]);
  const needed = new Set([
    ...dashboardMatchPatterns(allDashboardDomains(accounts)),
    ...(chrome.runtime.getManifest().host_permissions ?? []),
  ]);
  const unused = (granted.origins ?? []).filter((origin) => !needed.has(origin));
  if (unused.length > 0) await chrome.permissions.remove({ origins: unused });
}
