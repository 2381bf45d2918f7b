import { describe, expect, it } from 'vitest';
import { idWarning } from './id-names';

describe('idWarning: what a manager must know about an ID before making the link', () => {
  it('nothing for an active item, or one whose status Everflow did not give', () => {
    expect(idWarning('offer', 42, { status: 'active' })).toBeUndefined();
    expect(idWarning('affiliate', 7, { status: 'Active' })).toBeUndefined();
    expect(idWarning('campaign', 5, {})).toBeUndefined();
  });

  it('an offer or smart link not active: links to it will not track, in Everflow’s own status word', () => {
    expect(idWarning('offer', 1843, { status: 'paused' })).toBe('Offer 1843 is paused in Everflow: links to it will not track.');
    expect(idWarning('offer', 1844, { status: 'deleted' })).toBe('Offer 1844 is deleted in Everflow: links to it will not track.');
    expect(idWarning('campaign', 8, { status: 'paused' })).toBe('Smart link 8 is paused in Everflow: links to it will not track.');
  });

  it('an affiliate not active: its links will not track', () => {
    expect(idWarning('affiliate', 914, { status: 'inactive' })).toBe('Affiliate 914 is inactive in Everflow: links for it will not track.');
    expect(idWarning('affiliate', 12, { status: 'PENDING_REVIEW' })).toBe(
      'Affiliate 12 is pending review in Everflow: links for it will not track.',
    );
  });

  it('an ID Everflow has nothing for', () => {
    expect(idWarning('offer', 5, null)).toBe('Everflow has no offer 5; check the ID.');
    expect(idWarning('campaign', 404, null)).toBe('Everflow has no smart link 404; check the ID.');
    expect(idWarning('affiliate', 10, null)).toBe('Everflow has no affiliate 10; check the ID.');
  });
});
