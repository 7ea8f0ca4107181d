import { Entity } from '@backstage/catalog-model';
import {
  entityRefKey,
  SloReportScope,
} from '@internal/backstage-plugin-reliability-common';

/** The SLO review report an entity has: a Group's (the SLOs it owns) or a System's; none for other kinds. */
export function sloReviewScope(entity: Entity): SloReportScope | null {
  switch (entity.kind.toLowerCase()) {
    case 'group':
      return { owner: entityRefKey(entity) };
    case 'system':
      return { system: entityRefKey(entity) };
    default:
      return null;
  }
}
