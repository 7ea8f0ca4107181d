import { Entity } from '@backstage/catalog-model';
import {
  CampaignInput,
  Checklist,
} from '@internal/backstage-plugin-reliability-common';
import { CampaignMaturitySource, MaturityItemProgress } from '../sources';

/** A small checklist: two levels, three items. */
export const testChecklist: Checklist = {
  version: 'test-1',
  title: 'Test checklist',
  levels: [
    { id: 'beginner', title: 'Beginner' },
    { id: 'intermediate', title: 'Intermediate' },
  ],
  categories: [{ id: 'ops', title: 'Operations' }],
  items: [
    {
      id: 'slo-defined',
      title: 'SLO defined',
      why: '',
      level: 'beginner',
      category: 'ops',
      weight: 3,
      kind: 'automatic',
      check: 'slo-defined',
    },
    {
      id: 'rollback',
      title: 'Rollback',
      why: '',
      level: 'beginner',
      category: 'ops',
      weight: 2,
      kind: 'self-assessed',
    },
    {
      id: 'restore-tested',
      title: 'Restore tested',
      why: '',
      level: 'intermediate',
      category: 'ops',
      weight: 2,
      kind: 'self-assessed',
    },
  ],
};

/** A catalog Component. */
export function component(
  name: string,
  options: {
    owner?: string;
    system?: string;
    tier?: string;
    lifecycle?: string;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...(options.tier
        ? { annotations: { 'reliability.sre-portal.dev/tier': options.tier } }
        : {}),
    },
    spec: {
      type: 'service',
      lifecycle: options.lifecycle ?? 'production',
      owner: options.owner,
      system: options.system,
    },
  };
}

/** A catalog System. */
export function system(name: string, domain?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name, namespace: 'default' },
    spec: { owner: 'team-a', domain },
  };
}

/** A maturity source over fixed progress. */
export function fixedMaturity(
  progress: Record<string, MaturityItemProgress>,
): CampaignMaturitySource {
  return {
    checklist: testChecklist,
    getItemProgress: async refs =>
      new Map(
        refs
          .filter(ref => progress[ref])
          .map(ref => [ref, progress[ref]] as const),
      ),
  };
}

/** A campaign definition (reach `beginner`, tier-1 services, December 2026) with overrides. */
export function campaignInput(
  overrides: Partial<CampaignInput> = {},
): CampaignInput {
  return {
    name: 'Tier-1 reaches Beginner',
    why: 'Every tier-1 service needs SLOs and a rollback path before peak season.',
    target: { kind: 'level', level: 'beginner' },
    scope: { tiers: ['tier-1'] },
    startDate: '2026-12-01',
    dueDate: '2026-12-31',
    status: 'active',
    ...overrides,
  };
}
