import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ActionItemStatus } from '@internal/backstage-plugin-reliability-common';
import {
  document,
  incident,
  NOW,
  serviceEntity,
} from '../__testUtils__/incidentFixtures';
import { createTestIncidentService } from '../__testUtils__/testIncidentService';
import { IncidentFollowUpService } from './IncidentFollowUpService';

jest.setTimeout(30_000);

const credentials = mockCredentials.user('user:default/ada');

function ownedBy(entity: Entity, group: string): Entity {
  return {
    ...entity,
    spec: { ...entity.spec, owner: group },
    relations: [{ type: 'ownedBy', targetRef: group }],
  };
}

const checkout = ownedBy(
  serviceEntity('checkout-api'),
  'group:default/checkout-payments',
);
const ledger = ownedBy(
  serviceEntity('ledger'),
  'group:default/checkout-payments',
);
const search = ownedBy(serviceEntity('search'), 'group:default/discovery');
const orphan: Entity = {
  ...serviceEntity('orphan'),
  spec: { type: 'service', lifecycle: 'production' },
};

const actionItem = (
  title: string,
  due: string,
  status: ActionItemStatus = 'open',
) => ({
  title,
  owner: null,
  due,
  status,
  issue: null,
});

async function setup() {
  const { service, documents, catalog } = await createTestIncidentService({
    entities: [checkout, ledger, search, orphan],
  });
  // checkout-api: one sev1 past its postmortem deadline, one sev2 still due; one overdue and one open item.
  await service.ingest('component:default/checkout-api', [
    incident('INC-1', { severity: 'sev1', startedDaysAgo: 20 }),
    incident('INC-2', { severity: 'sev2', startedDaysAgo: 1 }),
  ]);
  documents.set(checkout, [
    document(
      'pm-0',
      {},
      {
        actionItems: [
          actionItem('Retry budget', '2026-11-20'),
          actionItem('Dashboards', '2026-12-20'),
          actionItem('Done already', '2026-11-01', 'done'),
        ],
      },
    ),
  ]);
  // ledger: quiet; search (another team): two overdue items; orphan: one overdue postmortem.
  documents.set(search, [
    document(
      'pm-s',
      {},
      {
        actionItems: [
          actionItem('Reindex', '2026-11-10'),
          actionItem('Cache', '2026-11-11'),
        ],
      },
    ),
  ]);
  await service.ingest('component:default/orphan', [
    incident('INC-9', { severity: 'sev1', startedDaysAgo: 30 }),
  ]);
  for (const entity of [checkout, ledger, search, orphan]) {
    await service.refreshEntity(entity, credentials);
  }
  const followUp = new IncidentFollowUpService({
    catalog,
    incidents: service,
    now: () => NOW,
  });
  return { followUp, service };
}

describe('IncidentFollowUpService', () => {
  it("lists a team's missing postmortems and open action items, overdue first", async () => {
    const { followUp } = await setup();
    const team = await followUp.getFollowUp(
      'group:default/checkout-payments',
      credentials,
    );
    expect(team.owner).toBe('group:default/checkout-payments');
    expect(team.counts).toEqual({
      postmortemsDue: 1,
      postmortemsOverdue: 1,
      openActionItems: 2,
      overdueActionItems: 1,
    });
    expect(team.entities.map(e => e.entityRef)).toEqual([
      'component:default/checkout-api',
    ]);
    expect(
      team.missing.map(m => [
        m.entityRef,
        m.incident.id,
        m.incident.postmortem.state,
      ]),
    ).toEqual([
      ['component:default/checkout-api', 'INC-1', 'overdue'],
      ['component:default/checkout-api', 'INC-2', 'due'],
    ]);
    expect(team.actionItems.map(a => [a.item.title, a.item.overdue])).toEqual([
      ['Retry budget', true],
      ['Dashboards', false],
    ]);
    expect(team.teams).toEqual([]);
    expect(team.postmortemPolicy).toEqual({
      severity: 'sev2',
      businessDays: 5,
    });
  });

  it('ranks the teams of the organisation by overdue action items, then overdue postmortems', async () => {
    const { followUp } = await setup();
    const org = await followUp.getFollowUp(null, credentials);
    expect(
      org.teams.map(t => [
        t.ownerRef,
        t.entities,
        t.overdueActionItems,
        t.postmortemsOverdue,
      ]),
    ).toEqual([
      ['group:default/discovery', 1, 2, 0],
      ['group:default/checkout-payments', 2, 1, 1],
      [null, 1, 0, 1],
    ]);
    expect(org.counts).toEqual({
      postmortemsDue: 1,
      postmortemsOverdue: 2,
      openActionItems: 4,
      overdueActionItems: 3,
    });
    expect(org.missing).toEqual([]);
  });

  it('counts only entities the caller may see', async () => {
    const { service } = await setup();
    const { catalog } = await createTestIncidentService({
      entities: [checkout, orphan],
    });
    const followUp = new IncidentFollowUpService({
      catalog,
      incidents: service,
      now: () => NOW,
    });
    const org = await followUp.getFollowUp(null, credentials);
    expect(org.teams.map(t => t.ownerRef)).toEqual([
      'group:default/checkout-payments',
      null,
    ]);
  });
});
