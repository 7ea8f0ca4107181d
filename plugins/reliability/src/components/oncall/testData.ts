import { Entity } from '@backstage/catalog-model';
import {
  EntityOnCall,
  GroupOnCall,
  OnCallSnapshot,
} from '@internal/backstage-plugin-reliability-common';

export const testEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { owner: 'group:default/payments' },
};

export const testGroup: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team' },
};

const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();

/** A snapshot relative to the real clock, since the card reads `new Date()`. */
export function testSnapshot(
  overrides: Partial<OnCallSnapshot> = {},
): OnCallSnapshot {
  return {
    provider: 'pagerduty',
    externalUrl: 'https://acme.pagerduty.com/service-directory/PSVC1',
    current: [
      {
        person: {
          name: 'Ana Silva',
          email: 'ana@example.com',
          userRef: 'user:default/ana.silva',
        },
        escalationLevel: 1,
        scheduleName: 'Checkout primary',
        start: hours(-5),
        end: hours(3),
      },
      {
        person: { name: 'Bo Chen', email: 'bo@example.com' },
        escalationLevel: 2,
        start: hours(-20),
        end: hours(50),
      },
    ],
    next: [],
    upcoming: [
      {
        person: { name: 'Cy Doe', email: 'cy@example.com' },
        escalationLevel: 1,
        start: hours(3),
        end: hours(27),
      },
    ],
    escalation: [
      {
        level: 1,
        escalateAfterMinutes: 15,
        targets: [{ kind: 'schedule', name: 'Checkout primary' }],
        runbook: 'https://runbooks.example.com/checkout',
      },
      { level: 2, targets: [{ kind: 'schedule', name: 'Checkout secondary' }] },
    ],
    contact: [{ type: 'slack', value: '#checkout-oncall' }],
    computedAt: hours(0),
    ...overrides,
  };
}

export function okState(snapshot = testSnapshot()): EntityOnCall {
  return {
    status: 'ok',
    entityRef: 'component:default/checkout',
    owner: 'group:default/payments',
    snapshot,
  };
}

export function testGroupOnCall(): GroupOnCall {
  return {
    groupRef: 'group:default/payments',
    loadWindow: { from: hours(-90 * 24), to: hours(0) },
    entities: [
      {
        entityRef: 'component:default/checkout',
        provider: 'schedule-as-code',
        status: 'ok',
        primary: { name: 'Ana Silva', userRef: 'user:default/ana.silva' },
        primaryUntil: hours(3),
        secondary: { name: 'Bo Chen', email: 'bo@example.com' },
        primaryRotationSize: 3,
        singlePersonRotation: false,
        updatedAt: hours(0),
      },
      {
        entityRef: 'component:default/ledger',
        provider: 'schedule-as-code',
        status: 'ok',
        primary: { name: 'Solo Person', email: 'solo@example.com' },
        primaryUntil: hours(100),
        secondary: null,
        primaryRotationSize: 1,
        singlePersonRotation: true,
        updatedAt: hours(0),
      },
      {
        entityRef: 'component:default/payouts',
        provider: 'pagerduty',
        status: 'error',
        message: 'PagerDuty answered HTTP 401',
        primary: null,
        primaryUntil: null,
        secondary: null,
        primaryRotationSize: 0,
        singlePersonRotation: false,
        updatedAt: hours(0),
      },
    ],
    load: [
      {
        person: { name: 'Ana Silva' },
        hoursOnCall: 720,
        shiftCount: 30,
        outOfHoursShare: 0.75,
      },
      {
        person: { name: 'Solo Person' },
        hoursOnCall: 2160,
        shiftCount: 1,
        outOfHoursShare: null,
      },
    ],
  };
}

export function mockOnCallApi(overrides: Record<string, unknown> = {}) {
  return {
    getEntityOnCall: jest.fn(async () => okState()),
    getGroupOnCall: jest.fn(async () => testGroupOnCall()),
    getEntityRunbooks: jest.fn(async () => ({ runbooks: [] })),
    // The team's pages (alerts area), shown beside the load.
    getAlertsCoverage: jest.fn(async () => ({
      owner: 'group:default/payments',
      windowDays: 30,
      coverage: { pagingAlerts: 3, pagingWithRunbook: 3, ratio: 1 },
      entities: [],
      noisy: [],
      gaps: [],
      sources: [],
      pages: { windowDays: 30, count: 31, pagingAlerts: 3 },
      generatedAt: new Date().toISOString(),
    })),
    ...overrides,
  };
}
