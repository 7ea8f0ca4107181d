import { mockCredentials } from '@backstage/backend-test-utils';
import { IncidentProvider } from '@internal/backstage-plugin-reliability-node';
import {
  daysAgo,
  document,
  incident,
  NOW,
  serviceEntity,
  teamEntity,
} from './__testUtils__/incidentFixtures';
import { createTestIncidentService } from './__testUtils__/testIncidentService';

jest.setTimeout(30_000);

const credentials = mockCredentials.user();
const checkout = serviceEntity('checkout-api');
const REF = 'component:default/checkout-api';

describe('IncidentService', () => {
  it('lists the incidents of the last 90 days with durations, MTTA/MTTR per severity and postmortem states', async () => {
    const { service, documents } = await createTestIncidentService({
      entities: [checkout, teamEntity()],
    });
    await service.ingest(REF, [
      incident('INC-1', { severity: 'sev1', startedDaysAgo: 20 }),
      incident('INC-2', {
        severity: 'sev1',
        startedDaysAgo: 10,
        acknowledgedAt: daysAgo(10, -0.25),
        resolvedAt: daysAgo(10, -4),
      }),
      incident('INC-3', { severity: 'sev3', startedDaysAgo: 2 }),
      incident('OLD', { startedDaysAgo: 91 }),
      incident('OPEN', {
        severity: 'sev2',
        startedDaysAgo: 0.1,
        status: 'triggered',
        acknowledgedAt: null,
        resolvedAt: null,
      }),
    ]);
    documents.set(checkout, [
      document('pm-inc-1', {}, { incidents: ['INC-1'] }),
    ]);

    const response = await service.getEntityIncidents(checkout, credentials);
    expect(response.windowDays).toBe(90);
    expect(response.generatedAt).toBe(NOW.toISOString());
    expect(response.incidents.map(i => [i.id, i.postmortem.state])).toEqual([
      ['OPEN', 'due'],
      ['INC-3', 'not-required'],
      ['INC-2', 'overdue'],
      ['INC-1', 'written'],
    ]);
    expect(response.incidents[0]).toMatchObject({
      source: 'embedded',
      timeToAcknowledgeSeconds: null,
      timeToResolveSeconds: null,
      durationSeconds: 0.1 * 86400,
    });
    expect(response.bySeverity).toEqual([
      {
        severity: 'sev1',
        incidents: 2,
        acknowledged: 2,
        resolved: 2,
        // INC-1: 5 min / 2 h; INC-2: 15 min / 4 h
        mttaSeconds: 600,
        mttrSeconds: 3 * 3600,
      },
      {
        severity: 'sev2',
        incidents: 1,
        acknowledged: 0,
        resolved: 0,
        mttaSeconds: null,
        mttrSeconds: null,
      },
      {
        severity: 'sev3',
        incidents: 1,
        acknowledged: 1,
        resolved: 1,
        mttaSeconds: 300,
        mttrSeconds: 7200,
      },
    ]);
    expect(response.sources).toEqual([
      { source: 'embedded', label: 'embedded', syncedAt: null, error: null },
    ]);
    expect(response.postmortemPolicy).toEqual({
      severity: 'sev2',
      businessDays: 5,
      timeZone: 'UTC',
    });
  });

  it('counts business days in the time zone of the owning team, or of the entity itself', async () => {
    const { service } = await createTestIncidentService({
      entities: [checkout, teamEntity('America/New_York')],
    });
    // Resolved Monday 23 Nov 02:00 UTC: Sunday evening in New York.
    await service.ingest(REF, [
      incident('INC-1', {
        startedAt: '2026-11-23T01:00:00.000Z',
        acknowledgedAt: null,
        resolvedAt: '2026-11-23T02:00:00.000Z',
      }),
    ]);
    const inTeamZone = await service.getEntityIncidents(checkout, credentials);
    expect(inTeamZone.postmortemPolicy.timeZone).toBe('America/New_York');
    expect(inTeamZone.incidents[0].postmortem).toEqual({
      state: 'overdue',
      dueAt: '2026-11-28T05:00:00.000Z',
      documents: [],
    });
    const ownZone = await service.getEntityIncidents(
      serviceEntity('checkout-api', {
        'reliability.sre-portal.dev/time-zone': 'UTC',
      }),
      credentials,
    );
    expect(ownZone.incidents[0].postmortem.state).toBe('due');
  });

  it("judges the time to acknowledge against the owning team's own target, or the default when it is invalid", async () => {
    const acknowledgedAfter = (minutes: number) =>
      incident('INC-1', {
        startedAt: '2026-11-23T01:00:00.000Z',
        acknowledgedAt: new Date(
          Date.parse('2026-11-23T01:00:00.000Z') + minutes * 60_000,
        ).toISOString(),
        resolvedAt: '2026-11-23T02:00:00.000Z',
      });
    const team = await createTestIncidentService({
      entities: [
        checkout,
        teamEntity(undefined, {
          'reliability.sre-portal.dev/acknowledge-target': '5m',
        }),
      ],
    });
    await team.service.ingest(REF, [acknowledgedAfter(7)]);
    expect(
      await team.service.refreshEntity(checkout, credentials),
    ).toMatchObject({
      mttaSeconds: 420,
      acknowledgeTargetSeconds: 300,
      acknowledgeTargetSetBy: 'group:default/checkout-payments',
      acknowledgeTargetProblem: null,
    });
    expect((await team.service.getSummaries([REF])).get(REF)).toMatchObject({
      acknowledgeTargetSeconds: 300,
      acknowledgeTargetSetBy: 'group:default/checkout-payments',
    });

    const invalid = await createTestIncidentService({
      entities: [
        checkout,
        teamEntity(undefined, {
          'reliability.sre-portal.dev/acknowledge-target': '5 minutes',
        }),
      ],
    });
    await invalid.service.ingest(REF, [acknowledgedAfter(7)]);
    expect(
      await invalid.service.refreshEntity(checkout, credentials),
    ).toMatchObject({
      acknowledgeTargetSeconds: 900,
      acknowledgeTargetSetBy: null,
      acknowledgeTargetProblem: expect.stringContaining(
        "group:default/checkout-payments sets reliability.sre-portal.dev/acknowledge-target to '5 minutes'",
      ),
    });
  });

  it('lists postmortems with unknown incident ids, missing postmortems, open action items and launches', async () => {
    const { service, documents } = await createTestIncidentService({
      entities: [checkout],
    });
    await service.ingest(REF, [
      incident('INC-1', { severity: 'sev1', startedDaysAgo: 20 }),
      incident('INC-2', { severity: 'sev2', startedDaysAgo: 3 }),
      incident('INC-3', { severity: 'sev2', startedDaysAgo: 15 }),
    ]);
    documents.set(checkout, [
      document(
        'pm-1',
        { title: 'PSP timeouts' },
        {
          incidents: ['inc-1', 'INC-404'],
          actionItems: [
            {
              title: 'Retry budget',
              owner: 'group:default/checkout-payments',
              due: '2026-11-20',
              status: 'open',
              issue: 'https://issues.example.com/1',
            },
            {
              title: 'Runbook update',
              owner: null,
              due: '2026-12-20',
              status: 'in-progress',
              issue: null,
            },
            {
              title: 'Alert',
              owner: null,
              due: '2026-11-01',
              status: 'done',
              issue: null,
            },
          ],
        },
      ),
      document(
        'pre-peak',
        { kind: 'premortem', title: 'Peak' },
        {
          launchDate: '2026-12-10',
        },
      ),
      document('rollback', { kind: 'rollback', title: 'Roll back checkout' }),
      document('broken', {
        error: 'Invalid front matter: incidents: expected array',
      }),
    ]);

    const response = await service.getEntityPostmortems(checkout, credentials);
    expect(response.postmortems).toEqual([
      {
        id: 'pm-1',
        title: 'PSP timeouts',
        url: 'https://git.example.com/pm-1.md',
        incidents: ['inc-1', 'INC-404'],
        unknownIncidents: ['INC-404'],
        actionItems: [
          expect.objectContaining({ title: 'Retry budget', overdue: true }),
          expect.objectContaining({ title: 'Runbook update', overdue: false }),
          expect.objectContaining({ title: 'Alert', overdue: false }),
        ],
      },
    ]);
    expect(response.missing.map(i => [i.id, i.postmortem.state])).toEqual([
      ['INC-3', 'overdue'],
      ['INC-2', 'due'],
    ]);
    expect(response.actionItems.map(i => i.title)).toEqual([
      'Retry budget',
      'Runbook update',
    ]);
    expect(response.counts).toEqual({
      postmortemsDue: 1,
      postmortemsOverdue: 1,
      openActionItems: 2,
      overdueActionItems: 1,
    });
    expect(response.launches).toEqual([
      expect.objectContaining({
        date: '2026-12-10',
        documentId: 'pre-peak',
        hasPremortem: true,
        rollbacks: [{ id: 'rollback', title: 'Roll back checkout' }],
      }),
    ]);
    expect(response.problems).toEqual([
      {
        title: 'Postmortem broken',
        error: 'Invalid front matter: incidents: expected array',
      },
    ]);
  });

  it('still answers when the documents cannot be read, saying so', async () => {
    const { service, documents } = await createTestIncidentService({
      entities: [checkout],
    });
    await service.ingest(REF, [incident('INC-1', { startedDaysAgo: 20 })]);
    documents.failWith = new Error('git host unreachable');
    const response = await service.getEntityPostmortems(checkout, credentials);
    expect(response.missing.map(i => i.id)).toEqual(['INC-1']);
    expect(response.problems).toEqual([
      {
        title: 'Documents',
        error: 'Postmortems could not be read: git host unreachable',
      },
    ]);
  });

  it('refreshes an entity: reads its providers, then stores its summary and action items', async () => {
    const provider: IncidentProvider = {
      id: 'pagerduty',
      supports: e =>
        Boolean(e.metadata.annotations?.['pagerduty.com/service-id']),
      getIncidents: jest.fn(async () => [
        incident('Q1', {
          source: 'ignored',
          severity: 'sev1',
          startedDaysAgo: 12,
        }),
        incident('Q2', {
          severity: 'sev3',
          status: 'acknowledged',
          resolvedAt: null,
          startedDaysAgo: 1,
        }),
      ]),
    };
    const paged = serviceEntity('checkout-api', {
      'pagerduty.com/service-id': 'PSVC1',
    });
    const { service, documents, store } = await createTestIncidentService({
      entities: [paged],
      providers: [provider],
    });
    documents.set(paged, [
      document(
        'pm',
        {},
        {
          actionItems: [
            {
              title: 'Overdue',
              owner: null,
              due: '2026-11-02',
              status: 'open',
              issue: null,
            },
          ],
        },
      ),
    ]);
    expect(service.tracks(paged)).toBe(true);
    expect(
      service.tracks({
        ...paged,
        metadata: { name: 'plain', annotations: {} },
      }),
    ).toBe(false);

    const summary = await service.refreshEntity(paged, credentials);
    expect(provider.getIncidents).toHaveBeenCalledWith(
      expect.objectContaining({
        from: new Date(daysAgo(90)),
        to: NOW,
      }),
    );
    expect(summary).toEqual({
      entityRef: REF,
      incidents: 2,
      openIncidents: 1,
      postmortemsDue: 0,
      postmortemsOverdue: 1,
      openActionItems: 1,
      overdueActionItems: 1,
      // Both acknowledged 5 minutes after their start; judged against the configured 15 minutes.
      acknowledged: 2,
      mttaSeconds: 300,
      acknowledgeTargetSeconds: 900,
      acknowledgeTargetSetBy: null,
      acknowledgeTargetProblem: null,
      updatedAt: NOW.toISOString(),
    });
    expect((await service.getSummaries([REF])).get(REF)).toEqual(summary);
    expect(await store.listActionItems(REF)).toEqual([
      expect.objectContaining({
        title: 'Overdue',
        overdue: true,
        postmortemId: 'pm',
      }),
    ]);
    const listed = await service.getEntityIncidents(paged, credentials);
    expect(listed.incidents.map(i => `${i.source}:${i.id}`)).toEqual([
      'pagerduty:Q2',
      'pagerduty:Q1',
    ]);
    expect(listed.sources).toEqual([
      {
        source: 'pagerduty',
        label: 'pagerduty',
        syncedAt: NOW.toISOString(),
        error: null,
      },
    ]);
  });
});
