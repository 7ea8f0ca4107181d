import { shift } from './__testUtils__/onCallFixtures';
import { compareShiftStart } from './shiftOrder';

describe('compareShiftStart', () => {
  it('orders by the instant a shift starts, not by the text of its timestamp', () => {
    const utc = shift('ana', 1, '2026-11-21T01:00:00Z', '2026-11-21T09:00:00Z');
    const tokyo = shift(
      'bo',
      1,
      '2026-11-21T09:00:00+09:00',
      '2026-11-21T18:00:00+09:00',
    );
    expect([utc, tokyo].sort(compareShiftStart)).toEqual([tokyo, utc]);
  });

  it('puts lower escalation levels first when shifts start together', () => {
    const secondary = shift(
      'cy',
      2,
      '2026-11-21T00:00:00Z',
      '2026-11-21T08:00:00Z',
    );
    const primary = shift(
      'di',
      1,
      '2026-11-21T09:00:00+09:00',
      '2026-11-21T17:00:00+09:00',
    );
    expect([secondary, primary].sort(compareShiftStart)).toEqual([
      primary,
      secondary,
    ]);
  });
});
