import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Checklist,
  entityRefKey,
  MaturityRollupsResponse,
  RollupDimension,
} from '@internal/backstage-plugin-reliability-common';
import { queryAllEntities } from '../shared/catalogPages';
import { groupKeyOf, relationRef, rollupOf } from './rollups';
import { ChecklistStore, LatestEvaluation } from './store/ChecklistStore';

/** Options of {@link ChecklistRollupService}. */
export interface ChecklistRollupServiceOptions {
  catalog: CatalogService;
  store: ChecklistStore;
  checklist: Checklist;
}

/**
 * Maturity of services (catalog Components) grouped by owning team, system, domain or the whole org.
 * Reads the catalog with the caller's credentials and only the fields it needs, and every latest
 * evaluation in one query.
 */
export class ChecklistRollupService {
  private readonly options: ChecklistRollupServiceOptions;

  constructor(options: ChecklistRollupServiceOptions) {
    this.options = options;
  }

  async getRollups(
    by: RollupDimension,
    credentials: BackstageCredentials,
  ): Promise<MaturityRollupsResponse> {
    const { catalog, store, checklist } = this.options;
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
        entityRefKey(system),
        relationRef(
          system.spec?.domain,
          'domain',
          system.metadata.namespace ?? 'default',
        ),
      ]),
    );

    const groups = new Map<string, Array<LatestEvaluation | undefined>>();
    for (const component of components) {
      const key = groupKeyOf(component, by, domainOfSystem);
      const list = groups.get(key) ?? [];
      list.push(evaluations.get(entityRefKey(component)));
      groups.set(key, list);
    }

    return {
      by,
      checklistVersion: checklist.version,
      rollups: [...groups.entries()]
        .map(([key, list]) => rollupOf(key, list, checklist))
        .sort((a, b) => a.key.localeCompare(b.key)),
    };
  }
}
