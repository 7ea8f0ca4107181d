import { Entity } from '@backstage/catalog-model';
import {
  EntityIncidentsResponse,
  EntityPostmortemsResponse,
  IncidentFollowUpResponse,
  IncidentView,
  ReliabilityApi,
} from '@internal/backstage-plugin-reliability-common';

/** Test fixtures for the incidents components. */
export const testEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-api', namespace: 'default' },
  spec: { owner: 'group:default/checkout-payments' },
};

export function testIncident(
  overrides: Partial<IncidentView> = {},
): IncidentView {
  return {
    id: 'PCL-INC-1207',
    source: 'embedded',
    title: 'PSP timeouts during the evening peak',
    severity: 'sev1',
    status: 'resolved',
    startedAt: '2026-11-24T18:40:00.000Z',
    acknowledgedAt: '2026-11-24T18:44:00.000Z',
    resolvedAt: '2026-11-24T20:15:00.000Z',
    url: 'https://status.example.com/incidents/PCL-INC-1207',
    timeToAcknowledgeSeconds: 240,
    timeToResolveSeconds: 5700,
    durationSeconds: 5700,
    postmortem: {
      state: 'written',
      dueAt: '2026-12-02T00:00:00.000Z',
      documents: [{ id: 'pm-psp', title: 'Postmortem: PSP timeouts' }],
    },
    ...overrides,
  };
}

const overdue = testIncident({
  id: 'PCL-INC-1192',
  title: 'Order API errors during the database failover',
  severity: 'sev2',
  startedAt: '2026-11-10T09:00:00.000Z',
  // eslint-disable-next-line no-script-url
  url: 'javascript:alert(1)',
  timeToAcknowledgeSeconds: 660,
  durationSeconds: 4440,
  postmortem: {
    state: 'overdue',
    dueAt: '2026-11-18T00:00:00.000Z',
    documents: [],
  },
});

const open = testIncident({
  id: 'PCL-INC-1224',
  title: 'Cart errors after the Redis node replacement',
  severity: 'sev3',
  status: 'acknowledged',
  startedAt: '2026-11-30T11:00:00.000Z',
  resolvedAt: null,
  timeToResolveSeconds: null,
  timeToAcknowledgeSeconds: 420,
  durationSeconds: 3600,
  postmortem: { state: 'not-required', dueAt: null, documents: [] },
});

export function testIncidents(
  overrides: Partial<EntityIncidentsResponse> = {},
): EntityIncidentsResponse {
  return {
    entityRef: 'component:default/checkout-api',
    windowDays: 90,
    incidents: [open, testIncident(), overdue],
    bySeverity: [
      {
        severity: 'sev1',
        incidents: 1,
        acknowledged: 1,
        resolved: 1,
        mttaSeconds: 240,
        mttrSeconds: 5700,
      },
      {
        severity: 'sev2',
        incidents: 1,
        acknowledged: 1,
        resolved: 1,
        mttaSeconds: 660,
        mttrSeconds: 4440,
      },
      {
        severity: 'sev3',
        incidents: 1,
        acknowledged: 1,
        resolved: 0,
        mttaSeconds: 420,
        mttrSeconds: null,
      },
    ],
    sources: [
      {
        source: 'embedded',
        label: 'embedded (demo data)',
        syncedAt: null,
        error: null,
      },
    ],
    postmortemPolicy: {
      severity: 'sev2',
      businessDays: 5,
      timeZone: 'Europe/Berlin',
    },
    generatedAt: '2026-11-30T12:00:00.000Z',
    ...overrides,
  };
}

export function testPostmortems(
  overrides: Partial<EntityPostmortemsResponse> = {},
): EntityPostmortemsResponse {
  const items = [
    {
      postmortemId: 'pm-psp',
      postmortemTitle: 'Postmortem: PSP timeouts',
      title: 'Give the PSP client a retry budget',
      owner: 'user:default/aisha.khan',
      due: '2026-11-27',
      status: 'in-progress' as const,
      issue: 'https://issues.example.com/PAY-412',
      overdue: true,
    },
    {
      postmortemId: 'pm-psp',
      postmortemTitle: 'Postmortem: PSP timeouts',
      title: 'Page on PSP latency',
      owner: null,
      due: '2026-12-18',
      status: 'open' as const,
      // eslint-disable-next-line no-script-url
      issue: 'javascript:alert(1)',
      overdue: false,
    },
  ];
  return {
    entityRef: 'component:default/checkout-api',
    postmortems: [
      {
        id: 'pm-psp',
        title: 'Postmortem: PSP timeouts',
        url: null,
        incidents: ['PCL-INC-1207'],
        unknownIncidents: [],
        actionItems: items,
      },
    ],
    missing: [overdue],
    actionItems: items,
    counts: {
      postmortemsDue: 0,
      postmortemsOverdue: 1,
      openActionItems: 2,
      overdueActionItems: 1,
    },
    launches: [
      {
        date: '2027-01-12',
        documentId: 'pre-psp',
        title: 'Pre-mortem: two PSPs',
        url: null,
        kind: 'premortem',
        hasPremortem: true,
        rollbacks: [{ id: 'rollback-payments', title: 'Roll back payments' }],
      },
    ],
    problems: [],
    postmortemPolicy: {
      severity: 'sev2',
      businessDays: 5,
      timeZone: 'Europe/Berlin',
    },
    generatedAt: '2026-11-30T12:00:00.000Z',
    ...overrides,
  };
}

/** A team's follow-up: one overdue postmortem, one overdue and one open action item (from the entity fixtures). */
export function testFollowUp(
  overrides: Partial<IncidentFollowUpResponse> = {},
): IncidentFollowUpResponse {
  const postmortems = testPostmortems();
  const entityRef = 'component:default/checkout-api';
  return {
    owner: 'group:default/checkout-payments',
    counts: postmortems.counts,
    teams: [],
    entities: [
      {
        entityRef,
        incidents: 3,
        openIncidents: 1,
        ...postmortems.counts,
        acknowledged: 3,
        mttaSeconds: 440,
        acknowledgeTargetSeconds: 900,
        updatedAt: '2026-11-30T11:50:00.000Z',
      },
    ],
    missing: postmortems.missing.map(incident => ({ entityRef, incident })),
    actionItems: postmortems.actionItems.map(item => ({ entityRef, item })),
    postmortemPolicy: { severity: 'sev2', businessDays: 5 },
    generatedAt: '2026-11-30T12:00:00.000Z',
    ...overrides,
  };
}

/** The organisation's follow-up: two teams and entities without owner, most overdue first. */
export function testOrgFollowUp(): IncidentFollowUpResponse {
  const team = (
    ownerRef: string | null,
    overdueActionItems: number,
    postmortemsOverdue: number,
  ) => ({
    ownerRef,
    entities: 2,
    incidents: 5,
    postmortemsDue: 1,
    postmortemsOverdue,
    openActionItems: overdueActionItems + 2,
    overdueActionItems,
  });
  return testFollowUp({
    owner: null,
    counts: {
      postmortemsDue: 3,
      postmortemsOverdue: 3,
      openActionItems: 12,
      overdueActionItems: 6,
    },
    teams: [
      team('group:default/checkout-payments', 4, 1),
      team('group:default/discovery', 2, 2),
      team(null, 0, 0),
    ],
    entities: [],
    missing: [],
    actionItems: [],
  });
}

/** A ReliabilityApi answering the incidents methods from fixtures. */
export function mockIncidentsApi(
  overrides: Partial<ReliabilityApi> = {},
): Partial<ReliabilityApi> {
  return {
    getEntityIncidents: jest.fn(async () => testIncidents()),
    getEntityPostmortems: jest.fn(async () => testPostmortems()),
    getIncidentFollowUp: jest.fn(async () => testFollowUp()),
    ...overrides,
  };
}
