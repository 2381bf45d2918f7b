// Background entry (Chrome's service worker, Firefox's event page): the only place that holds the API
// key and talks to Everflow.
// Listeners are registered synchronously at the top level so events that wake the worker are seen.
import browser from 'webextension-polyfill';
import { pageTarget, readDashboardUrl } from '../shared/dashboard/dashboard-url';
import { POPUP_PORT } from '../shared/protocol/popup-port';
import { pendingPrefillItem } from '../shared/link/prefill';
import { settingsItem } from '../shared/settings/settings';
import { BULK_ALARM, resumeBulk } from './bulk-engine';
import { releaseUnusedDashboardAccess } from './dashboard-access';
import { onMenuClick, refreshPageItem, registerMenu } from './context-menu';
import { createHandlers } from './message-handlers';
import { createRouter } from './message-router';
import { closeSessionStorage } from './platform';
import { quickCopy } from './quick-copy';
import type { Popups } from './rate-limit-notice';
import { COPY_COMMAND } from './shortcuts';
import { welcomeOnInstall } from './first-run';

closeSessionStorage();

/**
 * Open popups. When none is open as a link arrives, the result is announced by notification instead;
 * while one waits for Everflow's rate limit, the wait is pushed to them.
 */
const popupPorts = new Set<chrome.runtime.Port>();
const popups: Popups = {
  count: () => popupPorts.size,
  post(message) {
    for (const port of popupPorts) {
      try {
        port.postMessage(message);
      } catch {
        // Closed just now: its onDisconnect removes it.
      }
    }
  },
};
chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== POPUP_PORT || port.sender?.id !== chrome.runtime.id) return;
  popupPorts.add(port);
  port.onDisconnect.addListener(() => popupPorts.delete(port));
  // The popup has read the right-click menu's request by now: it was for that opening only.
  void pendingPrefillItem.set(null);
});

const router = createRouter(createHandlers(popups), {
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
});

browser.runtime.onMessage.addListener(router);

// Access to a white-label domain that is no longer in the list goes back when the browser starts
// (not at every start of this worker: a message that wakes it may come from an options page that has
// just been granted access to a domain it is about to add).
chrome.runtime.onStartup.addListener(() => void releaseUnusedDashboardAccess().catch(() => undefined));

// Right-click menu: built on install, rebuilt when what it shows (recent affiliates, names, domains) changes.
chrome.runtime.onInstalled.addListener(() => void registerMenu());
// A new install (not an update) opens the options page, which greets a person with no key yet.
chrome.runtime.onInstalled.addListener((details) => void welcomeOnInstall(details).catch(() => undefined));
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && ('recentAffiliates' in changes || 'settings' in changes || 'history' in changes)) void registerMenu();
});
chrome.contextMenus.onClicked.addListener((info) => void onMenuClick(info));
chrome.tabs.onActivated.addListener(() => void refreshPageItem());
chrome.tabs.onUpdated.addListener((_tabId, change) => {
  if (change.url) void refreshPageItem();
});
chrome.windows.onFocusChanged.addListener(() => void refreshPageItem());

// Keyboard: the second command copies the link for the offer in front, like the menu.
chrome.commands.onCommand.addListener((command, tab) => {
  if (command !== COPY_COMMAND) return;
  void (async () => {
    const url = tab?.url ?? (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.url;
    const { dashboardDomains } = await settingsItem.value();
    await quickCopy('keyboard', pageTarget(readDashboardUrl(url, dashboardDomains)));
  })();
});

// Bulk links: a job that was running when the worker (or the browser) stopped goes on; the alarm
// wakes a stopped worker while a job runs.
void resumeBulk();
chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === BULK_ALARM) void resumeBulk();
});
