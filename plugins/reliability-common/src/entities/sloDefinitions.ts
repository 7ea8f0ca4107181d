import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '../annotations';

/**
 * Whether the entity declares SLOs: an OpenSLO file annotation or inline OpenSLO definitions.
 * The frontend shows the SLOs tab and the backend collects SLOs for exactly these entities.
 *
 * @public
 */
export function hasSloDefinitions(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return Boolean(
    annotations[ANNOTATIONS.sloDefinitions]?.trim() ||
      annotations[ANNOTATIONS.sloInline]?.trim(),
  );
}
