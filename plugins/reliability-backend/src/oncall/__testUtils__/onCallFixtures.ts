import { Entity } from '@backstage/catalog-model';
import {
  OnCallShift,
  OnCallSnapshot,
} from '@internal/backstage-plugin-reliability-common';
import { OnCallProvider } from '@internal/backstage-plugin-reliability-node';

/** A component with an on-call annotation, owned by a group. */
export function serviceEntity(
  name: string,
  annotations: Record<string, string> = {
    'reliability.sre-portal.dev/oncall-schedule': `${name}-primary`,
  },
  owner = 'group:default/payments',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { owner, type: 'service', lifecycle: 'production' },
    relations: [{ type: 'ownedBy', targetRef: owner }],
  };
}

export function groupEntity(name = 'payments'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  };
}

export function shift(
  name: string,
  level: number,
  start: string,
  end: string,
): OnCallShift {
  return {
    person: { name, email: `${name}@example.com` },
    escalationLevel: level,
    start,
    end,
    timeZone: 'Europe/Berlin',
  };
}

export function snapshot(
  overrides: Partial<OnCallSnapshot> = {},
): OnCallSnapshot {
  return {
    provider: 'fake',
    current: [
      shift('ana', 1, '2026-11-20T08:00:00.000Z', '2026-11-21T08:00:00.000Z'),
    ],
    next: [
      shift('bo', 1, '2026-11-21T08:00:00.000Z', '2026-11-22T08:00:00.000Z'),
    ],
    upcoming: [
      shift('bo', 1, '2026-11-21T08:00:00.000Z', '2026-11-22T08:00:00.000Z'),
    ],
    escalation: [
      { level: 1, targets: [{ kind: 'schedule', name: 'Primary' }] },
    ],
    computedAt: '2026-11-20T12:00:00.000Z',
    ...overrides,
  };
}

/** A provider for entities with the `fake/oncall` annotation, answering with `answer`. */
export function fakeProvider(
  answer: () => Promise<OnCallSnapshot> | OnCallSnapshot,
): OnCallProvider & { calls: number } {
  const provider = {
    id: 'fake',
    calls: 0,
    supports: (entity: Entity) =>
      Boolean(entity.metadata.annotations?.['fake/oncall']),
    async getOnCall() {
      provider.calls += 1;
      return answer();
    },
  };
  return provider;
}
