import { describe, expect, it } from 'vitest';
import { FIRST_ACCOUNT_ID } from '../accounts/accounts';
import { lookupCacheItem } from './lookup-cache';

describe('lookupCacheItem', () => {
  it('entries cached before accounts (keyed by region and the key’s tag) are the first account’s, holding the same answers', () => {
    const options = [{ id: 42, name: 'Spring Sale', status: 'active' }];
    const old = [
      { key: 'us|Zm9vYmFyYmF6cXV4|offers|||spring', at: 5, options },
      { key: 'eu|cXV4YmF6YmFyZm9v|offer|42', at: 6, options },
    ];
    expect(lookupCacheItem.decode({ v: 1, data: old })).toStrictEqual({
      value: [
        { key: `${FIRST_ACCOUNT_ID}|offers|||spring`, at: 5, options },
        { key: `${FIRST_ACCOUNT_ID}|offer|42`, at: 6, options },
      ],
      status: 'migrated',
    });
    // Nothing of the key's tag is kept.
    expect(JSON.stringify(lookupCacheItem.decode({ v: 1, data: old }).value)).not.toMatch(/Zm9v|cXV4/);
  });

  it('a damaged old cache is none', () => {
    expect(lookupCacheItem.decode({ v: 1, data: [{ key: 7 }] })).toStrictEqual({ value: [], status: 'reset' });
    expect(lookupCacheItem.decode({ v: 1, data: 'junk' })).toStrictEqual({ value: [], status: 'reset' });
  });
});
