// The browser's access to white-label dashboard domains: asked for by the options page when a domain
// is added, given back when it is removed. Access still granted for a domain no longer in the list
// (two options pages changing it at once, an options page closed mid-way) is given back here.
import { dashboardMatchPatterns } from '../shared/dashboard/dashboard-url';
import { settingsItem } from '../shared/settings/settings';

export async function releaseUnusedDashboardAccess(): Promise<void> {
  const [{ dashboardDomains }, granted] = await Promise.all([settingsItem.value(), chrome.permissions.getAll()]);
  const needed = new Set([...dashboardMatchPatterns(dashboardDomains), ...(chrome.runtime.getManifest().host_permissions ?? [])]);
  const unused = (granted.origins ?? []).filter((origin) => !needed.has(origin));
  if (unused.length > 0) await chrome.permissions.remove({ origins: unused });
}
