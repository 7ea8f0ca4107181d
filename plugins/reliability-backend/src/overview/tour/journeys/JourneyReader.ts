import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  entityRefKey,
  TourJourneyProblem,
} from '@internal/backstage-plugin-reliability-common';
import { EntityDocumentReader } from '../../../shared/entityDocuments';
import { JourneyDefinition, parseJourneyYaml } from './parseJourneyYaml';
import { TtlCache } from '../../../shared/ttlCache';

/** Largest journey file read. */
const MAX_JOURNEY_FILE_BYTES = 256 * 1024;
/** Most files one entity's journeys annotation may name. */
export const MAX_JOURNEY_FILES = 10;

/** A journey with where it came from. */
export interface LoadedJourney extends JourneyDefinition {
  /** The System or Domain that declares it. */
  entityRef: string;
  source: string;
}

/** The journeys of one entity and the problems of its journey files. */
export interface EntityJourneys {
  journeys: LoadedJourney[];
  problems: TourJourneyProblem[];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The locations named by an entity's journeys annotation (empty without it). */
export function journeyLocations(entity: Entity): string[] {
  return (entity.metadata.annotations?.[ANNOTATIONS.journeys] ?? '')
    .split(',')
    .map(location => location.trim())
    .filter(Boolean);
}

/**
 * Reads the journey files a System or Domain names in its journeys annotation, through the shared
 * `EntityDocumentReader` (only under the entity's source location or `reliability.documents.allow`, with a size
 * limit). Every file is parsed on its own: an unreadable or invalid file becomes a problem naming the file,
 * the others still load. Results are kept for a minute per entity and annotation value.
 */
export class JourneyReader {
  private readonly documents: EntityDocumentReader;
  private readonly cache: TtlCache<Promise<EntityJourneys>>;

  constructor(options: { documents: EntityDocumentReader; now: () => Date }) {
    this.documents = options.documents;
    this.cache = new TtlCache({
      ttlMs: 60_000,
      maxEntries: 500,
      now: options.now,
    });
  }

  async load(entity: Entity): Promise<EntityJourneys> {
    const locations = journeyLocations(entity);
    if (locations.length === 0) {
      return { journeys: [], problems: [] };
    }
    const key = JSON.stringify([entityRefKey(entity), locations]);
    return this.cache.getOrLoad(key, () =>
      this.loadUncached(entity, locations),
    );
  }

  private async loadUncached(
    entity: Entity,
    locations: string[],
  ): Promise<EntityJourneys> {
    const entityRef = entityRefKey(entity);
    const problems: TourJourneyProblem[] = [];
    if (locations.length > MAX_JOURNEY_FILES) {
      problems.push({
        entityRef,
        source: ANNOTATIONS.journeys,
        message: `the annotation names ${locations.length} files; only the first ${MAX_JOURNEY_FILES} are read`,
      });
    }
    const files = await Promise.all(
      locations.slice(0, MAX_JOURNEY_FILES).map(async location => {
        let source = location;
        try {
          source = this.documents.resolve(entity, location);
          const text = await this.documents.read(entity, source, {
            maxBytes: MAX_JOURNEY_FILE_BYTES,
          });
          return {
            source,
            ...parseJourneyYaml(text, entity.metadata.namespace ?? 'default'),
          };
        } catch (error) {
          return {
            source,
            journeys: [],
            errors: [`cannot read the journey file: ${describe(error)}`],
          };
        }
      }),
    );
    const journeys: LoadedJourney[] = [];
    for (const file of files) {
      for (const message of file.errors) {
        problems.push({ entityRef, source: file.source, message });
      }
      for (const journey of file.journeys) {
        if (journeys.some(j => j.name === journey.name)) {
          problems.push({
            entityRef,
            source: file.source,
            message: `journey '${journey.name}' is also defined in another file of ${entityRef}; the first one is used`,
          });
        } else {
          journeys.push({ ...journey, entityRef, source: file.source });
        }
      }
    }
    return { journeys, problems };
  }
}
