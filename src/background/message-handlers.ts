// What the background does for each UI → background message. worker.ts wires these to the router.
import { butSentence, checkConnection, checkFailureSentence, connectedSentence, refusedKeySentence } from '../everflow/connection-check';
import { normaliseDomain } from '../shared/dashboard/dashboard-url';
import { ApiKeySchema } from '../shared/protocol/messages';
import { MESSAGES, failure } from '../everflow/failures';
import { lastLinkItem, type LinkSuccess } from '../shared/link/outcome';
import { MAX_DASHBOARD_DOMAINS, settingsItem } from '../shared/settings/settings';
import { recentAffiliatesItem } from '../shared/history/recent-affiliates';
import { forgetApiKey, keyHint, readApiKey, readStoredKey, saveApiKey, setKeySessionOnly } from './api-key-store';
import { copyText } from './clipboard';
import { connectWith } from './everflow-access';
import { controlBulk, startBulk } from './bulk-engine';
import { announce, clearBadge } from './feedback';
import { clearHistory, deleteEntry } from './history-store';
import { generateLink } from './link-generation';
import { waitNotice, type Popups } from './rate-limit-notice';
import { clearLookupCache, lookupName, runLookup } from './lookup-service';
import { completeNames } from './link-names';
import type { Handlers } from './message-router';
import { readShortcuts } from './shortcuts';

export const RESET_NOTICE = 'Some saved settings could not be read and were reset to their defaults; check the options page.';
export const KEY_RESET_NOTICE = 'The saved API key could not be read and was removed; add it again on the options page.';

/** `popups`: whether anyone is looking at a popup that asked for a link, and a way to tell it how long it waits. */
export function createHandlers(popups: Popups): Handlers {
  /** Generations a popup may still cancel, by the id it gave them. */
  const cancellable = new Map<string, AbortController>();
  /** A link the popup shows already could not be kept: the popup marks it, or, closed since, a notification says so. */
  const tellUnsaved = (link: LinkSuccess) =>
    popups.count() > 0
      ? popups.post({ type: 'linkUnsaved', url: link.url, at: link.at })
      : void announce({ ...link, unsaved: true }).catch(() => undefined);

  return {
    async generate({ form, surface, names, requestId }) {
      const notice = waitNotice(surface, popups);
      const controller = new AbortController();
      if (requestId) cancellable.set(requestId, controller);
      // The popup gets its link before the history is written (bench: warm click); a write that
      // then fails is told to it over its port.
      let kept: Promise<boolean> | undefined;
      const keptLater = surface === 'popup' ? (writes: Promise<boolean>) => void (kept = writes) : undefined;
      const outcome = await generateLink(form, surface, { names, onWait: notice.onWait, signal: controller.signal, keptLater }).finally(
        () => {
          notice.stop();
          if (requestId) cancellable.delete(requestId);
        },
      );
      // Names the popup did not know yet (submitted before its look-up answered) join the history
      // afterwards, once the link's own entry is written.
      if (outcome.ok) void Promise.resolve(kept).then(() => completeNames(outcome));
      // The popup closed while Everflow was answering: say what happened some other way.
      if (surface === 'popup' && popups.count() === 0 && (outcome.ok || outcome.kind !== 'invalid-input')) {
        await announce(outcome.ok && kept && !(await kept) ? { ...outcome, unsaved: true } : outcome);
      } else if (outcome.ok && kept) {
        void kept.then((all) => all || tellUnsaved(outcome));
      }
      return outcome;
    },

    async cancelGenerate({ requestId }) {
      cancellable.get(requestId)?.abort();
      return { ok: true };
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
        newOfferSubs: settings.value.newOfferSubs,
        dashboardDomains: settings.value.dashboardDomains,
        lastLink: lastLink.value,
        recentAffiliates: recentAffiliates.value,
        notices,
      };
    },

    async saveSettings({ region, key, sessionOnly }) {
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

    async savePace({ requestsPerSecond }) {
      await settingsItem.update((current) => ({ ...current, requestsPerSecond }));
      return { ok: true };
    },

    async saveNewOfferSubs({ newOfferSubs }) {
      await settingsItem.update((current) => ({ ...current, newOfferSubs }));
      return { ok: true };
    },

    async dashboardDomain({ action, domain: typed }) {
      const domain = normaliseDomain(typed);
      if (domain === undefined)
        return failure('invalid-input', `“${typed.slice(0, 80)}” is not a domain name; enter one like links.example.com.`);
      let full = false;
      await settingsItem.update((settings) => {
        const others = settings.dashboardDomains.filter((known) => known !== domain);
        if (action === 'remove') return { ...settings, dashboardDomains: others };
        full = others.length >= MAX_DASHBOARD_DOMAINS;
        return full || others.length < settings.dashboardDomains.length ? settings : { ...settings, dashboardDomains: [...others, domain] };
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
