import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  entityRefKey,
} from '@internal/backstage-plugin-reliability-common';
import { EntityDocumentReader } from '../../shared/entityDocuments';
import { LearningPathDefinition, parseLearningPath } from './parseLearningPath';

/** Largest learning path file read. */
const MAX_FILE_BYTES = 128 * 1024;
const CACHE_TTL_MS = 60_000;
const MAX_CACHE_ENTRIES = 500;

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
  private readonly now: () => Date;
  private readonly cache = new Map<
    string,
    { expiresAt: number; value: Promise<GroupLearningPath> }
  >();

  constructor(options: { documents: EntityDocumentReader; now: () => Date }) {
    this.documents = options.documents;
    this.now = options.now;
  }

  /** The Group's path; undefined when the Group has no learning-path annotation. */
  async load(group: Entity): Promise<GroupLearningPath | undefined> {
    const location = learningPathLocation(group);
    if (!location) {
      return undefined;
    }
    const key = JSON.stringify([entityRefKey(group), location]);
    const now = this.now().getTime();
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > now) {
      return cached.value;
    }
    const value = this.loadUncached(group, location);
    for (const [k, entry] of this.cache) {
      if (entry.expiresAt <= now || this.cache.size >= MAX_CACHE_ENTRIES) {
        this.cache.delete(k);
      }
    }
    this.cache.set(key, { expiresAt: now + CACHE_TTL_MS, value });
    return value;
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
