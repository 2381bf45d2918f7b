// What the background does for each UI → background message. worker.ts wires these to the router.
import { butSentence, checkConnection, checkFailureSentence, connectedSentence, refusedKeySentence } from '../everflow/connection-check';
import { normaliseDomain } from '../shared/dashboard/dashboard-url';
import { ApiKeySchema } from '../shared/protocol/messages';
import { MESSAGES, failure } from '../everflow/failures';
import { lastLinkItem } from '../shared/link/outcome';
import { MAX_DASHBOARD_DOMAINS, settingsItem } from '../shared/settings/settings';
import { recentAffiliatesItem } from '../shared/history/recent-affiliates';
import { forgetApiKey, keyHint, readApiKey, readStoredKey, saveApiKey, setKeySessionOnly } from './api-key-store';
import { copyText } from './clipboard';
import { connectWith } from './everflow-access';
import { clearBadge } from './feedback';
import { controlBulk, startBulk } from './bulk-engine';
import { clearHistory, deleteEntry } from './history-store';
import { clearLookupCache, lookupName, runLookup } from './lookup-service';
import type { Handlers } from './message-router';
import { readShortcuts } from './shortcuts';

export const RESET_NOTICE = 'Some saved settings could not be read and were reset to their defaults; check the options page.';
export const KEY_RESET_NOTICE = 'The saved API key could not be read and was removed; add it again on the options page.';

export function createHandlers(): Handlers {
  return {
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
        newOfferSubs: settings.value.newOfferSubs,
        dashboardDomains: settings.value.dashboardDomains,
        lastLink: lastLink.value,
        recentAffiliates: recentAffiliates.value,
        notices,
      };
    },

    async saveKey({ region, key, sessionOnly }) {
      let typed: string | undefined;
      if (key !== undefined) {
        const checked = ApiKeySchema.safeParse(key);
        if (!checked.success) return failure('invalid-input', checked.error.issues[0]?.message ?? 'Enter the API key.');
        typed = checked.data;
      }
      const [{ stored }, before] = await Promise.all([readStoredKey(), settingsItem.value()]);
      // The key links will be made with is checked whenever it or its region changes. A key Everflow
      // refuses is not saved (nothing could use it); one that could not be checked now is.
      const toCheck = typed ?? (region === before.region ? undefined : stored?.key);
      const check = toCheck === undefined ? undefined : await checkConnection(await connectWith(toCheck, region, 'interactive'));
      if (check?.ok === false && check.kind === 'unauthorized') {
        return failure('unauthorized', `Not saved: ${refusedKeySentence(region, typed === undefined ? 'the saved' : 'this')}`);
      }
      if (typed !== undefined) await saveApiKey(typed, sessionOnly);
      else await setKeySessionOnly(sessionOnly);
      let previous = before;
      await settingsItem.update((current) => {
        previous = current;
        return { ...current, region };
      });
      // Names cached for another key or region must never show.
      if (typed !== undefined || previous.region !== region) await clearLookupCache();
      const saved = typed === undefined ? 'Settings saved' : 'API key saved';
      if (check === undefined) return { ok: true, message: `${saved}.` };
      if (check.ok) return { ok: true, connected: true, message: `${saved}. ${connectedSentence(check.domains)}` };
      return { ok: true, connected: false, message: `${saved}, but ${butSentence(checkFailureSentence(check))}` };
    },

    async updateSettings({ requestsPerSecond, newOfferSubs, dashboardDomain }) {
      const domain = dashboardDomain && normaliseDomain(dashboardDomain.domain);
      if (dashboardDomain && domain === undefined) {
        return failure('invalid-input', `“${dashboardDomain.domain.slice(0, 80)}” is not a domain name; enter one like links.example.com.`);
      }
      let full = false;
      await settingsItem.update((settings) => {
        let next = settings;
        if (requestsPerSecond !== undefined) next = { ...next, requestsPerSecond };
        if (newOfferSubs !== undefined) next = { ...next, newOfferSubs };
        if (dashboardDomain && domain) {
          const others = next.dashboardDomains.filter((known) => known !== domain);
          if (dashboardDomain.action === 'remove') next = { ...next, dashboardDomains: others };
          else if (others.length >= MAX_DASHBOARD_DOMAINS) full = true;
          else if (others.length === next.dashboardDomains.length) next = { ...next, dashboardDomains: [...others, domain] };
        }
        // Refused whole: nothing of a patch that cannot all be kept is written.
        return full ? settings : next;
      });
      return full
        ? failure('invalid-input', `You can add up to ${MAX_DASHBOARD_DOMAINS} dashboard domains; remove one first.`)
        : { ok: true };
    },

    async forgetKey() {
      await Promise.all([forgetApiKey(), clearLookupCache()]);
      return { ok: true };
    },

    async testConnection({ key, region: chosen }) {
      let apiKey: string | null;
      if (key === undefined) {
        apiKey = await readApiKey();
      } else {
        const checked = ApiKeySchema.safeParse(key);
        if (!checked.success) return failure('invalid-input', checked.error.issues[0]?.message ?? 'Enter the API key.');
        apiKey = checked.data;
      }
      if (!apiKey) return failure('no-key', MESSAGES.noKey);
      const region = chosen ?? (await settingsItem.value()).region;
      const result = await checkConnection(await connectWith(apiKey, region, 'interactive'));
      if (!result.ok) {
        return result.kind === 'unauthorized'
          ? failure('unauthorized', refusedKeySentence(region, 'this'))
          : failure(result.kind, checkFailureSentence(result));
      }
      const unsaved = key === undefined ? '' : ' This key is not saved yet: press Save to keep it.';
      return { ok: true, message: `${connectedSentence(result.domains)}${unsaved}` };
    },

    getShortcuts: () => readShortcuts(),

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
      return (await copyText(text))
        ? { ok: true }
        : failure('internal', 'The browser did not allow copying; select the link and press Ctrl+C.');
    },
  };
}
