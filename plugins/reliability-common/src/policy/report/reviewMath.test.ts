import { SloAlertState } from '../../slo/api';
import {
  alertEpisodes,
  budgetSpentFromAttainment,
  countAlertEpisodes,
} from './reviewMath';

describe('budgetSpentFromAttainment', () => {
  it.each<[number | null, number, number | null]>([
    [0.9995, 0.999, 0.5],
    [0.999, 0.999, 1],
    [0.998, 0.999, 2],
    [1, 0.999, 0],
    [0.97, 0.95, 0.6],
    [0.9, 0.99, 10],
    [null, 0.999, null],
    [0.999, 1, null],
    [Number.NaN, 0.99, null],
  ])(
    'attainment %p at target %p spent %p of the budget',
    (attainment, target, spent) => {
      expect(budgetSpentFromAttainment(attainment, target)).toBe(spent);
    },
  );
});

function series(states: SloAlertState[]) {
  return states.map((alertState, i) => ({
    at: `2026-11-0${i + 1}T00:00:00.000Z`,
    alertState,
  }));
}

describe('alertEpisodes', () => {
  it('finds each run of firing states, with its most severe severity', () => {
    expect(
      alertEpisodes(
        series([
          'ok',
          'ticket',
          'page',
          'ticket',
          'ok',
          'ticket',
          'unknown',
          'page',
        ]),
      ),
    ).toEqual([
      {
        start: '2026-11-02T00:00:00.000Z',
        end: '2026-11-05T00:00:00.000Z',
        severity: 'page',
      },
      {
        start: '2026-11-06T00:00:00.000Z',
        end: '2026-11-07T00:00:00.000Z',
        severity: 'ticket',
      },
      { start: '2026-11-08T00:00:00.000Z', end: null, severity: 'page' },
    ]);
  });

  it('finds nothing in a quiet or empty series', () => {
    expect(alertEpisodes(series(['ok', 'unknown', 'ok']))).toEqual([]);
    expect(alertEpisodes([])).toEqual([]);
  });

  it('counts episodes by severity', () => {
    expect(
      countAlertEpisodes(
        alertEpisodes(series(['page', 'ok', 'ticket', 'ok', 'ticket'])),
      ),
    ).toEqual({ page: 1, ticket: 2 });
  });
});
