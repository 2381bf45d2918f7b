import { describe, expect, it } from 'vitest';
import { PACE_ERROR, kindWords, labelProblem, paceHint, readPace, regionWords } from './account-words';

describe('how the options page names an account', () => {
  it('says what kind of key it is, and whose', () => {
    expect(kindWords({ kind: 'network', label: 'Acme', networkName: 'Acme' })).toBe('Network key');
    expect(kindWords({ kind: 'network', label: 'Our agency', networkName: 'Acme' })).toBe('Network key of Acme');
    expect(kindWords({ kind: 'network', label: 'Acme' })).toBe('Network key');
    expect(kindWords({ kind: 'partner', label: 'Acme', networkName: 'Acme', partnerId: 7, partnerName: 'Sunrise Media' })).toBe(
      'Partner key: you are Sunrise Media (partner 7) on Acme',
    );
    expect(kindWords({ kind: 'partner', label: 'Acme', partnerId: 7 })).toBe('Partner key: you are partner 7 on its network');
    expect(kindWords({ kind: 'partner', label: 'Acme' })).toBe('Partner key: you are a partner on its network');
  });

  it('names a region with its API host', () => {
    expect(regionWords('us')).toBe('United States (api.eflow.team)');
    expect(regionWords('eu')).toBe('Europe (api-eu.eflow.team)');
  });
});

describe('reading an account’s settings as typed', () => {
  it('takes a whole pace from 1 to 30, nothing else', () => {
    expect(['1', ' 30 ', '5'].map((text) => readPace(text))).toStrictEqual([1, 30, 5]);
    expect(['0', '31', '2.5', '', 'five', '-3', '100'].map((text) => readPace(text))).toStrictEqual(Array(7).fill(undefined));
    // Under an administrator's cap of 6.
    expect(['6', '7'].map((text) => readPace(text, 6))).toStrictEqual([6, undefined]);
    expect(PACE_ERROR).toBe('Requests per second must be a whole number from 1 to 30.');
  });

  it('says Everflow’s limit for the kind of key, and the default', () => {
    expect(paceHint('partner')).toMatch(/^Everflow allows a partner key 5 requests a second \(bursts up to 20\);.* default 5\.$/);
    expect(paceHint('network')).toMatch(/^Everflow allows 30 a second for a whole network;.* default 20\.$/);
  });

  it('refuses a label too long or holding a hidden character; an empty one is the network’s name', () => {
    expect(labelProblem('')).toBeUndefined();
    expect(labelProblem('Acme (EU team)')).toBeUndefined();
    expect(labelProblem('x'.repeat(81))).toBe('A label can be at most 80 characters.');
    expect(labelProblem('Ac\u202Eme')).toMatch(/^The label holds a hidden character, U\+202E/);
  });
});
