// A fake of the `chrome` API the background uses, for unit tests of its stateful modules: storage
// (local and session, with onChanged; the administrator's policy in managed: setPolicy), alarms,
// notifications, runtime, offscreen (the clipboard), context menus, tabs (the ones opened too),
// commands and the action. Storage is async like Chrome's (every call yields before it answers, so
// unserialised read-modify-writes interleave as they would in a browser), keeps values as copies
// (structured clone), and can be made to refuse writes ("storage full").
// `installFakeChrome` also installs a fake `navigator.locks` (Web Locks), which Node 20 lacks.
// Tests only; nothing in src/ imports this file.
import { vi } from 'vitest';
import { COMMANDS } from '../../src/background/commands';
import { fakeLocks } from './fake-locks';

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const QUOTA_MESSAGE = 'QUOTA_BYTES quota exceeded';
/** The host permissions of manifest.json. */
export const MANIFEST_HOSTS = ['https://api.eflow.team/*', 'https://api-eu.eflow.team/*', 'https://*.everflowclient.io/*'];
export const API_KEY = 'k3y-SECRET-0123456789abcdef';

type Listener = (...args: never[]) => unknown;

/** A chrome.events.Event: listeners in order; `dispatch` calls each and returns what they returned. */
export class FakeEvent<L extends Listener = Listener> {
  readonly listeners: L[] = [];
  addListener = (listener: L) => void this.listeners.push(listener);
  removeListener = (listener: L) => {
    const index = this.listeners.indexOf(listener);
    if (index !== -1) this.listeners.splice(index, 1);
  };
  hasListener = (listener: L) => this.listeners.includes(listener);
  hasListeners = () => this.listeners.length > 0;
  dispatch(...args: Parameters<L>): unknown[] {
    return [...this.listeners].map((listener) => listener(...args));
  }
}

/** Chrome answers storage calls from another process: yield a few turns so other work runs in between. */
async function yieldTurns(): Promise<void> {
  for (let i = 0; i < 3; i++) await Promise.resolve();
}

type Change = { oldValue?: unknown; newValue?: unknown };
type AreaName = 'local' | 'session' | 'managed';
/** Decides whether a write is refused; return an error message to refuse it. */
export type WriteRule = (area: AreaName, items: Record<string, unknown>) => string | undefined;

export class FakeStorageArea {
  /** The raw stored values, by key. Seed and inspect through this (or `put`/`peek`). */
  readonly data = new Map<string, unknown>();
  readonly onChanged = new FakeEvent<(changes: Record<string, Change>) => void>();
  /** Every successful `set`, in order (copies of what was written). */
  readonly writes: Record<string, unknown>[] = [];

  constructor(
    private readonly name: AreaName,
    private readonly announce: (changes: Record<string, Change>, area: AreaName) => void,
    private readonly refuse: () => WriteRule | undefined,
  ) {}

  /** Seeds a stored item the way storage-item.ts stores it: `{ v, data }`. */
  put(key: string, version: number, data: unknown): void {
    this.data.set(key, structuredClone({ v: version, data }));
  }

  /** The `data` of a stored `{ v, data }` item, or undefined when the key is absent. */
  peek<T = unknown>(key: string): T | undefined {
    const raw = this.data.get(key) as { data?: T } | undefined;
    return raw === undefined ? undefined : structuredClone(raw.data);
  }

  get = async (keys?: string | string[] | Record<string, unknown> | null): Promise<Record<string, unknown>> => {
    await yieldTurns();
    const out: Record<string, unknown> = {};
    const wanted =
      keys === undefined || keys === null
        ? [...this.data.keys()]
        : typeof keys === 'string'
          ? [keys]
          : Array.isArray(keys)
            ? keys
            : Object.keys(keys);
    for (const key of wanted) {
      if (this.data.has(key)) out[key] = structuredClone(this.data.get(key));
      else if (keys && typeof keys === 'object' && !Array.isArray(keys)) out[key] = structuredClone(keys[key]);
    }
    return out;
  };

  /** Chrome's limit for storage.local without unlimitedStorage; a write past it is refused. Tests may lower it. */
  QUOTA_BYTES = 10_485_760;

  set = async (items: Record<string, unknown>): Promise<void> => {
    await yieldTurns();
    const refused = this.refuse()?.(this.name, items);
    if (refused) throw new Error(refused);
    const after = new Map([...this.data, ...Object.entries(items)]);
    if (JSON.stringify(Object.fromEntries(after)).length > this.QUOTA_BYTES) throw new Error(QUOTA_MESSAGE);
    const copy = structuredClone(items);
    this.writes.push(copy);
    const changes: Record<string, Change> = {};
    for (const [key, value] of Object.entries(copy)) {
      const old = this.data.get(key);
      // Chrome reports only values that changed.
      if (JSON.stringify(old) === JSON.stringify(value)) continue;
      this.data.set(key, value);
      changes[key] = { ...(old === undefined ? {} : { oldValue: structuredClone(old) }), newValue: structuredClone(value) };
    }
    this.fire(changes);
  };

  remove = async (keys: string | string[]): Promise<void> => {
    await yieldTurns();
    const changes: Record<string, Change> = {};
    for (const key of typeof keys === 'string' ? [keys] : keys) {
      if (!this.data.has(key)) continue;
      changes[key] = { oldValue: structuredClone(this.data.get(key)) };
      this.data.delete(key);
    }
    this.fire(changes);
  };

  clear = async (): Promise<void> => {
    await this.remove([...this.data.keys()]);
  };

  getBytesInUse = async (): Promise<number> => JSON.stringify(Object.fromEntries(this.data)).length;
  setAccessLevel = async (): Promise<void> => undefined;

  private fire(changes: Record<string, Change>): void {
    if (Object.keys(changes).length === 0) return;
    this.onChanged.dispatch(changes);
    this.announce(changes, this.name);
  }
}

export interface FakeChrome {
  /** The object installed as the global `chrome`. */
  chrome: typeof chrome;
  local: FakeStorageArea;
  session: FakeStorageArea;
  /** Alarms that exist now, by name. */
  alarms: Map<string, chrome.alarms.Alarm>;
  /** Every notification created, in order. */
  notifications: { id: string; options: chrome.notifications.NotificationOptions }[];
  /** The IDs of the notifications on screen now (created and not cleared). */
  shownNotifications: Set<string>;
  /** The toolbar badge's text and the action's title now. */
  badge: { text: string; title: string };
  /** What the offscreen document copied to the clipboard, in order. */
  clipboard: string[];
  /** Whether the offscreen document copies (false: it answers { ok: false }, like a refused clipboard). */
  clipboardWorks: boolean;
  /** URLs of the extension's pages open in tabs (runtime.getContexts), each in tab index + 1 of window 1. */
  openPages: string[];
  /** Every tabs.update (the tab brought to the front, maybe at a new address) and windows.update, in order. */
  updatedTabs: { tabId: number; active?: boolean | undefined; url?: string | undefined }[];
  focusedWindows: number[];
  /** Host permissions granted now: the manifest's and the optional ones granted later (permissions.*). */
  grantedOrigins: string[];
  /** The URL of every tab opened with tabs.create, in order. */
  openedTabs: string[];
  /** The keyboard commands and their shortcuts, as commands.getAll answers (the keys suggested for Linux, by default). */
  commands: chrome.commands.Command[];
  /** The administrator's policy (storage.managed), as the browser gives it; set it with setPolicy. */
  managed: FakeStorageArea;
  /** storage.managed answers once this has resolved: Chrome answers only some 5 s after it starts. */
  policyReady: Promise<void>;
  /** management.getSelf's installType: 'admin' for an install an administrator's policy pushed. */
  installType: `${chrome.management.ExtensionInstallType}`;
  /**
   * An administrator's policy arrives, changes or goes (undefined), as Chrome applies one: storage.managed
   * answers it, and storage.onChanged says what changed, in area 'managed'.
   */
  setPolicy(values: Record<string, unknown> | undefined): Promise<void>;
  /** Refuse storage writes this rule picks; undefined accepts all. */
  refuseWrites(rule: WriteRule | undefined): void;
  /** Refuse writes to these keys with Chrome's "storage full" message. */
  fillStorageFor(...keys: string[]): void;
  /** Fires chrome.alarms.onAlarm for an existing alarm, as Chrome does when it is due. */
  fireAlarm(name: string): Promise<void>;
  /**
   * Chrome stopped the service worker: every listener it registered is gone. Storage and alarms
   * stay. Load the worker's modules again (vi.resetModules + import) to start a new one.
   */
  stopWorker(): void;
}

/** Builds the fake and installs it (and `navigator.locks`) as globals with vi.stubGlobal. */
export function installFakeChrome(): FakeChrome {
  const events: FakeEvent[] = [];
  const event = <L extends Listener>() => {
    const created = new FakeEvent<L>();
    events.push(created as unknown as FakeEvent);
    return created;
  };

  const storageChanged = event<(changes: Record<string, Change>, area: string) => void>();
  let rule: WriteRule | undefined;
  const local = new FakeStorageArea(
    'local',
    (changes, area) => storageChanged.dispatch(changes, area),
    () => rule,
  );
  const session = new FakeStorageArea(
    'session',
    (changes, area) => storageChanged.dispatch(changes, area),
    () => rule,
  );
  // The extension cannot write it (Chrome refuses); setPolicy stands for the administrator.
  const managed = new FakeStorageArea(
    'managed',
    (changes, area) => storageChanged.dispatch(changes, area),
    () => () => 'storage.managed is read-only',
  );
  events.push(
    local.onChanged as unknown as FakeEvent,
    session.onChanged as unknown as FakeEvent,
    managed.onChanged as unknown as FakeEvent,
  );

  const alarms = new Map<string, chrome.alarms.Alarm>();
  const onAlarm = event<(alarm: chrome.alarms.Alarm) => void>();
  const notifications: FakeChrome['notifications'] = [];
  const shownNotifications = new Set<string>();
  let offscreenOpen = false;
  const runtimeOnMessage = event<(message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => unknown>();

  const fake: FakeChrome = {
    chrome: undefined as unknown as typeof chrome,
    local,
    session,
    managed,
    async setPolicy(values) {
      const before = Object.fromEntries(managed.data);
      managed.data.clear();
      for (const [key, value] of Object.entries(values ?? {})) managed.data.set(key, structuredClone(value));
      const changes: Record<string, Change> = {};
      for (const key of new Set([...Object.keys(before), ...Object.keys(values ?? {})])) {
        if (JSON.stringify(before[key]) === JSON.stringify(managed.data.get(key))) continue;
        changes[key] = {
          ...(key in before ? { oldValue: before[key] } : {}),
          ...(managed.data.has(key) ? { newValue: structuredClone(managed.data.get(key)) } : {}),
        };
      }
      await Promise.resolve();
      if (Object.keys(changes).length > 0) storageChanged.dispatch(changes, 'managed');
    },
    alarms,
    notifications,
    shownNotifications,
    badge: { text: '', title: '' },
    policyReady: Promise.resolve(),
    installType: 'development',
    clipboard: [],
    clipboardWorks: true,
    openPages: [],
    updatedTabs: [],
    focusedWindows: [],
    grantedOrigins: [...MANIFEST_HOSTS],
    openedTabs: [],
    // Chrome answers no description for _execute_action.
    commands: Object.entries(COMMANDS).map(([name, { description, suggested }]) => ({
      name,
      description: name === '_execute_action' ? '' : description,
      shortcut: suggested.linux,
    })),
    refuseWrites(next) {
      rule = next;
    },
    fillStorageFor(...keys) {
      rule = (_area, items) => (Object.keys(items).some((key) => keys.includes(key)) ? QUOTA_MESSAGE : undefined);
    },
    async fireAlarm(name) {
      const alarm = alarms.get(name);
      if (!alarm) throw new Error(`no alarm named ${name}`);
      await Promise.all(onAlarm.dispatch(alarm));
    },
    stopWorker() {
      for (const each of events) each.listeners.length = 0;
      offscreenOpen = false;
    },
  };

  const getURL = (path: string) => `chrome-extension://${EXTENSION_ID}/${path.replace(/^\//, '')}`;

  const api = {
    storage: {
      local,
      session,
      managed: new Proxy(managed, {
        get: (area, name) =>
          name === 'get'
            ? async (...args: Parameters<FakeStorageArea['get']>) => {
                await fake.policyReady;
                return area.get(...args);
              }
            : Reflect.get(area, name),
      }),
      onChanged: storageChanged,
      AccessLevel: { TRUSTED_CONTEXTS: 'TRUSTED_CONTEXTS', TRUSTED_AND_UNTRUSTED_CONTEXTS: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' },
    },
    alarms: {
      create: async (name: string, info: chrome.alarms.AlarmCreateInfo) => {
        const periodInMinutes = info.periodInMinutes;
        const delay = info.delayInMinutes ?? periodInMinutes ?? 0;
        alarms.set(name, {
          name,
          scheduledTime: info.when ?? Date.now() + delay * 60_000,
          persistAcrossSessions: true,
          ...(periodInMinutes ? { periodInMinutes } : {}),
        });
      },
      clear: async (name: string) => alarms.delete(name),
      clearAll: async () => {
        const had = alarms.size > 0;
        alarms.clear();
        return had;
      },
      get: async (name: string) => alarms.get(name),
      getAll: async () => [...alarms.values()],
      onAlarm,
    },
    notifications: {
      create: async (id: string, options: chrome.notifications.NotificationOptions) => {
        notifications.push({ id, options: structuredClone(options) });
        shownNotifications.add(id);
        return id;
      },
      clear: async (id: string) => shownNotifications.delete(id),
      getAll: async () => Object.fromEntries([...shownNotifications].map((id) => [id, true])),
      onClicked: event(),
    },
    runtime: {
      id: EXTENSION_ID,
      getURL,
      getContexts: async (filter: { documentUrls?: string[] }) =>
        fake.openPages
          .map((documentUrl, index) => ({ documentUrl, tabId: index + 1, windowId: 1 }))
          .filter(({ documentUrl }) => !filter.documentUrls || filter.documentUrls.includes(documentUrl)),
      /** Only the offscreen document listens to the worker; it copies what it is sent. */
      sendMessage: async (message: { target?: string; type?: string; text?: string }) => {
        await yieldTurns();
        if (message?.target !== 'offscreen' || !offscreenOpen) {
          throw new Error('Could not establish connection. Receiving end does not exist.');
        }
        if (message.type !== 'copy' || !fake.clipboardWorks) return { ok: false };
        fake.clipboard.push(String(message.text));
        return { ok: true };
      },
      onMessage: runtimeOnMessage,
      onConnect: event(),
      onInstalled: event(),
      onStartup: event(),
      getManifest: () => ({ host_permissions: [...MANIFEST_HOSTS], options_ui: { page: 'src/options/options.html', open_in_tab: true } }),
      ContextType: { TAB: 'TAB', OFFSCREEN_DOCUMENT: 'OFFSCREEN_DOCUMENT' },
    },
    offscreen: {
      Reason: { CLIPBOARD: 'CLIPBOARD' },
      hasDocument: async () => offscreenOpen,
      createDocument: async () => {
        await yieldTurns();
        if (offscreenOpen) throw new Error('Only a single offscreen document may be created.');
        offscreenOpen = true;
      },
      closeDocument: async () => {
        offscreenOpen = false;
      },
    },
    permissions: {
      getAll: async () => ({ origins: [...fake.grantedOrigins], permissions: [] }),
      remove: async ({ origins = [] }: { origins?: string[] }) => {
        if (origins.some((origin) => MANIFEST_HOSTS.includes(origin))) throw new Error('You cannot remove required permissions.');
        fake.grantedOrigins = fake.grantedOrigins.filter((origin) => !origins.includes(origin));
        return true;
      },
    },
    contextMenus: {
      create: () => undefined,
      update: async () => undefined,
      remove: async () => undefined,
      removeAll: async () => undefined,
      onClicked: event(),
    },
    tabs: {
      query: async () => [],
      create: async ({ url }: { url?: string }) => {
        await yieldTurns();
        fake.openedTabs.push(String(url));
        return {};
      },
      update: async (tabId: number, { active, url }: { active?: boolean; url?: string }) => {
        fake.updatedTabs.push({ tabId, active, url });
        if (url !== undefined) fake.openPages[tabId - 1] = url;
        return {};
      },
      onActivated: event(),
      onUpdated: event(),
    },
    windows: {
      create: async () => ({}),
      update: async (windowId: number) => {
        fake.focusedWindows.push(windowId);
        return {};
      },
      onFocusChanged: event(),
    },
    commands: { onCommand: event(), getAll: async () => structuredClone(fake.commands) },
    management: { getSelf: async () => ({ installType: fake.installType }) },
    action: {
      setBadgeText: async ({ text }: { text: string }) => void (fake.badge.text = text),
      getBadgeText: async () => fake.badge.text,
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async ({ title }: { title: string }) => void (fake.badge.title = title),
      openPopup: async () => undefined,
    },
  };
  fake.chrome = api as unknown as typeof chrome;
  vi.stubGlobal('chrome', fake.chrome);
  vi.stubGlobal('navigator', { locks: fakeLocks(), userAgent: 'fake-chrome' });
  return fake;
}

/**
 * Stands in for webextension-polyfill, which refuses to load outside an extension and would keep the
 * first `chrome` it saw. MV3's chrome.* already returns promises, so `browser.x` is the `chrome.x`
 * installed at the time of the call. Use as (vi.mock is hoisted above the imports):
 *   vi.mock('webextension-polyfill', async () => (await import('…/e2e/unit-fixtures/fake-chrome')).fakePolyfill());
 */
const currentChrome = () => (globalThis as unknown as { chrome?: Record<string | symbol, unknown> }).chrome;

export function fakePolyfill(): { default: unknown } {
  return { default: new Proxy({}, { get: (_target, name) => currentChrome()?.[name] }) };
}

/**
 * Saves the one API key as the version before accounts did ('apiKey', kept in storage.local or, for the
 * session only, in storage.session): what an update makes the first account of. Accounts of today's
 * version: test-accounts.ts.
 */
export function saveSingleKey(fake: FakeChrome, key = API_KEY, area: 'local' | 'session' = 'local'): void {
  fake[area].put('apiKey', 1, key);
}

/**
 * With vi.useFakeTimers(): moves the clock on in `stepMs` steps (running timers and the promise
 * work they start) until `check` holds; fails after `maxMs` of fake time.
 */
export async function advanceUntil(check: () => boolean, what = 'the condition', { stepMs = 10, maxMs = 60_000 } = {}): Promise<void> {
  for (let waited = 0; waited <= maxMs; waited += stepMs) {
    if (check()) return;
    await vi.advanceTimersByTimeAsync(stepMs);
  }
  throw new Error(`${what} did not happen within ${maxMs} ms`);
}
