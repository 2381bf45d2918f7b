import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idInText, FIELD_LABELS, ID_FIELDS, MAX_ID, MAX_TEXT, TEXT_FIELDS, type LinkInput } from '../../everflow/link-fields';
import { EMPTY_FORM, formFromInput, parseLinkForm, type FieldErrors, type LinkForm } from './link-form';
import type { OfferLinkInput } from '../../everflow/link-fields';

const BASE: Partial<LinkForm> = { offerId: '12', affiliateId: '34' };
const BASE_INPUT: LinkInput = { linkType: 'offer', offerId: 12, affiliateId: 34, encryptParameters: false, redirectLink: false };

/** The words a person sees, stated here independently of the schema. */
const OFFER = {
  notNumber: 'Use the offer’s number, e.g. 1842.',
  zero: 'Offer IDs start at 1.',
  tooLarge: 'That number is too large for an Everflow ID; check the offer’s number.',
};
/** The one message a typed (non-blank) ID gets, by the rule: not digits, then too large, then zero. */
function idError(typed: string, label: string, thing: string): string {
  const trimmed = typed.trim();
  if (!/^\d+$/.test(trimmed)) return `Use the ${thing}’s number, e.g. 1842.`;
  if (!/^0*\d{1,10}$/.test(trimmed) || Number(trimmed) > MAX_ID)
    return `That number is too large for an Everflow ID; check the ${thing}’s number.`;
  return `${label}s start at 1.`;
}
const tooLong = (label: string) => `${label} can be at most ${MAX_TEXT} characters.`;
/** The rule for a typed ID, stated independently of the schema: digits with optional spaces around, in range. */
const idPasses = (s: string) => /^\s*\d+\s*$/.test(s) && Number(s.trim()) >= 1 && Number(s.trim()) <= MAX_ID;

function accepted(value: unknown): LinkInput {
  const result = parseLinkForm(value);
  if (!result.ok) throw new Error(`expected the form to pass, got ${JSON.stringify(result.errors)}`);
  return result.input;
}

function refused(value: unknown): FieldErrors {
  const result = parseLinkForm(value);
  if (result.ok) throw new Error(`expected the form to fail, got ${JSON.stringify(result.input)}`);
  return result.errors;
}

describe('idInText', () => {
  it('reads the ID typed text stands for, and nothing else', () => {
    expect(['42', ' 42 ', '0042', '2147483647'].map(idInText)).toStrictEqual([42, 42, 42, 2147483647]);
    expect(['', '0', '2147483648', '12345678901', '4 2', '42a', 'Acme', '-1', '4.2', '４２'].map(idInText)).toStrictEqual(
      Array(10).fill(undefined),
    );
  });
});

describe('EMPTY_FORM', () => {
  it('is every text field empty and every flag off', () => {
    expect(EMPTY_FORM).toEqual({
      linkType: 'offer',
      offerId: '',
      campaignId: '',
      affiliateId: '',
      sourceId: '',
      sub1: '',
      sub2: '',
      sub3: '',
      sub4: '',
      sub5: '',
      trackingDomainId: '',
      offerUrlId: '',
      creativeId: '',
      trafficSourceId: '',
      encryptParameters: false,
      redirectLink: false,
    });
  });

  it('asks for exactly the two required IDs', () => {
    expect(refused(EMPTY_FORM)).toEqual({ offerId: 'Enter the Offer ID.', affiliateId: 'Enter the Affiliate ID.' });
  });
});

describe('parseLinkForm: IDs', () => {
  const good: [string, number][] = [
    ['1', 1],
    ['7', 7],
    ['  42  ', 42],
    ['\t42\n', 42],
    ['0042', 42],
    ['00000000042', 42],
    [`${'0'.repeat(60)}2147483647`, MAX_ID],
    ['2147483646', 2147483646],
    ['2147483647', MAX_ID],
  ];

  it.each(good)('offerId %j → %d', (typed, expected) => {
    expect(accepted({ ...BASE, offerId: typed })).toEqual({ ...BASE_INPUT, offerId: expected });
  });

  it.each(good)('affiliateId %j → %d', (typed, expected) => {
    expect(accepted({ ...BASE, affiliateId: typed })).toEqual({ ...BASE_INPUT, affiliateId: expected });
  });

  const notNumbers = [
    'abc',
    '12a',
    'a12',
    '1 2',
    '+5',
    '-5',
    '1.5',
    '1.0',
    '1e3',
    '0x10',
    '١٢' /* Arabic-Indic digits */,
    '１２' /* full-width */,
    'Infinity',
    'NaN',
    '91x3',
  ];
  const tooLarge = ['2147483648', '9999999999', '99999999999999999999', '9'.repeat(400), `${'0'.repeat(20)}${'9'.repeat(11)}`];

  it.each(notNumbers)('offerId %j is refused with one message: use the number', (typed) => {
    expect(refused({ ...BASE, offerId: typed })).toEqual({ offerId: OFFER.notNumber });
  });
  it.each(['0', '000'])('offerId %j is refused: IDs start at 1', (typed) => {
    expect(refused({ ...BASE, offerId: typed })).toEqual({ offerId: OFFER.zero });
  });
  it.each(tooLarge)('offerId %j is refused as too large, without citing the 32-bit limit', (typed) => {
    expect(refused({ ...BASE, offerId: typed })).toEqual({ offerId: OFFER.tooLarge });
    expect(OFFER.tooLarge).not.toContain(String(MAX_ID));
  });

  it.each([
    ['affiliateId', 'Use the affiliate’s number, e.g. 1842.'],
    ['campaignId', 'Use the smart link’s number, e.g. 1842.'],
    ['trackingDomainId', 'Use the tracking domain’s number, e.g. 1842.'],
    ['offerUrlId', 'Use the offer URL’s number, e.g. 1842.'],
    ['creativeId', 'Use the creative’s number, e.g. 1842.'],
    ['trafficSourceId', 'Use the traffic source’s number, e.g. 1842.'],
  ] as const)('%s: a bad value is refused in its own words', (field, message) => {
    // Each ID is checked in a link of a kind that uses it.
    const form = field === 'campaignId' ? { ...BASE, linkType: 'smart', campaignId: '5' } : BASE;
    expect(refused({ ...form, [field]: '-5' })).toEqual({ [field]: message });
    expect(ID_FIELDS).toContain(field);
  });

  it.each(['', '   ', '\t\n'])('required IDs %j are refused with "Enter the …"', (blank) => {
    expect(refused({ ...BASE, offerId: blank })).toEqual({ offerId: 'Enter the Offer ID.' });
    expect(refused({ ...BASE, affiliateId: blank })).toEqual({ affiliateId: 'Enter the Affiliate ID.' });
  });

  const optionalIds = ['trackingDomainId', 'offerUrlId', 'creativeId', 'trafficSourceId'] as const;

  it.each(optionalIds.map((field) => [field] as const))('%s: empty or blank → absent, digits → number', (field) => {
    for (const blank of ['', '  ', undefined]) {
      const input = accepted({ ...BASE, [field]: blank });
      expect(input).toEqual(BASE_INPUT);
      expect(Object.hasOwn(input, field)).toBe(false);
    }
    expect(accepted({ ...BASE, [field]: ' 77 ' })).toEqual({ ...BASE_INPUT, [field]: 77 });
    expect(refused({ ...BASE, [field]: '0' })).toEqual({ [field]: `${FIELD_LABELS[field]}s start at 1.` });
  });

  it('reports every bad field at once, one message each', () => {
    expect(refused({ offerId: 'x', affiliateId: '', creativeId: '0', sub3: 'y'.repeat(MAX_TEXT + 1), trafficSourceId: '5' })).toEqual({
      offerId: OFFER.notNumber,
      affiliateId: 'Enter the Affiliate ID.',
      creativeId: 'Creative IDs start at 1.',
      sub3: tooLong('Sub 3'),
    });
  });
});

describe('parseLinkForm: Source ID and subs', () => {
  it.each(TEXT_FIELDS.map((field) => [field] as const))('%s: trimmed, 200 ok, 201 refused, blank absent', (field) => {
    expect(accepted({ ...BASE, [field]: '  hello world  ' })).toEqual({ ...BASE_INPUT, [field]: 'hello world' });
    const max = 'x'.repeat(MAX_TEXT);
    expect(accepted({ ...BASE, [field]: max })).toEqual({ ...BASE_INPUT, [field]: max });
    // Surrounding spaces do not count against the limit.
    expect(accepted({ ...BASE, [field]: `   ${max}   ` })).toEqual({ ...BASE_INPUT, [field]: max });
    expect(refused({ ...BASE, [field]: 'x'.repeat(MAX_TEXT + 1) })).toEqual({ [field]: tooLong(FIELD_LABELS[field]) });
    expect(refused({ ...BASE, [field]: 'x'.repeat(5000) })).toEqual({ [field]: tooLong(FIELD_LABELS[field]) });
    for (const blank of ['', '   ', '\t\n ']) {
      const input = accepted({ ...BASE, [field]: blank });
      expect(input).toEqual(BASE_INPUT);
      expect(Object.hasOwn(input, field)).toBe(false);
    }
  });

  it('keeps inner spaces and any characters as typed', () => {
    expect(accepted({ ...BASE, sub1: ' a  b ', sourceId: 'ünï<&>"\'', sub5: '0' })).toEqual({
      ...BASE_INPUT,
      sub1: 'a  b',
      sourceId: 'ünï<&>"\'',
      sub5: '0',
    });
  });
});

describe('parseLinkForm: flags', () => {
  it('passes true flags through', () => {
    expect(accepted({ ...BASE, encryptParameters: true, redirectLink: true })).toEqual({
      ...BASE_INPUT,
      encryptParameters: true,
      redirectLink: true,
    });
  });

  it.each([['yes'], [1], ['true'], [null], [{}]])('a non-boolean flag %j counts as off', (junk) => {
    expect(accepted({ ...BASE, encryptParameters: junk, redirectLink: junk })).toEqual(BASE_INPUT);
  });
});

describe('parseLinkForm: junk input never throws', () => {
  const required = { offerId: 'Enter the Offer ID.', affiliateId: 'Enter the Affiliate ID.' };

  it.each([[null], [undefined], [42], ['12'], [true], [[]], [['12', '34']], [() => 1], [new Date(0)]])('%j is an empty form', (junk) => {
    expect(parseLinkForm(junk)).toEqual({ ok: false, errors: required });
  });

  it('a non-string ID is treated as empty (numbers are not accepted as typed text)', () => {
    expect(parseLinkForm({ offerId: 5 })).toEqual({ ok: false, errors: required });
    expect(refused({ offerId: 5, affiliateId: '34' })).toEqual({ offerId: 'Enter the Offer ID.' });
  });

  it('ignores unknown keys', () => {
    const input = accepted({ ...BASE, evil: 'x', __proto__: { offerId: '9' }, constructor: 'x' });
    expect(input).toEqual(BASE_INPUT);
    expect(Object.hasOwn(input, 'evil')).toBe(false);
  });

  it('a non-string text field is treated as empty', () => {
    expect(accepted({ ...BASE, sub1: 123, sub2: null, sourceId: ['a'] })).toEqual(BASE_INPUT);
  });
});

describe('formFromInput', () => {
  it('turns a full request back into the form', () => {
    const input: LinkInput = {
      linkType: 'offer',
      offerId: 1,
      affiliateId: 2,
      trackingDomainId: 3,
      offerUrlId: 4,
      creativeId: 5,
      trafficSourceId: 6,
      sourceId: 'src',
      sub1: 'a',
      sub2: 'b',
      sub3: 'c',
      sub4: 'd',
      sub5: 'e',
      encryptParameters: true,
      redirectLink: true,
    };
    const form = formFromInput(input);
    expect(form).toEqual({
      linkType: 'offer',
      offerId: '1',
      campaignId: '',
      affiliateId: '2',
      trackingDomainId: '3',
      offerUrlId: '4',
      creativeId: '5',
      trafficSourceId: '6',
      sourceId: 'src',
      sub1: 'a',
      sub2: 'b',
      sub3: 'c',
      sub4: 'd',
      sub5: 'e',
      encryptParameters: true,
      redirectLink: true,
    });
    expect(parseLinkForm(form)).toEqual({ ok: true, input });
  });

  it('leaves absent fields empty', () => {
    expect(formFromInput(BASE_INPUT)).toEqual({ ...EMPTY_FORM, offerId: '12', affiliateId: '34' });
  });

  it('does not share or change EMPTY_FORM', () => {
    const before = { ...EMPTY_FORM };
    const form = formFromInput({ ...BASE_INPUT, sub1: 'x' });
    expect(form).not.toBe(EMPTY_FORM);
    expect(EMPTY_FORM).toEqual(before);
  });
});

describe('parseLinkForm: properties', () => {
  const whitespace = fc.constantFrom(' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u2003', '\u3000', '\ufeff');
  const padding = fc.array(whitespace, { maxLength: 3 }).map((chars) => chars.join(''));
  const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 12 });
  /** Strings that look like IDs often, and arbitrary text the rest of the time. */
  const idLike = fc.oneof(
    fc.string({ maxLength: 14 }),
    fc.tuple(padding, digits, padding).map(([a, d, b]) => a + d + b),
    fc.tuple(padding, fc.integer({ min: -10, max: MAX_ID + 10 }), padding).map(([a, n, b]) => `${a}${n}${b}`),
    fc
      .tuple(padding, fc.nat({ max: 15 }), fc.integer({ min: 0, max: MAX_ID + 10 }), padding)
      .map(([a, zeros, n, b]) => `${a}${'0'.repeat(zeros)}${n}${b}`),
    fc.constantFrom('0', '1', String(MAX_ID), String(MAX_ID + 1), '1e3', '1.5', '+5', '-5', '', ' '),
  );
  const formText = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ maxLength: 260 }), idLike);
  const formLike = fc.record(
    {
      offerId: idLike,
      affiliateId: idLike,
      trackingDomainId: idLike,
      offerUrlId: idLike,
      creativeId: idLike,
      trafficSourceId: idLike,
      sourceId: formText,
      sub1: formText,
      sub2: formText,
      sub3: formText,
      sub4: formText,
      sub5: formText,
      encryptParameters: fc.boolean(),
      redirectLink: fc.boolean(),
    },
    { requiredKeys: [] },
  );

  it('never throws for any value', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withBigInt: true }), (value) => {
        const result = parseLinkForm(value);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });

  it('never throws for any record of strings', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.anything())), (value) => {
        const result = parseLinkForm(value);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });

  it('a required ID passes iff it is digits (spaces around) with a value from 1 to MAX_ID', () => {
    fc.assert(
      fc.property(idLike, (typed) => {
        const result = parseLinkForm({ ...BASE, offerId: typed });
        expect(result.ok).toBe(idPasses(typed));
        if (result.ok) expect((result.input as OfferLinkInput).offerId).toBe(Number(typed.trim()));
        else expect(result.errors).toEqual({ offerId: typed.trim() === '' ? 'Enter the Offer ID.' : idError(typed, 'Offer ID', 'offer') });
      }),
    );
  });

  it('an optional ID passes iff it is blank or a valid ID', () => {
    fc.assert(
      fc.property(idLike, (typed) => {
        const result = parseLinkForm({ ...BASE, creativeId: typed });
        expect(result.ok).toBe(typed.trim() === '' || idPasses(typed));
        if (result.ok) expect((result.input as OfferLinkInput).creativeId).toBe(typed.trim() === '' ? undefined : Number(typed.trim()));
        else expect(result.errors).toEqual({ creativeId: idError(typed, 'Creative ID', 'creative') });
      }),
    );
  });

  it('a sub passes iff trimmed it is at most 200 characters, and comes out trimmed', () => {
    fc.assert(
      fc.property(fc.tuple(padding, fc.string({ maxLength: 260 }), padding), ([a, text, b]) => {
        const typed = a + text + b;
        const trimmed = typed.trim();
        const result = parseLinkForm({ ...BASE, sub2: typed });
        expect(result.ok).toBe(trimmed.length <= MAX_TEXT);
        if (result.ok) expect(result.input.sub2).toBe(trimmed === '' ? undefined : trimmed);
        else expect(result.errors).toEqual({ sub2: tooLong('Sub 2') });
      }),
    );
  });

  const validId = fc.tuple(padding, fc.integer({ min: 1, max: MAX_ID }), padding).map(([a, n, b]) => `${a}${n}${b}`);
  const validText = fc.oneof(
    fc.constant(''),
    fc.tuple(padding, fc.string({ maxLength: MAX_TEXT }), padding).map(([a, t, b]) => a + t + b),
  );
  const validForm = fc.record({
    offerId: validId,
    affiliateId: validId,
    trackingDomainId: fc.oneof(fc.constant(''), validId),
    offerUrlId: fc.oneof(fc.constant(''), validId),
    creativeId: fc.oneof(fc.constant(''), validId),
    trafficSourceId: fc.oneof(fc.constant(''), validId),
    sourceId: validText,
    sub1: validText,
    sub2: validText,
    sub3: validText,
    sub4: validText,
    sub5: validText,
    encryptParameters: fc.boolean(),
    redirectLink: fc.boolean(),
  });

  it('every valid form is accepted, and its request survives formFromInput unchanged', () => {
    fc.assert(
      fc.property(validForm, (form) => {
        const input = accepted(form);
        expect((input as OfferLinkInput).offerId).toBe(Number(form.offerId.trim()));
        expect(input.sub1).toBe(form.sub1.trim() === '' ? undefined : form.sub1.trim());
        expect(parseLinkForm(formFromInput(input))).toEqual({ ok: true, input });
      }),
    );
  });

  it('any accepted input re-validates identically, through formFromInput and as-is', () => {
    fc.assert(
      fc.property(formLike, (form) => {
        const first = parseLinkForm(form);
        expect(parseLinkForm(form)).toEqual(first);
        if (!first.ok) return;
        const again = parseLinkForm(formFromInput(first.input));
        expect(again).toEqual(first);
        // No key is ever present with an undefined value.
        expect(Object.values(first.input)).not.toContain(undefined);
      }),
      { numRuns: 300 },
    );
  });
});

describe('smart links', () => {
  const SMART: Partial<LinkForm> = { linkType: 'smart', campaignId: '5', affiliateId: '34' };

  it('checks only the fields a smart link uses, and keeps none of the offer’s', () => {
    // An offer ID, offer URL and creative typed for an offer link (even invalid ones) neither block nor travel.
    expect(parseLinkForm({ ...SMART, offerId: '91x3', offerUrlId: 'abc', creativeId: '7', sub1: ' a ' })).toStrictEqual({
      ok: true,
      input: { linkType: 'smart', campaignId: 5, affiliateId: 34, sub1: 'a', encryptParameters: false, redirectLink: false },
    });
  });

  it('asks for the smart link with the same rules and words as an offer ID', () => {
    expect(parseLinkForm({ ...SMART, campaignId: '' })).toStrictEqual({ ok: false, errors: { campaignId: 'Enter the Smart link ID.' } });
    expect(parseLinkForm({ ...SMART, campaignId: '0' })).toStrictEqual({ ok: false, errors: { campaignId: 'Smart link IDs start at 1.' } });
    expect(parseLinkForm({ ...SMART, campaignId: String(MAX_ID + 1) })).toStrictEqual({
      ok: false,
      errors: { campaignId: 'That number is too large for an Everflow ID; check the smart link’s number.' },
    });
    expect(parseLinkForm({ ...SMART, campaignId: 'summer' })).toStrictEqual({
      ok: false,
      errors: { campaignId: 'Use the smart link’s number, e.g. 1842.' },
    });
    // An offer link does not ask for a smart link.
    expect(parseLinkForm({ ...BASE, campaignId: 'x' }).ok).toBe(true);
  });

  it('a stored draft from before smart links, or with an unknown kind, is an offer link', () => {
    expect(parseLinkForm(BASE)).toStrictEqual({ ok: true, input: BASE_INPUT });
    expect(parseLinkForm({ ...BASE, linkType: 'banner' })).toStrictEqual({ ok: true, input: BASE_INPUT });
  });

  it('formFromInput restores the kind and the smart link', () => {
    const input: LinkInput = { linkType: 'smart', campaignId: 5, affiliateId: 34, sub2: 'x', encryptParameters: true, redirectLink: false };
    const form = formFromInput(input);
    expect(form).toMatchObject({ linkType: 'smart', campaignId: '5', offerId: '', affiliateId: '34', sub2: 'x', encryptParameters: true });
    expect(parseLinkForm(form)).toStrictEqual({ ok: true, input });
  });
});
