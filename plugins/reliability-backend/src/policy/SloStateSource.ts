import { Entity } from '@backstage/catalog-model';
import {
  EntitySlosResponse,
  SloHistoryResponse,
} from '@internal/backstage-plugin-reliability-common';

/**
 * What the policy area reads of an entity's SLOs beyond the SLO summary: each SLO's newest state (budget left,
 * alert state, windows) and its collected history (for reports). The SLO area's service provides both; declared
 * here, by the consumer, so the policy area depends on nothing else of the SLO area.
 */
export interface SloStateSource {
  /** The entity's SLO definitions with each SLO's newest state. */
  getEntitySlos(entity: Entity): Promise<EntitySlosResponse>;
  /** Collected states of one SLO in [from, to] (bounded and possibly downsampled). */
  getHistory(
    entity: Entity,
    sloName: string,
    from: Date,
    to: Date,
  ): Promise<SloHistoryResponse>;
}
