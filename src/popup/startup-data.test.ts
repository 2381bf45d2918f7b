import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, FLAG_FIELDS, ID_FIELDS, TEXT_FIELDS, type LinkForm } from '../shared/link-form';
import { decodeStored, encodeStored } from '../shared/storage-item';
import { draftItem, pendingPrefillItem, recentAffiliatesItem, settingsItem } from '../shared/stored-items';
import {
  LOCAL_KEYS,
  PENDING_KEY,
  decodeDashboardDomains,
  decodeDraft,
  decodePending,
  decodeRecentAffiliates,
  startupState,
  storedDraft,
  type RawStartup,
} from './startup-data';

const NOW = 1_800_000_000_000;

/** Mostly `data` stored at `version`; else other versions, other shapes, or nothing at all. */
const stored = (version: number, data: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { arbitrary: fc.record({ v: fc.constant(version), data: fc.oneof(data, fc.jsonValue()) }), weight: 6 },
    { arbitrary: fc.record({ v: fc.oneof(fc.constantFrom(0, 1, 2, 3, 1.5, '1'), fc.jsonValue()), data }, { requiredKeys: [] }), weight: 2 },
    { arbitrary: fc.jsonValue(), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );

/** Records of these fields, mostly complete. */
const fields = (model: Record<string, fc.Arbitrary<unknown>>) => fc.oneof({ arbitrary: fc.record(model), weight: 3 }, fc.record(model, { requiredKeys: [] }));

const text = fc.oneof(fc.string(), fc.string({ minLength: 795, maxLength: 805 }));
const draftData = fields(Object.fromEntries([...ID_FIELDS, ...TEXT_FIELDS, ...FLAG_FIELDS].map((field) => [field, fc.oneof(text, fc.boolean(), fc.jsonValue())])));
const recentData = fc.oneof(fc.array(fc.integer({ min: 0, max: 3 })), fc.array(fc.oneof(fc.integer({ min: 1, max: 2 ** 31 }), fc.constantFrom(-1, 1.5), fc.jsonValue())));
const domain = fc.oneof(fc.domain(), fc.constantFrom('a'.repeat(253), 'a'.repeat(254)));
const settingsData = fields({
  region: fc.oneof(fc.constantFrom('us', 'eu'), fc.constantFrom('xx', 42)),
  dashboardDomains: fc.oneof(fc.array(domain, { maxLength: 3 }), fc.array(fc.domain(), { minLength: 19, maxLength: 21 }), fc.array(fc.jsonValue())),
});
const pendingData = fc.oneof(
  fc.constant(null),
  fields({
    offerId: fc.oneof(fc.integer(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 1.5, '42')),
    at: fc.oneof(fc.integer({ min: NOW - 70_000, max: NOW + 1_000 }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, '1')),
  }),
);

describe('startup-data reads stored items as their zod schemas do', () => {
  it('uses the same keys, areas and stored shape', () => {
    expect([LOCAL_KEYS.draft, LOCAL_KEYS.recentAffiliates, LOCAL_KEYS.settings]).toStrictEqual([draftItem.key, recentAffiliatesItem.key, settingsItem.key]);
    expect([draftItem.area, recentAffiliatesItem.area, settingsItem.area]).toStrictEqual(['local', 'local', 'local']);
    expect([PENDING_KEY, pendingPrefillItem.area]).toStrictEqual([pendingPrefillItem.key, 'session']);
    fc.assert(
      fc.property(draftData, (data) => {
        const form = decodeStored(draftItem, { v: 1, data }).value;
        expect(storedDraft(form)).toStrictEqual({ [draftItem.key]: encodeStored(draftItem, form) });
      }),
    );
  });

  it('the draft', () => {
    fc.assert(
      fc.property(stored(1, draftData), (raw) => {
        const expected = decodeStored(draftItem, raw);
        expect(decodeDraft(raw)).toStrictEqual({ form: expected.value, draft: expected.status });
      }),
      { numRuns: 2000 },
    );
  });

  it('the recent affiliates', () => {
    fc.assert(
      fc.property(stored(1, recentData), (raw) => {
        expect(decodeRecentAffiliates(raw)).toStrictEqual(decodeStored(recentAffiliatesItem, raw).value);
      }),
      { numRuns: 2000 },
    );
  });

  it('the dashboard domains of the settings', () => {
    fc.assert(
      fc.property(stored(2, settingsData), (raw) => {
        expect(decodeDashboardDomains(raw)).toStrictEqual(decodeStored(settingsItem, raw).value.dashboardDomains);
      }),
      { numRuns: 2000 },
    );
  });

  it('the right-click request, fresh for a minute', () => {
    fc.assert(
      fc.property(stored(1, pendingData), (raw) => {
        const pending = decodeStored(pendingPrefillItem, raw).value;
        expect(decodePending(raw, NOW)).toBe(pending && NOW - pending.at < 60_000 ? pending.offerId : undefined);
      }),
      { numRuns: 2000 },
    );
  });
});

const draft = (form: Partial<LinkForm>) => ({ v: 1, data: { ...EMPTY_FORM, ...form } });
const raw = (changes: Partial<RawStartup> = {}, local: Record<string, unknown> = {}): RawStartup => ({
  local,
  pending: undefined,
  url: undefined,
  now: NOW,
  ...changes,
});

describe('startupState', () => {

  it('a first opening starts empty, with the cursor in Offer ID, and takes the default preset', () => {
    expect(startupState(raw(), new Set())).toStrictEqual({
      form: EMPTY_FORM,
      draft: 'missing',
      sources: {},
      recentAffiliate: undefined,
      save: false,
      moreOpen: false,
      focus: 'offerId',
    });
  });

  it('restores the draft, opening "More options" when it holds a value there', () => {
    const state = startupState(raw({}, { draft: draft({ offerId: '5', sub1: 'x', encryptParameters: true }) }), new Set());
    expect(state.form).toStrictEqual({ ...EMPTY_FORM, offerId: '5', sub1: 'x', encryptParameters: true });
    expect(state).toMatchObject({ draft: 'ok', save: false, moreOpen: true, focus: 'affiliateId' });
  });

  it('fills a blank Affiliate ID with the last affiliate used', () => {
    const local = { draft: draft({ offerId: '5' }), recentAffiliates: { v: 1, data: [7, 3] } };
    expect(startupState(raw({}, local), new Set())).toMatchObject({ form: { offerId: '5', affiliateId: '7' }, recentAffiliate: 7, focus: 'offerId' });
    const kept = { ...local, draft: draft({ affiliateId: '9' }) };
    expect(startupState(raw({}, kept), new Set()).form.affiliateId).toBe('9');
  });

  it('an unreadable draft starts empty and is saved over', () => {
    expect(startupState(raw({}, { draft: 'not a draft' }), new Set())).toMatchObject({ form: EMPTY_FORM, draft: 'reset', save: true });
  });

  it('a fresh right-click request names the offer, over the draft and the page', () => {
    const pending = { v: 1, data: { offerId: 42, at: NOW - 1_000 } };
    const state = startupState(raw({ pending, url: 'https://acme.everflowclient.io/offers/9' }, { draft: draft({ offerId: '5', sub1: 'x' }) }), new Set());
    expect(state).toMatchObject({ form: { offerId: '42', sub1: 'x' }, sources: { offerId: 'from the right-click menu' }, save: true });
    const stale = { v: 1, data: { offerId: 42, at: NOW - 60_000 } };
    expect(startupState(raw({ pending: stale }), new Set())).toMatchObject({ form: { offerId: '' }, sources: {}, save: false });
  });

  it('a dashboard tab names the offer or affiliate, on the user’s own dashboard domains too', () => {
    const page = startupState(raw({ url: 'https://acme.everflowclient.io/partners/913/overview' }), new Set());
    expect(page).toMatchObject({ form: { affiliateId: '913', offerId: '' }, sources: { affiliateId: 'from this page' }, save: true });
    const settings = { v: 2, data: { region: 'us', dashboardDomains: ['links.acme.com'] } };
    const own = startupState(raw({ url: 'https://links.acme.com/offers/42' }, { settings }), new Set());
    expect(own).toMatchObject({ form: { offerId: '42' }, sources: { offerId: 'from this page' } });
    expect(startupState(raw({ url: 'https://links.acme.com/offers/42' }), new Set()).form.offerId).toBe('');
  });

  it('a field typed into before startup keeps what was typed', () => {
    const state = startupState(raw({ url: 'https://acme.everflowclient.io/offers/42/affiliates/7' }), new Set(['offerId']));
    expect(state.sources).toStrictEqual({ affiliateId: 'from this page' });
    expect(state.form.affiliateId).toBe('7');
  });
});
