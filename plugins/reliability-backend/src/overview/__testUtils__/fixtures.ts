import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  MaturitySummary,
  OnCallSummary,
  PolicySummary,
  RunbookSummary,
  SloSummary,
} from '@internal/backstage-plugin-reliability-common';
import { SummarySource } from '../../summaries';
import { ServiceListing } from '../serviceRows';

/** A relation list builder for test entities (the in-memory catalog does not stitch relations). */
const rel = (type: string, targetRef: string) => ({ type, targetRef });

/** A test Component with the relations the catalog would stitch from its spec. */
export function component(
  name: string,
  options: {
    owner?: string;
    system?: string;
    tier?: string;
    dependsOn?: string[];
    dependents?: string[];
    providesApis?: string[];
    links?: Array<{ url: string; title?: string; type?: string }>;
  } = {},
): Entity {
  const relations = [
    ...(options.owner
      ? [rel('ownedBy', `group:default/${options.owner}`)]
      : []),
    ...(options.system
      ? [rel('partOf', `system:default/${options.system}`)]
      : []),
    ...(options.dependsOn ?? []).map(ref => rel('dependsOn', ref)),
    ...(options.dependents ?? []).map(ref => rel('dependencyOf', ref)),
    ...(options.providesApis ?? []).map(ref => rel('providesApi', ref)),
  ];
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: options.tier ? { [ANNOTATIONS.tier]: options.tier } : {},
      links: options.links,
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      ...(options.owner ? { owner: options.owner } : {}),
      ...(options.system ? { system: options.system } : {}),
    },
    relations,
  };
}

/** A test System (optionally in a domain) whose parts are the given refs. */
export function system(
  name: string,
  domainName?: string,
  parts: string[] = [],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name, namespace: 'default', description: `The ${name} system` },
    spec: { owner: 'team-a', ...(domainName ? { domain: domainName } : {}) },
    relations: [
      ...(domainName ? [rel('partOf', `domain:default/${domainName}`)] : []),
      ...parts.map(ref => rel('hasPart', ref)),
    ],
  };
}

/** A test Domain whose parts are the given system refs. */
export function domain(name: string, systems: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: { name, namespace: 'default' },
    spec: { owner: 'team-a' },
    relations: systems.map(ref => rel('hasPart', ref)),
  };
}

/** An in-memory summary source that records how often it is queried. */
export function fakeSource<T>(rows: Record<string, T>): SummarySource<T> & {
  getSummaries: jest.Mock;
} {
  return {
    getSummaries: jest.fn(async (refs: string[]) => {
      const result = new Map<string, T>();
      for (const ref of refs) {
        if (rows[ref]) result.set(ref, rows[ref]);
      }
      return result;
    }),
  };
}

export const sloSummary = (
  entityRef: string,
  overrides: Partial<SloSummary> = {},
): SloSummary => ({
  entityRef,
  sloCount: 1,
  definitionErrors: 0,
  slosMeetingTarget: 1,
  burnRateAlertsConfigured: true,
  worstBudgetRemaining: 0.8,
  alerting: null,
  alertCount: 2,
  alertsWithRunbook: 2,
  stale: false,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

export const onCallSummary = (
  entityRef: string,
  person: string,
): OnCallSummary => ({
  entityRef,
  provider: 'schedule',
  peopleInRotation: 3,
  primary: { name: person },
  primaryUntil: '2026-01-02T09:00:00.000Z',
  escalationLevels: 2,
  error: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

export const runbookSummary = (
  entityRef: string,
  runbookCount: number,
): RunbookSummary => ({
  entityRef,
  runbookCount,
  staleCount: 0,
  coverage: 1,
  updatedAt: null,
});

export const maturitySummary = (
  entityRef: string,
  level: string,
  score: number,
): MaturitySummary => ({
  entityRef,
  level,
  score,
  checklistVersion: '1',
  assessedAt: null,
});

export const policySummary = (
  entityRef: string,
  state: string,
  decision: PolicySummary['decision'],
): PolicySummary => ({
  entityRef,
  state,
  decision,
  policyName: 'default',
  since: '2026-01-01T08:00:00.000Z',
  evaluatedAt: '2026-01-02T08:00:00.000Z',
});

/** A service's listing (what the overview lists before summaries): a tier-1 service of team-a in shop/commerce. */
export function serviceListing(
  name: string,
  extra: Partial<ServiceListing> = {},
): ServiceListing {
  return {
    entityRef: `component:default/${name.toLowerCase()}`,
    name,
    namespace: 'default',
    title: null,
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team-a',
    system: 'system:default/shop',
    domain: 'domain:default/commerce',
    tier: 'tier-1',
    ...extra,
  };
}
