import { describe, expect, it } from 'vitest';
import { durationText, endRun, ranMsOf, startRun } from './bulk-time';
import { sampleJob } from '../../../e2e/unit-fixtures/test-bulk-job';

describe('a bulk job’s running time', () => {
  it('adds up the runs and leaves the pauses out', () => {
    const started = startRun(sampleJob({ createdAt: 0 }), 0);
    expect(ranMsOf(started, 4_000)).toBe(4_000);
    const paused = endRun(started, 'paused', 4_000);
    expect(paused).toMatchObject({ state: 'paused', stoppedAt: 4_000, ranMs: 4_000 });
    // Ten minutes paused count for nothing.
    expect(ranMsOf(paused, 604_000)).toBe(4_000);
    const resumed = startRun({ ...paused, note: 'Paused. Storage is full, then press Resume.' }, 604_000);
    expect(resumed).toMatchObject({ state: 'running', runningSince: 604_000, ranMs: 4_000 });
    expect(resumed.note).toBeUndefined();
    expect(endRun(resumed, 'done', 610_000)).toMatchObject({ state: 'done', stoppedAt: 610_000, ranMs: 10_000 });
  });

  it('a cancel while paused adds nothing; a retry runs on from the time already run', () => {
    const paused = endRun(startRun(sampleJob({ createdAt: 0 }), 0), 'paused', 3_000);
    expect(endRun(paused, 'cancelled', 900_000).ranMs).toBe(3_000);
    const done = endRun(startRun(sampleJob({ createdAt: 0 }), 0), 'done', 8_000);
    expect(ranMsOf(startRun(done, 100_000), 102_000)).toBe(10_000);
  });

  it('a job running from before its time was kept counts from when it was made', () => {
    expect(ranMsOf(sampleJob({ createdAt: 1_000 }), 6_000)).toBe(5_000);
  });
});

describe('durationText', () => {
  it.each([
    [400, 'under 1 s'],
    [1_400, '1 s'],
    [36_200, '36 s'],
    [59_600, '1 min'],
    [252_000, '4 min 12 s'],
    [3_600_000, '1 h'],
    [7_500_000, '2 h 5 min'],
  ])('%d ms → %s', (ms, text) => {
    expect(durationText(ms)).toBe(text);
  });
});
