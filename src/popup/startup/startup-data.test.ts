import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, type LinkForm } from '../../shared/link/link-form';
import { FIRST_ACCOUNT_ID, accountsItem, type Account } from '../../shared/accounts/accounts';
import { draftItem } from '../../shared/link/draft';
import { recentAffiliatesItem } from '../../shared/history/recent-affiliates';
import { settingsItem } from '../../shared/settings/settings';
import { PARTNER_ACCOUNT, SECOND_ACCOUNT, testAccount } from '../../../e2e/unit-fixtures/test-accounts';
import { startupState, type RawStartup } from './startup-data';

const NOW = 1_800_000_000_000;
const FIRST = testAccount();

/** The accounts as stored: the first network's (acme.everflowclient.io) unless said. */
const accounts = (list: Account[] = [FIRST], lastUsedId: string | null = list[0]?.id ?? null) =>
  accountsItem.encode({ accounts: list, lastUsedId });
/** The first account's draft (the one the popup shows), as stored. */
const draft = (form: Partial<LinkForm>, accountId = FIRST_ACCOUNT_ID) =>
  draftItem.encode({ accountId, forms: { [accountId]: { ...EMPTY_FORM, ...form } } });
const raw = (changes: Partial<RawStartup> = {}, local: Record<string, unknown> = {}): RawStartup => ({
  local: { accounts: accounts(), ...local },
  pending: undefined,
  url: undefined,
  now: NOW,
  ...changes,
});

const settingsWith = (newOfferSubs: 'keep' | 'clear') => settingsItem.encode({ newOfferSubs });
/** A draft for offer 42 with Source ID and a sub, and the rule for a new offer. */
const draftFor42 = (newOfferSubs: 'keep' | 'clear') => ({
  draft: draft({ offerId: '42', sourceId: 'news', sub1: 'old' }),
  settings: settingsWith(newOfferSubs),
});

describe('startupState', () => {
  it('a first opening starts empty, with the cursor in Offer ID, and takes the default preset', () => {
    expect(startupState(raw(), new Set())).toStrictEqual({
      accounts: [FIRST],
      account: FIRST,
      drafts: { accountId: null, forms: {} },
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
    const local = { draft: draft({ offerId: '5' }), recentAffiliates: recentAffiliatesItem.encode({ [FIRST_ACCOUNT_ID]: [7, 3] }) };
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
    const own = startupState(
      raw({ url: 'https://links.acme.com/offers/42' }, { accounts: accounts([testAccount({ dashboardDomains: ['links.acme.com'] })]) }),
      new Set(),
    );
    expect(own).toMatchObject({ form: { offerId: '42' }, sources: { offerId: 'from this page' } });
    expect(startupState(raw({ url: 'https://links.acme.com/offers/42' }), new Set()).form.offerId).toBe('');
  });

  it('reads the dashboard domains of every account, whichever the popup then opens with', () => {
    const url = 'https://links.nordlys.example/offers/42';
    const list = accounts([FIRST, { ...SECOND_ACCOUNT, dashboardDomains: ['links.nordlys.example'] }]);
    expect(startupState(raw({ url }, { accounts: list }), new Set())).toMatchObject({
      account: { id: SECOND_ACCOUNT.id },
      form: { offerId: '42' },
    });
    // A damaged accounts item knows no domains.
    expect(startupState(raw({ url }, { accounts: 'junk' }), new Set()).form.offerId).toBe('');
  });

  it('a field typed into before startup keeps what was typed', () => {
    const state = startupState(raw({ url: 'https://acme.everflowclient.io/offers/42/affiliates/7' }), new Set(['offerId']));
    expect(state.sources).toStrictEqual({ affiliateId: 'from this page' });
    expect(state.form.affiliateId).toBe('7');
  });
});

describe('startupState with several accounts', () => {
  const two = accounts([FIRST, SECOND_ACCOUNT], FIRST_ACCOUNT_ID);
  const drafts = draftItem.encode({
    accountId: SECOND_ACCOUNT.id,
    forms: {
      [FIRST_ACCOUNT_ID]: { ...EMPTY_FORM, offerId: '1', sub1: 'first’s' },
      [SECOND_ACCOUNT.id]: { ...EMPTY_FORM, offerId: '2', sub1: 'second’s' },
    },
  });
  const recent = recentAffiliatesItem.encode({ [FIRST_ACCOUNT_ID]: [7], [SECOND_ACCOUNT.id]: [12] });
  const open = (changes: Partial<RawStartup> = {}) =>
    startupState(raw(changes, { accounts: two, draft: drafts, recentAffiliates: recent }), new Set());

  it('opens with the account shown last, with its own draft and its own last affiliate', () => {
    expect(open()).toMatchObject({
      account: { id: SECOND_ACCOUNT.id },
      form: { offerId: '2', sub1: 'second’s', affiliateId: '12' },
      draft: 'ok',
    });
  });

  it('a dashboard tab’s account wins (its <identifier>.everflowclient.io), with that account’s draft', () => {
    expect(open({ url: 'https://acme.everflowclient.io/partners/913/overview' })).toMatchObject({
      account: { id: FIRST_ACCOUNT_ID },
      form: { offerId: '1', sub1: 'first’s', affiliateId: '913' },
    });
  });

  it('the right-click menu’s account wins over the tab behind it', () => {
    const pending = { v: 1, data: { offerId: 42, accountId: FIRST_ACCOUNT_ID, at: NOW - 1_000 } };
    expect(open({ pending, url: 'https://nordlys.everflowclient.io/offers/9' })).toMatchObject({
      account: { id: FIRST_ACCOUNT_ID },
      form: { offerId: '42', affiliateId: '7' },
      sources: { offerId: 'from the right-click menu' },
    });
  });

  it('without a draft shown last, the last used; an account with no draft yet starts empty', () => {
    const state = startupState(raw({}, { accounts: accounts([FIRST, SECOND_ACCOUNT], SECOND_ACCOUNT.id) }), new Set());
    expect(state).toMatchObject({ account: { id: SECOND_ACCOUNT.id }, form: EMPTY_FORM, draft: 'missing' });
  });

  it('the one draft from before accounts is the first account’s', () => {
    const v1 = { v: 1, data: { ...EMPTY_FORM, offerId: '5', sub1: 'x' } };
    expect(startupState(raw({}, { draft: v1 }), new Set())).toMatchObject({
      account: { id: FIRST_ACCOUNT_ID },
      form: { offerId: '5', sub1: 'x' },
    });
  });

  it('a partner’s account makes partner links: no affiliate filled in, none taken from the page', () => {
    const state = startupState(
      raw(
        { url: 'https://acme.everflowclient.io/offers/42/affiliates/9' },
        { accounts: accounts([PARTNER_ACCOUNT]), recentAffiliates: recentAffiliatesItem.encode({ partner: [7] }) },
      ),
      new Set(),
    );
    expect(state).toMatchObject({ form: { linkType: 'partner', offerId: '42', affiliateId: '' }, recentAffiliate: undefined });
    expect(state.sources).toStrictEqual({ offerId: 'from this page' });
  });

  it('no account saved yet: none to open with, and an empty form', () => {
    expect(startupState(raw({}, { accounts: accounts([]) }), new Set())).toMatchObject({
      accounts: [],
      account: undefined,
      form: EMPTY_FORM,
    });
  });
});
