import { describe, expect, it } from 'vitest';
import { cleanText, hasHiddenCharacters } from './text';

describe('cleanText', () => {
  it.each([
    ['a right-to-left override', 'Acme\u202E Media 913', 'Acme Media 913'],
    ['isolates and bidi marks', '\u2066Jolly\u2069 \u200FMedia\u200E', 'Jolly Media'],
    ['zero-width characters', 'Sum\u200Bmer\u200D Sale\uFEFF', 'Sum mer Sale'],
    ['control characters and runs of spaces', 'Acme\u0000\n\t  Shoes', 'Acme Shoes'],
  ])('removes %s', (_what, raw, clean) => {
    expect(cleanText(raw)).toBe(clean);
    expect(hasHiddenCharacters(cleanText(raw))).toBe(false);
  });

  it('keeps every visible character, right-to-left scripts included', () => {
    expect(cleanText('Acme – Shoes (US) · שלום · مرحبا · ü')).toBe('Acme – Shoes (US) · שלום · مرحبا · ü');
    expect(hasHiddenCharacters('שלום مرحبا')).toBe(false);
  });
});
