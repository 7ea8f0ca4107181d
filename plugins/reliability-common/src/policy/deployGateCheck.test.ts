import { evaluateDeployGateCheck } from './deployGateCheck';

const now = new Date('2026-12-01T12:00:00Z');
const usage = (lastAskedAt: string) => ({
  entityRef: 'component:default/payments',
  lastAskedAt,
  lastAskedBy: 'external:github-actions',
  lastDecision: 'deny' as const,
});

describe('evaluateDeployGateCheck', () => {
  it('fails when the gate was never asked', () => {
    expect(evaluateDeployGateCheck(undefined, { now, withinDays: 30 })).toEqual(
      {
        status: 'fail',
        detail:
          'the deploy gate was not asked in the last 30 days (no answer recorded)',
      },
    );
  });

  it.each([
    ['2026-12-01T11:00:00Z', 'pass', 'less than a day ago'],
    ['2026-11-30T11:00:00Z', 'pass', '1 day ago'],
    ['2026-11-01T12:00:00Z', 'pass', '30 days ago'],
    ['2026-11-01T11:59:00Z', 'fail', '30 days ago'],
    ['2026-12-01T12:05:00Z', 'pass', 'less than a day ago'],
  ])('asked at %s: %s (%s)', (askedAt, status, when) => {
    const outcome = evaluateDeployGateCheck(usage(askedAt), {
      now,
      withinDays: 30,
    });
    expect(outcome.status).toBe(status);
    expect(outcome.detail).toContain(
      `last asked ${when} by external:github-actions (answer: deny)`,
    );
  });

  it('names the window when the last answer is too old', () => {
    expect(
      evaluateDeployGateCheck(usage('2026-11-20T12:00:00Z'), {
        now,
        withinDays: 7,
      }).detail,
    ).toBe(
      'the deploy gate was not asked in the last 7 days; last asked 11 days ago by external:github-actions (answer: deny)',
    );
  });
});
