import { describe, expect, it } from 'vitest';
import { EMPTY_FORM } from '../link/link-form';
import { decodeStored } from '../storage/define-item';
import { EMPTY_DRAFT, MAX_LIST_TEXT, MAX_NAMES, bulkDraftItem, nameMap, withName, type BulkDraft } from './bulk-draft';
import { FIRST_ACCOUNT_ID } from '../accounts/accounts';

const DRAFT: BulkDraft = {
  accountId: 'second',
  mode: 'targets',
  form: { ...EMPTY_FORM, linkType: 'smart', offerId: '42', campaignId: '6', affiliateId: '7', sub1: '{date}', encryptParameters: true },
  lists: { affiliates: '1, 2', offers: '10\n11\n12', campaigns: '5 6' },
  names: {
    offers: [{ id: 10, name: 'Spring Sale' }],
    campaigns: [{ id: 6, name: 'Members smart link' }],
    affiliates: [{ id: 7, name: 'Acme' }],
  },
};

/** A draft as version 1 stored it: no smart links anywhere, the mode listing offers called "offers". */
const { linkType: _type, campaignId: _campaign, ...V1_FORM } = { ...EMPTY_FORM, affiliateId: '7', sub1: '{date}' };
const V1_DRAFT = {
  mode: 'offers',
  form: V1_FORM,
  lists: { affiliates: '1, 2', offers: '10\n11' },
  names: { offers: [{ id: 10, name: 'Spring Sale' }], affiliates: [{ id: 7, name: 'Acme' }] },
};

describe('bulkDraftItem', () => {
  it('starts empty, in the "one offer, many affiliates" mode, when nothing is stored', () => {
    expect(decodeStored(bulkDraftItem, undefined)).toEqual({ value: EMPTY_DRAFT, status: 'missing' });
  });

  it('gives each read a fresh empty draft, so editing one never changes the default', () => {
    const first = bulkDraftItem.fallback();
    first.names.offers.push({ id: 1, name: 'x' });
    expect(bulkDraftItem.fallback().names.offers).toEqual([]);
  });

  it('reads back what it stored: the link type, the offer and the smart link typed, and a list per kind', () => {
    expect(decodeStored(bulkDraftItem, bulkDraftItem.encode(DRAFT))).toEqual({ value: DRAFT, status: 'ok' });
  });

  it('reads a draft from before smart links as it was: an offer form, the same mode, lists and names', () => {
    expect(decodeStored(bulkDraftItem, { v: 1, data: V1_DRAFT })).toEqual({
      value: {
        accountId: FIRST_ACCOUNT_ID,
        mode: 'targets',
        form: { ...EMPTY_FORM, linkType: 'offer', affiliateId: '7', sub1: '{date}' },
        lists: { affiliates: '1, 2', offers: '10\n11', campaigns: '' },
        names: { offers: [{ id: 10, name: 'Spring Sale' }], campaigns: [], affiliates: [{ id: 7, name: 'Acme' }] },
      },
      status: 'migrated',
    });
    expect(decodeStored(bulkDraftItem, { v: 1, data: { ...V1_DRAFT, mode: 'affiliates' } }).value.mode).toBe('affiliates');
  });

  it('a draft from before accounts (v2) is the first account’s', () => {
    const { accountId: _second, ...v2 } = DRAFT;
    expect(decodeStored(bulkDraftItem, { v: 2, data: v2 })).toStrictEqual({
      value: { ...DRAFT, accountId: FIRST_ACCOUNT_ID },
      status: 'migrated',
    });
  });

  it('keeps every readable part when another part is damaged', () => {
    const raw = {
      v: bulkDraftItem.version,
      data: { ...DRAFT, accountId: 42, mode: 'everyone', names: { offers: 'nope', campaigns: [], affiliates: [{ id: 7, name: 'Acme' }] } },
    };
    const { value, status } = decodeStored(bulkDraftItem, raw);
    expect(status).toBe('ok');
    // An account that cannot be read: the default account.
    expect(value.accountId).toBeUndefined();
    expect(value.mode).toBe('affiliates');
    expect(value.lists).toEqual(DRAFT.lists);
    expect(value.form).toEqual(DRAFT.form);
    expect(value.names).toEqual({ offers: [], campaigns: [], affiliates: [{ id: 7, name: 'Acme' }] });
  });

  it('keeps a list that is not text as an empty one, and the other list as typed', () => {
    const { value } = decodeStored(bulkDraftItem, {
      v: bulkDraftItem.version,
      data: { ...DRAFT, lists: { affiliates: 42, offers: '10', campaigns: '5' } },
    });
    expect(value.lists).toEqual({ affiliates: '', offers: '10', campaigns: '5' });
  });

  it('clips a pasted list longer than it keeps', () => {
    const long = '1 '.repeat(MAX_LIST_TEXT);
    const { value } = decodeStored(bulkDraftItem, {
      v: bulkDraftItem.version,
      data: { ...DRAFT, lists: { affiliates: long, offers: '', campaigns: '' } },
    });
    expect(value.lists.affiliates).toHaveLength(MAX_LIST_TEXT);
  });

  it('resets a draft from a newer version, or one that is not a stored item at all', () => {
    expect(decodeStored(bulkDraftItem, { v: bulkDraftItem.version + 1, data: DRAFT }).status).toBe('reset');
    expect(decodeStored(bulkDraftItem, 'text').status).toBe('reset');
    expect(decodeStored(bulkDraftItem, { v: 1, data: null })).toEqual({ value: EMPTY_DRAFT, status: 'reset' });
    expect(decodeStored(bulkDraftItem, { v: 2, data: null })).toEqual({ value: EMPTY_DRAFT, status: 'reset' });
  });
});

describe('withName', () => {
  it('adds a name, and a new name for the same ID replaces the old one', () => {
    const once = withName([], 5, 'Five', new Set());
    expect(withName(once, 5, 'Five again', new Set())).toEqual([{ id: 5, name: 'Five again' }]);
    expect(nameMap(withName(once, 6, 'Six', new Set())).get(6)).toBe('Six');
  });

  it('clips a long name to what a row may hold', () => {
    expect(withName([], 5, 'x'.repeat(500), new Set())[0]!.name).toHaveLength(120);
  });

  it('past the limit, keeps only the names of IDs still in use', () => {
    const many = Array.from({ length: MAX_NAMES }, (_, i) => ({ id: i + 1, name: `n${i + 1}` }));
    const next = withName(many, 999_999, 'New', new Set([3, 4]));
    expect(next).toEqual([
      { id: 3, name: 'n3' },
      { id: 4, name: 'n4' },
      { id: 999_999, name: 'New' },
    ]);
  });
});
