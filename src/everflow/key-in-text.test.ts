import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsKey, withoutKey } from './key-in-text';

/** A key with the characters that encode differently: "+", "/", "=" and a space. */
const KEY = 'sEcReT+key/123=x y';
const bytes = (text: string) => new TextEncoder().encode(text);
const base64 = (data: Uint8Array) => btoa(String.fromCharCode(...data));
const base64url = (data: Uint8Array) => base64(data).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const entities = (text: string, hex: boolean) =>
  [...text].map((char) => (hex ? `&#x${char.codePointAt(0)!.toString(16)};` : `&#${char.codePointAt(0)};`)).join('');

describe('containsKey finds the key', () => {
  it.each([
    ['as typed', KEY],
    ['lower case (a host name)', KEY.toLowerCase()],
    ['upper case', KEY.toUpperCase()],
    ['percent-encoded', encodeURIComponent(KEY)],
    [
      'percent-encoded in lower-case hex',
      encodeURIComponent(KEY)
        .toLowerCase()
        .replace(/secret/i, 'sEcReT'),
    ],
    ['percent-encoded twice', encodeURIComponent(encodeURIComponent(KEY))],
    ['percent-encoded three times', encodeURIComponent(encodeURIComponent(encodeURIComponent(KEY)))],
    ['with every character percent-encoded', [...bytes(KEY)].map((byte) => `%${byte.toString(16)}`).join('')],
    ['form-encoded (a space as +)', new URLSearchParams({ k: KEY }).toString().slice(2)],
    ['form-decoded (a + read as a space)', KEY.replace('+', ' ')],
    ['in base64', base64(bytes(KEY))],
    ['in base64url', base64url(bytes(KEY))],
    ['in base64, percent-encoded', encodeURIComponent(base64(bytes(KEY)))],
    ['inside longer base64 (offset 1)', base64(bytes(`a${KEY}&more`))],
    ['inside longer base64 (offset 2)', base64(bytes(`ab${KEY}&more`))],
    ['inside longer base64url (offset 3)', base64url(bytes(`abc${KEY}&more`))],
    ['as decimal HTML references', entities(KEY, false)],
    ['as hex HTML references', entities(KEY, true).toUpperCase().replace(/&#X/g, '&#x')],
    ['with named HTML references', KEY.replace('+', '&plus;').replace('/', '&sol;').replace('=', '&equals;')],
  ])('%s', (_how, form) => {
    expect(containsKey(`https://t.example/a/?sub1=${form}&sub2=b`, KEY)).toBe(true);
    expect(containsKey(`Here it is: ${form}.`, KEY)).toBe(true);
    const cut = withoutKey(`https://t.example/a/?sub1=${form}&sub2=b`, KEY);
    expect(containsKey(cut, KEY)).toBe(false);
    // What is left is at most the base64 of the text around the key.
    expect(cut).toMatch(/^https:\/\/t\.example\/a\/\?sub1=.{0,16}&sub2=b$/);
  });

  it('reads a "%" before it either way: as the start of an escape, or as itself', () => {
    expect(containsKey(`%${base64(bytes(KEY))}`, KEY)).toBe(true);
    expect(containsKey('x%85%47rtvS', '85GrtvS')).toBe(true);
    expect(withoutKey('x%85%47rtvS!', '85GrtvS')).toBe('x%!');
  });

  it('finds nothing in text without it, and nothing when no key is saved', () => {
    expect(containsKey('https://t.example/a/?sub1=sEcReT&sub2=key', KEY)).toBe(false);
    expect(containsKey(KEY.slice(0, -1), KEY)).toBe(false);
    expect(containsKey('anything', '')).toBe(false);
    expect(containsKey('anything', null)).toBe(false);
    expect(containsKey('anything', undefined)).toBe(false);
  });
});

describe('withoutKey', () => {
  it('cuts out every form and leaves the rest as it was', () => {
    const text = `key ${KEY} https://t.example/?sub1=${encodeURIComponent(KEY)}&sub2=${base64(bytes(KEY))}&sub3=keep`;
    expect(withoutKey(text, KEY)).toBe('key  https://t.example/?sub1=&sub2=&sub3=keep');
  });

  it('cuts until nothing is left: a key wrapped around a second copy of itself', () => {
    const key = 'abcdefgh';
    expect(withoutKey(`ab${key}cdefgh`, key)).toBe('');
    expect(withoutKey(`x ab${encodeURIComponent('ab+cd')}+cd y`, 'ab+cd')).toBe('x  y');
  });

  it('marks where it was, once for keys cut side by side', () => {
    expect(withoutKey(`API key ${KEY} has no access (${KEY}${KEY})`, KEY, '[key]')).toBe('API key [key] has no access ([key])');
    const wrapped = 'abcdefgh';
    expect(withoutKey(`abab${wrapped}cdefghcdefgh!`, wrapped, '[key]')).toBe('[key]!');
  });

  it('leaves the marker out when it would spell the key with what is around it', () => {
    const key = 'y]z-long-enough';
    // "[ke" + "[key]" + "z-long-enough" would hold "y]z-long-enough".
    expect(withoutKey(`[ke${key}z-long-enough`, key, '[key]')).toBe('[kez-long-enough');
    expect(withoutKey(`[ke${key}${key}`, key, '[key]')).toBe('[ke[key]');
  });

  it('changes nothing without a key', () => {
    expect(withoutKey('abc', null)).toBe('abc');
    expect(withoutKey('abc', '')).toBe('abc');
  });
});

/** Percent-encodes each byte or not, in either case, as a careless encoder might. */
const mixedPercent = (key: string) =>
  fc.array(fc.constantFrom('as is', 'lower', 'upper'), { minLength: key.length * 4, maxLength: key.length * 4 }).map((choices) =>
    [...key]
      .map((char, i) => {
        const choice = choices[i]!;
        if (choice === 'as is') return char;
        const encoded = [...bytes(char)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
        return choice === 'lower' ? encoded : encoded.toUpperCase();
      })
      .join(''),
  );
/** The key in one of the forms a link or message may carry it. */
const encodedKey = (key: string) =>
  fc.oneof(
    fc.constant(key),
    fc.integer({ min: 1, max: 4 }).map((rounds) => Array.from({ length: rounds }).reduce<string>((text) => encodeURIComponent(text), key)),
    mixedPercent(key),
    fc.tuple(fc.uint8Array({ maxLength: 5 }), fc.uint8Array({ maxLength: 5 }), fc.boolean()).map(([before, after, url]) => {
      const data = new Uint8Array([...before, ...bytes(key), ...after]);
      return url ? base64url(data) : base64(data);
    }),
    fc.boolean().map((hex) => entities(key, hex)),
  );

describe('for any key and any text', () => {
  const realisticKey = fc.stringMatching(/^[A-Za-z0-9+/=_.-]{16,48}$/);
  const anyKey = fc.string({ unit: 'binary', minLength: 8, maxLength: 40 });
  const textAround = fc.string({ maxLength: 30 });

  it('finds the key in each form, and withoutKey leaves none of it', () => {
    fc.assert(
      fc.property(
        fc.oneof(realisticKey, anyKey).chain((key) => fc.tuple(fc.constant(key), encodedKey(key), textAround, textAround)),
        ([key, encoded, before, after]) => {
          const text = `${before}${encoded}${after}`;
          expect(containsKey(text, key)).toBe(true);
          for (const marker of ['', '[key]']) {
            const cut = withoutKey(text, key, marker);
            expect(containsKey(cut, key)).toBe(false);
            expect(withoutKey(cut, key, marker)).toBe(cut);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves text that does not hold the key exactly as it was', () => {
    fc.assert(
      fc.property(realisticKey, fc.webUrl({ withQueryParameters: true }), (key, url) => {
        fc.pre(!containsKey(url, key));
        expect(withoutKey(url, key)).toBe(url);
        expect(withoutKey(url, key, '[key]')).toBe(url);
      }),
    );
  });
});
