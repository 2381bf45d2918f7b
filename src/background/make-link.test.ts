// Making a link (request → copy → remember) against a fake chrome (storage, the offscreen
// clipboard) and a fake Everflow. Checked as a person would: how many links Everflow made, what
// reached the clipboard, the reply, and what the history, the recent affiliates and the last link
// hold afterwards (read raw from storage: { v, data } per item).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { advanceUntil, type FakeChrome, API_KEY } from '../../e2e/unit-fixtures/fake-chrome';
import {
  affiliateOf,
  linkFor,
  smartLinkFor,
  type EverflowStub,
  type Reply,
  startFakeBackground,
  stopFakeBackground,
} from '../../e2e/unit-fixtures/everflow-stub';
import { EMPTY_FORM, parseLinkForm, type LinkForm } from '../shared/link/link-form';
import type { LinkInput } from '../everflow/link-fields';
import type { LinkReporter } from './link-reporter';
import { type HistoryEntry, historyItem } from '../shared/history/history';
import { UNSAVED_NOTE } from '../shared/link/link-notes';
import type { Names } from '../shared/link/names';
import { lastLinkItem, type LinkOutcome } from '../shared/link/outcome';
import { recentAffiliatesItem } from '../shared/history/recent-affiliates';
import { copyFormatsItem, type CopyFormats } from '../shared/copy-formats/copy-formats';
import { FIRST_ACCOUNT_ID, accountsItem, type Accounts } from '../shared/accounts/accounts';
import { SECOND_ACCOUNT, SECOND_KEY, saveTwoAccounts } from '../../e2e/unit-fixtures/test-accounts';

vi.mock('webextension-polyfill', async () => (await import('../../e2e/unit-fixtures/fake-chrome')).fakePolyfill());

const byNumber = (a: number, b: number) => a - b;

const AT = Date.UTC(2026, 2, 14, 9, 30, 0);
const form = (offerId: number, affiliateId: number): LinkForm => ({
  ...EMPTY_FORM,
  offerId: String(offerId),
  affiliateId: String(affiliateId),
  sub1: 'spring',
});

let fake: FakeChrome;
let everflow: EverflowStub;

const history = () => fake.local.peek<HistoryEntry[]>(historyItem.key) ?? [];
/** An account's recent affiliates (the first account's unless said). */
const recent = (accountId = FIRST_ACCOUNT_ID) => fake.local.peek<Record<string, number[]>>(recentAffiliatesItem.key)?.[accountId] ?? [];
const lastLink = () => fake.local.peek(lastLinkItem.key);
const accounts = () => fake.local.peek<Accounts>(accountsItem.key);

beforeEach(() => ({ fake, everflow } = startFakeBackground(AT)));
afterEach(stopFakeBackground);

/** The request a form makes, as the popup sends it once it has checked the form. */
function inputOf(typed: unknown): LinkInput {
  const checked = parseLinkForm(typed);
  if (!checked.ok) throw new Error(`not a valid form: ${JSON.stringify(checked.errors)}`);
  return checked.input;
}

/** What one asker was told: each wait, its answer, and (for a link) whether it was kept. */
interface Told {
  waits: number[];
  answer?: LinkOutcome;
  kept?: boolean;
}

function recorder(): { told: Told; reporter: LinkReporter } {
  const told: Told = { waits: [] };
  return {
    told,
    reporter: {
      waiting: (ms) => told.waits.push(ms),
      answered: (outcome) => (told.answer = outcome),
      settled: (_, kept) => (told.kept = kept),
    },
  };
}

/** An asker has all it will hear: its answer and, for a link, whether it was kept. */
const done = (told: Told) => told.answer !== undefined && (!told.answer.ok || told.kept !== undefined);

/** Asks for links in the current worker; `outcomes()` and `told()` fill in as they answer and settle. */
async function generate(
  ...requests: { form: LinkForm; surface?: 'popup' | 'menu' | 'keyboard'; names?: Names; signal?: AbortSignal; accountId?: string }[]
) {
  const { makeLink } = await import('./make-link');
  const asked = requests.map((request) => {
    const { told, reporter } = recorder();
    void makeLink(inputOf(request.form), request.surface ?? 'popup', reporter, {
      accountId: request.accountId ?? FIRST_ACCOUNT_ID,
      names: request.names,
      signal: request.signal,
    });
    return told;
  });
  return {
    outcomes: () => asked.map((told) => told.answer),
    told: () => asked,
    answered: () => advanceUntil(() => asked.every((told) => told.answer !== undefined), 'every link answering'),
    settled: () => advanceUntil(() => asked.every(done), 'every link answering and settling'),
  };
}

describe('link generation', () => {
  it('makes the link, copies it, and records it in the history, the recent affiliates and the last link', async () => {
    fake.local.put(recentAffiliatesItem.key, recentAffiliatesItem.version, { [FIRST_ACCOUNT_ID]: [3, 7, 5] });
    const run = await generate({ form: form(42, 7), names: { offer: 'Spring Sale', affiliate: 'Jolly Media' } });
    await run.settled();
    const url = linkFor(42, 7);
    const success = {
      ok: true,
      url,
      accountId: FIRST_ACCOUNT_ID,
      input: inputOf(form(42, 7)),
      copied: true,
      at: AT,
      offerName: 'Spring Sale',
      affiliateName: 'Jolly Media',
    };

    expect(run.outcomes()).toStrictEqual([success]);
    expect(run.told()[0]?.kept).toBe(true);
    expect(everflow.linkCalls().map((call) => call.body)).toStrictEqual([
      { network_offer_id: 42, network_affiliate_id: 7, sub1: 'spring' },
    ]);
    expect(fake.clipboard).toStrictEqual([url]);
    expect(lastLink()).toStrictEqual(success);
    expect(recent()).toStrictEqual([7, 3, 5]);
    expect(history()).toMatchObject([
      {
        accountId: FIRST_ACCOUNT_ID,
        url,
        surface: 'popup',
        at: AT,
        input: { offerId: 42, affiliateId: 7, sub1: 'spring' },
        offerName: 'Spring Sale',
        affiliateName: 'Jolly Media',
      },
    ]);
  });

  it('makes a smart link: sends only what a smart link takes, and says when some of its offers are closed to the affiliate', async () => {
    everflow.reply = (call) => ({ json: { url: smartLinkFor(call.body?.network_campaign_id, 7), can_affiliate_run_all_offers: false } });
    // Typed earlier for an offer link: kept in the form, never sent with the smart link.
    const smart: LinkForm = { ...form(42, 7), offerUrlId: '4', creativeId: '9', linkType: 'smart', campaignId: '5' };
    const run = await generate({ form: smart, names: { offer: 'Spring Sale', campaign: 'Summer smart link', affiliate: 'Jolly Media' } });
    await run.settled();
    const url = smartLinkFor(5, 7);
    const success = {
      ok: true,
      url,
      accountId: FIRST_ACCOUNT_ID,
      input: { linkType: 'smart', campaignId: 5, affiliateId: 7, sub1: 'spring', encryptParameters: false, redirectLink: false },
      copied: true,
      at: AT,
      campaignName: 'Summer smart link',
      affiliateName: 'Jolly Media',
      someOffersClosed: true,
    };

    expect(run.outcomes()).toStrictEqual([success]);
    expect(everflow.linkCalls().map((call) => [call.path, call.body])).toStrictEqual([
      ['/v1/networks/tracking/campaigns/clicks', { network_campaign_id: 5, network_affiliate_id: 7, sub1: 'spring' }],
    ]);
    expect(fake.clipboard).toStrictEqual([url]);
    expect(lastLink()).toStrictEqual(success);
    expect(recent()).toStrictEqual([7]);
    expect(history()).toMatchObject([
      {
        url,
        input: { linkType: 'smart', campaignId: 5, affiliateId: 7, sub1: 'spring' },
        campaignName: 'Summer smart link',
        someOffersClosed: true,
      },
    ]);
    expect(history()[0]).not.toHaveProperty('offerName');
    expect(history()[0]!.input).not.toHaveProperty('offerId');
  });

  it('a cancelled generation stops its request; a link that arrives anyway is neither copied nor kept', async () => {
    everflow.reply = () => 'hold';
    const controller = new AbortController();
    const run = await generate({ form: form(42, 7), signal: controller.signal });
    await advanceUntil(() => everflow.waiting().length > 0, 'the request sent');
    controller.abort();
    everflow.answerWaiting();
    await run.answered();
    await vi.advanceTimersByTimeAsync(100);

    expect(run.outcomes()).toStrictEqual([{ ok: false, kind: 'cancelled', message: 'Cancelled: no link was copied.' }]);
    expect(everflow.linkCalls().map((call) => call.state)).toStrictEqual(['aborted']);
    expect(fake.clipboard).toStrictEqual([]);
    expect(history()).toStrictEqual([]);
    expect(lastLink()).toBeUndefined();
  });

  it('a double submit of the same form joins the first request: one link made, one copy, one history entry', async () => {
    everflow.reply = () => 'hold';
    const run = await generate({ form: form(42, 7) }, { form: form(42, 7) });
    await advanceUntil(() => everflow.waiting().length > 0, 'the request sent');
    await vi.advanceTimersByTimeAsync(1_000);
    everflow.answerWaiting();
    await run.settled();

    expect(everflow.linkCalls()).toHaveLength(1);
    const [first, second] = run.outcomes();
    expect(first).toMatchObject({ ok: true, url: linkFor(42, 7), copied: true });
    expect(second).toStrictEqual(first);
    expect(run.told().map((told) => told.kept)).toStrictEqual([true, true]);
    expect(fake.clipboard).toStrictEqual([linkFor(42, 7)]);
    expect(history()).toHaveLength(1);

    // Once answered, the same form makes a new link (a join is only for a request in flight).
    everflow.reply = () => ({ json: { url: 'https://trk.example.com/again/' } });
    const again = await generate({ form: form(42, 7) });
    await again.settled();
    expect(everflow.linkCalls()).toHaveLength(2);
    expect(again.outcomes()[0]).toMatchObject({ ok: true, url: 'https://trk.example.com/again/' });
  });

  it('a history that cannot be written (storage full) does not fail the link: still ok, still copied, still remembered', async () => {
    fake.fillStorageFor(historyItem.key);
    const run = await generate({ form: form(42, 7), surface: 'menu' });
    await run.settled();

    expect(run.outcomes()[0]).toMatchObject({ ok: true, url: linkFor(42, 7), copied: true });
    expect(run.told()[0]?.kept).toBe(false);
    expect(fake.clipboard).toStrictEqual([linkFor(42, 7)]);
    expect(fake.local.data.has(historyItem.key)).toBe(false);
    expect(lastLink()).toMatchObject({ url: linkFor(42, 7) });
    expect(recent()).toStrictEqual([7]);
  });

  it('with storage full, the link is still delivered and copied, marked as not kept; the notification says so', async () => {
    fake.local.QUOTA_BYTES = await fake.local.getBytesInUse();
    const run = await generate({ form: form(42, 7), surface: 'keyboard' });
    await run.settled();
    expect(run.outcomes()[0]).toMatchObject({ ok: true, url: linkFor(42, 7), copied: true });
    expect(run.told()[0]?.kept).toBe(false);
    expect(fake.clipboard).toStrictEqual([linkFor(42, 7)]);
    expect(history()).toStrictEqual([]);
    // The keyboard's reporter: one notification, once the bookkeeping is known.
    const { makeLink } = await import('./make-link');
    const { notifyingReporter } = await import('./link-reporter');
    fake.notifications.length = 0;
    void makeLink(inputOf(form(43, 7)), 'keyboard', notifyingReporter(), { accountId: FIRST_ACCOUNT_ID });
    await advanceUntil(() => fake.notifications.length > 0, 'the notification');
    expect(fake.notifications.map((shown) => shown.options.message)).toStrictEqual([`${UNSAVED_NOTE}\n${linkFor(43, 7)}`]);
  });

  it('the link comes before the history is written; whether it was kept follows', async () => {
    // Another writer holds the history: the link must not wait for it.
    let release: (() => void) | undefined;
    void navigator.locks.request(`storage:local:${historyItem.key}`, () => new Promise<void>((resolve) => (release = resolve)));
    const run = await generate({ form: form(42, 7) });
    await run.answered();

    expect(run.outcomes()[0]).toMatchObject({
      ok: true,
      url: linkFor(42, 7),
      input: { offerId: 42, affiliateId: 7 },
      copied: true,
      at: AT,
    });
    expect(run.told()[0]?.kept).toBeUndefined();
    expect(fake.clipboard).toStrictEqual([linkFor(42, 7)]);
    expect(history()).toStrictEqual([]);
    release!();
    await run.settled();
    expect(run.told()[0]?.kept).toBe(true);
    expect(history().map((entry) => entry.url)).toStrictEqual([linkFor(42, 7)]);
  });

  it('a history that cannot be written (storage full) is told after the link, not in it', async () => {
    fake.fillStorageFor(historyItem.key);
    const run = await generate({ form: form(42, 7) });
    await run.settled();

    expect(run.outcomes()[0]).toMatchObject({ ok: true, url: linkFor(42, 7), copied: true });
    expect(run.outcomes()[0]).not.toHaveProperty('unsaved');
    expect(run.told()[0]?.kept).toBe(false);
    expect(fake.local.data.has(historyItem.key)).toBe(false);
    expect(lastLink()).toMatchObject({ url: linkFor(42, 7) });
  });

  it('a link kept in full is not marked', async () => {
    const run = await generate({ form: form(42, 7) });
    await run.settled();
    expect(run.outcomes()[0]).not.toHaveProperty('unsaved');
    expect(run.told()[0]?.kept).toBe(true);
  });

  it('a clipboard the browser refuses still gives the link, marked not copied, and records it', async () => {
    fake.clipboardWorks = false;
    const run = await generate({ form: form(42, 7) });
    await run.settled();
    expect(run.outcomes()[0]).toMatchObject({ ok: true, url: linkFor(42, 7), copied: false });
    expect(history().map((entry) => entry.url)).toStrictEqual([linkFor(42, 7)]);
  });

  it('when Everflow refuses, the failure is the reply and nothing is copied or recorded', async () => {
    everflow.reply = () => ({ status: 422, json: { error: 'Affiliate is not approved for this offer' } });
    const run = await generate({ form: form(42, 7) });
    await run.settled();
    expect(run.outcomes()[0]).toMatchObject({ ok: false, kind: 'rejected' });
    expect(fake.clipboard).toStrictEqual([]);
    expect([history(), recent(), lastLink()]).toStrictEqual([[], [], undefined]);
  });

  it('links made at the same moment for different affiliates (popups, menu, keyboard) are all in the history', async () => {
    everflow.reply = () => 'hold';
    const affiliates = [7, 8, 9, 10, 11];
    const surfaces = ['popup', 'popup', 'popup', 'menu', 'keyboard'] as const;
    const run = await generate(...affiliates.map((affiliate, i) => ({ form: form(42, affiliate), surface: surfaces[i] })));
    await advanceUntil(() => everflow.waiting().length === affiliates.length, 'every request sent');
    // Everflow answers them all at once.
    everflow.answerWaiting();
    await run.settled();

    expect(run.outcomes().every((outcome) => outcome?.ok)).toBe(true);
    expect(everflow.linkCalls().map(affiliateOf)).toStrictEqual(affiliates);
    expect(
      history()
        .map((entry) => ('affiliateId' in entry.input ? entry.input.affiliateId : 0))
        .toSorted(byNumber),
    ).toStrictEqual(affiliates);
    expect(
      history()
        .map((entry) => entry.surface)
        .toSorted(),
    ).toStrictEqual([...surfaces].toSorted());
  });

  it('links made at the same moment for different affiliates are all in the recent affiliates', async () => {
    everflow.reply = () => 'hold';
    const affiliates = [7, 8, 9, 10, 11];
    const run = await generate(...affiliates.map((affiliate) => ({ form: form(42, affiliate) })));
    await advanceUntil(() => everflow.waiting().length === affiliates.length, 'every request sent');
    everflow.answerWaiting();
    await run.settled();
    expect(recent().toSorted(byNumber)).toStrictEqual(affiliates);
  });
});

const redirect = (offerId: number): LinkForm => ({ ...form(offerId, 7), redirectLink: true });

describe('link generation: a redirect link asked for', () => {
  const DOMAINS_PATH = '/v1/networks/domains/tracking';
  const domainsCalls = () => everflow.calls.filter((call) => call.path === DOMAINS_PATH);
  const DIRECT = 'https://shop.direct-deals.example/?oid=61&affid=7';
  function network(link: string, domains: Reply = { json: { domains: [{ network_tracking_domain_id: 1, url: 'trk.example.com' }] } }) {
    everflow.reply = (call) => (call.path === DOMAINS_PATH ? domains : { json: { url: link } });
  }

  it('Everflow answers off the network’s tracking domains: the reply, the last link and the history say it is a direct link', async () => {
    network(DIRECT);
    const run = await generate({ form: redirect(61) });
    await run.settled();
    expect(run.outcomes()[0]).toMatchObject({ ok: true, url: DIRECT, copied: true, directLink: true });
    expect(history()[0]).toMatchObject({ url: DIRECT, directLink: true });
    expect(lastLink()).toMatchObject({ url: DIRECT, directLink: true });
    expect(fake.clipboard).toStrictEqual([DIRECT]);
  });

  it('a link on a tracking domain is a redirect link: nothing is said, and the domains are asked for once in a while only', async () => {
    network(linkFor(61, 7));
    const first = await generate({ form: redirect(61) });
    await first.settled();
    const second = await generate({ form: redirect(62) });
    await second.settled();
    expect(first.outcomes()[0]).toMatchObject({ ok: true });
    expect(first.outcomes()[0]).not.toHaveProperty('directLink');
    expect(second.outcomes()[0]).not.toHaveProperty('directLink');
    expect(history().some((entry) => 'directLink' in entry)).toBe(false);
    expect(domainsCalls()).toHaveLength(1);
  });

  it('without the redirect flag nothing is checked; with the domains unknown nothing is claimed', async () => {
    network(DIRECT);
    const plain = await generate({ form: form(61, 7) });
    await plain.settled();
    expect(plain.outcomes()[0]).not.toHaveProperty('directLink');
    expect(domainsCalls()).toHaveLength(0);

    network(DIRECT, { status: 500, json: { error: 'down' } });
    const unknown = await generate({ form: redirect(61) });
    await unknown.settled();
    expect(unknown.outcomes()[0]).toMatchObject({ ok: true, url: DIRECT });
    expect(unknown.outcomes()[0]).not.toHaveProperty('directLink');

    // An empty list proves nothing either (every network has a tracking domain).
    network(DIRECT, { json: { domains: [] } });
    const empty = await generate({ form: redirect(63) });
    await empty.settled();
    expect(empty.outcomes()[0]).toMatchObject({ ok: true, url: DIRECT });
    expect(empty.outcomes()[0]).not.toHaveProperty('directLink');
  });
});

describe('link generation: Everflow’s rate limit', () => {
  it('a 429 is waited out (1 s, then 2 s), each wait told to the asker, and the link comes', async () => {
    let refused = 0;
    everflow.reply = () => (refused++ < 2 ? { status: 429, json: { error: 'Too many requests' } } : { json: { url: linkFor(42, 7) } });
    const run = await generate({ form: form(42, 7) });
    await run.answered();
    expect(run.outcomes()[0]).toMatchObject({ ok: true, url: linkFor(42, 7), copied: true });
    expect(run.told()[0]?.waits).toStrictEqual([1000, 2000]);
    expect(everflow.linkCalls()).toHaveLength(3);
  });
});

const formats = (defaultFormat: string, text = 'Hi {affiliate_name}: {offer_name} {url} ({sub1}, {date})'): CopyFormats => ({
  templates: [{ id: 't1', name: 'Slack intro', text }],
  defaultFormat,
});

describe('link generation: copy formats', () => {
  it('copies the link in the default format and says which', async () => {
    fake.local.put(copyFormatsItem.key, copyFormatsItem.version, formats('t1'));
    const run = await generate({
      form: { ...form(42, 7), sub1: 'spring-{date}' },
      names: { offer: 'Spring Sale', affiliate: 'Jolly Media' },
    });
    await run.settled();
    const url = run.outcomes()[0]?.ok ? (run.outcomes()[0] as { url: string }).url : '';
    expect(fake.clipboard).toStrictEqual([`Hi Jolly Media: Spring Sale ${url} (spring-2026-03-14, 2026-03-14)`]);
    expect(run.outcomes()[0]).toMatchObject({
      ok: true,
      copied: true,
      copiedAs: 'Slack intro',
      copiedLine: `Hi Jolly Media: Spring Sale ${url} (spring-2026-03-14, 2026-03-14)`,
    });
    // The history keeps the link itself.
    expect(history()[0]?.url).toBe(url);
  });

  it('follows a change of the default without reading it again on each click', async () => {
    fake.local.put(copyFormatsItem.key, copyFormatsItem.version, formats('named'));
    const first = await generate({ form: form(42, 7) });
    await first.settled();
    expect(fake.clipboard).toStrictEqual([`Offer 42 – Affiliate 7: ${linkFor(42, 7)}`]);
    await copyFormatsItem.set(formats('link'));
    const second = await generate({ form: form(43, 7) });
    await second.settled();
    expect(fake.clipboard.at(-1)).toBe(linkFor(43, 7));
    expect(second.outcomes()[0]).not.toHaveProperty('copiedAs');
  });

  it('never copies the API key: a template holding it copies without it, and a sub holding it is refused before anything is sent', async () => {
    fake.local.put(copyFormatsItem.key, copyFormatsItem.version, formats('t1', `key: ${API_KEY} sub: {sub1}`));
    const copied = await generate({ form: { ...form(42, 7), sub1: 'spring' } });
    await copied.settled();
    expect(fake.clipboard).toStrictEqual(['key:  sub: spring']);
    const refused = await generate({ form: { ...form(42, 7), sub1: API_KEY } });
    await refused.settled();
    expect(refused.outcomes()[0]).toMatchObject({
      ok: false,
      kind: 'invalid-input',
      fieldErrors: { sub1: expect.stringContaining('holds your API key') },
    });
    expect(everflow.linkCalls()).toHaveLength(1);
    expect(fake.clipboard).toHaveLength(1);
  });
});

describe('link generation: two accounts', () => {
  it('the same form made with two accounts at once is two links, each asked of its own network and kept as its own', async () => {
    saveTwoAccounts(fake);
    everflow.reply = () => 'hold';
    const run = await generate({ form: form(42, 7) }, { form: form(42, 7), accountId: SECOND_ACCOUNT.id });
    await advanceUntil(() => everflow.waiting().length === 2, 'both requests sent');
    // Not joined: offer 42 and affiliate 7 are other things on the other network.
    expect(everflow.linkCalls().map((call) => [new URL(call.url).host, call.headers['X-Eflow-Api-Key']])).toStrictEqual([
      ['api.eflow.team', API_KEY],
      ['api-eu.eflow.team', SECOND_KEY],
    ]);
    everflow.answerWaiting();
    await run.settled();

    expect(run.outcomes().map((outcome) => outcome?.ok && outcome.accountId)).toStrictEqual([FIRST_ACCOUNT_ID, SECOND_ACCOUNT.id]);
    expect(
      history()
        .map((entry) => entry.accountId)
        .toSorted(),
    ).toStrictEqual([FIRST_ACCOUNT_ID, SECOND_ACCOUNT.id].toSorted());
    expect([recent(FIRST_ACCOUNT_ID), recent(SECOND_ACCOUNT.id)]).toStrictEqual([[7], [7]]);
    expect(fake.clipboard).toHaveLength(2);
  });

  it('a link made with another account makes it the one the popup starts with, and its affiliates stay its own', async () => {
    saveTwoAccounts(fake);
    fake.local.put(recentAffiliatesItem.key, recentAffiliatesItem.version, { [FIRST_ACCOUNT_ID]: [3, 5] });
    const run = await generate({ form: form(42, 9), accountId: SECOND_ACCOUNT.id });
    await run.settled();

    expect(accounts()?.lastUsedId).toBe(SECOND_ACCOUNT.id);
    expect(lastLink()).toMatchObject({ accountId: SECOND_ACCOUNT.id, url: linkFor(42, 9) });
    expect(history()).toMatchObject([{ accountId: SECOND_ACCOUNT.id, url: linkFor(42, 9) }]);
    expect([recent(FIRST_ACCOUNT_ID), recent(SECOND_ACCOUNT.id)]).toStrictEqual([[3, 5], [9]]);
  });

  it('never sends another saved account’s key either: a sub holding it is refused before anything is sent', async () => {
    saveTwoAccounts(fake);
    // Were it sent, the first network would see the second's key in its reports, and the link would carry it.
    everflow.reply = (call) => ({ json: { url: `${linkFor(42, 7)}?sub1=${String(call.body?.sub1)}` } });
    const run = await generate({ form: { ...form(42, 7), sub1: SECOND_KEY } });
    await run.settled();
    expect(run.outcomes()[0]).toMatchObject({ ok: false, kind: 'invalid-input' });
    expect(everflow.linkCalls()).toStrictEqual([]);
    expect(JSON.stringify([history(), lastLink() ?? null])).not.toContain(SECOND_KEY);
  });

  it('an account forgotten meanwhile makes no link: nothing is sent, and the reply says to choose another', async () => {
    const run = await generate({ form: form(42, 7), accountId: 'forgotten' });
    await run.settled();
    expect(run.outcomes()).toStrictEqual([
      {
        ok: false,
        kind: 'invalid-input',
        message: 'That Everflow account is no longer saved; choose another one, or add it again on the options page.',
      },
    ]);
    expect(everflow.calls).toStrictEqual([]);
    expect([history(), fake.clipboard]).toStrictEqual([[], []]);
  });
});
