import { Entity } from '@backstage/catalog-model';
import { SloDefinition } from '@internal/backstage-plugin-reliability-common';

/**
 * What the runbooks feature needs from the SLO feature: the valid SLO definitions of an entity, whose alert
 * policies runbooks are matched against. The SLO feature's `SloDefinitionLoader` satisfies it.
 */
export interface SloDefinitionSource {
  load(entity: Entity): Promise<{ definitions: SloDefinition[] }>;
}
