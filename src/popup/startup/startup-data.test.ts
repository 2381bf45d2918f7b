import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, type LinkForm } from '../../shared/link/link-form';
import { DEFAULT_REQUESTS_PER_SECOND } from '../../shared/settings/settings';
import { startupState, type RawStartup } from './startup-data';

const NOW = 1_800_000_000_000;

const draft = (form: Partial<LinkForm>) => ({ v: 1, data: { ...EMPTY_FORM, ...form } });
const raw = (changes: Partial<RawStartup> = {}, local: Record<string, unknown> = {}): RawStartup => ({
  local,
  pending: undefined,
  url: undefined,
  now: NOW,
  ...changes,
});

const settingsWith = (newOfferSubs: 'keep' | 'clear') => ({
  v: 4,
  data: { region: 'us', dashboardDomains: [], requestsPerSecond: 20, newOfferSubs },
});
/** A draft for offer 42 with Source ID and a sub, and the rule for a new offer. */
const draftFor42 = (newOfferSubs: 'keep' | 'clear') => ({
  draft: draft({ offerId: '42', sourceId: 'news', sub1: 'old' }),
  settings: settingsWith(newOfferSubs),
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
      newOfferSubs: 'keep',
      subsCleared: false,
    });
  });

  describe('a new offer and the subs rule', () => {
    const DASH = 'https://acme.everflowclient.io';

    it('keeps Source ID and subs by default (as before the rule existed) and says which rule applies', () => {
      const state = startupState(raw({ url: `${DASH}/offers/99` }, draftFor42('keep')), new Set());
      expect(state.form).toMatchObject({ offerId: '99', sourceId: 'news', sub1: 'old' });
      expect(state).toMatchObject({ newOfferSubs: 'keep', subsCleared: false });
    });

    it('with "clear", another offer (or a smart link) on the page starts without them; the same offer keeps them', () => {
      expect(startupState(raw({ url: `${DASH}/offers/99` }, draftFor42('clear')), new Set())).toMatchObject({
        form: { offerId: '99', sourceId: '', sub1: '' },
        subsCleared: true,
      });
      expect(startupState(raw({ url: `${DASH}/smartlinks/5` }, draftFor42('clear')), new Set())).toMatchObject({
        form: { linkType: 'smart', campaignId: '5', sourceId: '', sub1: '' },
        subsCleared: true,
      });
      expect(startupState(raw({ url: `${DASH}/offers/42` }, draftFor42('clear')), new Set())).toMatchObject({
        form: { sub1: 'old' },
        subsCleared: false,
      });
      // What the person typed before the popup was ready is theirs.
      expect(startupState(raw({ url: `${DASH}/offers/99` }, draftFor42('clear')), new Set(['sub1']))).toMatchObject({
        form: { sourceId: '', sub1: 'old' },
      });
    });
  });

  it('restores the draft, opening "More options" when it holds a value there', () => {
    const state = startupState(raw({}, { draft: draft({ offerId: '5', sub1: 'x', encryptParameters: true }) }), new Set());
    expect(state.form).toStrictEqual({ ...EMPTY_FORM, offerId: '5', sub1: 'x', encryptParameters: true });
    expect(state).toMatchObject({ draft: 'ok', save: false, moreOpen: true, focus: 'affiliateId' });
  });

  it('fills a blank Affiliate ID with the last affiliate used', () => {
    const local = { draft: draft({ offerId: '5' }), recentAffiliates: { v: 1, data: [7, 3] } };
    expect(startupState(raw({}, local), new Set())).toMatchObject({
      form: { offerId: '5', affiliateId: '7' },
      recentAffiliate: 7,
      focus: 'offerId',
    });
    const kept = { ...local, draft: draft({ affiliateId: '9' }) };
    expect(startupState(raw({}, kept), new Set()).form.affiliateId).toBe('9');
  });

  it('an unreadable draft starts empty and is saved over', () => {
    expect(startupState(raw({}, { draft: 'not a draft' }), new Set())).toMatchObject({ form: EMPTY_FORM, draft: 'reset', save: true });
  });

  it('a fresh right-click request names the offer, over the draft and the page', () => {
    const pending = { v: 1, data: { offerId: 42, at: NOW - 1_000 } };
    const state = startupState(
      raw({ pending, url: 'https://acme.everflowclient.io/offers/9' }, { draft: draft({ offerId: '5', sub1: 'x' }) }),
      new Set(),
    );
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

  it('reads the dashboard domains of today’s settings (v3) and of every earlier version', () => {
    const url = 'https://links.acme.com/offers/42';
    const versions = [
      { v: 3, data: { region: 'us', requestsPerSecond: DEFAULT_REQUESTS_PER_SECOND, dashboardDomains: ['links.acme.com'] } },
      { v: 2, data: { region: 'eu', dashboardDomains: ['links.acme.com'] } },
    ];
    for (const settings of versions) expect(startupState(raw({ url }, { settings }), new Set()).form.offerId).toBe('42');
    // v1 had no domains; a newer version than this code, or a damaged one, counts as none.
    for (const settings of [{ v: 1, data: { region: 'us' } }, { v: 4, data: { dashboardDomains: ['links.acme.com'] } }, 'junk']) {
      expect(startupState(raw({ url }, { settings }), new Set()).form.offerId).toBe('');
    }
  });

  it('a field typed into before startup keeps what was typed', () => {
    const state = startupState(raw({ url: 'https://acme.everflowclient.io/offers/42/affiliates/7' }), new Set(['offerId']));
    expect(state.sources).toStrictEqual({ affiliateId: 'from this page' });
    expect(state.form.affiliateId).toBe('7');
  });
});
