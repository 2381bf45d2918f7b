// Names for links made from bare IDs, against a fake chrome and a fake Everflow (whose offers and
// affiliates up to 999 are "Offer N" and "Affiliate N"): what the history, the last link and the
// notification say, and how many requests Everflow sees for it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { advanceUntil, type FakeChrome } from '../../e2e/unit-fixtures/fake-chrome';
import {
  linkFor,
  smartLinkFor,
  startFakeBackground,
  stopFakeBackground,
  usualReply,
  affiliateOf,
  type EverflowStub,
} from '../../e2e/unit-fixtures/everflow-stub';
import { SECOND_ACCOUNT, SECOND_KEY, saveTwoAccounts } from '../../e2e/unit-fixtures/test-accounts';
import { EMPTY_FORM, parseLinkForm } from '../shared/link/link-form';
import { historyItem, type HistoryEntry } from '../shared/history/history';
import type { Names } from '../shared/link/names';
import { lastLinkItem, type LinkSuccess } from '../shared/link/outcome';
import { recentAffiliatesItem } from '../shared/history/recent-affiliates';
import { FIRST_ACCOUNT_ID } from '../shared/accounts/accounts';

vi.mock('webextension-polyfill', async () => (await import('../../e2e/unit-fixtures/fake-chrome')).fakePolyfill());

let fake: FakeChrome;
let everflow: EverflowStub;

beforeEach(() => ({ fake, everflow } = startFakeBackground(Date.UTC(2026, 2, 14, 9, 30, 0))));
afterEach(stopFakeBackground);

const history = () => fake.local.peek<HistoryEntry[]>(historyItem.key) ?? [];
const lastLink = () => fake.local.peek<LinkSuccess>(lastLinkItem.key);
/** Requests other than the link itself. */
const lookUps = () => everflow.calls.filter((call) => !everflow.linkCalls().includes(call)).map((call) => `${call.method} ${call.path}`);

async function settle<T>(work: Promise<T>): Promise<T> {
  let done: { value: T } | undefined;
  void work.then((value) => (done = { value }));
  await advanceUntil(() => done !== undefined, 'the work finishing');
  return done!.value;
}

/** Makes a link as the popup does, with the names it knew; the background completes the rest once it is kept. */
async function makeLink(form: Partial<typeof EMPTY_FORM>, names: Names = {}): Promise<LinkSuccess> {
  const { makeLink: make } = await import('./make-link');
  const { completeNames } = await import('./link-names');
  const checked = parseLinkForm({ ...EMPTY_FORM, ...form });
  if (!checked.ok) throw new Error('not a valid form');
  let kept: boolean | undefined;
  const outcome = await settle(
    make(
      checked.input,
      'popup',
      { waiting: () => undefined, answered: () => undefined, settled: (_, all) => (kept = all) },
      { accountId: FIRST_ACCOUNT_ID, names },
    ),
  );
  if (!outcome.ok) throw new Error(outcome.message);
  await advanceUntil(() => kept !== undefined, 'the link kept');
  // The same completion again: it joins the one under way, and is done when it is.
  await settle(completeNames(outcome));
  return outcome;
}

describe('names completed after the copy', () => {
  it('a link made from typed IDs gets its offer’s and affiliate’s names in its history entry and the last link', async () => {
    const made = await makeLink({ offerId: '42', affiliateId: '7' });
    expect(made).not.toHaveProperty('offerName');
    expect(history()).toMatchObject([{ url: linkFor(42, 7), offerName: 'Offer 42', affiliateName: 'Affiliate 7' }]);
    expect(lastLink()).toMatchObject({ url: linkFor(42, 7), offerName: 'Offer 42', affiliateName: 'Affiliate 7' });
    expect(lookUps()).toStrictEqual(['GET /v1/networks/offers/42', 'GET /v1/networks/affiliates/7']);
  });

  it('names the popup knew are kept and nothing is asked; only the missing one is', async () => {
    await makeLink({ offerId: '42', affiliateId: '7' }, { offer: 'Summer Sale', affiliate: 'Sunrise Media' });
    expect(lookUps()).toStrictEqual([]);
    await makeLink({ offerId: '43', affiliateId: '7' }, { affiliate: 'Sunrise Media' });
    expect(lookUps()).toStrictEqual(['GET /v1/networks/offers/43']);
    expect(history().map((entry) => [entry.offerName, entry.affiliateName])).toStrictEqual([
      ['Offer 43', 'Sunrise Media'],
      ['Summer Sale', 'Sunrise Media'],
    ]);
  });

  it('a smart link’s name comes from the smart-link list; an ID Everflow has nothing for leaves the entry as it was', async () => {
    await makeLink({ linkType: 'smart', campaignId: '8', affiliateId: '5000' });
    const [entry] = history();
    expect(entry).toMatchObject({ url: smartLinkFor(8, 5000), campaignName: 'Winter smart link' });
    expect(entry).not.toHaveProperty('affiliateName');
  });

  it('only that link’s entry is changed, never a newer one made meanwhile', async () => {
    const { completeNames } = await import('./link-names');
    const input = { linkType: 'offer' as const, offerId: 42, affiliateId: 7, encryptParameters: false, redirectLink: false };
    const url = linkFor(42, 7);
    const first: LinkSuccess = { ok: true, url, accountId: FIRST_ACCOUNT_ID, input, copied: true, at: 1000 };
    const newer: LinkSuccess = {
      ok: true,
      url,
      accountId: FIRST_ACCOUNT_ID,
      input: { ...input, sub1: 'newer' },
      copied: true,
      at: 2000,
      offerName: 'Named by the popup',
    };
    fake.local.put(historyItem.key, historyItem.version, [
      { id: 'b', accountId: FIRST_ACCOUNT_ID, url, input: newer.input, surface: 'popup', at: newer.at, offerName: 'Named by the popup' },
      { id: 'a', accountId: FIRST_ACCOUNT_ID, url, input, surface: 'popup', at: first.at },
    ]);
    fake.local.put(lastLinkItem.key, lastLinkItem.version, newer);
    await settle(completeNames(first));
    expect(history().map((entry) => [entry.input.sub1, entry.offerName, entry.affiliateName])).toStrictEqual([
      ['newer', 'Named by the popup', undefined],
      [undefined, 'Offer 42', 'Affiliate 7'],
    ]);
    // The last link is the newer one: left alone.
    expect(lastLink()).toMatchObject({ offerName: 'Named by the popup' });
    expect(lastLink()).not.toHaveProperty('affiliateName');
  });
});

describe('the right-click menu and the keyboard', () => {
  it('use the names the look-up cache knows in the notification at once, and complete the rest after the copy', async () => {
    fake.local.put(recentAffiliatesItem.key, recentAffiliatesItem.version, { [FIRST_ACCOUNT_ID]: [7] });
    const { lookupName } = await import('./lookup-service');
    await settle(lookupName(FIRST_ACCOUNT_ID, 'offer', 99));
    const { quickCopy } = await import('./quick-copy');
    const { readAccounts } = await import('./accounts');
    await settle(quickCopy('menu', { target: { type: 'offer', id: 99 }, url: undefined, accounts: await readAccounts() }));
    await advanceUntil(() => fake.notifications.length > 0, 'the notification');
    await advanceUntil(() => history()[0]?.affiliateName !== undefined, 'the names completed');

    expect(fake.clipboard).toStrictEqual([linkFor(99, 7)]);
    // The offer's name was cached: it is in the notification; the affiliate's was not, and no request delayed the copy for it.
    expect(fake.notifications.at(-1)!.options.title).toBe('Link copied: offer 99, affiliate 7 (Offer 99)');
    const link = everflow.calls.findIndex((call) => everflow.linkCalls().includes(call));
    expect(everflow.calls.slice(link + 1).map((call) => call.path)).toStrictEqual(['/v1/networks/affiliates/7']);
    expect(history()).toMatchObject([{ surface: 'menu', offerName: 'Offer 99', affiliateName: 'Affiliate 7' }]);
  });

  it('names from the history come first, and then nothing is asked at all', async () => {
    await makeLink({ offerId: '42', affiliateId: '7' }, { offer: 'Summer Sale', affiliate: 'Sunrise Media' });
    const { quickCopy } = await import('./quick-copy');
    const { readAccounts } = await import('./accounts');
    const before = fake.notifications.length;
    await settle(quickCopy('keyboard', { target: { type: 'offer', id: 42 }, url: undefined, accounts: await readAccounts() }));
    await advanceUntil(() => fake.notifications.length > before, 'the notification');
    expect(fake.notifications.at(-1)!.options.title).toBe('Link copied: offer 42, affiliate 7 (Summer Sale · Sunrise Media)');
    expect(lookUps()).toStrictEqual([]);
  });
});

/** The second network names its offers and affiliates otherwise: its offer 42 is another offer. */
function twoNetworks() {
  saveTwoAccounts(fake);
  everflow.reply = (call) => {
    const usual = usualReply(call);
    if (call.headers['X-Eflow-Api-Key'] !== SECOND_KEY || typeof usual !== 'object' || !usual.json) return usual;
    return { ...usual, json: JSON.parse(JSON.stringify(usual.json).replace(/"(Offer|Affiliate) (\d+)"/g, '"Nordlys $1 $2"')) };
  };
}

describe('names of two accounts', () => {
  it('a link made with the second account is named by its own network, and the first account’s entry of the same moment is left alone', async () => {
    twoNetworks();
    const { completeNames } = await import('./link-names');
    const input = { linkType: 'offer' as const, offerId: 42, affiliateId: 7, encryptParameters: false, redirectLink: false };
    const url = linkFor(42, 7);
    fake.local.put(historyItem.key, historyItem.version, [
      { id: 'b', accountId: SECOND_ACCOUNT.id, url, input, surface: 'popup', at: 1000 },
      { id: 'a', accountId: FIRST_ACCOUNT_ID, url, input, surface: 'popup', at: 1000 },
    ]);
    await settle(completeNames({ ok: true, url, accountId: SECOND_ACCOUNT.id, input, copied: true, at: 1000 }));
    expect(history().map((entry) => [entry.accountId, entry.offerName, entry.affiliateName])).toStrictEqual([
      [SECOND_ACCOUNT.id, 'Nordlys Offer 42', 'Nordlys Affiliate 7'],
      [FIRST_ACCOUNT_ID, undefined, undefined],
    ]);
    expect(everflow.calls.map((call) => call.headers['X-Eflow-Api-Key'])).toStrictEqual([SECOND_KEY, SECOND_KEY]);
  });

  it('the menu on the second network’s dashboard copies with its key and its last affiliate, named from its history only', async () => {
    twoNetworks();
    fake.local.put(recentAffiliatesItem.key, recentAffiliatesItem.version, { [FIRST_ACCOUNT_ID]: [7], [SECOND_ACCOUNT.id]: [12] });
    // The first account's history names offer 42 and affiliate 12: on the other network they are others.
    const input = { linkType: 'offer' as const, offerId: 42, affiliateId: 12, encryptParameters: false, redirectLink: false };
    fake.local.put(historyItem.key, historyItem.version, [
      {
        id: 'a',
        accountId: FIRST_ACCOUNT_ID,
        url: linkFor(42, 12),
        input,
        surface: 'popup',
        at: 1000,
        offerName: 'Summer Sale',
        affiliateName: 'Sunrise Media',
      },
    ]);
    const { quickCopy } = await import('./quick-copy');
    const { readAccounts } = await import('./accounts');
    await settle(
      quickCopy('menu', {
        target: { type: 'offer', id: 42 },
        url: 'https://nordlys.everflowclient.io/offers/42',
        accounts: await readAccounts(),
      }),
    );
    await advanceUntil(() => history()[0]?.affiliateName !== undefined, 'the names completed');

    expect(everflow.linkCalls().map((call) => [new URL(call.url).host, call.headers['X-Eflow-Api-Key'], affiliateOf(call)])).toStrictEqual([
      ['api-eu.eflow.team', SECOND_KEY, 12],
    ]);
    expect(fake.notifications.at(-1)!.options.title).toBe('Link copied: offer 42, affiliate 12');
    expect(history()[0]).toMatchObject({
      accountId: SECOND_ACCOUNT.id,
      offerName: 'Nordlys Offer 42',
      affiliateName: 'Nordlys Affiliate 12',
    });
  });
});
