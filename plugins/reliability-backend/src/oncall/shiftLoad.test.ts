import { computeShiftLoad } from './shiftLoad';
import { StoredShift } from './store/OnCallStore';

const ana = { name: 'Ana', email: 'ana@example.com' };

function shift(
  entity: string,
  level: number,
  start: string,
  end: string,
): StoredShift {
  return {
    entityRef: `component:default/${entity}`,
    person: ana,
    personKey: 'ana@example.com',
    level,
    start: new Date(start),
    end: new Date(end),
    timeZone: 'UTC',
  };
}

describe('computeShiftLoad', () => {
  it('counts shifts of several services or levels at once as one, and back-to-back weeks as two', () => {
    const week1 = ['2026-11-02T08:00:00.000Z', '2026-11-09T08:00:00.000Z'];
    const week2 = ['2026-11-09T08:00:00.000Z', '2026-11-16T08:00:00.000Z'];
    const [load] = computeShiftLoad(
      [
        // One schedule covers three services, and Ana is also secondary of a fourth that week.
        shift('checkout', 1, week1[0], week1[1]),
        shift('payments', 1, week1[0], week1[1]),
        shift('ledger', 1, week1[0], week1[1]),
        shift(
          'fraud',
          2,
          '2026-11-03T08:00:00.000Z',
          '2026-11-08T08:00:00.000Z',
        ),
        // The next week again, for one service.
        shift('checkout', 1, week2[0], week2[1]),
      ],
      new Date('2026-11-01T00:00:00.000Z'),
      new Date('2026-11-20T00:00:00.000Z'),
    );
    expect(load).toMatchObject({
      person: ana,
      // 2 Nov 08:00 to 16 Nov 08:00: two weeks, counted once however many services.
      hoursOnCall: 14 * 24,
      shiftCount: 2,
    });
  });
});
