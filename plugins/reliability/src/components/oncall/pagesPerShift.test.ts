import { describePagesPerShift, pagesPerShift } from './pagesPerShift';

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
    ).toEqual({
      pages: 30,
      windowDays: 30,
      shifts: 15,
      loadDays: 90,
      perShift: 2,
    });
  });

  it('has no rate without shifts, and nothing without pages data or a readable window', () => {
    expect(
      pagesPerShift(
        { windowDays: 30, count: 3, pagingAlerts: 1 },
        [],
        window90,
      ),
    ).toEqual({
      pages: 3,
      windowDays: 30,
      shifts: 0,
      loadDays: 90,
      perShift: null,
    });
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

describe('describePagesPerShift', () => {
  const rate = (pages: number, shiftsIn90Days: number) =>
    pagesPerShift(
      { windowDays: 30, count: pages, pagingAlerts: 4 },
      [{ shiftCount: shiftsIn90Days }],
      window90,
    )!;

  it('says how often a shift is paged in whole shifts when it is less than once a shift', () => {
    // The demo team: 18 pages against 700 shifts in 90 days (233.3 in 30) read "0.1 per on-call shift (233.3
    // shifts in 30 days at the load's rate; ...)".
    expect(describePagesPerShift(rate(18, 700))).toEqual({
      pages: '18 pages in the last 30 days',
      frequency: 'about 1 page every 13 on-call shifts',
      shifts:
        "The team's rotations run about 233 shifts in 30 days (at the pace of the last 90 days); a person on call for several services at once counts one shift.",
    });
  });

  it('says pages per shift from one a shift up, rounded as people say it', () => {
    // 31 shifts in 90 days: 10.3 in 30; 31 pages: 3.0 a shift.
    expect(describePagesPerShift(rate(31, 31)).frequency).toBe(
      'about 3 pages per on-call shift',
    );
    expect(describePagesPerShift(rate(25, 30)).frequency).toBe(
      'about 2.5 pages per on-call shift',
    );
    expect(describePagesPerShift(rate(19, 60)).frequency).toBe(
      'about 1 page per on-call shift',
    );
    expect(describePagesPerShift(rate(9, 3)).shifts).toMatch(
      /^The team's rotations run about 1 shift in 30 days/,
    );
    expect(describePagesPerShift(rate(9, 12)).shifts).toMatch(
      /^The team's rotations run about 4 shifts in 30 days/,
    );
    expect(describePagesPerShift(rate(9, 13)).shifts).toMatch(
      /^The team's rotations run about 4.3 shifts in 30 days/,
    );
  });

  it('has no frequency without shifts, and says when no shift was paged', () => {
    expect(describePagesPerShift(rate(1, 0))).toEqual({
      pages: '1 page in the last 30 days',
      frequency: null,
      shifts: null,
    });
    expect(describePagesPerShift(rate(0, 90)).frequency).toBe(
      'no on-call shift was paged',
    );
  });
});
