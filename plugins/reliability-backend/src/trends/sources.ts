import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  Checklist,
  EntitySlosResponse,
  MaturityRollupsResponse,
  MaturitySummary,
  RollupDimension,
} from '@internal/backstage-plugin-reliability-common';

/**
 * What the trends area reads from the checklist area: the checklist in force (its level order), each
 * entity's score and level, and the roll-ups per team, system, domain and org (the same numbers as
 * `GET /rollups`). Declared here, by the consumer; the checklist feature's service and roll-up service provide it.
 */
export interface TrendsMaturitySource {
  readonly checklist: Checklist;
  getSummaries(entityRefs: string[]): Promise<Map<string, MaturitySummary>>;
}

/** The checklist's roll-ups (`ChecklistRollupService`). */
export interface TrendsRollupSource {
  getRollups(
    by: RollupDimension,
    credentials: BackstageCredentials,
  ): Promise<MaturityRollupsResponse>;
}

/**
 * Each SLO's newest state, whose `lastWindow.met` says whether it met its target (the SLO area's service): the SLOs
 * of a page of entities at once (by `entityRefKey`), with one read of their stored states.
 */
export interface TrendsSloStateSource {
  getEntitiesSlos(entities: Entity[]): Promise<Map<string, EntitySlosResponse>>;
}
