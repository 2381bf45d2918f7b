// Service worker entry: the only place that holds the API key and talks to Everflow.
// Listeners are registered synchronously at the top level so events that wake the worker are seen.
import browser from 'webextension-polyfill';
import { checkConnection } from '../everflow/connection-check';
import { apiBase } from '../everflow/regions';
import { ApiKeySchema } from '../shared/messages';
import { POPUP_PORT } from '../shared/popup-port';
import { failure } from '../shared/outcome';
import { read, readItem, writeItem } from '../shared/storage-item';
import { lastLinkItem, recentAffiliatesItem, settingsItem } from '../shared/stored-items';
import { forgetApiKey, keyHint, readApiKey, readStoredKey, saveApiKey, setKeySessionOnly } from './api-key-store';
import { copyToClipboard } from './clipboard';
import { generateLink } from './link-generation';
import { MESSAGES } from '../everflow/failures';
import { normaliseDomain, readDashboardUrl } from '../shared/dashboard-url';
import { onMenuClick, refreshPageItem, registerMenu } from './context-menu';
import { announce, clearBadge } from './feedback';
import { createRouter } from './message-router';
import { quickCopy } from './quick-copy';

export const COPY_COMMAND = 'copy-link-for-page';

export const RESET_NOTICE = 'Some saved settings could not be read and were reset to their defaults; check the options page.';
export const KEY_RESET_NOTICE = 'The saved API key could not be read and was removed; add it again on the options page.';

// The key is for the background only: keep storage.session closed to anything but extension pages.
void chrome.storage.session.setAccessLevel({ accessLevel: chrome.storage.AccessLevel.TRUSTED_CONTEXTS });

/** Open popups. When none is open as a link arrives, the result is announced by notification instead. */
let openPopups = 0;
chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== POPUP_PORT || port.sender?.id !== chrome.runtime.id) return;
  openPopups++;
  port.onDisconnect.addListener(() => openPopups--);
});

const router = createRouter(
  {
    async generate({ form, surface }) {
      const outcome = await generateLink(form);
      // The popup closed while Everflow was answering: say what happened some other way.
      if (surface === 'popup' && openPopups === 0 && (outcome.ok || outcome.kind !== 'invalid-input')) await announce(outcome);
      return outcome;
    },

    async getStatus() {
      void clearBadge();
      const [key, settings, lastLink, recentAffiliates] = await Promise.all([
        readStoredKey(),
        readItem(settingsItem),
        readItem(lastLinkItem),
        readItem(recentAffiliatesItem),
      ]);
      const hint = key.stored ? keyHint(key.stored.key) : '';
      const notices: string[] = [];
      if (key.wasReset) notices.push(KEY_RESET_NOTICE);
      if ([settings, lastLink, recentAffiliates].some((item) => item.status === 'reset')) notices.push(RESET_NOTICE);
      return {
        ok: true,
        hasKey: key.stored !== null,
        ...(hint ? { keyHint: hint } : {}),
        keySessionOnly: key.stored?.sessionOnly ?? false,
        region: settings.value.region,
        dashboardDomains: settings.value.dashboardDomains,
        lastLink: lastLink.value,
        recentAffiliates: recentAffiliates.value,
        notices,
      };
    },

    async saveSettings({ region, key, sessionOnly }) {
      if (key !== undefined) {
        const checked = ApiKeySchema.safeParse(key);
        if (!checked.success) return failure('invalid-input', checked.error.issues[0]?.message ?? 'Enter the API key.');
        await saveApiKey(checked.data, sessionOnly);
      } else {
        await setKeySessionOnly(sessionOnly);
      }
      await writeItem(settingsItem, { ...(await read(settingsItem)), region });
      return { ok: true };
    },

    async setDashboardDomains({ domains }) {
      const normalised = domains.map(normaliseDomain);
      const bad = domains.find((_, index) => normalised[index] === undefined);
      if (bad !== undefined) return failure('invalid-input', `“${bad.slice(0, 80)}” is not a domain name; enter one like links.example.com.`);
      const unique = [...new Set(normalised as string[])];
      await writeItem(settingsItem, { ...(await read(settingsItem)), dashboardDomains: unique });
      return { ok: true };
    },

    async forgetKey() {
      await forgetApiKey();
      return { ok: true };
    },

    async testConnection() {
      const [apiKey, settings] = await Promise.all([readApiKey(), read(settingsItem)]);
      if (!apiKey) return failure('no-key', MESSAGES.noKey);
      const result = await checkConnection({ baseUrl: apiBase(settings.region), apiKey });
      if (!result.ok) return result;
      const domains = result.domains === undefined ? '' : ` (${result.domains} tracking domain${result.domains === 1 ? '' : 's'})`;
      return { ok: true, message: `Connected: Everflow accepted this key${domains}.` };
    },

    async copy({ text }) {
      return (await copyToClipboard(text))
        ? { ok: true }
        : failure('internal', 'The browser did not allow copying; select the link and press Ctrl+C.');
    },
  },
  { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('') },
);

browser.runtime.onMessage.addListener(router);

// Right-click menu: built on install, rebuilt when what it shows (recent affiliates, domains) changes.
chrome.runtime.onInstalled.addListener(() => void registerMenu());
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && ('recentAffiliates' in changes || 'settings' in changes)) void registerMenu();
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
    const { dashboardDomains } = await read(settingsItem);
    await quickCopy(readDashboardUrl(url, dashboardDomains)?.offerId);
  })();
});
