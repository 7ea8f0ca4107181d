import { Entity } from '@backstage/catalog-model';
import {
  AssessmentDetail,
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
  /**
   * The `count` newest assessments of an entity with their answers and the checklist they answered, newest first,
   * in one query: what the report reads to say what kept each assessment of its period from the next level. A
   * source without it gives the changes without `heldBackBy`.
   */
  getNewestAssessments?(
    entityRef: string,
    count: number,
  ): Promise<AssessmentDetail[]>;
}
