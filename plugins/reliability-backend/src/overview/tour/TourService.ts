import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ArchitectureTour,
  entityRefKey,
} from '@internal/backstage-plugin-reliability-common';
import type { SloDefinitionSource } from '../../slo';
import { loadSummaries, OverviewSources } from '../sources';
import { buildTourGraph, externalRefs } from './buildTourGraph';
import { buildReadingPath, readingOrder } from './readingPath';
import { loadTourSloDefinitions } from './tourSloDefinitions';

/** Most entities a tour draws (members of the system or domain); more are cut and `truncated` is set. */
export const MAX_TOUR_MEMBERS = 300;

/** Catalog fields a tour reads per entity. */
const TOUR_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'metadata.annotations',
  'metadata.links',
  'spec.type',
  'spec.owner',
  'relations',
];

const lower = (value: string) => value.toLocaleLowerCase('en-US');

function partRefs(entity: Entity, kinds?: string[]): string[] {
  return (entity.relations ?? [])
    .filter(relation => relation.type === 'hasPart')
    .map(relation => parseEntityRef(relation.targetRef))
    .filter(ref => !kinds || kinds.includes(lower(ref.kind)))
    .map(ref => entityRefKey(ref));
}

/**
 * Architecture tours of systems and domains. Each tour costs a constant number of queries: the root entity,
 * ONE `getEntitiesByRefs` per level of parts (one for a system, two for a domain), then ONE `getSummaries`
 * per area for every entity on the map. SLO definitions (to explain each SLO) come from the SLO feature's
 * cached loader, only for the tour's SLO-annotated services and at most `MAX_EXPLAINED_SERVICES` of them.
 */
export class TourService {
  private readonly catalog: CatalogService;
  private readonly sources: OverviewSources;
  private readonly sloDefinitions: SloDefinitionSource;

  /** `sloDefinitions` (the SLO area's cached loader) lets the reading path say what each SLO promises. */
  constructor(options: {
    catalog: CatalogService;
    sources: OverviewSources;
    sloDefinitions: SloDefinitionSource;
  }) {
    this.catalog = options.catalog;
    this.sources = options.sources;
    this.sloDefinitions = options.sloDefinitions;
  }

  /** A system: its components, APIs and resources, with dependsOn, providesApi, consumesApi and partOf edges. */
  async systemTour(
    systemRef: string,
    credentials: BackstageCredentials,
  ): Promise<ArchitectureTour> {
    const system = await this.loadRoot(systemRef, 'system', credentials);
    const { entities: members, truncated } = await this.loadParts(
      partRefs(system),
      credentials,
    );
    return this.tour(
      system,
      members,
      ['dependsOn', 'providesApi', 'consumesApi', 'partOf'],
      truncated,
    );
  }

  /** A domain: its systems and their components, with partOf and dependsOn edges. */
  async domainTour(
    domainRef: string,
    credentials: BackstageCredentials,
  ): Promise<ArchitectureTour> {
    const domain = await this.loadRoot(domainRef, 'domain', credentials);
    const systems = await this.loadParts(
      partRefs(domain, ['system']),
      credentials,
    );
    const components = await this.loadParts(
      systems.entities.flatMap(system => partRefs(system, ['component'])),
      credentials,
      MAX_TOUR_MEMBERS - systems.entities.length,
    );
    return this.tour(
      domain,
      [...systems.entities, ...components.entities],
      ['dependsOn', 'partOf'],
      systems.truncated || components.truncated,
    );
  }

  private async loadRoot(
    entityRef: string,
    kind: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity || lower(entity.kind) !== kind) {
      throw new NotFoundError(`No ${kind} ${entityRef} in the catalog`);
    }
    return entity;
  }

  private async loadParts(
    refs: string[],
    credentials: BackstageCredentials,
    max: number = MAX_TOUR_MEMBERS,
  ): Promise<{ entities: Entity[]; truncated: boolean }> {
    const unique = [...new Set(refs)].sort();
    const wanted = unique.slice(0, Math.max(0, max));
    if (wanted.length === 0) {
      return { entities: [], truncated: unique.length > 0 };
    }
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: wanted, fields: TOUR_FIELDS },
      { credentials },
    );
    return {
      entities: items.filter((item): item is Entity => Boolean(item)),
      truncated: unique.length > wanted.length,
    };
  }

  private async tour(
    root: Entity,
    members: Entity[],
    edgeTypes: Parameters<typeof buildTourGraph>[0]['edgeTypes'],
    truncated: boolean,
  ): Promise<ArchitectureTour> {
    const refs = [
      entityRefKey(root),
      ...members.map(m => entityRefKey(m)),
      ...externalRefs({ root, members, edgeTypes }),
    ];
    const services = members.filter(m => lower(m.kind) === 'component');
    const summaries = await loadSummaries(this.sources, refs);
    // Definitions of the services new hires read first; one cached load per SLO-annotated service, bounded.
    const sloDefinitions = await loadTourSloDefinitions(
      readingOrder(services, summaries),
      this.sloDefinitions,
    );
    const { nodes, edges } = buildTourGraph({
      root,
      members,
      edgeTypes,
      summaries,
    });
    return {
      root: {
        entityRef: entityRefKey(root),
        title: root.metadata.title ?? root.metadata.name,
        description: root.metadata.description ?? null,
      },
      nodes,
      edges,
      readingPath: buildReadingPath(services, summaries, sloDefinitions),
      truncated,
    };
  }
}
