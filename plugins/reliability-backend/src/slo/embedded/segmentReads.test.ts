import {
  MAX_CUTS_PER_READ,
  MAX_SLIS_PER_READ,
  segmentReads,
} from './segmentReads';

const now = Date.parse('2026-11-30T12:00:00Z');
const lookbacks = (...minutes: number[]) =>
  minutes.map(m => ({ from: new Date(now - m * 60_000), to: new Date(now) }));

const item = (
  i: number,
  sliceSeconds: number[] = [],
  minutes = [5, 60, 43200],
) => ({
  entityRef: `component:default/svc-${i}`,
  sliName: 'requests',
  intervals: lookbacks(...minutes),
  sliceSeconds,
  timeSliceTargets: sliceSeconds.length > 0 ? [0.99] : [],
});

describe('segmentReads', () => {
  it('reads a batch in one read per slice length, cut at every interval end', () => {
    const reads = segmentReads([
      item(1),
      item(2, [3600]),
      item(3, [3600, 300]),
    ]);
    expect(
      reads.map(r => [r.sliceSeconds, r.slis.length, r.cuts.length]),
    ).toEqual([
      [undefined, 1, 4],
      [3600, 2, 4],
      [300, 1, 4],
    ]);
    expect(reads[0].cuts.map(c => c.getTime())).toEqual(
      [43200, 60, 5, 0].map(m => now - m * 60_000),
    );
  });

  it('splits a read only where SLIs or cut points exceed the limits', () => {
    const many = Array.from({ length: MAX_SLIS_PER_READ * 2 + 1 }, (_, i) =>
      item(i),
    );
    expect(segmentReads(many).map(r => r.slis.length)).toEqual([
      MAX_SLIS_PER_READ,
      MAX_SLIS_PER_READ,
      1,
    ]);
    const windows = Array.from({ length: MAX_CUTS_PER_READ }, (_, i) =>
      item(i, [], [i + 1]),
    );
    const reads = segmentReads(windows);
    expect(reads.length).toBe(2);
    expect(reads.every(r => r.cuts.length <= MAX_CUTS_PER_READ)).toBe(true);
  });

  it('holds at most the SLIs per read the store asks for', () => {
    const many = Array.from({ length: 12 }, (_, i) => item(i));
    expect(segmentReads(many, 5).map(r => r.slis.length)).toEqual([5, 5, 2]);
  });
});
