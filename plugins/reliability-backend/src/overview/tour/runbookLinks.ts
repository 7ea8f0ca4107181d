import { Entity } from '@backstage/catalog-model';
import {
  isHttpUrl,
  RUNBOOK_KINDS,
  RUNBOOK_LINK_TYPE,
  RunbookEntry,
  TourRunbook,
} from '@internal/backstage-plugin-reliability-common';

const kindRank = (runbook: TourRunbook) => RUNBOOK_KINDS.indexOf(runbook.kind);

/**
 * The runbooks of an entity for the tour, from the runbook index: titles from the documents themselves (front
 * matter or first heading), kinds, and where each opens. Until the index has read the entity, its declared
 * `runbook` links stand in (http(s) only, without an id). Annotation paths are never shown. Ordered by kind
 * (runbooks, rollbacks, postmortems, pre-mortems), then as indexed.
 */
export function tourRunbooksOf(
  entity: Entity,
  indexed: RunbookEntry[] | undefined,
): TourRunbook[] {
  const runbooks: TourRunbook[] =
    indexed && indexed.length > 0
      ? indexed.map(entry => ({
          id: entry.id,
          title: entry.title,
          kind: entry.kind,
          url: entry.source === 'markdown' ? null : entry.url,
          source: entry.source,
        }))
      : (entity.metadata.links ?? [])
          .filter(
            link => link.type === RUNBOOK_LINK_TYPE && isHttpUrl(link.url),
          )
          .map(link => ({
            id: null,
            title: link.title?.trim() || link.url,
            kind: 'runbook' as const,
            url: link.url,
            source: 'link' as const,
          }));
  return runbooks
    .map((runbook, index) => ({ runbook, index }))
    .sort(
      (a, b) => kindRank(a.runbook) - kindRank(b.runbook) || a.index - b.index,
    )
    .map(({ runbook }) => runbook);
}
