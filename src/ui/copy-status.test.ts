import { describe, expect, it } from 'vitest';
import { copiedSentence } from './copy-status';

describe('the status after a copy', () => {
  it('says which format was copied', () => {
    expect(copiedSentence(undefined)).toBe('Copied to clipboard.');
    expect(copiedSentence('Slack intro')).toBe('Copied “Slack intro” to clipboard.');
  });
});
