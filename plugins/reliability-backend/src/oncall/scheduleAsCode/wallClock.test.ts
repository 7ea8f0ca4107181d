import { DateTime } from 'luxon';
import { fromWall, toWall, wallDate } from './wallClock';

const wall = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
const utc = (iso: string) => DateTime.fromISO(iso).toMillis();

describe('wall clock', () => {
  it('round-trips ordinary local times in several zones', () => {
    for (const zone of [
      'Europe/Berlin',
      'America/New_York',
      'Asia/Kolkata',
      'Pacific/Chatham',
    ]) {
      for (let day = 0; day < 365; day += 7) {
        const w = wallDate('2026-01-01') + day * 86_400_000 + 9 * 3_600_000;
        expect(toWall(fromWall(w, zone), zone)).toBe(w);
      }
    }
  });

  it('resolves a time skipped by a DST gap to the moment the clocks jump', () => {
    expect(fromWall(wall('2026-03-29T02:30'), 'Europe/Berlin')).toBe(
      utc('2026-03-29T01:00:00Z'),
    );
    expect(fromWall(wall('2026-03-08T02:15'), 'America/New_York')).toBe(
      utc('2026-03-08T07:00:00Z'),
    );
  });

  it('resolves a time repeated by a DST overlap to its first occurrence', () => {
    expect(fromWall(wall('2026-10-25T02:30'), 'Europe/Berlin')).toBe(
      utc('2026-10-25T00:30:00Z'),
    );
    expect(fromWall(wall('2026-11-01T01:30'), 'America/New_York')).toBe(
      utc('2026-11-01T05:30:00Z'),
    );
  });
});
