// What the background does for each UI → background message. worker.ts wires these to the router.
import { checkConnection } from '../everflow/connection-check';
import { normaliseDomain } from '../shared/dashboard-url';
import { ApiKeySchema } from '../shared/messages';
import { failure } from '../everflow/failures';
import { MAX_DASHBOARD_DOMAINS, lastLinkItem, recentAffiliatesItem, settingsItem } from '../shared/stored-items';
import { forgetApiKey, keyHint, readStoredKey, saveApiKey, setKeySessionOnly } from './api-key-store';
import { copyToClipboard } from './platform';
import { connect } from './everflow-access';
import { controlBulk, startBulk } from './bulk-engine';
import { announce, clearBadge } from './feedback';
import { clearHistory, deleteEntry } from './history-store';
import { generateLink } from './link-generation';
import { waitNotice, type Popups } from './rate-limit-notice';
import { clearLookupCache, lookupName, runLookup } from './lookup-service';
import { completeNames } from './link-names';
import type { Handlers } from './message-router';

export const RESET_NOTICE = 'Some saved settings could not be read and were reset to their defaults; check the options page.';
export const KEY_RESET_NOTICE = 'The saved API key could not be read and was removed; add it again on the options page.';

/** `popups`: whether anyone is looking at a popup that asked for a link, and a way to tell it how long it waits. */
export function createHandlers(popups: Popups): Handlers {
  return {
    async generate({ form, surface, names }) {
      const notice = waitNotice(surface, popups);
      const outcome = await generateLink(form, surface, names, notice.onWait).finally(notice.stop);
      // Names the popup did not know yet (submitted before its look-up answered) join the history afterwards.
      if (outcome.ok) void completeNames(outcome);
      // The popup closed while Everflow was answering: say what happened some other way.
      if (surface === 'popup' && popups.count() === 0 && (outcome.ok || outcome.kind !== 'invalid-input')) await announce(outcome);
      return outcome;
    },

    async getStatus() {
      void clearBadge();
      const [key, settings, lastLink, recentAffiliates] = await Promise.all([
        readStoredKey(),
        settingsItem.load(),
        lastLinkItem.load(),
        recentAffiliatesItem.load(),
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
        requestsPerSecond: settings.value.requestsPerSecond,
        dashboardDomains: settings.value.dashboardDomains,
        lastLink: lastLink.value,
        recentAffiliates: recentAffiliates.value,
        notices,
      };
    },

    async saveSettings({ region, key, sessionOnly, requestsPerSecond }) {
      if (key !== undefined) {
        const checked = ApiKeySchema.safeParse(key);
        if (!checked.success) return failure('invalid-input', checked.error.issues[0]?.message ?? 'Enter the API key.');
        await saveApiKey(checked.data, sessionOnly);
      } else {
        await setKeySessionOnly(sessionOnly);
      }
      let before = settingsItem.fallback();
      await settingsItem.update((current) => {
        before = current;
        return { ...current, region, requestsPerSecond: requestsPerSecond ?? current.requestsPerSecond };
      });
      // Names cached for another key or region must never show.
      if (key !== undefined || before.region !== region) await clearLookupCache();
      return { ok: true };
    },

    async dashboardDomain({ action, domain: typed }) {
      const domain = normaliseDomain(typed);
      if (domain === undefined) return failure('invalid-input', `“${typed.slice(0, 80)}” is not a domain name; enter one like links.example.com.`);
      let full = false;
      await settingsItem.update((settings) => {
        const others = settings.dashboardDomains.filter((known) => known !== domain);
        if (action === 'remove') return { ...settings, dashboardDomains: others };
        full = others.length >= MAX_DASHBOARD_DOMAINS;
        return full || others.length < settings.dashboardDomains.length ? settings : { ...settings, dashboardDomains: [...others, domain] };
      });
      return full ? failure('invalid-input', `You can add up to ${MAX_DASHBOARD_DOMAINS} dashboard domains; remove one first.`) : { ok: true };
    },

    async forgetKey() {
      await Promise.all([forgetApiKey(), clearLookupCache()]);
      return { ok: true };
    },

    async testConnection() {
      const access = await connect('interactive');
      if (!access.ok) return access;
      const result = await checkConnection(access.connection);
      if (!result.ok) return result;
      const domains = result.domains === undefined ? '' : ` (${result.domains} tracking domain${result.domains === 1 ? '' : 's'})`;
      return { ok: true, message: `Connected: Everflow accepted this key${domains}.` };
    },

    lookup: (request) => runLookup(request),
    name: ({ kind, id, channel }) => lookupName(kind, id, { channel }),

    async deleteHistoryEntry({ id }) {
      await deleteEntry(id);
      return { ok: true };
    },

    async clearHistory() {
      await clearHistory();
      return { ok: true };
    },

    async clearLookupCache() {
      await clearLookupCache();
      return { ok: true };
    },

    bulkStart: (request) => startBulk(request),
    bulkControl: ({ action }) => controlBulk(action),

    async copy({ text }) {
      return (await copyToClipboard(text))
        ? { ok: true }
        : failure('internal', 'The browser did not allow copying; select the link and press Ctrl+C.');
    },
  };
}
