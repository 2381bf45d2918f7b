// The popup's port, from the background's side, with a fake chrome and a fake Everflow: what a popup
// that asks for a link over it hears, what happens when it has closed by then, and that the port takes
// only the popup's own, well-formed messages.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXTENSION_ID, advanceUntil, type FakeChrome } from '../../e2e/unit-fixtures/fake-chrome';
import { linkFor, startFakeBackground, stopFakeBackground, type EverflowStub } from '../../e2e/unit-fixtures/everflow-stub';
import { historyItem } from '../shared/history/history';
import { UNSAVED_NOTE } from '../shared/link/link-notes';
import { POPUP_PORT, type PopupMessage } from '../shared/protocol/popup-port';
import { FIRST_ACCOUNT_ID } from '../shared/accounts/accounts';
import { API_KEY } from '../../e2e/unit-fixtures/fake-chrome';
import { SECOND_ACCOUNT, SECOND_KEY, saveTwoAccounts } from '../../e2e/unit-fixtures/test-accounts';

vi.mock('webextension-polyfill', async () => (await import('../../e2e/unit-fixtures/fake-chrome')).fakePolyfill());

const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const INPUT = { linkType: 'offer', offerId: 42, affiliateId: 7, encryptParameters: false, redirectLink: false };
// Names known, so none is looked up after the test has ended.
const NAMES = { offer: 'Spring sale', affiliate: 'Acme Media' };

let fake: FakeChrome;
let everflow: EverflowStub;
beforeEach(() => ({ fake, everflow } = startFakeBackground()));
afterEach(stopFakeBackground);

/** A popup's port as the background receives it: what the popup sends, and what it was told. */
async function connectPopup(sender = { id: EXTENSION_ID, url: `${ORIGIN}src/popup/popup.html` }) {
  const { acceptPopup } = await import('./popup-connection');
  const told: PopupMessage[] = [];
  const onMessage: ((message: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  let open = true;
  const port = {
    name: POPUP_PORT,
    sender,
    postMessage(message: PopupMessage) {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      told.push(message);
    },
    onMessage: { addListener: (listener: (message: unknown) => void) => onMessage.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => onDisconnect.push(listener) },
  };
  acceptPopup(port as unknown as chrome.runtime.Port, { extensionId: EXTENSION_ID, extensionOrigin: ORIGIN });
  return {
    told,
    send: (message: unknown) => onMessage.forEach((listener) => listener(message)),
    close() {
      open = false;
      onDisconnect.forEach((listener) => listener());
    },
  };
}

describe('a link for the popup', () => {
  it('with storage full, the open popup gets its link at once and is then told it could not be kept', async () => {
    fake.fillStorageFor(historyItem.key);
    const popup = await connectPopup();
    popup.send({ type: 'generate', requestId: 'r1', accountId: FIRST_ACCOUNT_ID, input: INPUT, names: NAMES });
    await advanceUntil(() => popup.told.length >= 2, 'the popup told twice');
    expect(popup.told).toMatchObject([
      { type: 'ready', requestId: 'r1', link: { ok: true, url: linkFor(42, 7), accountId: FIRST_ACCOUNT_ID, copied: true, input: INPUT } },
      { type: 'notKept', requestId: 'r1' },
    ]);
    expect(popup.told[0]).not.toHaveProperty('link.unsaved');
    expect(fake.notifications).toStrictEqual([]);
  });

  it('with storage full and the popup closed meanwhile, the notification says the link could not be kept', async () => {
    fake.fillStorageFor(historyItem.key);
    everflow.reply = () => 'hold';
    const popup = await connectPopup();
    popup.send({ type: 'generate', requestId: 'r1', accountId: FIRST_ACCOUNT_ID, input: INPUT, names: NAMES });
    await advanceUntil(() => everflow.waiting().length > 0, 'the request sent');
    popup.close();
    everflow.answerWaiting();
    await advanceUntil(() => fake.notifications.length > 0, 'the notification');
    expect(fake.notifications.at(-1)?.options.message).toBe(`${UNSAVED_NOTE}\n${linkFor(42, 7)}`);
    expect(fake.clipboard).toStrictEqual([linkFor(42, 7)]);
  });

  it('Cancel stops the request: the popup is told, and the link that arrives anyway is not copied', async () => {
    everflow.reply = () => 'hold';
    const popup = await connectPopup();
    popup.send({ type: 'generate', requestId: 'r1', accountId: FIRST_ACCOUNT_ID, input: INPUT, names: NAMES });
    await advanceUntil(() => everflow.waiting().length > 0, 'the request sent');
    popup.send({ type: 'cancel', requestId: 'r1' });
    everflow.answerWaiting();
    await advanceUntil(() => popup.told.length > 0, 'the popup told');
    expect(popup.told).toStrictEqual([
      { type: 'failed', requestId: 'r1', failure: { ok: false, kind: 'cancelled', message: 'Cancelled: no link was copied.' } },
    ]);
    expect(fake.clipboard).toStrictEqual([]);
  });

  it('makes the link with the account the popup chose, not the last used', async () => {
    saveTwoAccounts(fake);
    const popup = await connectPopup();
    popup.send({ type: 'generate', requestId: 'r1', accountId: SECOND_ACCOUNT.id, input: INPUT, names: NAMES });
    await advanceUntil(() => popup.told.length > 0, 'the popup told');
    expect(popup.told[0]).toMatchObject({ type: 'ready', link: { ok: true, accountId: SECOND_ACCOUNT.id } });
    expect(everflow.linkCalls().map((call) => call.headers['X-Eflow-Api-Key'])).toStrictEqual([SECOND_KEY]);
    expect(everflow.calls.some((call) => call.headers['X-Eflow-Api-Key'] === API_KEY)).toBe(false);
  });

  it('refuses a message that is not one of the popup’s, saying so to the request it names; other pages’ ports are not taken', async () => {
    const popup = await connectPopup();
    popup.send({ type: 'generate', requestId: 'r1', accountId: FIRST_ACCOUNT_ID, input: { ...INPUT, offerId: 'forty-two' } });
    // A link must say which account makes it.
    popup.send({ type: 'generate', requestId: 'r4', input: INPUT, names: NAMES });
    popup.send({ type: 'delete-everything', requestId: 'r2' });
    popup.send('generate');
    expect(popup.told.map((message) => [message.type, message.requestId])).toStrictEqual([
      ['failed', 'r1'],
      ['failed', 'r4'],
      ['failed', 'r2'],
    ]);
    expect(everflow.linkCalls()).toStrictEqual([]);

    const stranger = await connectPopup({ id: 'another-extension', url: 'chrome-extension://another-extension/page.html' });
    stranger.send({ type: 'generate', requestId: 'r3', accountId: FIRST_ACCOUNT_ID, input: INPUT });
    await vi.advanceTimersByTimeAsync(100);
    expect(stranger.told).toStrictEqual([]);
    expect(everflow.linkCalls()).toStrictEqual([]);
  });
});
