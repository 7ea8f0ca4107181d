import { mockServices } from '@backstage/backend-test-utils';
import {
  AlertSummary,
  DeployGateUsageSummary,
  IncidentSummary,
  OnCallSummary,
  RunbookSummary,
  SloSummary,
} from '@internal/backstage-plugin-reliability-common';
import {
  evaluateAutomaticItems,
  loadAutomaticCheckData,
} from './automaticChecks';
import { defaultChecklist } from './defaultChecklist';

const ref = 'component:default/orders';
const settings = {
  runbookCoverageThreshold: 0.8,
  deployGateAskedWithinDays: 30,
  now: new Date('2026-11-22T12:00:00Z'),
};
const logger = mockServices.logger.mock();

function source<T>(value: T | undefined) {
  return {
    getSummaries: jest.fn(async () =>
      value ? new Map([[ref, value]]) : new Map<string, T>(),
    ),
  };
}

const slo: SloSummary = {
  entityRef: ref,
  sloCount: 2,
  definitionErrors: 0,
  slosMeetingTarget: 1,
  burnRateAlertsConfigured: false,
  worstBudgetRemaining: -0.1,
  alerting: 'ticket',
  alertCount: 4,
  alertsWithRunbook: 3,
  stale: true,
  updatedAt: '2026-11-22T00:00:00Z',
};
const oncall: OnCallSummary = {
  entityRef: ref,
  provider: 'pagerduty',
  peopleInRotation: 3,
  primary: null,
  primaryUntil: null,
  escalationLevels: 2,
  error: 'timeout',
  updatedAt: '2026-11-21T00:00:00Z',
};
const runbooks: RunbookSummary = {
  entityRef: ref,
  runbookCount: 2,
  staleCount: 0,
  coverage: 0.75,
  updatedAt: '2026-11-22T00:00:00Z',
};

const alerts: AlertSummary = {
  entityRef: ref,
  ownerRef: 'group:default/team-a',
  alerts: 6,
  pagingAlerts: 4,
  pagingWithRunbook: 3,
  firing: 1,
  noisy: 1,
  fired: 12,
  sloBasedPaging: 3,
  stale: false,
  gap: null,
  updatedAt: '2026-11-22T00:00:00Z',
};
const deployGate: DeployGateUsageSummary = {
  entityRef: ref,
  lastAskedAt: '2026-11-20T09:00:00Z',
  lastAskedBy: 'external:github-actions',
  lastDecision: 'warn',
};
const incidents: IncidentSummary = {
  entityRef: ref,
  incidents: 3,
  openIncidents: 0,
  postmortemsDue: 1,
  postmortemsOverdue: 0,
  openActionItems: 4,
  overdueActionItems: 1,
  acknowledged: 3,
  mttaSeconds: 1200,
  acknowledgeTargetSeconds: 900,
  updatedAt: '2026-11-22T00:00:00Z',
};

async function evaluate(sources: Parameters<typeof loadAutomaticCheckData>[0]) {
  const data = await loadAutomaticCheckData(
    sources,
    defaultChecklist,
    [ref],
    logger,
  );
  return Object.fromEntries(
    evaluateAutomaticItems(defaultChecklist, ref, data, settings).map(r => [
      r.itemId,
      `${r.status}: ${r.detail}`,
    ]),
  );
}

describe('automatic checks', () => {
  it('evaluates every check from the summaries', async () => {
    expect(
      await evaluate({
        slo: source(slo),
        oncall: source(oncall),
        runbooks: source(runbooks),
        alerts: source(alerts),
        incidents: source(incidents),
        deployGate: source(deployGate),
      }),
    ).toEqual({
      'slo-defined': 'pass: 2 SLOs defined',
      'slo-met-last-window':
        'fail: 1 of 2 SLOs met their target (data may be stale)',
      'burn-rate-alerts':
        'fail: not every SLO has multiwindow burn-rate alerts',
      'oncall-two-people':
        'pass: 3 people in rotation (last known data; provider failing)',
      'runbook-coverage':
        'fail: 75% of SLO alerts link a runbook (80% required)',
      'runbooks-fresh': 'pass: all 2 runbooks reviewed recently',
      'pages-have-runbooks': 'fail: 1 of 4 paging alerts have no runbook',
      'no-noisy-alerts': 'fail: 1 noisy alert in 30 days',
      'pages-mostly-slo': 'pass: 3 of 4 paging alerts are SLO-based',
      'postmortems-on-time':
        'pass: no postmortem overdue (1 still within the deadline)',
      'action-items-on-time':
        'fail: 1 of 4 open action items past the due date',
      'acknowledge-within-target':
        'fail: MTTA 20 min over 3 acknowledged incidents (target 15 min)',
      'deploys-ask-gate':
        'pass: the deploy gate was last asked 2 days ago by external:github-actions (answer: warn)',
    });
  });

  it('fails a service the deploy gate was never asked about, and is unknown without the policy area', async () => {
    expect(
      (
        await evaluate({
          deployGate: source<DeployGateUsageSummary>(undefined),
        })
      )['deploys-ask-gate'],
    ).toBe(
      'fail: the deploy gate was not asked in the last 30 days (no answer recorded)',
    );
    expect((await evaluate({}))['deploys-ask-gate']).toBe(
      'unknown: the deploy gate data source is not available in this installation',
    );
  });

  it('judges alerts and incidents of an entity the areas have no summary for', async () => {
    const result = await evaluate({
      alerts: source<AlertSummary>(undefined),
      incidents: source<IncidentSummary>(undefined),
    });
    expect(result['pages-have-runbooks']).toBe(
      'fail: no alert maps to this entity, so nothing pages',
    );
    expect(result['no-noisy-alerts']).toBe(
      'unknown: no alert maps to this entity',
    );
    expect(result['postmortems-on-time']).toBe(
      'unknown: no incident source tracks this entity',
    );
  });

  it('says when the alert data may be stale, and is unknown without the alert and incident areas', async () => {
    const stale = await evaluate({
      alerts: source({ ...alerts, stale: true, noisy: 0 }),
    });
    expect(stale['no-noisy-alerts']).toBe(
      'pass: no noisy alert in 30 days (data may be stale)',
    );
    expect(stale['action-items-on-time']).toBe(
      'unknown: the incident data source is not available in this installation',
    );
    const failing = await evaluate({
      alerts: { getSummaries: jest.fn().mockRejectedValue(new Error('down')) },
    });
    expect(failing['pages-have-runbooks']).toBe(
      'unknown: the alert data could not be read right now',
    );
  });

  it('fails when the area has no data for the entity, and is unknown without the area', async () => {
    const result = await evaluate({
      slo: source<SloSummary>(undefined),
      runbooks: source<RunbookSummary>(undefined),
    });
    expect(result['slo-defined']).toBe('fail: no SLO defined');
    expect(result['slo-met-last-window']).toMatch(/^fail/);
    expect(result['oncall-two-people']).toBe(
      'unknown: the on-call data source is not available in this installation',
    );
    expect(result['runbook-coverage']).toMatch(/^unknown/);
    expect(result['runbooks-fresh']).toBe('fail: no runbook found');
  });

  it('is unknown when a source fails or has not collected yet', async () => {
    const result = await evaluate({
      slo: source({ ...slo, slosMeetingTarget: null }),
      oncall: {
        getSummaries: jest.fn().mockRejectedValue(new Error('db down')),
      },
      runbooks: source({ ...runbooks, coverage: null }),
    });
    expect(result['slo-met-last-window']).toBe(
      'unknown: no completed SLO window collected yet',
    );
    expect(result['oncall-two-people']).toBe(
      'unknown: the on-call data could not be read right now',
    );
    expect(result['runbook-coverage']).toMatch(/^unknown/);
  });

  it('reads each source once for a whole batch', async () => {
    const sloSource = source(slo);
    await loadAutomaticCheckData(
      { slo: sloSource },
      defaultChecklist,
      [ref, 'component:default/other'],
      logger,
    );
    expect(sloSource.getSummaries).toHaveBeenCalledTimes(1);
  });
});
