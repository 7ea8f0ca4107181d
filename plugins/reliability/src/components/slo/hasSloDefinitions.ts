import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';

/** Entities that get an "SLOs" tab: an OpenSLO file or inline OpenSLO definitions. */
export function hasSloDefinitions(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return Boolean(
    annotations[ANNOTATIONS.sloDefinitions]?.trim() ||
      annotations[ANNOTATIONS.sloInline]?.trim(),
  );
}
