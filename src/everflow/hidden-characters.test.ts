import { describe, expect, it } from 'vitest';
import { hiddenCharacters, hiddenCharactersList, hiddenCharactersSentence } from './hidden-characters';

describe('saying which', () => {
  it('lists the characters by kind', () => {
    expect(hiddenCharactersList(hiddenCharacters('a\u202Eb'))).toBe('U+202E (direction control)');
    expect(hiddenCharactersList(hiddenCharacters('a\u200Bb\u202Ec'))).toBe('U+200B (zero-width space) and U+202E (direction control)');
    const tags = [...'abcde'].map((c) => String.fromCodePoint(0xe0000 + c.codePointAt(0)!)).join('');
    expect(hiddenCharactersList(hiddenCharacters(`x\u200B${tags}`))).toBe(
      'U+200B (zero-width space) and U+E0061, U+E0062, U+E0063 and 2 more (tag characters)',
    );
  });

  it('says in one sentence why a name is refused, and what to do', () => {
    expect(hiddenCharactersSentence('The name', hiddenCharacters('Acme\u202E'))).toBe(
      'The name holds a hidden character, U+202E (direction control), that could make it read differently from how it looks; type it again instead of pasting it.',
    );
    expect(hiddenCharactersSentence('The message text', hiddenCharacters('a\u200Bb\u200Bc\u202E'))).toBe(
      'The message text holds 3 hidden characters, U+200B (zero-width space) and U+202E (direction control), that could make it read differently from how it looks; type it again instead of pasting it.',
    );
  });
});
