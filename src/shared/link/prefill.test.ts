import { describe, expect, it } from 'vitest';
import { pendingPrefillItem } from './prefill';

describe('pendingPrefillItem', () => {
  it('a request from before accounts names no account (the popup takes the tab’s or the last used); today’s names its page’s', () => {
    expect(pendingPrefillItem.decode({ v: 1, data: { offerId: 42, at: 5 } })).toStrictEqual({
      value: { offerId: 42, at: 5 },
      status: 'ok',
    });
    const today = { campaignId: 5, accountId: 'second', at: 5 };
    expect(pendingPrefillItem.decode(pendingPrefillItem.encode(today))).toStrictEqual({ value: today, status: 'ok' });
    expect(pendingPrefillItem.decode({ v: 1, data: { offerId: 42, accountId: 7, at: 5 } }).status).toBe('reset');
  });
});
