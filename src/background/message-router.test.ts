import fc from 'fast-check';
import type browser from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { EMPTY_FORM } from '../shared/link/link-form';
import { MAX_COPY_TEXT } from '../shared/protocol/messages';
import { REFUSED, createRouter, isOwnPage, type Handlers, type RouterOptions } from './message-router';
import { testAccount } from '../../e2e/unit-fixtures/test-accounts';

// Only types come from the polyfill today; the stand-in keeps this test working if that changes.
vi.mock('webextension-polyfill', () => ({ default: {} }));

const OPTIONS: RouterOptions = { extensionId: 'abcdefghijklmnop', extensionOrigin: 'chrome-extension://abcdefghijklmnop/' };
const POPUP: browser.Runtime.MessageSender = { id: OPTIONS.extensionId, url: 'chrome-extension://abcdefghijklmnop/src/popup/popup.html' };
const REFUSAL = { ok: false, kind: 'invalid-input', message: REFUSED };
const DONE = { ok: true } as const;
const SECRET = 'k3y-SECRET-0123456789abcdef';
const ACCOUNT = testAccount();

function fakeHandlers() {
  return {
    // The router never looks inside a reply, so a partial status is enough (and survives Status growing).
    getStatus: vi.fn<Handlers['getStatus']>(
      async () => ({ ok: true, accounts: [] }) as unknown as Awaited<ReturnType<Handlers['getStatus']>>,
    ),
    addAccount: vi.fn<Handlers['addAccount']>(async () => ({ ...DONE, message: 'Added.', account: ACCOUNT })),
    updateAccount: vi.fn<Handlers['updateAccount']>(async () => ({ ...DONE, message: 'Saved.', account: ACCOUNT })),
    forgetAccount: vi.fn<Handlers['forgetAccount']>(async () => DONE),
    updateSettings: vi.fn<Handlers['updateSettings']>(async () => DONE),
    testConnection: vi.fn<Handlers['testConnection']>(async () => ({ ok: true as const, message: 'Connected.' })),
    getShortcuts: vi.fn<Handlers['getShortcuts']>(async () => ({
      ok: true as const,
      open: 'Alt+Shift+E',
      copy: '',
      settings: 'at chrome://extensions/shortcuts',
    })),
    copy: vi.fn<Handlers['copy']>(async () => ({ ok: true, line: 'hello' })),
    guardTexts: vi.fn<Handlers['guardTexts']>(async () => ({ ok: true, held: [], cleaned: [] })),
    lookup: vi.fn<Handlers['lookup']>(async () => ({ ok: true, options: [], cached: false })),
    name: vi.fn<Handlers['name']>(async () => ({ ok: true, option: null, cached: false })),
    deleteHistoryEntry: vi.fn<Handlers['deleteHistoryEntry']>(async () => DONE),
    clearHistory: vi.fn<Handlers['clearHistory']>(async () => DONE),
    clearLookupCache: vi.fn<Handlers['clearLookupCache']>(async () => DONE),
    bulkStart: vi.fn<Handlers['bulkStart']>(async () => DONE),
    bulkControl: vi.fn<Handlers['bulkControl']>(async () => DONE),
  } satisfies Handlers;
}

let handlers: ReturnType<typeof fakeHandlers>;
let route: ReturnType<typeof createRouter>;
let consoleError: MockInstance<typeof console.error>;

beforeEach(() => {
  handlers = fakeHandlers();
  route = createRouter(handlers, OPTIONS);
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

function noHandlerCalled() {
  for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
}

describe('createRouter: accepted messages', () => {
  it('runs the handler with the parsed payload and answers with its reply', async () => {
    expect(await route({ type: 'copy', payload: { text: 'hello' } }, POPUP)).toEqual({ ok: true, line: 'hello' });
    expect(handlers.copy).toHaveBeenCalledExactlyOnceWith({ text: 'hello' });
  });

  it('fills a partial form with the lenient form defaults before the handler sees it', async () => {
    const rows = [{ targetId: 12, affiliateId: 7 }];
    expect(
      await route(
        { type: 'bulkStart', payload: { accountId: 'first', mode: 'affiliates', form: { offerId: '12', sub1: 7 }, rows } },
        POPUP,
      ),
    ).toEqual(DONE);
    expect(handlers.bulkStart).toHaveBeenCalledExactlyOnceWith({
      accountId: 'first',
      mode: 'affiliates',
      form: { ...EMPTY_FORM, offerId: '12' },
      rows,
    });
  });

  it('drops unknown payload fields', async () => {
    await route({ type: 'addAccount', payload: { region: 'eu', sessionOnly: false, key: 'abc', admin: true } }, POPUP);
    expect(handlers.addAccount).toHaveBeenCalledExactlyOnceWith({ region: 'eu', sessionOnly: false, key: 'abc' });
    await route({ type: 'updateAccount', payload: { accountId: 'first', label: 'Acme', id: 'second' } }, POPUP);
    expect(handlers.updateAccount).toHaveBeenCalledExactlyOnceWith({ accountId: 'first', label: 'Acme' });
  });

  it('passes a handler Failure through untouched', async () => {
    handlers.testConnection.mockResolvedValueOnce({ ok: false, kind: 'unauthorized', message: 'Bad key.' });
    expect(await route({ type: 'testConnection', payload: { accountId: 'first' } }, POPUP)).toEqual({
      ok: false,
      kind: 'unauthorized',
      message: 'Bad key.',
    });
  });

  it('accepts the options page too', async () => {
    const options = { id: OPTIONS.extensionId, url: 'chrome-extension://abcdefghijklmnop/src/options/options.html' };
    expect(await route({ type: 'getStatus', payload: {} }, options)).toMatchObject({ ok: true, accounts: [] });
    expect(handlers.getStatus).toHaveBeenCalledOnce();
  });
});

describe('createRouter: refused senders', () => {
  it.each<[string, browser.Runtime.MessageSender]>([
    ['another extension', { id: 'zzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzz/page.html' }],
    ['our id on another extension page', { id: OPTIONS.extensionId, url: 'chrome-extension://zzzzzzzzzzzzzzzz/page.html' }],
    [
      'a content script on a web page',
      {
        id: OPTIONS.extensionId,
        url: 'https://evil.example/',
        tab: { index: 0, highlighted: false, active: true, pinned: false, incognito: false },
      },
    ],
    ['a web page (externally connectable)', { url: 'https://evil.example/' }],
    ['a look-alike origin', { id: OPTIONS.extensionId, url: 'chrome-extension://abcdefghijklmnopq/x.html' }],
    ['the origin as a query string', { id: OPTIONS.extensionId, url: 'https://evil.example/?chrome-extension://abcdefghijklmnop/' }],
    ['no url', { id: OPTIONS.extensionId }],
    ['no id', { url: POPUP.url }],
    ['nothing', {}],
  ])('%s', async (_name, sender) => {
    expect(isOwnPage(sender, OPTIONS)).toBe(false);
    expect(await route({ type: 'copy', payload: { text: 'x' } }, sender)).toEqual(REFUSAL);
    noHandlerCalled();
  });

  it('our own page is accepted by isOwnPage', () => {
    expect(isOwnPage(POPUP, OPTIONS)).toBe(true);
  });
});

describe('createRouter: refused messages', () => {
  it.each([[null], [undefined], [42], ['generate'], [true], [[]], [['copy', { text: 'x' }]]])('non-object %j', async (message) => {
    expect(await route(message, POPUP)).toEqual(REFUSAL);
    noHandlerCalled();
  });

  it.each([
    ['no type', { payload: {} }],
    ['a numeric type', { type: 1, payload: {} }],
    ['an unknown type', { type: 'deleteEverything', payload: {} }],
    ['a differently cased type', { type: 'GetStatus', payload: {} }],
    ['__proto__', { type: '__proto__', payload: {} }],
    ['constructor', { type: 'constructor', payload: {} }],
    ['toString', { type: 'toString', payload: {} }],
    ['hasOwnProperty', { type: 'hasOwnProperty', payload: {} }],
  ])('%s', async (_name, message) => {
    expect(await route(message, POPUP)).toEqual(REFUSAL);
    noHandlerCalled();
  });

  it.each([
    ['getStatus without a payload', { type: 'getStatus' }],
    ['getStatus with a string payload', { type: 'getStatus', payload: 'all' }],
    ['generate, which the popup asks over its port only', { type: 'generate', payload: { input: {} } }],
    [
      'bulkStart with an unknown mode',
      { type: 'bulkStart', payload: { mode: 'everyone', form: {}, rows: [{ targetId: 1, affiliateId: 2 }] } },
    ],
    [
      'bulkStart with a non-object form',
      { type: 'bulkStart', payload: { mode: 'affiliates', form: 'offer 12', rows: [{ targetId: 1, affiliateId: 2 }] } },
    ],
    ['copy with a number', { type: 'copy', payload: { text: 42 } }],
    ['copy with too much text', { type: 'copy', payload: { text: 'x'.repeat(MAX_COPY_TEXT + 1) } }],
    [
      'bulkStart without its account',
      { type: 'bulkStart', payload: { mode: 'affiliates', form: {}, rows: [{ targetId: 1, affiliateId: 2 }] } },
    ],
    ['lookup without its account', { type: 'lookup', payload: { kind: 'offers', query: 'spring' } }],
    ['name with an empty account', { type: 'name', payload: { accountId: '', kind: 'offer', id: 42 } }],
    ['addAccount with an unknown region', { type: 'addAccount', payload: { key: 'abc', region: 'mars', sessionOnly: false } }],
    ['addAccount with a non-string key', { type: 'addAccount', payload: { region: 'us', sessionOnly: false, key: 123 } }],
    ['addAccount without a key', { type: 'addAccount', payload: { region: 'us', sessionOnly: false } }],
    ['updateAccount without its account', { type: 'updateAccount', payload: { label: 'Acme' } }],
    [
      'updateAccount with an unknown action',
      { type: 'updateAccount', payload: { accountId: 'first', dashboardDomain: { action: 'replace', domain: 'a.example' } } },
    ],
    [
      'updateAccount with a list',
      { type: 'updateAccount', payload: { accountId: 'first', dashboardDomain: { action: 'add', domain: ['a.example'] } } },
    ],
    ['updateAccount with a pace past Everflow’s limit', { type: 'updateAccount', payload: { accountId: 'first', requestsPerSecond: 31 } }],
    ['updateAccount with a label too long', { type: 'updateAccount', payload: { accountId: 'first', label: 'x'.repeat(81) } }],
    ['forgetAccount without its account', { type: 'forgetAccount', payload: {} }],
    ['testConnection without its account', { type: 'testConnection', payload: {} }],
    ['updateSettings with an unknown rule', { type: 'updateSettings', payload: { newOfferSubs: 'shuffle' } }],
  ])('%s', async (_name, message) => {
    expect(await route(message, POPUP)).toEqual(REFUSAL);
    noHandlerCalled();
  });

  it('never throws and always answers with an object for any message', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({
            type: fc.constantFrom('generate', 'getStatus', 'addAccount', 'updateAccount', 'copy', 'nope'),
            payload: fc.anything(),
          }),
        ),
        async (message) => {
          const reply = await route(message, POPUP);
          expect(typeof reply).toBe('object');
          expect(reply).not.toBeNull();
          expect(typeof (reply as { ok: unknown }).ok).toBe('boolean');
        },
      ),
    );
  });
});

describe('createRouter: a handler that fails', () => {
  it('answers internal and logs only the kind of error, never its message', async () => {
    handlers.copy.mockRejectedValueOnce(new Error(`could not save ${SECRET}`));
    const reply = await route({ type: 'copy', payload: { text: 'x' } }, POPUP);
    expect(reply).toEqual({ ok: false, kind: 'internal', message: 'Something went wrong inside the extension; try again.' });
    expect(JSON.stringify(reply)).not.toContain(SECRET);
    expect(consoleError).toHaveBeenCalledExactlyOnceWith('Link Builder for Everflow: "copy" failed (Error).');
    for (const call of consoleError.mock.calls) expect(String(call.join(' '))).not.toContain(SECRET);
  });

  it('a synchronous throw is caught the same way', async () => {
    handlers.addAccount.mockImplementationOnce(() => {
      throw new TypeError(`bad key ${SECRET}`);
    });
    const reply = await route({ type: 'addAccount', payload: { region: 'us', sessionOnly: true, key: SECRET } }, POPUP);
    expect(reply).toMatchObject({ ok: false, kind: 'internal' });
    expect(consoleError).toHaveBeenCalledExactlyOnceWith('Link Builder for Everflow: "addAccount" failed (TypeError).');
    expect(JSON.stringify(consoleError.mock.calls)).not.toContain(SECRET);
  });

  it('a thrown non-Error is logged by its type only', async () => {
    handlers.forgetAccount.mockImplementationOnce(() => Promise.reject(SECRET));
    const reply = await route({ type: 'forgetAccount', payload: { accountId: 'first' } }, POPUP);
    expect(reply).toMatchObject({ ok: false, kind: 'internal' });
    expect(consoleError).toHaveBeenCalledExactlyOnceWith('Link Builder for Everflow: "forgetAccount" failed (string).');
    expect(JSON.stringify(consoleError.mock.calls)).not.toContain(SECRET);
  });

  it('a refused message logs nothing', async () => {
    await route({ type: 'copy', payload: { text: SECRET, extra: 1 }, junk: true }, { url: 'https://evil.example/' });
    await route({ type: 'nope', payload: SECRET }, POPUP);
    expect(consoleError).not.toHaveBeenCalled();
  });
});
