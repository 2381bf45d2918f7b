import { describe, expect, it } from 'vitest';
import { EMPTY_FORM } from './link-form';
import { lastLinkItem } from './outcome';
import { FIRST_ACCOUNT_ID } from '../accounts/accounts';

describe('the last link, stored by an earlier version', () => {
  it('keeps the request of the form it was made from', () => {
    const form = { ...EMPTY_FORM, offerId: '42', affiliateId: '7', sub1: 'spring-{date}', offerUrlId: ' 3 ' };
    const stored = {
      v: 1,
      data: { ok: true, url: 'https://t.example/a/', linkType: 'offer', offerId: 42, affiliateId: 7, copied: true, at: 5, form },
    };
    expect(lastLinkItem.decode(stored)).toStrictEqual({
      status: 'migrated',
      value: {
        ok: true,
        url: 'https://t.example/a/',
        accountId: FIRST_ACCOUNT_ID,
        input: {
          linkType: 'offer',
          offerId: 42,
          affiliateId: 7,
          sub1: 'spring-{date}',
          offerUrlId: 3,
          encryptParameters: false,
          redirectLink: false,
        },
        copied: true,
        at: 5,
      },
    });
  });

  it('without its form, is the bare pair it named, a smart link included; none stays none', () => {
    const smart = {
      v: 1,
      data: { ok: true, url: 'u', linkType: 'smart', campaignId: 5, affiliateId: 7, copied: false, at: 1, campaignName: 'Members' },
    };
    expect(lastLinkItem.decode(smart).value).toStrictEqual({
      ok: true,
      url: 'u',
      accountId: FIRST_ACCOUNT_ID,
      input: { linkType: 'smart', campaignId: 5, affiliateId: 7, encryptParameters: false, redirectLink: false },
      copied: false,
      at: 1,
      campaignName: 'Members',
    });
    expect(lastLinkItem.decode({ v: 1, data: null })).toStrictEqual({ status: 'migrated', value: null });
    // One that names no affiliate cannot be a link: it reads as none.
    expect(lastLinkItem.decode({ v: 1, data: { ok: true, url: 'u', offerId: 42, copied: true, at: 1 } })).toStrictEqual({
      status: 'reset',
      value: null,
    });
  });
});

describe('the last link, stored before accounts (v2)', () => {
  const v2 = {
    ok: true,
    url: 'https://t.example/a/',
    input: { linkType: 'offer', offerId: 42, affiliateId: 7, encryptParameters: false, redirectLink: false },
    copied: true,
    at: 5,
    offerName: 'Spring Sale',
  };

  it('was made with the one key there was: the first account’s', () => {
    expect(lastLinkItem.decode({ v: 2, data: v2 })).toStrictEqual({ status: 'migrated', value: { ...v2, accountId: FIRST_ACCOUNT_ID } });
    expect(lastLinkItem.decode({ v: 2, data: null })).toStrictEqual({ status: 'migrated', value: null });
  });

  it('today a last link says its account; one that does not is none', () => {
    expect(lastLinkItem.decode({ v: lastLinkItem.version, data: { ...v2, accountId: 'second' } }).value).toMatchObject({
      accountId: 'second',
    });
    expect(lastLinkItem.decode({ v: lastLinkItem.version, data: v2 })).toStrictEqual({ status: 'reset', value: null });
  });
});
