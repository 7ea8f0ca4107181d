import { Entity } from '@backstage/catalog-model';
import { SloDefinition } from '@internal/backstage-plugin-reliability-common';

/**
 * The narrow contract other areas read SLO definitions through (runbooks match alert policies against them,
 * the overview's tour explains them): an entity's valid SLO definitions, from its definitions file or inline
 * annotation. The SLO feature's `definitions` (a cached `SloDefinitionLoader`) implements it, so every area
 * hits the same cache.
 */
export interface SloDefinitionSource {
  load(entity: Entity): Promise<{ definitions: SloDefinition[] }>;
}
