import { describe, expect, it } from 'vitest';
import { EMPTY_FORM } from './link-form';
import { lastLinkItem } from './outcome';

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
