import { SloAlertState } from '../../slo/api';
import {
  alertEpisodes,
  budgetSpentByEpisode,
  budgetSpentFromAttainment,
  countAlertEpisodes,
  episodeBudgetSpent,
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
        budgetSpent: null,
      },
      {
        start: '2026-11-06T00:00:00.000Z',
        end: '2026-11-07T00:00:00.000Z',
        severity: 'ticket',
        budgetSpent: null,
      },
      {
        start: '2026-11-08T00:00:00.000Z',
        end: null,
        severity: 'page',
        budgetSpent: null,
      },
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

function budgetSeries(states: Array<[SloAlertState, number | null]>) {
  return states.map(([alertState, budgetRemaining], i) => ({
    at: `2026-11-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`,
    alertState,
    budgetRemaining,
  }));
}

describe('budget spent by episode', () => {
  const points = budgetSeries([
    ['ok', 0.9],
    ['ticket', 0.85], // episode 1 starts: measured from 0.9
    ['ticket', 0.8],
    ['ok', 0.78], // episode 1 ends: 0.9 - 0.78 = 0.12
    ['ok', 0.77],
    ['page', 0.6], // episode 2 starts: from 0.77
    ['page', 0.3],
    ['ok', 0.27], // episode 2 ends: 0.77 - 0.27 = 0.5
    ['ticket', 0.25], // episode 3: no budget at its end
    ['ok', null],
    ['ok', 0.2],
    ['ticket', 0.19], // episode 4: still firing, measured to the last state
    ['page', 0.1], // 0.2 - 0.1 = 0.1
  ]);

  it('measures each episode from the state before it to its end', () => {
    const episodes = alertEpisodes(points);
    expect(episodes.map(e => episodeBudgetSpent(points, e))).toEqual([
      0.12,
      0.5,
      null,
      0.1,
    ]);
  });

  it('ranks the biggest spenders first, unknown spends last', () => {
    expect(
      budgetSpentByEpisode(points).map(e => [
        e.start.slice(8, 10),
        e.severity,
        e.budgetSpent,
      ]),
    ).toEqual([
      ['06', 'page', 0.5],
      ['02', 'ticket', 0.12],
      ['12', 'page', 0.1],
      ['09', 'ticket', null],
    ]);
  });

  it('measures an episode at the very first state from that state', () => {
    const first = budgetSeries([
      ['page', 0.5],
      ['ok', 0.4],
    ]);
    expect(budgetSpentByEpisode(first)[0].budgetSpent).toBe(0.1);
  });
});
