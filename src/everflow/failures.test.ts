import { describe, expect, it } from 'vitest';
import { MESSAGES } from './failures';
import { expectSafeMessage } from '../../e2e/unit-fixtures/test-fetch';

describe('MESSAGES', () => {
  it('every fixed message is a full sentence that tells the person what to do', () => {
    const fixed = [
      MESSAGES.noKey,
      MESSAGES.unauthorized,
      MESSAGES.forbidden,
      MESSAGES.rateLimited,
      MESSAGES.network,
      MESSAGES.timeout,
      MESSAGES.badResponse,
      MESSAGES.redirected,
      MESSAGES.server(500),
    ];
    for (const message of fixed) {
      expect(message).toMatch(/^[A-Z].*\.$/);
      expect(message).toContain(';');
      expectSafeMessage(message);
    }
  });
});
