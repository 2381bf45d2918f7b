// Background entry (Chrome's service worker, Firefox's event page): the only place that holds the API
// key and talks to Everflow.
// Listeners are registered synchronously at the top level so events that wake the worker are seen.
import browser from 'webextension-polyfill';
import { pageTarget, readDashboardUrl } from '../shared/dashboard/dashboard-url';
import { BULK_ALARM } from '../shared/bulk/bulk-job';
import { resumeBulk } from './bulk-engine';
import { readAccounts } from './accounts';
import { knownDashboardDomains, releaseUnusedDashboardAccess } from './dashboard-access';
import { onMenuClick, refreshPageItem, registerMenu } from './context-menu';
import { createHandlers } from './message-handlers';
import { createRouter } from './message-router';
import { acceptPopup } from './popup-connection';
import { policyChanged } from './policy';
import { closeSessionStorage } from './platform';
import { quickCopy } from './quick-copy';
import { COPY_COMMAND } from './commands';
import { welcomeOnInstall } from './first-run';
import { BADGE_ALARM, fadeSuccess, followNotification } from './feedback';

closeSessionStorage();

const own = { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('') };
const router = createRouter(createHandlers(), own);

// The popup asks for its links over its port and hears about them over it (popup-connection.ts).
chrome.runtime.onConnect.addListener((port) => acceptPopup(port, own));
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
  if (area === 'local' && ('recentAffiliates' in changes || 'accounts' in changes || 'history' in changes)) void registerMenu();
});
// An administrator's policy changed while the browser runs: applied (policy.ts), and the menu rebuilt for its dashboard domains.
chrome.storage.onChanged.addListener((_changes, area) => {
  if (area === 'managed') void policyChanged().then(registerMenu, () => undefined);
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
    const [url, accounts] = await Promise.all([
      tab?.url ?? chrome.tabs.query({ active: true, lastFocusedWindow: true }).then((tabs) => tabs[0]?.url),
      readAccounts(),
    ]);
    const target = pageTarget(readDashboardUrl(url, await knownDashboardDomains(accounts)));
    await quickCopy('keyboard', { target, url, accounts });
  })();
});

// A click on a notification opens (or brings to the front) the page that shows or fixes what it said.
chrome.notifications.onClicked.addListener((id) => void followNotification(id).catch(() => undefined));

// Bulk links: a job that was running when the worker stopped goes on; its alarm wakes a stopped worker
// while it runs. The stored job is read only when the alarm is there, or when the browser starts or the
// extension is updated (either may drop alarms): a finished job of 2,000 rows takes some 15 ms to
// decode, which every start would spend while it answers the event that woke it.
void chrome.alarms.get(BULK_ALARM).then((alarm) => alarm && resumeBulk());
chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === BULK_ALARM) void resumeBulk();
  if (alarm.name === BADGE_ALARM) void fadeSuccess().catch(() => undefined);
});
chrome.runtime.onStartup.addListener(() => void resumeBulk());
chrome.runtime.onInstalled.addListener(() => void resumeBulk());
