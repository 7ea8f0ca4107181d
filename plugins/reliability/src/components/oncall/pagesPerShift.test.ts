import { pagesPerShift } from './pagesPerShift';

const window90 = {
  from: '2026-09-01T00:00:00.000Z',
  to: '2026-11-30T00:00:00.000Z',
};

describe('pagesPerShift', () => {
  it('sets the pages of the window against the shifts of a window as long', () => {
    // 90 days with 45 shifts: 15 shifts per 30 days; 30 pages in 30 days: 2 per shift.
    expect(
      pagesPerShift(
        { windowDays: 30, count: 30, pagingAlerts: 4 },
        [{ shiftCount: 30 }, { shiftCount: 15 }],
        window90,
      ),
    ).toEqual({ pages: 30, windowDays: 30, shifts: 15, perShift: 2 });
  });

  it('has no rate without shifts, and nothing without pages data or a readable window', () => {
    expect(
      pagesPerShift(
        { windowDays: 30, count: 3, pagingAlerts: 1 },
        [],
        window90,
      ),
    ).toEqual({ pages: 3, windowDays: 30, shifts: 0, perShift: null });
    expect(pagesPerShift(null, [{ shiftCount: 3 }], window90)).toBeNull();
    expect(
      pagesPerShift(
        { windowDays: 30, count: 3, pagingAlerts: 1 },
        [{ shiftCount: 3 }],
        { from: 'x', to: 'y' },
      ),
    ).toBeNull();
  });
});
