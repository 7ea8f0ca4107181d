import { DeployGateOverride } from '@internal/backstage-plugin-reliability-common';
import { PolicyServiceStateChange } from '../policy/listener';
import { testNotifier } from './__testUtils__/testNotifier';
import { PolicyNotifications } from './policyNotifications';

const halted: PolicyServiceStateChange = {
  entityRef: 'component:default/payments',
  fromState: 'review',
  toState: 'halted',
  decision: 'deny',
  changedAt: '2026-12-01T20:57:18.424Z',
  consequence: 'Halt deploys until the page-severity burn is resolved.',
  currentState: null,
};

/** A break-glass override of payments' deploy gate. */
const override: DeployGateOverride = {
  id: '3f2b8c1e-4d5a-4b6c-8e7f-9a0b1c2d3e4f',
  entityRef: 'component:default/payments',
  reason: 'Hotfix for INC-7',
  createdBy: 'user:default/ada',
  createdAt: '2026-12-01T21:00:00.000Z',
  expiresAt: '2026-12-01T23:00:00.000Z',
};

function setup(enabled?: { policyStateChanged: boolean }) {
  const { notifier, send } = testNotifier({
    now: () => new Date('2026-12-01T21:00:00Z'),
    enabled,
  });
  const sent = () => send.mock.calls.map((c: any) => c[0]);
  return { notifications: new PolicyNotifications(notifier), sent };
}

describe('PolicyNotifications', () => {
  it("tells the service's owners the new state, what it means for deploys and what they agreed to do, once", async () => {
    const { notifications, sent } = setup();
    await notifications.serviceStatesChanged([halted]);
    await notifications.serviceStatesChanged([halted]);
    expect(sent()).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: ['component:default/payments'],
        },
        payload: {
          topic: 'reliability-policyStateChanged',
          title: 'payments: Halted, deploys blocked',
          description:
            'Halt deploys until the page-severity burn is resolved. The error-budget policy moved it from Review at 2026-12-01 20:57 UTC.',
          link: '/catalog/default/component/payments/reliability',
          severity: 'high',
        },
      },
    ]);
  });

  it('says when deploys are allowed again, and when the state changed again since', async () => {
    const { notifications, sent } = setup();
    await notifications.serviceStatesChanged([
      {
        ...halted,
        fromState: 'halted',
        toState: 'ok',
        decision: 'allow',
        changedAt: '2026-12-01T21:30:00.000Z',
        consequence: null,
      },
      {
        ...halted,
        entityRef: 'component:default/search-service',
        toState: 'review',
        fromState: 'ok',
        decision: 'warn',
        consequence: null,
        currentState: 'ok',
      },
    ]);
    expect(
      sent().map(n => [
        n.payload.title,
        n.payload.description,
        n.payload.severity,
      ]),
    ).toEqual([
      [
        'payments: back to OK, deploys allowed',
        'The error-budget policy moved it from Halted at 2026-12-01 21:30 UTC.',
        'low',
      ],
      [
        'search-service: Review, deploy with care',
        'The error-budget policy moved it from OK at 2026-12-01 20:57 UTC. It has changed again since: now OK.',
        'normal',
      ],
    ]);
  });

  it('sends nothing when the kind is switched off', async () => {
    const { notifications, sent } = setup({ policyStateChanged: false });
    await notifications.serviceStatesChanged([halted]);
    expect(sent()).toEqual([]);
  });

  it("tells the service's owners once who overrode the deploy gate, why and until when", async () => {
    const { notifications, sent } = setup();
    await notifications.overrideCreated(override);
    await notifications.overrideCreated(override);
    expect(sent().map(n => n.payload)).toEqual([
      {
        topic: 'reliability-deployGateOverridden',
        title:
          'payments: the deploy gate is overridden until 2026-12-01 23:00 UTC',
        description:
          'user:default/ada overrode the error-budget policy\'s deny: "Hotfix for INC-7". Deploys are allowed until then unless the override is revoked.',
        link: '/catalog/default/component/payments/reliability',
        severity: 'high',
      },
    ]);
  });

  it('tells the owners once when an override ends early, who ended it and why', async () => {
    const { notifications, sent } = setup();
    const revoked: DeployGateOverride = {
      ...override,
      revoked: {
        at: '2026-12-01T21:30:00.000Z',
        by: 'user:default/grace',
        reason: 'The hotfix shipped',
      },
    };
    await notifications.overrideRevoked(revoked);
    await notifications.overrideRevoked(revoked);
    expect(
      sent().map(n => [
        n.payload.topic,
        n.payload.title,
        n.payload.description,
      ]),
    ).toEqual([
      [
        'reliability-deployGateOverrideRevoked',
        'payments: the deploy-gate override ends early, at 2026-12-01 21:30 UTC',
        'user:default/grace revoked user:default/ada\'s override ("Hotfix for INC-7"): "The hotfix shipped". From then on the error-budget policy decides deploys again.',
      ],
    ]);
  });
});
