import { Entity } from '@backstage/catalog-model';
import {
  Checklist,
  EntitySlosResponse,
  MaturitySummary,
} from '@internal/backstage-plugin-reliability-common';

/**
 * What the trends area reads from the checklist area: the checklist in force (its level order) and each entity's
 * score and level (the snapshot counts the teams, systems, domains and org itself, in the same walk of the
 * catalog). Declared here, by the consumer; the checklist feature's service provides it.
 */
export interface TrendsMaturitySource {
  readonly checklist: Checklist;
  getSummaries(entityRefs: string[]): Promise<Map<string, MaturitySummary>>;
}

/**
 * Each SLO's newest state, whose `lastWindow.met` says whether it met its target (the SLO area's service): the SLOs
 * of a page of entities at once (by `entityRefKey`), with one read of their stored states.
 */
export interface TrendsSloStateSource {
  getEntitiesSlos(entities: Entity[]): Promise<Map<string, EntitySlosResponse>>;
}
