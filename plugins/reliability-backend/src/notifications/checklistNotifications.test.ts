import { MaturityExemption } from '@internal/backstage-plugin-reliability-common';
import { testNotifier } from './__testUtils__/testNotifier';
import { ChecklistNotifications } from './checklistNotifications';

function setup() {
  const { notifier, send } = testNotifier({
    now: () => new Date('2026-12-01T00:00:00Z'),
  });
  return { send, notifications: new ChecklistNotifications(notifier) };
}

const exemption: MaturityExemption = {
  id: 'e1',
  entityRef: 'component:default/orders',
  itemId: 'rollback',
  status: 'active',
  justification: 'Migration in January',
  requestedBy: 'user:default/alice',
  requestedAt: '2026-11-20T00:00:00.000Z',
  requestedExpiresAt: '2027-01-31T00:00:00.000Z',
  expiresAt: '2027-01-15T00:00:00.000Z',
  decidedBy: 'user:default/sre-lead',
  decidedAt: '2026-11-21T00:00:00.000Z',
  decisionComment: 'Fine until the migration',
  revokedBy: null,
  revokedAt: null,
  revokeReason: null,
};

describe('ChecklistNotifications', () => {
  it('tells the owners of the entity that an exemption was decided, with a link to its Maturity tab', async () => {
    const { send, notifications } = setup();
    await notifications.exemptionDecided(exemption);
    await notifications.exemptionDecided(exemption);
    await notifications.exemptionDecided({
      ...exemption,
      id: 'e2',
      status: 'rejected',
      expiresAt: null,
    });
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[0]).toEqual([
      {
        recipients: { type: 'entity', entityRef: ['component:default/orders'] },
        payload: expect.objectContaining({
          topic: 'reliability-exemptionDecided',
          title: "Exemption of 'rollback' for orders approved until 2027-01-15",
          description: expect.stringContaining('Fine until the migration'),
          link: '/catalog/default/component/orders/maturity',
        }),
      },
    ]);
    expect((send.mock.calls[1] as any)[0].payload.title).toBe(
      "Exemption of 'rollback' for orders rejected",
    );
  });

  it('tells owners once about expired exemptions and dropped levels', async () => {
    const { send, notifications } = setup();
    await notifications.exemptionsExpired([exemption]);
    await notifications.exemptionsExpired([exemption]);
    const drop = {
      entityRef: 'component:default/orders',
      from: 'intermediate',
      to: 'beginner',
      previousEvaluatedAt: '2026-11-30T00:00:00.000Z',
      blocking: ['restore-tested'],
    };
    await notifications.levelsDropped([drop]);
    await notifications.levelsDropped([drop]);
    // A later drop is a new episode.
    await notifications.levelsDropped([
      { ...drop, previousEvaluatedAt: '2026-12-30T00:00:00.000Z' },
    ]);
    const payloads = send.mock.calls.map((c: any) => c[0].payload);
    expect(payloads.map(p => p.topic)).toEqual([
      'reliability-exemptionExpired',
      'reliability-maturityLevelDropped',
      'reliability-maturityLevelDropped',
    ]);
    expect(payloads[1]).toMatchObject({
      title: 'orders dropped from maturity level intermediate to beginner',
      description: expect.stringContaining('restore-tested'),
      severity: 'high',
    });
  });
});
