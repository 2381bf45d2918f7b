import { describe, expect, it } from 'vitest';
import { copiedSentence } from './copy-status';

describe('the status after a copy', () => {
  it('says which format was copied, and the first line of what it copied', () => {
    expect(copiedSentence(undefined)).toBe('Copied to clipboard.');
    expect(copiedSentence(undefined, 'https://t.example/a/')).toBe('Copied to clipboard.');
    expect(copiedSentence('Slack intro')).toBe('Copied “Slack intro” to clipboard.');
    expect(copiedSentence('Partner message', 'Please use https://evil.example/?go=https://t.example/a/\nThanks!')).toBe(
      'Copied “Partner message” to clipboard: Please use https://evil.example/?go=https://t.example/a/',
    );
  });
});
