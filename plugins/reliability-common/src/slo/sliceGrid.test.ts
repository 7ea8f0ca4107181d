import {
  gridSliceCountOf,
  gridSliceIntervals,
  sliceGridFloor,
  splitOnSliceGrid,
} from './sliceGrid';
import { sliceCountOf } from './timeslices';

const t = (iso: string) => new Date(`2026-11-01T${iso}Z`);
const iso = (d: Date) => d.toISOString().slice(11, 19);

describe('sliceGrid', () => {
  it('cuts slices on the epoch grid, not on the start of the interval', () => {
    expect(sliceGridFloor(t('00:02:30'), 60)).toEqual(t('00:02:00'));
    expect(sliceGridFloor(t('00:00:00'), 3600)).toEqual(t('00:00:00'));
    const slices = gridSliceIntervals(t('00:00:30'), t('00:02:10'), 60);
    expect(slices.map(s => [iso(s.from), iso(s.to)])).toEqual([
      ['00:00:30', '00:01:00'],
      ['00:01:00', '00:02:00'],
      ['00:02:00', '00:02:10'],
    ]);
    expect(gridSliceCountOf(t('00:00:30'), t('00:02:10'), 60)).toBe(3);
    // Aligned on its start the same interval would be 2 slices.
    expect(sliceCountOf(t('00:00:30'), t('00:02:10'), 60)).toBe(2);
    expect(gridSliceCountOf(t('00:01:00'), t('00:01:00'), 60)).toBe(0);
    expect(() => gridSliceCountOf(t('00:00:00'), t('00:01:00'), 0)).toThrow(
      RangeError,
    );
  });

  it('splits an interval into pieces whose own slices are the grid slices', () => {
    const cases: Array<[string, string]> = [
      ['00:00:30', '00:05:10'],
      ['00:00:00', '00:05:00'],
      ['00:00:10', '00:00:50'],
      ['00:00:50', '00:01:10'],
      ['00:01:00', '00:01:30'],
      ['00:00:30', '00:01:00'],
    ];
    for (const [from, to] of cases) {
      const pieces = splitOnSliceGrid(t(from), t(to), 60);
      expect(pieces[0].from).toEqual(t(from));
      expect(pieces[pieces.length - 1].to).toEqual(t(to));
      const sliced = pieces.reduce(
        (sum, p) => sum + sliceCountOf(p.from, p.to, 60),
        0,
      );
      expect(sliced).toBe(gridSliceCountOf(t(from), t(to), 60));
    }
    expect(
      splitOnSliceGrid(t('00:00:30'), t('00:05:10'), 60).map(p => [
        iso(p.from),
        iso(p.to),
      ]),
    ).toEqual([
      ['00:00:30', '00:01:00'],
      ['00:01:00', '00:05:00'],
      ['00:05:00', '00:05:10'],
    ]);
    expect(splitOnSliceGrid(t('00:01:00'), t('00:01:00'), 60)).toEqual([]);
  });
});
