import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATIONS,
  Checklist,
  EntitySlo,
  entityRefKey,
  MaturitySummary,
} from '@internal/backstage-plugin-reliability-common';
import { ChecklistRollupService } from '../../checklist/ChecklistRollupService';
import {
  ChecklistStore,
  LatestEvaluation,
} from '../../checklist/store/ChecklistStore';
import {
  SloWindowMet,
  TrendsMaturitySource,
  TrendsSloStateSource,
} from '../sources';

/** Two levels, no items needed: the trends area reads only the level order. */
export const testChecklist: Checklist = {
  version: 'test-1',
  title: 'Test checklist',
  levels: [
    { id: 'beginner', title: 'Beginner' },
    { id: 'intermediate', title: 'Intermediate' },
  ],
  categories: [],
  items: [],
};

/** A catalog Component, optionally declaring SLOs. */
export function component(
  name: string,
  options: { owner?: string; system?: string; slos?: boolean } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: options.slos
        ? { [ANNOTATIONS.sloDefinitions]: './slos.yaml' }
        : {},
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      ...(options.owner ? { owner: options.owner } : {}),
      ...(options.system ? { system: options.system } : {}),
    },
  };
}

/** A catalog System in a domain. */
export function system(name: string, domain: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name, namespace: 'default' },
    spec: { owner: 'team-a', domain },
  };
}

/** A catalog Group. */
export function group(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  };
}

/** A latest checklist evaluation with a score and level. */
export function evaluation(
  entityRef: string,
  score: number | null,
  level: string,
): LatestEvaluation {
  return {
    entityRef,
    assessmentId: null,
    checklistVersion: testChecklist.version,
    assessedAt: null,
    score,
    level,
    categoryScores: [],
    passingItems: [],
    evaluatedAt: '2026-12-01T00:00:00.000Z',
  };
}

/**
 * The checklist area as the trends area sees it, over a mutable set of evaluations: entity summaries and the
 * real roll-up service (so snapshots carry exactly the numbers of `GET /rollups`).
 */
export function checklistSources(
  catalog: CatalogService,
  evaluations: Map<string, LatestEvaluation>,
  now: () => Date,
) {
  const maturity: TrendsMaturitySource = {
    checklist: testChecklist,
    async getSummaries(refs) {
      const result = new Map<string, MaturitySummary>();
      for (const ref of refs) {
        const e = evaluations.get(ref);
        if (e) {
          result.set(ref, {
            entityRef: ref,
            score: e.score,
            level: e.level,
            checklistVersion: e.checklistVersion,
            assessedAt: e.assessedAt,
          });
        }
      }
      return result;
    },
  };
  const store = {
    getEvaluations: async () => new Map(evaluations),
  } as unknown as ChecklistStore;
  const rollups = new ChecklistRollupService({
    catalog,
    store,
    exemptions: { getActiveGrants: async () => new Map() },
    checklist: testChecklist,
    now,
  });
  return { maturity, rollups };
}

/** One SLO with a window and whether its last window met the target (null: no data). */
export function slo(
  name: string,
  windowLabel: string,
  met: boolean | null,
): EntitySlo {
  return {
    definition: {
      name,
      window: {
        kind: 'rolling',
        durationSeconds: 28 * 86400,
        label: windowLabel,
      },
    } as EntitySlo['definition'],
    status:
      met === null
        ? null
        : ({
            lastWindow: {
              start: '2026-11-01T00:00:00Z',
              end: '2026-11-29T00:00:00Z',
              attainment: met ? 0.9995 : 0.98,
              met,
            },
          } as EntitySlo['status']),
  };
}

/**
 * SLO states per entity ref, read a page of entities at a time (each call is recorded in `calls`); an entity
 * missing from the map cannot be read (absent from the answer), and `failing` makes every call fail.
 */
export function sloStates(
  byRef: Record<string, EntitySlo[]>,
): TrendsSloStateSource & { calls: string[][]; failing: boolean } {
  const source = {
    calls: [] as string[][],
    failing: false,
    async getEntitiesLastWindows(entities: Entity[]) {
      const refs = entities.map(entity => entityRefKey(entity));
      source.calls.push(refs);
      if (source.failing) throw new Error('SLO states unavailable');
      const result = new Map<string, SloWindowMet[]>();
      for (const ref of refs) {
        const slos = byRef[ref];
        if (slos) {
          result.set(
            ref,
            slos.map(({ definition, status }) => ({
              window: definition.window,
              met: status?.lastWindow?.met ?? null,
            })),
          );
        }
      }
      return result;
    },
  };
  return source;
}
