import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ArchitectureTour,
  entityRefKey,
  TourJourneyProblem,
} from '@internal/backstage-plugin-reliability-common';
import type { SloDefinitionSource } from '../../slo';
import { mapWithConcurrency } from '../../shared/concurrency';
import { loadSummaries, OverviewSources } from '../sources';
import { buildTourGraph, externalRefs, systemOf } from './buildTourGraph';
import { buildJourneys, DeclaringEntitySlos } from './journeys/buildJourneys';
import { EntityJourneys, LoadedJourney } from './journeys/JourneyReader';
import { buildReadingPath, readingOrder } from './readingPath';
import { loadByRefs, loadRoot, partRefs } from './tourCatalog';
import { EntitySloStates, RunbookIndex } from './tourSources';
import { loadTourSloDefinitions } from './tourSloDefinitions';

/** Most entities a tour draws (members of the system or domain); more are cut and `truncated` is set. */
export const MAX_TOUR_MEMBERS = 300;
/** Most entities outside the scope a tour loads (edge targets and their systems, journey steps). */
export const MAX_TOUR_EXTERNALS = 150;
/** Journey files of different entities read at once. */
const JOURNEY_CONCURRENCY = 4;

const lower = (value: string) => value.toLowerCase();

/** Reads the journeys an entity declares (the `JourneyReader`). */
export interface JourneySource {
  load(entity: Entity): Promise<EntityJourneys>;
}

/** Every entity one tour is built from. */
interface TourScope {
  root: Entity;
  members: Entity[];
  edgeTypes: Parameters<typeof buildTourGraph>[0]['edgeTypes'];
  truncated: boolean;
}

/**
 * Architecture tours of systems and domains. Each tour costs a constant number of catalog queries: the root,
 * ONE `getEntitiesByRefs` per level of parts (one for a system, two for a domain), one for the entities
 * outside the scope that edges lead to, one for their systems and one for journey steps outside the map;
 * then ONE `getSummaries` per area and ONE runbook index read for every entity on the map. SLO definitions
 * come from the SLO area's cached loader (bounded, `MAX_EXPLAINED_SERVICES`), journey files from the
 * `JourneyReader` (the shared document reader, cached).
 */
export class TourService {
  private readonly catalog: CatalogService;
  private readonly sources: OverviewSources;
  private readonly sloDefinitions: SloDefinitionSource;
  private readonly runbookIndex?: RunbookIndex;
  private readonly sloStates?: EntitySloStates;
  private readonly journeys?: JourneySource;

  /**
   * `sloDefinitions` (the SLO area's cached loader) lets the reading path say what each SLO promises;
   * `runbookIndex` gives runbook titles and kinds; `journeys` reads journey files; `sloStates` gives the live
   * state of a journey's SLO. Without the optional ones the tour leaves that part empty.
   */
  constructor(options: {
    catalog: CatalogService;
    sources: OverviewSources;
    sloDefinitions: SloDefinitionSource;
    runbookIndex?: RunbookIndex;
    sloStates?: EntitySloStates;
    journeys?: JourneySource;
  }) {
    this.catalog = options.catalog;
    this.sources = options.sources;
    this.sloDefinitions = options.sloDefinitions;
    this.runbookIndex = options.runbookIndex;
    this.sloStates = options.sloStates;
    this.journeys = options.journeys;
  }

  /** A system: its components, APIs and resources, with dependsOn, providesApi, consumesApi and partOf edges. */
  async systemTour(
    systemRef: string,
    credentials: BackstageCredentials,
  ): Promise<ArchitectureTour> {
    const system = await loadRoot(
      this.catalog,
      systemRef,
      ['system'],
      credentials,
    );
    const { entities: members, truncated } = await loadByRefs(
      this.catalog,
      partRefs(system),
      credentials,
      MAX_TOUR_MEMBERS,
    );
    return this.tour(
      {
        root: system,
        members,
        edgeTypes: ['dependsOn', 'providesApi', 'consumesApi', 'partOf'],
        truncated,
      },
      credentials,
    );
  }

  /** A domain: its systems with their components and resources, with partOf and dependsOn edges. */
  async domainTour(
    domainRef: string,
    credentials: BackstageCredentials,
  ): Promise<ArchitectureTour> {
    const domain = await loadRoot(
      this.catalog,
      domainRef,
      ['domain'],
      credentials,
    );
    const systems = await loadByRefs(
      this.catalog,
      partRefs(domain, ['system']),
      credentials,
      MAX_TOUR_MEMBERS,
    );
    const parts = await loadByRefs(
      this.catalog,
      systems.entities.flatMap(system =>
        partRefs(system, ['component', 'resource']),
      ),
      credentials,
      MAX_TOUR_MEMBERS - systems.entities.length,
    );
    return this.tour(
      {
        root: domain,
        members: [...systems.entities, ...parts.entities],
        edgeTypes: ['dependsOn', 'partOf'],
        truncated: systems.truncated || parts.truncated,
      },
      credentials,
    );
  }

  /** The entities outside the scope that edges lead to, and the systems they are part of (two queries). */
  private async loadExternals(
    scope: TourScope,
    credentials: BackstageCredentials,
  ): Promise<{ entities: Entity[]; truncated: boolean }> {
    const targets = await loadByRefs(
      this.catalog,
      externalRefs(scope),
      credentials,
      MAX_TOUR_EXTERNALS,
    );
    const known = new Set(
      [scope.root, ...scope.members, ...targets.entities].map(e =>
        entityRefKey(e),
      ),
    );
    const systems = await loadByRefs(
      this.catalog,
      targets.entities
        .map(systemOf)
        .filter((ref): ref is string => Boolean(ref) && !known.has(ref!)),
      credentials,
      MAX_TOUR_EXTERNALS,
    );
    return {
      entities: [...targets.entities, ...systems.entities],
      truncated: targets.truncated || systems.truncated,
    };
  }

  /** The journeys of the root and, for a domain, of its systems; one problem entry per bad file. */
  private async loadJourneys(
    scope: TourScope,
  ): Promise<{ journeys: LoadedJourney[]; problems: TourJourneyProblem[] }> {
    if (!this.journeys) {
      return { journeys: [], problems: [] };
    }
    const reader = this.journeys;
    const declaring = [
      scope.root,
      ...scope.members.filter(m => lower(m.kind) === 'system'),
    ];
    const loaded = await mapWithConcurrency(
      declaring,
      JOURNEY_CONCURRENCY,
      entity => reader.load(entity),
    );
    return {
      journeys: loaded.flatMap(l => l.journeys),
      problems: loaded.flatMap(l => l.problems),
    };
  }

  /** The SLOs (definition and newest state) of each entity that declares a journey naming an SLO. */
  private async loadDeclaringSlos(
    journeys: LoadedJourney[],
    byRef: Map<string, Entity>,
  ): Promise<DeclaringEntitySlos> {
    const refs = [
      ...new Set(journeys.filter(j => j.slo).map(j => j.entityRef)),
    ];
    const result: DeclaringEntitySlos = new Map();
    await Promise.all(
      refs.map(async ref => {
        const entity = byRef.get(ref)!;
        try {
          if (this.sloStates) {
            const { slos } = await this.sloStates.getEntitySlos(entity);
            result.set(ref, { slos });
          } else {
            const { definitions } = await this.sloDefinitions.load(entity);
            result.set(ref, {
              slos: definitions.map(definition => ({
                definition,
                status: null,
              })),
            });
          }
        } catch (error) {
          result.set(ref, {
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }),
    );
    return result;
  }

  private async tour(
    scope: TourScope,
    credentials: BackstageCredentials,
  ): Promise<ArchitectureTour> {
    const { root, members, edgeTypes } = scope;
    const [externals, { journeys, problems }] = await Promise.all([
      this.loadExternals(scope, credentials),
      this.loadJourneys(scope),
    ]);
    const byRef = new Map(
      [root, ...members, ...externals.entities].map(e => [entityRefKey(e), e]),
    );
    const stepRefs = [
      ...new Set(journeys.flatMap(j => j.steps.map(s => s.entityRef))),
    ];
    const steps = await loadByRefs(
      this.catalog,
      stepRefs.filter(ref => !byRef.has(ref)),
      credentials,
      MAX_TOUR_EXTERNALS,
    );
    for (const entity of steps.entities) {
      byRef.set(entityRefKey(entity), entity);
    }
    const stepEntities = stepRefs
      .map(ref => byRef.get(ref))
      .filter((entity): entity is Entity => Boolean(entity));

    const services = members.filter(m => lower(m.kind) === 'component');
    const explained = [...stepEntities, ...services];
    const [summaries, runbookIndex, declaringSlos] = await Promise.all([
      loadSummaries(this.sources, [
        ...byRef.keys(),
        ...externalRefs(scope),
        ...stepRefs,
      ]),
      this.runbookIndex?.getRunbooks(explained.map(e => entityRefKey(e))) ??
        Promise.resolve(new Map()),
      this.loadDeclaringSlos(journeys, byRef),
    ]);
    // Definitions of the journey steps and of the services new hires read first; bounded, cached loads.
    const order = readingOrder(services, summaries);
    const sloDefinitions = await loadTourSloDefinitions(
      [
        ...new Map(
          [...stepEntities, ...order].map(e => [entityRefKey(e), e]),
        ).values(),
      ],
      this.sloDefinitions,
    );
    const { nodes, edges } = buildTourGraph({
      root,
      members,
      edgeTypes,
      summaries,
      externals: externals.entities,
    });
    return {
      root: {
        entityRef: entityRefKey(root),
        title: root.metadata.title ?? root.metadata.name,
        description: root.metadata.description ?? null,
      },
      nodes,
      edges,
      readingPath: buildReadingPath(
        services,
        summaries,
        sloDefinitions,
        runbookIndex,
      ),
      journeys: buildJourneys({
        journeys,
        entities: new Map(stepEntities.map(e => [entityRefKey(e), e])),
        summaries,
        sloDefinitions,
        runbookIndex,
        declaringSlos,
      }),
      journeyProblems: problems,
      truncated: scope.truncated || externals.truncated || steps.truncated,
    };
  }
}
