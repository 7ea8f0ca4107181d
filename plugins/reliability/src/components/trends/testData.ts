import {
  TrendLeaderboardResponse,
  TrendSeriesResponse,
} from '@internal/backstage-plugin-reliability-common';

/** A team's series: two measured days, with one SLO window. */
export const teamSeries: TrendSeriesResponse = {
  scope: 'team',
  ref: 'group:default/payments',
  from: '2026-06-04',
  to: '2026-12-01',
  maturity: [
    {
      day: '2026-11-30',
      score: 48.2,
      level: 'beginner',
      serviceCount: 3,
      scoredCount: 3,
      demo: false,
    },
    {
      day: '2026-12-01',
      score: 61.5,
      level: 'intermediate',
      serviceCount: 3,
      scoredCount: 3,
      demo: false,
    },
  ],
  slo: [
    {
      window: '28d rolling',
      points: [
        {
          day: '2026-11-30',
          sloCount: 4,
          measuredCount: 4,
          metCount: 2,
          share: 0.5,
          demo: false,
        },
        {
          day: '2026-12-01',
          sloCount: 4,
          measuredCount: 4,
          metCount: 3,
          share: 0.75,
          demo: false,
        },
      ],
    },
  ],
  nextSnapshotAt: '2026-12-02T02:00:00.000Z',
};

/** A series without any snapshot yet. */
export const emptySeries: TrendSeriesResponse = {
  ...teamSeries,
  maturity: [],
  slo: [],
};

const entry = (
  teamRef: string,
  score: number,
  improvement: number | null,
  demo = false,
) => ({
  teamRef,
  score,
  level: 'beginner',
  serviceCount: 2,
  baselineDay: improvement === null ? null : '2026-09-02',
  baselineScore: improvement === null ? null : score - improvement,
  improvement,
  demo,
});

/** A leaderboard of three teams. */
export const leaderboard: TrendLeaderboardResponse = {
  day: '2026-12-01',
  improvementDays: 90,
  byScore: [
    entry('group:default/payments', 81, 4),
    entry('group:default/orders', 64, 30.5, true),
    entry('group:default/search', 20, null),
  ],
  byImprovement: [
    entry('group:default/orders', 64, 30.5, true),
    entry('group:default/payments', 81, 4),
  ],
  nextSnapshotAt: '2026-12-02T02:00:00.000Z',
};
