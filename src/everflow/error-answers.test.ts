import { describe, expect, it } from 'vitest';
import { failureForStatus, everflowMessage } from './error-answers';
import { MESSAGES, failureText } from './failures';
import { API_KEY, expectSafeMessage } from '../../e2e/unit-fixtures/test-fetch';

describe('everflowMessage', () => {
  it.each([
    [{ error: 'Invalid parameters.' }, '“Invalid parameters.”'],
    [{ Error: 'Capital E' }, '“Capital E”'],
    [{ message: 'From message' }, '“From message”'],
    [{ error: 'first', Error: 'second', message: 'third' }, '“first”'],
    [{ Error: 'second', message: 'third' }, '“second”'],
    [{ error: '  padded  ' }, '“padded”'],
    [{ error: '<b>bold</b> & "quotes"' }, '“<b>bold</b> & "quotes"”'],
  ])('%j → %s', (body, expected) => {
    expect(everflowMessage(body, API_KEY)).toBe(expected);
  });

  it.each([
    [{ error: 42, Error: 'the string one' }, '“the string one”'],
    [{ error: { nested: 'x' }, message: 'plain' }, '“plain”'],
    [{ error: ['a'], Error: null, message: 'last' }, '“last”'],
    [{ error: true, Error: 'yes' }, '“yes”'],
  ])('skips non-string values: %j → %s', (body, expected) => {
    expect(everflowMessage(body, API_KEY)).toBe(expected);
  });

  it('a blank field does not hide a later useful one', () => {
    expect(everflowMessage({ error: '', Error: '   ', message: 'Offer not found' }, API_KEY)).toBe('“Offer not found”');
  });

  it.each([
    [undefined],
    [null],
    ['Invalid parameters.'],
    [42],
    [{}],
    [{ error: 5, Error: {}, message: [] }],
    [{ ERROR: 'other casing is not read', msg: 'nor this' }],
    [{ error: '' }],
    [{ error: ' \n\t ' }],
    [{ error: '\u0000\u0007\u001f' }],
  ])('%j → undefined', (body) => {
    expect(everflowMessage(body, API_KEY)).toBeUndefined();
  });

  it('turns control characters and runs of whitespace into single spaces', () => {
    expect(everflowMessage({ error: 'line one\r\nline\u0000two\ttab\u001b[31mred\u007f end ' }, API_KEY)).toBe(
      '“line one line two tab [31mred end”',
    );
  });

  it('keeps text of exactly 160 characters and shortens longer text to 160 with an ellipsis', () => {
    const exact = 'a'.repeat(160);
    expect(everflowMessage({ error: exact }, API_KEY)).toBe(`“${exact}”`);
    const long = everflowMessage({ error: 'b'.repeat(161) }, API_KEY);
    expect(long).toBe(`“${'b'.repeat(159)}…”`);
    const huge = everflowMessage({ error: 'c'.repeat(100_000) }, API_KEY);
    expect(huge).toHaveLength(162); // 160 plus the two quotes
    expect(huge?.endsWith('…”')).toBe(true);
  });

  it('cuts out every copy of the key, wherever it sits', () => {
    expect(everflowMessage({ error: `${API_KEY} is invalid; got ${API_KEY}.` }, API_KEY)).toBe('“[key] is invalid; got [key].”');
    expect(everflowMessage({ Error: `key=${API_KEY}` }, API_KEY)).toBe('“key=[key]”');
    expect(everflowMessage({ error: `Bad link https://t.example/?k=${encodeURIComponent(API_KEY)}` }, API_KEY)).toBe(
      '“Bad link https://t.example/?k=[key]”',
    );
    expect(everflowMessage({ error: `token ${btoa(API_KEY)}` }, API_KEY)).toBe('“token [key]”');
    // Hidden characters cannot split the key so that it slips through.
    expect(everflowMessage({ error: `${API_KEY.slice(0, 5)}\u200B${API_KEY.slice(5)}` }, API_KEY)).toBe('“[key]”');
  });

  it('never shows part of the key when the text is shortened across it', () => {
    const text = `${'x'.repeat(150)}${API_KEY}${'y'.repeat(50)}`;
    const message = everflowMessage({ error: text }, API_KEY) ?? '';
    expect(message).toBe(`“${'x'.repeat(150)}[key]${'y'.repeat(4)}…”`);
    expect(message).not.toContain(API_KEY.slice(0, 6));
  });

  it('with no key saved, nothing is redacted (and nothing breaks)', () => {
    expect(everflowMessage({ error: 'abc' }, '')).toBe('“abc”');
  });
});

describe('failureForStatus', () => {
  it.each([
    [400, { error: 'Invalid parameters.' }, 'rejected', MESSAGES.rejected('“Invalid parameters.”')],
    [400, undefined, 'rejected', 'Everflow refused the request (error 400).'],
    [404, {}, 'rejected', MESSAGES.rejected('error 404')],
    [409, { Error: 'Conflict' }, 'rejected', MESSAGES.rejected('“Conflict”')],
    [422, { message: 'bad' }, 'rejected', MESSAGES.rejected('“bad”')],
    [401, { error: 'ignored' }, 'unauthorized', MESSAGES.unauthorized],
    [403, { error: 'out of realm' }, 'forbidden', MESSAGES.forbidden],
    [429, undefined, 'rate-limited', MESSAGES.rateLimited],
    [500, { error: 'ignored' }, 'server', 'Everflow is having trouble (error 500); try again in a few minutes.'],
    [502, undefined, 'server', MESSAGES.server(502)],
    [503, undefined, 'server', MESSAGES.server(503)],
    [599, undefined, 'server', MESSAGES.server(599)],
    [302, undefined, 'bad-response', MESSAGES.badResponse],
    [200, undefined, 'bad-response', MESSAGES.badResponse],
  ])('%d %j → %s', (status, body, kind, message) => {
    expect(failureForStatus(status, body, API_KEY)).toEqual({
      ok: false,
      kind,
      message,
      ...(kind === 'rejected' ? { hint: MESSAGES.rejectedHint } : {}),
    });
    expectSafeMessage(message);
  });

  it('a refusal leads with Everflow’s own sentence, and says what to do in one short line after it', () => {
    const result = failureForStatus(400, { error: 'Smart link 8 is paused.' }, API_KEY);
    expect(result.message).toBe('Everflow: “Smart link 8 is paused.”');
    expect(result.hint).toBe('Check the IDs and options, then try again.');
    expect(failureText(result)).toBe('Everflow: “Smart link 8 is paused.” Check the IDs and options, then try again.');
  });

  it('redacts the key inside a 400 message', () => {
    const result = failureForStatus(400, { error: `bad key ${API_KEY}` }, API_KEY);
    expect(result.message).toBe(MESSAGES.rejected('“bad key [key]”'));
    expectSafeMessage(result.message);
  });
});
