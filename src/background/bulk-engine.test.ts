// The bulk engine against a fake chrome (storage, alarms, notifications) and a fake Everflow behind
// `fetch`. Each test checks what a person would see: which rows Everflow was asked for (and how
// often), which results are kept, the job's state, the notification. Storage is seeded and read
// raw ({ v, data } per item; one plain result per row key), so these tests do not depend on how
// the storage layer reads or writes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_KEY, advanceUntil, type FakeChrome, type FakeEvent } from '../../e2e/unit-fixtures/fake-chrome';
import {
  LINK_PATH,
  SMART_LINK_PATH,
  affiliateOf,
  linkFor,
  smartLinkFor,
  usualReply,
  type EverflowStub,
  startFakeBackground,
  stopFakeBackground,
} from '../../e2e/unit-fixtures/everflow-stub';
import { BULK_ALARM, rowKey, type BulkJob, type BulkResult, bulkJobItem } from '../shared/bulk/bulk-job';
import { durationText } from '../shared/bulk/bulk-time';
import { EMPTY_FORM } from '../shared/link/link-form';
import { BULK_IN_FLIGHT_FLOOR } from '../everflow/rate-limiter';
import { FIRST_ACCOUNT_ID } from '../shared/accounts/accounts';
import { SECOND_ACCOUNT, SECOND_KEY, saveTwoAccounts } from '../../e2e/unit-fixtures/test-accounts';

vi.mock('webextension-polyfill', async () => (await import('../../e2e/unit-fixtures/fake-chrome')).fakePolyfill());

const byNumber = (a: number, b: number) => a - b;

const OFFER = 42;
const FORM = { ...EMPTY_FORM, sub1: 'bulk-{affiliate_id}' };
const rows = (...affiliates: number[]) => affiliates.map((affiliateId) => ({ targetId: OFFER, affiliateId }));
const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

let fake: FakeChrome;
let everflow: EverflowStub;

const job = () => fake.local.peek<BulkJob | null>(bulkJobItem.key);
const stateOf = () => job()?.state;
const results = () => (job()?.rows ?? []).map((_, index) => fake.local.data.get(rowKey(index)) as BulkResult | undefined);
/** How many times Everflow was asked for each affiliate's link. */
function sentCount(): Map<number, number> {
  const counts = new Map<number, number>();
  for (const call of everflow.linkCalls()) counts.set(affiliateOf(call), (counts.get(affiliateOf(call)) ?? 0) + 1);
  return counts;
}
const sentAffiliates = () => everflow.linkCalls().map(affiliateOf);
/** How long the finished job ran, as the notification and the page say it. */
const took = () => durationText(job()!.ranMs!);

/**
 * Stops the worker (its listeners and timers gone, its requests never answered), starts a new one with
 * Everflow answering as usual, and waits for the job to finish there: the affiliates it then sent.
 */
async function restartWorkerUntilDone(): Promise<number[]> {
  fake.stopWorker();
  vi.clearAllTimers();
  const before = everflow.linkCalls().length;
  everflow.reply = usualReply;
  vi.resetModules();
  await import('./worker');
  await advanceUntil(() => stateOf() === 'done', 'the job finishing in the new worker');
  return everflow.linkCalls().slice(before).map(affiliateOf);
}
/** The smart link a tracking-link request asked for. */
const smartLinkOf = (call: { body?: Record<string, unknown> }) => call.body?.network_campaign_id as number;

beforeEach(() => ({ fake, everflow } = startFakeBackground()));
afterEach(stopFakeBackground);

describe('bulk engine', () => {
  it('start: asks Everflow once per row (a pair given twice once), keeps every link, finishes and says so', async () => {
    const { startBulk } = await import('./bulk-engine');
    const started = await startBulk({ accountId: FIRST_ACCOUNT_ID, mode: 'affiliates', form: FORM, rows: rows(7, 8, 9, 8) });
    expect(started).toStrictEqual({ ok: true });
    await advanceUntil(() => stateOf() === 'done', 'the job finishing');

    expect(sentAffiliates().toSorted(byNumber)).toStrictEqual([7, 8, 9]);
    expect(everflow.linkCalls().every((call) => call.body?.sub1 === `bulk-${affiliateOf(call)}`)).toBe(true);
    expect(results().map((result) => (result?.ok ? result.url : result))).toStrictEqual([
      linkFor(OFFER, 7),
      linkFor(OFFER, 8),
      linkFor(OFFER, 9),
    ]);
    expect(fake.alarms.has(BULK_ALARM)).toBe(false);
    expect(fake.notifications.map((n) => n.options.message)).toStrictEqual([`3 links made in ${took()}. Open Bulk links to copy them.`]);
  });

  it('start: a second job while one runs is refused, and the running one goes on untouched', async () => {
    everflow.reply = () => 'hold';
    const { startBulk, BUSY } = await import('./bulk-engine');
    await startBulk({ accountId: FIRST_ACCOUNT_ID, mode: 'affiliates', form: FORM, rows: rows(7, 8) });
    await advanceUntil(() => everflow.waiting().length === 2, 'both rows in flight');

    expect(await startBulk({ accountId: FIRST_ACCOUNT_ID, mode: 'affiliates', form: FORM, rows: rows(100) })).toMatchObject({
      ok: false,
      message: BUSY,
    });
    everflow.answerWaiting();
    await advanceUntil(() => stateOf() === 'done', 'the job finishing');
    expect(job()?.rows).toStrictEqual(rows(7, 8));
    expect(sentAffiliates().toSorted(byNumber)).toStrictEqual([7, 8]);
  });

  it('pause keeps the answers of rows in flight and sends nothing more; resume sends only the rest, once each', async () => {
    everflow.reply = () => 'hold';
    const { startBulk, controlBulk } = await import('./bulk-engine');
    const affiliates = range(100, 20);
    await startBulk({ accountId: FIRST_ACCOUNT_ID, mode: 'affiliates', form: FORM, rows: rows(...affiliates) });
    await advanceUntil(() => everflow.waiting().length === 8, 'the bulk lane filling');
    const inFlight = everflow.waiting().map(affiliateOf);

    expect(await controlBulk('pause')).toStrictEqual({ ok: true });
    expect(stateOf()).toBe('paused');
    // Everflow answers the rows it already had: those links are kept.
    everflow.answerWaiting();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sentAffiliates()).toStrictEqual(inFlight);
    expect(stateOf()).toBe('paused');
    const kept = results().filter((result) => result?.ok).length;
    expect(kept).toBe(8);

    everflow.reply = usualReply;
    expect(await controlBulk('resume')).toStrictEqual({ ok: true });
    await advanceUntil(() => stateOf() === 'done', 'the job finishing');
    expect([...sentCount().values()].every((count) => count === 1)).toBe(true);
    expect(sentAffiliates().toSorted(byNumber)).toStrictEqual(affiliates);
    expect(results().map((result) => result?.ok && result.url)).toStrictEqual(affiliates.map((id) => linkFor(OFFER, id)));
  });

  it('how long a job took leaves its pauses out: ten minutes paused, and the notification says the seconds it ran', async () => {
    everflow.reply = () => 'hold';
    const { startBulk, controlBulk } = await import('./bulk-engine');
    await startBulk({ accountId: FIRST_ACCOUNT_ID, mode: 'affiliates', form: FORM, rows: rows(...range(100, 20)) });
    const startedAt = job()!.runningSince!;
    await advanceUntil(() => everflow.waiting().length === 8, 'the bulk lane filling');
    await vi.advanceTimersByTimeAsync(2_000);
    await controlBulk('pause');
    const ranBeforePause = job()!.ranMs!;
    expect(ranBeforePause).toBe(job()!.stoppedAt! - startedAt);
    everflow.answerWaiting();
    await vi.advanceTimersByTimeAsync(10 * 60_000);

    everflow.reply = usualReply;
    await controlBulk('resume');
    // The pace is measured from here (the Bulk links page): not from the start, ten minutes ago.
    expect(job()!.runningSince! - startedAt).toBeGreaterThan(10 * 60_000);
    await advanceUntil(() => stateOf() === 'done', 'the job finishing');
    const ran = job()!.ranMs!;
    expect(ran).toBe(ranBeforePause + (job()!.stoppedAt! - job()!.runningSince!));
    expect(ran).toBeLessThan(60_000);
    expect(fake.notifications.at(-1)?.options.message).toBe(`20 links made in ${durationText(ran)}. Open Bulk links to copy them.`);
    expect(durationText(ran)).toMatch(/^\d+ s$/);
  });

  it('cancel stops the requests in flight, sends no more rows, and the rows without an answer stay without', async () => {
    everflow.reply = () => 'hold';
    const { startBulk, controlBulk } = await import('./bulk-engine');
    await startBulk({ accountId: FIRST_ACCOUNT_ID, mode: 'affiliates', form: FORM, rows: rows(...range(100, 20)) });
    await advanceUntil(() => everflow.waiting().length === 8, 'the bulk lane filling');
    // Two rows are answered before the person presses Cancel.
    everflow.waiting()[0]!.answer();
    everflow.waiting()[0]!.answer();
    await advanceUntil(() => results().filter(Boolean).length === 2, 'two results stored');
    const sentBefore = everflow.linkCalls().length;

    expect(await controlBulk('cancel')).toStrictEqual({ ok: true });
    expect(stateOf()).toBe('cancelled');
    expect(everflow.linkCalls().filter((call) => call.state === 'aborted').length).toBeGreaterThan(0);
    expect(everflow.waiting()).toStrictEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    // Rows that were waiting for their turn (there were such: at most 8 go at once) are never sent.
    expect(everflow.linkCalls().length).toBe(sentBefore);
    expect(results().filter(Boolean)).toHaveLength(2);
    expect(stateOf()).toBe('cancelled');
    expect(await controlBulk('resume')).toMatchObject({ ok: false });
  });

  it('retry failed sends only the rows that failed; the links already made stay and are not asked for again', async () => {
    // Everflow refuses affiliate 8 (e.g. not approved for the offer) the first time.
    everflow.reply = (call) =>
      affiliateOf(call) === 8 ? { status: 422, json: { error: 'Affiliate is not approved for this offer' } } : usualReply(call);
    const { startBulk, controlBulk } = await import('./bulk-engine');
    await startBulk({ accountId: FIRST_ACCOUNT_ID, mode: 'affiliates', form: FORM, rows: rows(7, 8, 9) });
    await advanceUntil(() => stateOf() === 'done', 'the job finishing');
    expect(results().map((result) => result?.ok)).toStrictEqual([true, false, true]);
    expect(fake.notifications.at(-1)?.options.message).toBe(`2 made, 1 failed, in ${took()}. Open Bulk links to see why and retry.`);
    expect(sentAffiliates().toSorted(byNumber)).toStrictEqual([7, 8, 9]);

    everflow.reply = usualReply;
    expect(await controlBulk('retryFailed')).toStrictEqual({ ok: true });
    await advanceUntil(() => stateOf() === 'done' && results().every((result) => result?.ok), 'the retry finishing');
    expect(sentAffiliates().toSorted(byNumber)).toStrictEqual([7, 8, 8, 9]);
    expect(results().map((result) => result?.ok && result.url)).toStrictEqual([linkFor(OFFER, 7), linkFor(OFFER, 8), linkFor(OFFER, 9)]);
  });

  it('a worker stopped mid-job: the new worker goes on at startup, never re-sends an answered row, re-sends the rows cut off in flight', async () => {
    everflow.reply = () => 'hold';
    const affiliates = range(100, 20);
    await import('./worker');
    const { startBulk } = await import('./bulk-engine');
    await startBulk({ accountId: FIRST_ACCOUNT_ID, mode: 'affiliates', form: FORM, rows: rows(...affiliates) });
    await advanceUntil(() => everflow.waiting().length === 8, 'the bulk lane filling');
    // Five answers arrive and are stored; the next rows go out; then Chrome stops the worker.
    for (const call of everflow.waiting().slice(0, 5)) call.answer();
    await advanceUntil(() => results().filter(Boolean).length === 5 && everflow.waiting().length === 8, 'five stored, eight in flight');
    const answered = everflow
      .linkCalls()
      .filter((call) => call.state === 'answered')
      .map(affiliateOf);
    const cutOff = everflow.waiting().map(affiliateOf);
    expect(fake.alarms.has(BULK_ALARM)).toBe(true);

    // The worker stops: its listeners and timers are gone, its requests never come back.
    const resent = await restartWorkerUntilDone();
    expect(resent.filter((id) => answered.includes(id))).toStrictEqual([]);
    expect(cutOff.every((id) => resent.includes(id))).toBe(true);
    expect(resent.toSorted(byNumber)).toStrictEqual(affiliates.filter((id) => !answered.includes(id)));
    expect(results().map((result) => result?.ok && result.url)).toStrictEqual(affiliates.map((id) => linkFor(OFFER, id)));
  });

  it('a result that cannot be stored pauses the job at once, says why on the page and by notification, and Resume sends only the row not kept', async () => {
    await import('./worker');
    const { startBulk, controlBulk, STORAGE_FULL } = await import('./bulk-engine');
    const affiliates = range(100, 30);
    let refused = false;
    fake.refuseWrites((_area, items) => (!refused && rowKey(0) in items ? ((refused = true), 'QUOTA_BYTES quota exceeded') : undefined));
    await startBulk({ accountId: FIRST_ACCOUNT_ID, mode: 'affiliates', form: FORM, rows: rows(...affiliates) });
    await advanceUntil(() => stateOf() === 'paused' && everflow.waiting().length === 0, 'the job pausing');
    const sentBeforeResume = sentAffiliates().length;
    expect(job()?.note).toBe(`Paused. ${STORAGE_FULL}, then press Resume.`);
    expect(fake.notifications.at(-1)?.options).toMatchObject({ title: 'Bulk links paused', message: job()?.note });
    // Rows already on their way may finish, but no new row is sent, not even when the alarm fires.
    expect(sentBeforeResume).toBeLessThan(affiliates.length);
    await vi.advanceTimersByTimeAsync(60_000);
    if (fake.alarms.has(BULK_ALARM)) await fake.fireAlarm(BULK_ALARM);
    expect(sentAffiliates()).toHaveLength(sentBeforeResume);

    await controlBulk('resume');
    await advanceUntil(() => stateOf() === 'done', 'the job finishing after Resume');
    // Only the row whose answer was lost was asked for twice.
    expect([...sentCount()].filter(([, count]) => count > 1)).toStrictEqual([[affiliates[0], 2]]);
    expect(results().every((result) => result?.ok)).toBe(true);
  });

  it('with storage nearly full, no row is sent at all: the job pauses before asking Everflow, and finishes once space is freed', async () => {
    await import('./worker');
    const { startBulk, controlBulk, STORAGE_FULL } = await import('./bulk-engine');
    fake.local.QUOTA_BYTES = (await fake.local.getBytesInUse()) + 100_000;
    await startBulk({ accountId: FIRST_ACCOUNT_ID, mode: 'affiliates', form: FORM, rows: rows(7, 8, 9) });
    await advanceUntil(() => stateOf() === 'paused', 'the job pausing');
    expect(everflow.linkCalls()).toStrictEqual([]);
    expect(job()?.note).toBe(`Paused. ${STORAGE_FULL}, then press Resume.`);

    fake.local.QUOTA_BYTES = 10_485_760;
    await controlBulk('resume');
    await advanceUntil(() => stateOf() === 'done', 'the job finishing after Resume');
    expect(sentAffiliates().toSorted(byNumber)).toStrictEqual([7, 8, 9]);
  });
});

describe('bulk engine: Everflow’s rate limit', () => {
  it('a 30-second window closed for 20 s: every row ends linked, none failed, and the closed window is not hammered', async () => {
    // Everflow's older docs: over the limit, "requests will all return 429 until your 30 seconds window resets".
    const opensAt = Date.now() + 20_000;
    const refusedAt: number[] = [];
    everflow.reply = (call) => {
      if (call.path.endsWith('/tracking/offers/clicks') && Date.now() < opensAt) {
        refusedAt.push(Date.now());
        return { status: 429, json: { error: 'You have exceeded the rate limit.' }, headers: { 'X-RateLimit-Remaining': '0' } };
      }
      return usualReply(call);
    };
    const { startBulk } = await import('./bulk-engine');
    const affiliates = range(100, 40);
    await startBulk({ accountId: FIRST_ACCOUNT_ID, mode: 'affiliates', form: FORM, rows: rows(...affiliates) });
    await advanceUntil(() => stateOf() === 'done', 'the job finishing', { maxMs: 120_000 });

    expect(results().every((result) => result?.ok)).toBe(true);
    // It ran for the 20 s the window was closed and the rows after it.
    expect(job()!.ranMs).toBeGreaterThanOrEqual(20_000);
    expect(fake.notifications.at(-1)?.options.message).toBe(`40 links made in ${took()}. Open Bulk links to copy them.`);
    // Each row's link was made once: the 429s were asked again, nothing else.
    expect(everflow.linkCalls()).toHaveLength(affiliates.length + refusedAt.length);
    expect(results().map((result) => result?.ok && result.url)).toStrictEqual(affiliates.map((id) => linkFor(OFFER, id)));
    // Sending at its usual pace the whole time would have met ~400 refusals; the growing pauses
    // (1, 2, 4, 8, 16 s) keep it to the rows in flight at the first 429 and a few after each pause.
    expect(refusedAt.length).toBeLessThanOrEqual(BULK_IN_FLIGHT_FLOOR + 15);
    // And no refusal comes in the first pause: nothing is sent until it ends.
    const first = refusedAt[0]!;
    const later = refusedAt.filter((at) => at > first + 100);
    expect(later.every((at) => at >= first + 1000)).toBe(true);
  });
});

describe('bulk engine: smart links', () => {
  const SMART = 6;
  const SMART_FORM = { ...FORM, linkType: 'smart' as const };
  const smartRows = (...affiliates: number[]) => affiliates.map((affiliateId) => ({ targetId: SMART, affiliateId }));

  it('one smart link for many affiliates: every row is asked for once as a smart link, and the affiliates some offers are closed to are flagged', async () => {
    // Affiliate 8 is not approved for every offer behind the smart link: Everflow still makes the link.
    everflow.reply = (call) =>
      call.path === SMART_LINK_PATH && affiliateOf(call) === 8
        ? { json: { url: smartLinkFor(SMART, 8), can_affiliate_run_all_offers: false } }
        : usualReply(call);
    const { startBulk } = await import('./bulk-engine');
    expect(
      await startBulk({ accountId: FIRST_ACCOUNT_ID, mode: 'affiliates', form: SMART_FORM, rows: smartRows(7, 8, 9, 10) }),
    ).toStrictEqual({ ok: true });
    await advanceUntil(() => stateOf() === 'done', 'the job finishing');

    expect(
      everflow
        .linkCalls()
        .every((call) => call.path === SMART_LINK_PATH && smartLinkOf(call) === SMART && !('network_offer_id' in call.body!)),
    ).toBe(true);
    // The first row, tried before the job started, is not asked for again.
    expect(sentAffiliates().toSorted(byNumber)).toStrictEqual([7, 8, 9, 10]);
    expect(everflow.linkCalls().every((call) => call.body?.sub1 === `bulk-${affiliateOf(call)}`)).toBe(true);
    expect(results().map((result) => result?.ok && result.url)).toStrictEqual([7, 8, 9, 10].map((id) => smartLinkFor(SMART, id)));
    expect(results().map((result) => result?.ok && result.someOffersClosed === true)).toStrictEqual([false, true, false, false]);
    expect(fake.notifications.map((n) => n.options.message)).toStrictEqual([`4 links made in ${took()}. Open Bulk links to copy them.`]);
  });

  it('a smart link Everflow refuses for the first row (paused): no job starts, Everflow’s words say why, and no other row is sent', async () => {
    everflow.reply = (call) =>
      call.path === SMART_LINK_PATH ? { status: 400, json: { error: 'Smart link 8 is paused.' } } : usualReply(call);
    const { startBulk } = await import('./bulk-engine');
    const started = await startBulk({
      accountId: FIRST_ACCOUNT_ID,
      mode: 'affiliates',
      form: SMART_FORM,
      rows: smartRows(101, 102, 103).map((row) => ({ ...row, targetId: 8 })),
    });

    expect(started).toMatchObject({ ok: false, kind: 'rejected' });
    expect(started.ok === false && started.message).toBe(
      'No job was started: the first row (affiliate 101) was refused. Everflow: “Smart link 8 is paused.”',
    );
    expect(job()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sentAffiliates()).toStrictEqual([101]);
  });

  it('passing trouble on the first row does not hold the job up: it starts, and that row is sent again until it is made', async () => {
    let failedOnce = false;
    everflow.reply = (call) => {
      if (call.path !== SMART_LINK_PATH || failedOnce) return usualReply(call);
      failedOnce = true;
      return { status: 503, json: { error: 'Service Unavailable' } };
    };
    const { startBulk } = await import('./bulk-engine');
    expect(await startBulk({ accountId: FIRST_ACCOUNT_ID, mode: 'affiliates', form: SMART_FORM, rows: smartRows(7, 8) })).toStrictEqual({
      ok: true,
    });
    await advanceUntil(() => stateOf() === 'done', 'the job finishing');
    expect(sentAffiliates().toSorted(byNumber)).toStrictEqual([7, 7, 8]);
    expect(results().map((result) => result?.ok && result.url)).toStrictEqual([smartLinkFor(SMART, 7), smartLinkFor(SMART, 8)]);
  });

  it('one affiliate for many smart links: a paused one fails alone in Everflow’s words; Retry failed sends only it once it is active again', async () => {
    let paused = true;
    everflow.reply = (call) =>
      call.path === SMART_LINK_PATH && smartLinkOf(call) === 8 && paused
        ? { status: 400, json: { error: 'Smart link 8 is paused.' } }
        : usualReply(call);
    const { startBulk, controlBulk } = await import('./bulk-engine');
    await startBulk({
      accountId: FIRST_ACCOUNT_ID,
      mode: 'targets',
      form: SMART_FORM,
      rows: [5, 8, 9].map((targetId) => ({ targetId, affiliateId: 7 })),
    });
    await advanceUntil(() => stateOf() === 'done', 'the job finishing');
    expect(results().map((result) => (result?.ok ? result.url : result?.message))).toStrictEqual([
      smartLinkFor(5, 7),
      expect.stringContaining('“Smart link 8 is paused.”'),
      smartLinkFor(9, 7),
    ]);

    paused = false;
    expect(await controlBulk('retryFailed')).toStrictEqual({ ok: true });
    await advanceUntil(() => stateOf() === 'done' && results().every((result) => result?.ok), 'the retry finishing');
    expect(everflow.linkCalls().map(smartLinkOf).toSorted(byNumber)).toStrictEqual([5, 8, 8, 9]);
    expect(results().map((result) => result?.ok && result.url)).toStrictEqual([smartLinkFor(5, 7), smartLinkFor(8, 7), smartLinkFor(9, 7)]);
  });

  it('a smart-link job cut off by a stopped worker goes on in the new worker, never asking again for a row it has the answer of', async () => {
    await import('./worker');
    const { startBulk } = await import('./bulk-engine');
    const affiliates = range(100, 20);
    // The first row is answered at once (it is tried before the job starts); then Everflow holds the rest.
    everflow.reply = (call) => (everflow.linkCalls().length === 1 ? usualReply(call) : 'hold');
    await startBulk({ accountId: FIRST_ACCOUNT_ID, mode: 'affiliates', form: SMART_FORM, rows: smartRows(...affiliates) });
    await advanceUntil(() => everflow.waiting().length === BULK_IN_FLIGHT_FLOOR, 'the bulk lane filling');
    for (const call of everflow.waiting().slice(0, 3)) call.answer();
    await advanceUntil(() => results().filter(Boolean).length === 4, 'four stored');
    const answered = everflow
      .linkCalls()
      .filter((call) => call.state === 'answered')
      .map(affiliateOf);

    const resent = await restartWorkerUntilDone();
    expect(resent.filter((id) => answered.includes(id))).toStrictEqual([]);
    expect(resent.toSorted(byNumber)).toStrictEqual(affiliates.filter((id) => !answered.includes(id)));
    expect(results().map((result) => result?.ok && result.url)).toStrictEqual(affiliates.map((id) => smartLinkFor(SMART, id)));
  });
});

describe('bulk engine: rows Everflow answers with a direct link', () => {
  it('a redirect link asked for, and a row answered off the network’s tracking domains: that row alone is flagged', async () => {
    everflow.reply = (call) => {
      if (call.path.startsWith('/v1/networks/domains/tracking')) return { json: { domains: [{ url: 'trk.example.com' }] } };
      if (call.path === LINK_PATH && affiliateOf(call) === 8) return { json: { url: 'https://shop.example/?oid=42&affid=8' } };
      return usualReply(call);
    };
    const { startBulk } = await import('./bulk-engine');
    await startBulk({ accountId: FIRST_ACCOUNT_ID, mode: 'affiliates', form: { ...FORM, redirectLink: true }, rows: rows(7, 8, 9) });
    await advanceUntil(() => stateOf() === 'done', 'the job finishing');
    expect(everflow.linkCalls().every((call) => call.body?.is_redirect_link === true)).toBe(true);
    expect(results().map((result) => result?.ok && result.directLink === true)).toStrictEqual([false, true, false]);
  });
});

describe('bulk engine: the browser restarted', () => {
  it('a job that was running goes on when the browser starts again, though its alarm is gone', async () => {
    const affiliates = range(100, 6);
    fake.local.put(bulkJobItem.key, 2, {
      id: 'running-job',
      createdAt: Date.now() - 60_000,
      mode: 'affiliates',
      form: FORM,
      rows: rows(...affiliates),
      state: 'running',
      runningSince: Date.now() - 60_000,
    });
    fake.local.data.set(rowKey(0), { ok: true, job: 'running-job', url: linkFor(OFFER, 100), at: Date.now() - 30_000 });
    await import('./worker');
    (chrome.runtime.onStartup as unknown as { dispatch(): void }).dispatch();
    await advanceUntil(() => stateOf() === 'done', 'the job finishing');
    expect(sentAffiliates().toSorted(byNumber)).toStrictEqual(affiliates.slice(1));
    expect(results().every((result) => result?.ok)).toBe(true);
  });
});

describe('bulk engine: a job stored by the previous version', () => {
  it('an offers-only job from before smart links goes on after the update: only its rows without a result are sent, as offer links', async () => {
    const { linkType: _type, campaignId: _campaign, ...oldForm } = { ...EMPTY_FORM, affiliateId: '7', sub1: 'old-{offer_id}' };
    fake.local.put(bulkJobItem.key, 1, {
      id: 'old-job',
      createdAt: Date.now(),
      mode: 'offers',
      form: oldForm,
      rows: [
        { offerId: 42, affiliateId: 7, offerName: 'Spring Sale' },
        { offerId: 43, affiliateId: 7 },
      ],
      state: 'running',
    });
    fake.local.data.set(rowKey(0), { ok: true, job: 'old-job', url: linkFor(42, 7), at: Date.now() });
    await import('./worker');
    // The update itself: Chrome tells the new version's worker it was installed.
    (fake.chrome.runtime.onInstalled as unknown as FakeEvent).dispatch({ reason: 'update', previousVersion: '0.1.0' } as never);
    await advanceUntil(() => stateOf() === 'done', 'the old job finishing');

    expect(everflow.linkCalls().map((call) => [call.path, call.body?.network_offer_id, affiliateOf(call), call.body?.sub1])).toStrictEqual([
      [LINK_PATH, 43, 7, 'old-43'],
    ]);
    // It was the one key's: the first account's now, and its rows go with that key.
    expect(everflow.linkCalls().map((call) => call.headers['X-Eflow-Api-Key'])).toStrictEqual([API_KEY]);
    expect(job()).toMatchObject({
      accountId: FIRST_ACCOUNT_ID,
      mode: 'targets',
      rows: [
        { targetId: 42, affiliateId: 7, targetName: 'Spring Sale' },
        { targetId: 43, affiliateId: 7 },
      ],
    });
    expect(results().map((result) => result?.ok && result.url)).toStrictEqual([linkFor(42, 7), linkFor(43, 7)]);
  });
});

describe('bulk engine: accounts', () => {
  it('a job of the second account sends every row with its key to its region, and goes on with it in a new worker', async () => {
    saveTwoAccounts(fake);
    everflow.reply = () => 'hold';
    const { startBulk } = await import('./bulk-engine');
    expect(await startBulk({ accountId: SECOND_ACCOUNT.id, mode: 'affiliates', form: FORM, rows: rows(7, 8, 9) })).toStrictEqual({
      ok: true,
    });
    await advanceUntil(() => everflow.waiting().length > 0, 'a row in flight');
    expect(job()).toMatchObject({ accountId: SECOND_ACCOUNT.id, state: 'running' });

    // The worker stops mid-job: the new one resumes with the job's account, not the last used.
    const resent = await restartWorkerUntilDone();
    expect(resent.length).toBeGreaterThan(0);
    expect(new Set(everflow.linkCalls().map((call) => `${new URL(call.url).host} ${call.headers['X-Eflow-Api-Key']}`))).toStrictEqual(
      new Set([`api-eu.eflow.team ${SECOND_KEY}`]),
    );
    expect(results().map((result) => result?.ok && result.url)).toStrictEqual([linkFor(OFFER, 7), linkFor(OFFER, 8), linkFor(OFFER, 9)]);
  });

  it('a job for an account no longer saved is not started, and nothing is sent', async () => {
    const { startBulk } = await import('./bulk-engine');
    expect(await startBulk({ accountId: 'forgotten', mode: 'affiliates', form: FORM, rows: rows(7, 8) })).toStrictEqual({
      ok: false,
      kind: 'invalid-input',
      message: 'That Everflow account is no longer saved; choose another one, or add it again on the options page.',
    });
    expect([job(), everflow.calls]).toStrictEqual([undefined, []]);
  });
});
