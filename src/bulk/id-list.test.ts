import { describe, expect, it } from 'vitest';
import { parseIdList, withoutInvalid } from './id-list';

describe('parseIdList', () => {
  it('reads IDs separated by commas, spaces, tabs, semicolons and new lines', () => {
    expect(parseIdList('7, 8\n9\t10;11  12\r\n13')).toEqual({ ids: [7, 8, 9, 10, 11, 12, 13], duplicates: [], invalid: [] });
  });

  it('removes repeats, keeping the first, and reports each repeated ID once', () => {
    expect(parseIdList('7 8 7 9 8 7 007')).toEqual({ ids: [7, 8, 9], duplicates: [7, 8], invalid: [] });
  });

  it('reports every piece that is not an ID, as typed, once', () => {
    expect(parseIdList('7, abc, 0, -3, 4.5, 2147483648, 12x, abc, 99999999999')).toEqual({
      ids: [7],
      duplicates: [],
      invalid: ['abc', '0', '-3', '4.5', '2147483648', '12x', '99999999999'],
    });
  });

  it('is empty for blank text', () => {
    expect(parseIdList(' \n ,, ')).toEqual({ ids: [], duplicates: [], invalid: [] });
  });
});

describe('withoutInvalid', () => {
  it('takes out each piece that is not an ID, and keeps the rest as typed (separators, repeats, order)', () => {
    expect(withoutInvalid('7, abc, 0\n12x 9')).toBe('7, 9');
    expect(withoutInvalid('7\n7\nabc\n8\n')).toBe('7\n7\n8');
    expect(withoutInvalid('  x 5')).toBe('  5');
    expect(withoutInvalid('abc, 0')).toBe('');
    expect(withoutInvalid('1; 2')).toBe('1; 2');
  });

  it('leaves a list with nothing but IDs', () => {
    const text = '12, abc, 0, 2147483648, 99';
    expect(parseIdList(withoutInvalid(text))).toEqual({ ids: [12, 99], duplicates: [], invalid: [] });
  });
});
