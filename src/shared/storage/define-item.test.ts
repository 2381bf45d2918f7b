import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { EMPTY_FORM, type LinkForm } from '../link/link-form';
import { MAX_TEXT } from '../../everflow/link-fields';
import { decodeStored, defineItem, type ItemDefinition } from './define-item';
import { NO_DRAFTS, draftItem } from '../link/draft';
import { settingsBeforeAccounts, settingsItem } from '../settings/settings';
import { FIRST_ACCOUNT_ID } from '../accounts/accounts';

/** A test item at version 3: v1 had only a name, v2 added a count, v3 added tags. */
const Thing = z.object({ name: z.string(), count: z.number(), tags: z.array(z.string()) });
type Thing = z.infer<typeof Thing>;
const FALLBACK: Thing = { name: 'default', count: 0, tags: [] };

function thingItem(migrations: ItemDefinition<Thing>['migrations']) {
  return defineItem<Thing>({
    writer: 'background',
    area: 'local',
    key: 'thing',
    version: 3,
    schema: Thing,
    fallback: () => ({ ...FALLBACK, tags: [] }),
    migrations,
  });
}

const migrations = {
  1: (data: unknown) => ({ ...(data as object), count: 1 }),
  2: (data: unknown) => ({ ...(data as object), tags: ['migrated'] }),
};
const item = thingItem(migrations);

describe('decodeStored', () => {
  it('a missing value is the fallback, marked missing', () => {
    expect(decodeStored(item, undefined)).toEqual({ value: FALLBACK, status: 'missing' });
  });

  it('a current value is read as is', () => {
    const stored = { v: 3, data: { name: 'x', count: 7, tags: ['a'] } };
    expect(decodeStored(item, stored)).toEqual({ value: { name: 'x', count: 7, tags: ['a'] }, status: 'ok' });
  });

  it('drops unknown fields of a current value', () => {
    const stored = { v: 3, data: { name: 'x', count: 7, tags: [], extra: true } };
    expect(decodeStored(item, stored)).toEqual({ value: { name: 'x', count: 7, tags: [] }, status: 'ok' });
  });

  it.each([
    ['null', null],
    ['a number', 3],
    ['a string', '{"v":3}'],
    ['an array', [3, {}]],
    ['an object without v', { data: { name: 'x', count: 7, tags: [] } }],
    ['v as a string', { v: '3', data: { name: 'x', count: 7, tags: [] } }],
    ['v not an integer', { v: 2.5, data: { name: 'x', count: 7, tags: [] } }],
    ['v NaN', { v: Number.NaN, data: { name: 'x', count: 7, tags: [] } }],
    ['v newer than this code', { v: 4, data: { name: 'x', count: 7, tags: [] } }],
    ['v zero', { v: 0, data: { name: 'x', count: 7, tags: [] } }],
    ['v negative', { v: -1, data: { name: 'x', count: 7, tags: [] } }],
    ['data missing', { v: 3 }],
    ['data of the wrong shape', { v: 3, data: { name: 42, count: 'seven', tags: [] } }],
    ['data missing a field', { v: 3, data: { name: 'x', count: 7 } }],
  ])('%s is reset to the fallback', (_name, raw) => {
    expect(decodeStored(item, raw)).toEqual({ value: FALLBACK, status: 'reset' });
  });

  it('runs every migration in order from v1', () => {
    const steps: number[] = [];
    const spied = thingItem({
      1: (data) => (steps.push(1), migrations[1](data)),
      2: (data) => (steps.push(2), migrations[2](data)),
    });
    expect(decodeStored(spied, { v: 1, data: { name: 'old' } })).toEqual({
      value: { name: 'old', count: 1, tags: ['migrated'] },
      status: 'migrated',
    });
    expect(steps).toEqual([1, 2]);
  });

  it('runs only the migrations still needed from v2', () => {
    expect(decodeStored(item, { v: 2, data: { name: 'mid', count: 5 } })).toEqual({
      value: { name: 'mid', count: 5, tags: ['migrated'] },
      status: 'migrated',
    });
  });

  it('a migration that throws resets', () => {
    const broken = thingItem({
      1: migrations[1],
      2: () => {
        throw new Error('boom');
      },
    });
    expect(decodeStored(broken, { v: 1, data: { name: 'old' } })).toEqual({ value: FALLBACK, status: 'reset' });
    // A current value does not need the broken step.
    expect(decodeStored(broken, { v: 3, data: { name: 'x', count: 1, tags: [] } }).status).toBe('ok');
  });

  it('a missing migration step resets', () => {
    const gap = thingItem({ 2: migrations[2] });
    expect(decodeStored(gap, { v: 1, data: { name: 'old' } })).toEqual({ value: FALLBACK, status: 'reset' });
    expect(decodeStored(gap, { v: 2, data: { name: 'mid', count: 5 } })).toEqual({
      value: { name: 'mid', count: 5, tags: ['migrated'] },
      status: 'migrated',
    });
    expect(decodeStored(thingItem(undefined), { v: 2, data: { name: 'mid', count: 5 } })).toEqual({
      value: FALLBACK,
      status: 'reset',
    });
  });

  it('a migration whose result fails the schema resets', () => {
    const wrong = thingItem({ 1: () => ({ name: 1 }), 2: (d) => d });
    expect(decodeStored(wrong, { v: 1, data: {} })).toEqual({ value: FALLBACK, status: 'reset' });
  });

  it('gives a fresh fallback each time, so changing one never changes the next', () => {
    const first = decodeStored(item, undefined).value;
    first.tags.push('changed');
    expect(decodeStored(item, undefined).value).toEqual(FALLBACK);
  });
});

describe('encode', () => {
  it('wraps the value with the current version', () => {
    const value = { name: 'x', count: 2, tags: ['t'] };
    expect(item.encode(value)).toEqual({ v: 3, data: value });
  });

  it('round-trips through decodeStored', () => {
    const value = { name: 'y', count: 9, tags: [] };
    expect(decodeStored(item, item.encode(value))).toEqual({ value, status: 'ok' });
  });
});

describe('settingsItem', () => {
  const DEFAULTS = { newOfferSubs: 'keep' };

  it('is missing → a new offer keeps the subs', () => {
    expect(decodeStored(settingsItem, undefined)).toEqual({ value: DEFAULTS, status: 'missing' });
  });

  it.each([
    ['v1 (region only)', 1, { region: 'eu' }, 'keep'],
    ['v2 (no rate limit)', 2, { region: 'eu', dashboardDomains: ['dash.example.com'] }, 'keep'],
    ['v3 (no rule for a new offer)', 3, { region: 'eu', dashboardDomains: [], requestsPerSecond: 12 }, 'keep'],
    [
      'v4 (the one key’s region, pace and domains)',
      4,
      { region: 'eu', dashboardDomains: ['d.example'], requestsPerSecond: 12, newOfferSubs: 'clear' },
      'clear',
    ],
  ])('migrates %s to the rule alone: the rest is the first account’s now', (_name, v, data, newOfferSubs) => {
    expect(decodeStored(settingsItem, { v, data })).toStrictEqual({ value: { newOfferSubs }, status: 'migrated' });
  });

  it('a v1 value that is not an object says nothing of the rule: the default (v1 had none)', () => {
    expect(decodeStored(settingsItem, { v: 1, data: null }).value).toStrictEqual(DEFAULTS);
  });

  it('reads its own encoding back', () => {
    const value = { newOfferSubs: 'clear' as const };
    expect(decodeStored(settingsItem, settingsItem.encode(value))).toEqual({ value, status: 'ok' });
  });

  it.each([
    ['an unknown rule', { v: settingsItem.version, data: { newOfferSubs: 'shuffle' } }],
    ['a v4 value with an unknown rule', { v: 4, data: { region: 'eu', dashboardDomains: [], requestsPerSecond: 20, newOfferSubs: 'x' } }],
    ['a version from the future', { v: settingsItem.version + 1, data: { newOfferSubs: 'keep' } }],
  ])('%s resets to the default', (_name, raw) => {
    expect(decodeStored(settingsItem, raw)).toEqual({ value: DEFAULTS, status: 'reset' });
  });
});

describe('settingsBeforeAccounts: what the one key’s settings said, for the first account', () => {
  it.each([
    ['v1 (region only)', 1, { region: 'eu' }, { region: 'eu', requestsPerSecond: 20, dashboardDomains: [], newOfferSubs: 'keep' }],
    [
      'v2 (no rate limit)',
      2,
      { region: 'eu', dashboardDomains: ['dash.example.com'] },
      { region: 'eu', requestsPerSecond: 20, dashboardDomains: ['dash.example.com'], newOfferSubs: 'keep' },
    ],
    [
      'v3 (no rule for a new offer)',
      3,
      { region: 'us', dashboardDomains: [], requestsPerSecond: 12 },
      { region: 'us', requestsPerSecond: 12, dashboardDomains: [], newOfferSubs: 'keep' },
    ],
    [
      'v4',
      4,
      { region: 'eu', dashboardDomains: ['d.example'], requestsPerSecond: 30, newOfferSubs: 'clear' },
      { region: 'eu', requestsPerSecond: 30, dashboardDomains: ['d.example'], newOfferSubs: 'clear' },
    ],
  ])('%s', (_name, v, data, expected) => {
    expect(settingsBeforeAccounts({ v, data })).toStrictEqual(expected);
  });

  it.each([
    ['none stored', undefined],
    ['settings of today’s version (they hold no region)', { v: 5, data: { newOfferSubs: 'keep' } }],
    ['an unknown region', { v: 4, data: { region: 'mars', dashboardDomains: [], requestsPerSecond: 20, newOfferSubs: 'keep' } }],
    ['too many dashboard domains', { v: 3, data: { region: 'eu', dashboardDomains: Array(21).fill('a.b'), requestsPerSecond: 20 } }],
    ['a pace above Everflow’s limit', { v: 3, data: { region: 'eu', dashboardDomains: [], requestsPerSecond: 31 } }],
    ['a pace of zero', { v: 3, data: { region: 'eu', dashboardDomains: [], requestsPerSecond: 0 } }],
    ['a value that is not an object', { v: 1, data: null }],
  ])('%s: nothing to take (the first account gets the defaults)', (_name, raw) => {
    expect(settingsBeforeAccounts(raw)).toBeUndefined();
  });
});

/** The drafts as a draft from before accounts reads: the first account's, shown first. */
const drafts = (form: unknown) => ({ accountId: FIRST_ACCOUNT_ID, forms: { [FIRST_ACCOUNT_ID]: form } });

describe('draftItem', () => {
  it('the one draft from before accounts is the first account’s, shown first', () => {
    const form: LinkForm = { ...EMPTY_FORM, offerId: '12', affiliateId: '34', sub2: 'hi' };
    expect(decodeStored(draftItem, { v: 1, data: form })).toStrictEqual({ value: drafts(form), status: 'migrated' });
  });

  it('loads a damaged draft leniently: bad fields become empty, good ones stay', () => {
    const raw = { v: 1, data: { offerId: 5, sub1: null, affiliateId: '77', encryptParameters: 'yes', redirectLink: true } };
    expect(decodeStored(draftItem, raw)).toEqual({
      value: drafts({ ...EMPTY_FORM, affiliateId: '77', redirectLink: true }),
      status: 'migrated',
    });
    const today = { v: draftItem.version, data: { accountId: 'second', forms: { second: { offerId: 5, affiliateId: '77' } } } };
    expect(decodeStored(draftItem, today)).toEqual({
      value: { accountId: 'second', forms: { second: { ...EMPTY_FORM, affiliateId: '77' } } },
      status: 'ok',
    });
  });

  it('an all-wrong draft object is an empty form, not a reset', () => {
    expect(decodeStored(draftItem, { v: 1, data: { offerId: 5, sub1: null } })).toEqual({
      value: drafts(EMPTY_FORM),
      status: 'migrated',
    });
  });

  it('clips a huge stored field instead of keeping it', () => {
    const result = decodeStored(draftItem, { v: 1, data: { sub1: 'x'.repeat(100_000) } });
    expect(result.status).toBe('migrated');
    expect(result.value.forms[FIRST_ACCOUNT_ID]?.sub1).toBe('x'.repeat(4 * MAX_TEXT));
  });

  it('a draft that is not an object resets to no drafts (a fresh value)', () => {
    const result = decodeStored(draftItem, { v: 1, data: 'offer 12' });
    expect(result).toEqual({ value: NO_DRAFTS, status: 'reset' });
    expect(result.value).not.toBe(NO_DRAFTS);
    expect(decodeStored(draftItem, { v: draftItem.version, data: { accountId: 7, forms: [] } }).status).toBe('reset');
  });

  it('reads its own encoding back, each account’s form its own', () => {
    const value = {
      accountId: 'second',
      forms: {
        [FIRST_ACCOUNT_ID]: { ...EMPTY_FORM, offerId: '12', affiliateId: '34', sub2: 'hi', encryptParameters: true },
        second: { ...EMPTY_FORM, offerId: '42' },
      },
    };
    expect(decodeStored(draftItem, draftItem.encode(value))).toEqual({ value, status: 'ok' });
  });
});
