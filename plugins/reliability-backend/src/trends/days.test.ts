import { addDays, dayOf, nextSnapshotAt } from './days';

describe('trend days', () => {
  it('counts calendar days in UTC across month and year ends', () => {
    expect(dayOf(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-01', -400)).toBe('2025-10-27');
  });

  it('schedules the next snapshot at the hour, today or tomorrow (server time)', () => {
    const morning = new Date(2026, 11, 1, 1, 30);
    expect(nextSnapshotAt(morning, 2)).toEqual(new Date(2026, 11, 1, 2, 0));
    const exactly = new Date(2026, 11, 1, 2, 0);
    expect(nextSnapshotAt(exactly, 2)).toEqual(new Date(2026, 11, 2, 2, 0));
    expect(nextSnapshotAt(new Date(2026, 11, 31, 18), 2)).toEqual(
      new Date(2027, 0, 1, 2, 0),
    );
  });
});
