import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Checklist,
  entityRefKey,
  MaturityRollupsResponse,
  RollupDimension,
} from '@internal/backstage-plugin-reliability-common';
import { queryAllEntities } from '../shared/catalogPages';
import {
  COMPONENT_GROUP_FIELDS,
  domainsOfSystems,
  groupKeyOf,
  SYSTEM_DOMAIN_FIELDS,
} from '../shared/componentGroups';
import { RollupMember, rollupOf } from './rollups';
import { ChecklistStore } from './store/ChecklistStore';
import { ExemptionStore } from './store/ExemptionStore';

/** Options of {@link ChecklistRollupService}. */
export interface ChecklistRollupServiceOptions {
  catalog: CatalogService;
  store: ChecklistStore;
  exemptions: Pick<ExemptionStore, 'getActiveGrants'>;
  checklist: Checklist;
  now: () => Date;
}

/**
 * Maturity of services (catalog Components) grouped by owning team, system, domain or the whole org.
 * Reads the catalog with the caller's credentials and only the fields it needs, every latest evaluation in
 * one query and every active exemption in another.
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
    const { catalog, store, exemptions, checklist, now } = this.options;
    const [components, systems, evaluations, grants] = await Promise.all([
      queryAllEntities(
        catalog,
        {
          filter: { kind: 'component' },
          fields: COMPONENT_GROUP_FIELDS,
        },
        credentials,
      ),
      by === 'domain'
        ? queryAllEntities(
            catalog,
            {
              filter: { kind: 'system' },
              fields: SYSTEM_DOMAIN_FIELDS,
            },
            credentials,
          )
        : Promise.resolve([]),
      store.getEvaluations(),
      exemptions.getActiveGrants(now()),
    ]);

    const domainOfSystem = domainsOfSystems(systems);

    const groups = new Map<string, RollupMember[]>();
    for (const component of components) {
      const key = groupKeyOf(component, by, domainOfSystem);
      const ref = entityRefKey(component);
      const list = groups.get(key) ?? [];
      list.push({
        evaluation: evaluations.get(ref),
        exemptions: Object.values(grants.get(ref) ?? {}),
      });
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
