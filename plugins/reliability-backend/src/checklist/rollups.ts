import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Checklist,
  MaturityRollup,
  MaturityRollupsResponse,
  NO_LEVEL,
  RollupDimension,
} from '@internal/backstage-plugin-reliability-common';
import { queryAllEntities } from './catalogPages';
import { ChecklistStore, LatestEvaluation } from './store/ChecklistStore';

/** Key of services without an owner / system / domain. */
export const UNASSIGNED = 'unassigned';

const WEAKEST_CATEGORIES = 3;

function normalisedRef(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

function relationRef(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function rollupOf(
  key: string,
  evaluations: Array<LatestEvaluation | undefined>,
  checklist: Checklist,
): MaturityRollup {
  const levels: Record<string, number> = { [NO_LEVEL]: 0 };
  for (const level of checklist.levels) levels[level.id] = 0;
  const scores: number[] = [];
  const categorySums = new Map<string, { sum: number; count: number }>();
  for (const evaluation of evaluations) {
    const level = evaluation?.level ?? NO_LEVEL;
    levels[level] = (levels[level] ?? 0) + 1;
    if (evaluation?.score !== null && evaluation?.score !== undefined) {
      scores.push(evaluation.score);
    }
    for (const category of evaluation?.categoryScores ?? []) {
      if (category.score === null) continue;
      const acc = categorySums.get(category.category) ?? { sum: 0, count: 0 };
      acc.sum += category.score;
      acc.count += 1;
      categorySums.set(category.category, acc);
    }
  }
  const titles = new Map(checklist.categories.map(c => [c.id, c.title]));
  const weakestCategories = [...categorySums.entries()]
    .filter(([category]) => titles.has(category))
    .map(([category, { sum, count }]) => ({
      category,
      title: titles.get(category)!,
      averageScore: round1(sum / count),
    }))
    .sort(
      (a, b) =>
        a.averageScore - b.averageScore || a.category.localeCompare(b.category),
    )
    .slice(0, WEAKEST_CATEGORIES);
  return {
    key,
    serviceCount: evaluations.length,
    scoredCount: scores.length,
    levels,
    averageScore:
      scores.length > 0
        ? round1(scores.reduce((a, b) => a + b, 0) / scores.length)
        : null,
    weakestCategories,
  };
}

/**
 * Maturity of services (catalog Components) grouped by owning team, system, domain or the whole org.
 * Reads the catalog with the caller's credentials and only the fields it needs, and every latest
 * evaluation in one query.
 */
export async function computeRollups(options: {
  by: RollupDimension;
  catalog: CatalogService;
  credentials: BackstageCredentials;
  store: ChecklistStore;
  checklist: Checklist;
}): Promise<MaturityRollupsResponse> {
  const { by, catalog, credentials, store, checklist } = options;
  const [components, systems, evaluations] = await Promise.all([
    queryAllEntities(
      catalog,
      {
        filter: { kind: 'component' },
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'spec.owner',
          'spec.system',
        ],
      },
      credentials,
    ),
    by === 'domain'
      ? queryAllEntities(
          catalog,
          {
            filter: { kind: 'system' },
            fields: [
              'kind',
              'metadata.namespace',
              'metadata.name',
              'spec.domain',
            ],
          },
          credentials,
        )
      : Promise.resolve([]),
    store.getEvaluations(),
  ]);

  const domainOfSystem = new Map(
    systems.map(system => [
      normalisedRef(system),
      relationRef(
        system.spec?.domain,
        'domain',
        system.metadata.namespace ?? 'default',
      ),
    ]),
  );

  const groups = new Map<string, Array<LatestEvaluation | undefined>>();
  for (const component of components) {
    const namespace = component.metadata.namespace ?? 'default';
    const system = relationRef(component.spec?.system, 'system', namespace);
    let key: string | undefined;
    switch (by) {
      case 'team':
        key = relationRef(component.spec?.owner, 'group', namespace);
        break;
      case 'system':
        key = system;
        break;
      case 'domain':
        key = system ? domainOfSystem.get(system) : undefined;
        break;
      default:
        key = 'org';
    }
    const list = groups.get(key ?? UNASSIGNED) ?? [];
    list.push(evaluations.get(normalisedRef(component)));
    groups.set(key ?? UNASSIGNED, list);
  }

  return {
    by,
    checklistVersion: checklist.version,
    rollups: [...groups.entries()]
      .map(([key, list]) => rollupOf(key, list, checklist))
      .sort((a, b) => a.key.localeCompare(b.key)),
  };
}
