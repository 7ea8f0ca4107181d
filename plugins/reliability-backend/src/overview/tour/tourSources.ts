import { Entity } from '@backstage/catalog-model';
import {
  EntitySlo,
  RunbookEntry,
} from '@internal/backstage-plugin-reliability-common';

/**
 * The runbooks area's index as the tour reads it: the indexed runbooks (titles, kinds, where they open) of
 * many entities in a constant number of queries. Entities it has not indexed are absent.
 */
export interface RunbookIndex {
  getRunbooks(entityRefs: string[]): Promise<Map<string, RunbookEntry[]>>;
}

/** The SLO area's newest state of each SLO of one entity (for the SLO of a user journey). */
export interface EntitySloStates {
  getEntitySlos(entity: Entity): Promise<{ slos: EntitySlo[] }>;
}
