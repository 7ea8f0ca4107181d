import { demoHistory } from './demoHistory';

const checklist = {
  levels: [
    { id: 'beginner', title: 'Beginner' },
    { id: 'intermediate', title: 'Intermediate' },
  ],
};

const measured = {
  maturity: [
    {
      scope: 'team' as const,
      scopeRef: 'group:default/team-a',
      score: 72,
      level: 'intermediate',
      serviceCount: 4,
      scoredCount: 4,
    },
    {
      scope: 'entity' as const,
      scopeRef: 'component:default/never-scored',
      score: null,
      level: 'none',
      serviceCount: 1,
      scoredCount: 0,
    },
  ],
  slo: [
    {
      teamRef: 'group:default/team-a',
      window: '28d rolling',
      sloCount: 5,
      measuredCount: 4,
      metCount: 3,
    },
    {
      teamRef: 'group:default/team-b',
      window: '28d rolling',
      sloCount: 2,
      measuredCount: 0,
      metCount: 0,
    },
  ],
};

describe('demoHistory', () => {
  const history = demoHistory('2026-12-01', measured, checklist, 180);

  it('covers the days before today, oldest first, and leaves out what has no number', () => {
    expect(history).toHaveLength(180);
    expect(history[0].day).toBe('2026-06-04');
    expect(history[179].day).toBe('2026-11-30');
    for (const day of history) {
      expect(day.maturity.map(r => r.scopeRef)).toEqual([
        'group:default/team-a',
      ]);
      expect(day.slo.map(r => r.teamRef)).toEqual(['group:default/team-a']);
    }
  });

  it('stays in range and ends near the measured values', () => {
    for (const day of history) {
      const [team] = day.maturity;
      expect(team.score).toBeGreaterThanOrEqual(0);
      expect(team.score).toBeLessThanOrEqual(100);
      expect(['none', 'beginner', 'intermediate']).toContain(team.level);
      expect(day.slo[0].metCount).toBeGreaterThanOrEqual(0);
      expect(day.slo[0].metCount).toBeLessThanOrEqual(4);
    }
    expect(Math.abs(history[179].maturity[0].score! - 72)).toBeLessThan(3);
    expect(history[179].maturity[0].level).toBe('intermediate');
  });

  it('draws the same history every time', () => {
    expect(demoHistory('2026-12-01', measured, checklist, 180)).toEqual(
      history,
    );
  });
});
