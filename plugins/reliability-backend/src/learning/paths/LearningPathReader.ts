import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  entityRefKey,
} from '@internal/backstage-plugin-reliability-common';
import { EntityDocumentReader } from '../../shared/entityDocuments';
import { LearningPathDefinition, parseLearningPath } from './parseLearningPath';
import { TtlCache } from '../../shared/ttlCache';

/** Largest learning path file read. */
const MAX_FILE_BYTES = 128 * 1024;

/** The learning path of one Group, or why it could not be used. */
export type GroupLearningPath =
  | { groupRef: string; source: string; path: LearningPathDefinition }
  | { groupRef: string; source: string; path: null; error: string };

/** The location named by a Group's learning-path annotation, undefined without one. */
export function learningPathLocation(entity: Entity): string | undefined {
  const value = entity.metadata.annotations?.[ANNOTATIONS.learningPath];
  return value?.trim() || undefined;
}

/**
 * Reads the learning path file a Group names in its `learning-path` annotation, through the shared
 * `EntityDocumentReader` (only under the Group's source location or `reliability.documents.allow`, with a size
 * limit). An unreadable or invalid file becomes an error naming what to fix, never an exception. Results are
 * kept for a minute per Group and annotation value.
 */
export class LearningPathReader {
  private readonly documents: EntityDocumentReader;
  private readonly cache: TtlCache<Promise<GroupLearningPath>>;

  constructor(options: { documents: EntityDocumentReader; now: () => Date }) {
    this.documents = options.documents;
    this.cache = new TtlCache({
      ttlMs: 60_000,
      maxEntries: 500,
      now: options.now,
    });
  }

  /** The Group's path; undefined when the Group has no learning-path annotation. */
  async load(group: Entity): Promise<GroupLearningPath | undefined> {
    const location = learningPathLocation(group);
    if (!location) {
      return undefined;
    }
    const key = JSON.stringify([entityRefKey(group), location]);
    return this.cache.getOrLoad(key, () => this.loadUncached(group, location));
  }

  private async loadUncached(
    group: Entity,
    location: string,
  ): Promise<GroupLearningPath> {
    const groupRef = entityRefKey(group);
    let source = location;
    let text: string;
    try {
      source = this.documents.resolve(group, location);
      text = await this.documents.read(group, source, {
        maxBytes: MAX_FILE_BYTES,
      });
    } catch (error) {
      return {
        groupRef,
        source,
        path: null,
        error: `cannot read the learning path file: ${
          error instanceof Error ? error.message : String(error)
        }`,
      };
    }
    const parsed = parseLearningPath(text, {
      defaultNamespace: group.metadata.namespace ?? 'default',
      groupRef,
    });
    if (!parsed.path) {
      return {
        groupRef,
        source,
        path: null,
        error: `invalid learning path file: ${parsed.errors.join('; ')}`,
      };
    }
    return { groupRef, source, path: parsed.path };
  }
}
