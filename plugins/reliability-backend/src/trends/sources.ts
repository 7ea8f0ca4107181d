import { Entity } from '@backstage/catalog-model';
import {
  Checklist,
  MaturitySummary,
  SloDefinition,
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

/** One SLO of an entity as the SLO snapshot counts it: its window, and whether it met its target over its last one. */
export interface SloWindowMet {
  window: SloDefinition['window'];
  /** Null when not known (never collected, or no last window yet). */
  met: boolean | null;
}

/**
 * Each SLO's window and `lastWindow.met` (the SLO area's service): the SLOs of a page of entities at once (by
 * `entityRefKey`), with one read of a stored column, not of the stored states.
 */
export interface TrendsSloStateSource {
  getEntitiesLastWindows(
    entities: Entity[],
  ): Promise<Map<string, SloWindowMet[]>>;
}
