import { Entity } from '@backstage/catalog-model';
import {
  EntityRunbooksResponse,
  MaturityHistory,
} from '@internal/backstage-plugin-reliability-common';

/**
 * What the SLO review report reads of an entity's runbooks (their last review dates): the runbooks area's
 * service provides it. Declared here, by the consumer.
 */
export interface RunbookListSource {
  list(
    entity: Entity,
    query: string | undefined,
  ): Promise<EntityRunbooksResponse>;
}

/**
 * What the SLO review report reads of an entity's checklist history (assessments with their levels, oldest
 * first, at most `limit` of the newest): the checklist area's maturity service provides it.
 */
export interface ChecklistHistorySource {
  getHistory(entityRef: string, limit: number): Promise<MaturityHistory>;
}
