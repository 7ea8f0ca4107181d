import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import { catalogEntityPages } from '../shared/catalogPages';
import { chunk } from '../shared/chunk';

/** Entities per catalog page, and refs per catalog existence check. */
export const INCIDENT_PAGE_SIZE = 200;

/** The kinds of entities that have incidents: services, systems, resources and APIs. */
export const INCIDENT_ENTITY_FILTER = {
  kind: ['component', 'system', 'resource', 'api'],
};

/** What a walk over the incidents area's entities found; complete once its pages were read to the end. */
export interface IncidentEntityWalk {
  /** Refs of the entities the walk yields (their summaries are kept). */
  tracked: Set<string>;
  /** Refs with stored incidents whose entities are gone from the catalog. */
  gone: string[];
}

/**
 * The pages of entities the incidents refresh reads, in a stable order: first the catalog's services, systems,
 * resources and APIs a provider serves, that have runbook documents or stored incidents; then the other entities
 * with stored incidents (teams, ...) that are still in the catalog. Notes in `walk` what it yields and which
 * entities with incidents are gone.
 */
export async function* incidentEntityPages(
  options: {
    catalog: CatalogService;
    credentials: BackstageCredentials;
    /** Refs of the entities with stored incidents. */
    withIncidents: ReadonlySet<string>;
    /** Whether the area follows an entity without stored incidents (a provider serves it, it has documents). */
    tracks: (entity: Entity) => boolean;
  },
  walk: IncidentEntityWalk,
): AsyncGenerator<Entity[]> {
  const { catalog, credentials, withIncidents, tracks } = options;
  const seen = new Set<string>();
  const yielded = (entities: Entity[]) => {
    entities.forEach(e => walk.tracked.add(entityRefKey(e)));
    return entities;
  };
  for await (const page of catalogEntityPages(
    catalog,
    { filter: INCIDENT_ENTITY_FILTER, pageSize: INCIDENT_PAGE_SIZE },
    credentials,
  )) {
    page.forEach(e => seen.add(entityRefKey(e)));
    yield yielded(
      page.filter(e => withIncidents.has(entityRefKey(e)) || tracks(e)),
    );
  }
  // Incidents written for entities of other kinds, or of entities that have left the catalog.
  for (const refs of chunk(
    [...withIncidents].filter(ref => !seen.has(ref)),
    INCIDENT_PAGE_SIZE,
  )) {
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: refs },
      { credentials },
    );
    refs.forEach((ref, i) => {
      if (!items[i]) walk.gone.push(ref);
    });
    yield yielded(items.filter((e): e is Entity => Boolean(e)));
  }
}
