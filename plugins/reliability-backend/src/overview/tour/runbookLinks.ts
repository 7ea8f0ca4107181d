import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  RUNBOOK_LINK_TYPE,
  TourRunbook,
} from '@internal/backstage-plugin-reliability-common';

/**
 * Runbooks an entity declares itself: its `metadata.links` of type `runbook`, and the Markdown locations of the
 * runbooks annotation (comma-separated). Read from the catalog fields already loaded; no extra query.
 */
export function runbookLinksOf(entity: Entity): TourRunbook[] {
  const links = (entity.metadata.links ?? [])
    .filter(link => link.type === RUNBOOK_LINK_TYPE && link.url)
    .map(link => ({ title: link.title ?? link.url, url: link.url }));
  const annotated = (entity.metadata.annotations?.[ANNOTATIONS.runbooks] ?? '')
    .split(',')
    .map(location => location.trim())
    .filter(Boolean)
    .map(location => ({
      title: location.split('/').pop() || location,
      url: location,
    }));
  return [...links, ...annotated];
}
