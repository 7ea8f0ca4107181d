import { SloReport } from '@internal/backstage-plugin-reliability-common';
import { reportLink, reportNotification } from './reportNotification';

function row(
  sloName: string,
  values: {
    met: boolean | null;
    spent: number | null;
    state?: string;
    decision?: 'allow' | 'warn' | 'deny';
  },
): SloReport['rows'][number] {
  const period = {
    start: '2026-10-23T12:00:00.000Z',
    end: '2026-11-22T12:00:00.000Z',
    complete: false,
    attainment: null,
    burnAlerts: { page: 0, ticket: 0 },
    episodes: [],
    policyChanges: [],
    notes: [],
  };
  return {
    entityRef: 'component:default/checkout-api',
    sloName,
    target: 0.999,
    window: '30d',
    policyState: values.state ?? 'ok',
    policyDecision: values.decision ?? 'allow',
    previous: { ...period, complete: true, budgetSpent: null, met: values.met },
    current: { ...period, budgetSpent: values.spent, met: null },
  };
}

function report(rows: SloReport['rows']): SloReport {
  return {
    scope: { kind: 'owner', ref: 'group:default/checkout-payments' },
    generatedAt: '2026-11-23T08:00:00.000Z',
    entityCount: 1,
    truncated: false,
    rows,
    serviceChanges: [],
    periodStart: '2026-09-23T12:00:00.000Z',
    runbooksTouched: [],
    checklistChanges: [],
    overrides: [],
    problems: [],
  };
}

const sentAt = new Date('2026-11-23T08:00:00.000Z');

describe('reportNotification', () => {
  it('summarises missed targets, the biggest spender, blocked deploys and the period, linking the printable report', () => {
    const payload = reportNotification(
      report([
        row('availability', {
          met: false,
          spent: 1.2,
          state: 'frozen',
          decision: 'deny',
        }),
        row('latency', {
          met: true,
          spent: 0.4,
          state: 'review',
          decision: 'warn',
        }),
        row('new-slo', { met: null, spent: null }),
      ]),
      sentAt,
    );
    expect(payload).toEqual({
      title: 'SLO review of checkout-payments: 1 of 2 SLOs missed their target',
      description:
        'Most budget spent in the current window: availability (120%). Deploys blocked by the error-budget policy: availability (frozen). Deploy with care: latency (review). Since 2026-09-23: 0 runbooks reviewed, 0 checklist assessments.',
      link: '/catalog/default/group/checkout-payments/reliability-review',
      severity: 'high',
      topic: 'reliability-slo-review',
      scope:
        'reliability-slo-review:group:default/checkout-payments:2026-11-23',
    });
  });

  it('says when every SLO met its target, or none has a complete window yet', () => {
    const met = reportNotification(
      report([row('availability', { met: true, spent: 0.1 })]),
      sentAt,
    );
    expect(met.title).toBe(
      'SLO review of checkout-payments: all 1 SLO met their target',
    );
    expect(met.severity).toBe('normal');
    expect(
      reportNotification(
        report([row('availability', { met: null, spent: null })]),
        sentAt,
      ).title,
    ).toBe('SLO review of checkout-payments: 1 SLO, no complete window yet');
  });

  it('counts the deploy-gate overrides of the period as something to discuss', () => {
    const override = {
      id: '3f2b8c1e-4d5a-4b6c-8e7f-9a0b1c2d3e4f',
      entityRef: 'component:default/checkout-api',
      reason: 'Hotfix',
      createdBy: 'user:default/ada',
      createdAt: '2026-11-05T14:00:00.000Z',
      expiresAt: '2026-11-05T18:00:00.000Z',
    };
    const payload = reportNotification(
      {
        ...report([row('availability', { met: true, spent: 0.1 })]),
        overrides: [override, { ...override, id: 'other' }],
      },
      sentAt,
    );
    expect(payload.description).toContain(
      'Since 2026-09-23: 0 runbooks reviewed, 0 checklist assessments, 2 deploy-gate overrides to discuss.',
    );
  });

  it('links a group of another namespace', () => {
    expect(reportLink('group:platform/sre team')).toBe(
      '/catalog/platform/group/sre%20team/reliability-review',
    );
  });
});
