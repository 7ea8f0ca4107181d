import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  RUNBOOK_LINK_TYPE,
} from '@internal/backstage-plugin-reliability-common';

/**
 * Entities that get a "Runbooks" tab: a runbooks annotation or at least one `type: runbook` link.
 * An `EntitySwitch` condition.
 *
 * @public
 */
export function hasRunbooks(entity: Entity): boolean {
  return Boolean(
    entity.metadata.annotations?.[ANNOTATIONS.runbooks]?.trim() ||
      entity.metadata.links?.some(link => link.type === RUNBOOK_LINK_TYPE),
  );
}
