// Service worker entry: the only place that holds the API key and talks to Everflow.
// Listeners are registered synchronously at the top level so events that wake the worker are seen.
import browser from 'webextension-polyfill';
import { checkConnection } from '../everflow/connection-check';
import { apiBase } from '../everflow/regions';
import { ApiKeySchema } from '../shared/messages';
import { failure } from '../shared/outcome';
import { read, writeItem } from '../shared/storage-item';
import { lastLinkItem, recentAffiliatesItem, settingsItem } from '../shared/stored-items';
import { forgetApiKey, keyHint, readApiKey, saveApiKey } from './api-key-store';
import { copyToClipboard } from './clipboard';
import { generateLink } from './link-generation';
import { MESSAGES } from '../everflow/failures';
import { createRouter } from './message-router';

const router = createRouter(
  {
    generate: ({ form }) => generateLink(form),

    async getStatus() {
      const [apiKey, settings, lastLink, recentAffiliates] = await Promise.all([
        readApiKey(),
        read(settingsItem),
        read(lastLinkItem),
        read(recentAffiliatesItem),
      ]);
      const hint = apiKey ? keyHint(apiKey) : '';
      return {
        ok: true,
        hasKey: apiKey !== null,
        ...(hint ? { keyHint: hint } : {}),
        region: settings.region,
        lastLink,
        recentAffiliates,
      };
    },

    async saveSettings({ region, key }) {
      if (key !== undefined) {
        const checked = ApiKeySchema.safeParse(key);
        if (!checked.success) return failure('invalid-input', checked.error.issues[0]?.message ?? 'Enter the API key.');
        await saveApiKey(checked.data);
      }
      await writeItem(settingsItem, { region });
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
