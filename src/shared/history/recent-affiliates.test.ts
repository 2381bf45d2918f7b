import { describe, expect, it } from 'vitest';
import { FIRST_ACCOUNT_ID } from '../accounts/accounts';
import { recentAffiliatesItem, recentOf } from './recent-affiliates';

describe('recentAffiliatesItem', () => {
  it('the one list from before accounts is the first account’s', () => {
    expect(recentAffiliatesItem.decode({ v: 1, data: [7, 3, 5] })).toStrictEqual({
      value: { [FIRST_ACCOUNT_ID]: [7, 3, 5] },
      status: 'migrated',
    });
    expect(recentAffiliatesItem.decode({ v: 1, data: [] })).toStrictEqual({ value: { [FIRST_ACCOUNT_ID]: [] }, status: 'migrated' });
    expect(recentAffiliatesItem.decode({ v: 1, data: [7, 'x'] })).toStrictEqual({ value: {}, status: 'reset' });
  });

  it('keeps each account’s list apart: affiliate 7 of one network is not another’s', () => {
    const recent = { [FIRST_ACCOUNT_ID]: [7, 3], second: [12] };
    expect(recentAffiliatesItem.decode(recentAffiliatesItem.encode(recent))).toStrictEqual({ value: recent, status: 'ok' });
    expect(recentOf(recent, 'second')).toStrictEqual([12]);
    expect(recentOf(recent, 'forgotten')).toStrictEqual([]);
    expect(recentOf(recent, undefined)).toStrictEqual([]);
    // Today's item is by account: a bare list is damaged.
    expect(recentAffiliatesItem.decode({ v: recentAffiliatesItem.version, data: [7] }).status).toBe('reset');
  });
});
