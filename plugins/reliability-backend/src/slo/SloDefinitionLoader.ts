import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  entityRefKey,
  SloDefinition,
  SloDefinitionProblem,
} from '@internal/backstage-plugin-reliability-common';
import {
  DocumentAllowRule,
  EntityDocumentReader,
} from '../shared/entityDocuments';
import { parseOpenSloYaml } from './parseOpenSloYaml';
import { SloDefinitionSource } from './SloDefinitionSource';

/** Largest OpenSLO file or inline annotation read. */
const MAX_DEFINITION_BYTES = 256 * 1024;
const DEFAULT_CACHE_TTL_MS = 60_000;
const MAX_CACHE_ENTRIES = 2000;

/** The valid SLO definitions of an entity and the problems found while loading them. */
export interface LoadedSloDefinitions {
  definitions: SloDefinition[];
  errors: SloDefinitionProblem[];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Loads an entity's OpenSLO definitions from the file its `slo-definitions` annotation names (relative to
 * the entity's source location, or an absolute URL) and from its inline `slo-inline` annotation, validates
 * them, and caches the result briefly (keyed by the annotation values, so an edited entity reloads).
 */
export class SloDefinitionLoader implements SloDefinitionSource {
  private readonly cache = new Map<
    string,
    { expiresAt: number; value: Promise<LoadedSloDefinitions> }
  >();

  private readonly documents: EntityDocumentReader;

  constructor(
    private readonly options: {
      urlReader: UrlReaderService;
      now: () => Date;
      cacheTtlMs?: number;
      /** Places beyond each entity's source location that SLO files may be read from (`reliability.documents.allow`). */
      documentAllow?: DocumentAllowRule[];
    },
  ) {
    this.documents = new EntityDocumentReader({
      urlReader: options.urlReader,
      allow: options.documentAllow,
    });
  }

  async load(entity: Entity): Promise<LoadedSloDefinitions> {
    const annotations = entity.metadata.annotations ?? {};
    const fileLocation = annotations[ANNOTATIONS.sloDefinitions]?.trim();
    const inline = annotations[ANNOTATIONS.sloInline];
    const key = JSON.stringify([
      entityRefKey(entity),
      fileLocation ?? null,
      inline ?? null,
    ]);
    const now = this.options.now().getTime();
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > now) {
      return cached.value;
    }
    const value = this.loadUncached(entity, fileLocation, inline);
    if (this.cache.size >= MAX_CACHE_ENTRIES) {
      for (const [k, entry] of this.cache) {
        if (entry.expiresAt <= now || this.cache.size >= MAX_CACHE_ENTRIES) {
          this.cache.delete(k);
        }
      }
    }
    this.cache.set(key, {
      expiresAt: now + (this.options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS),
      value,
    });
    return value;
  }

  private async loadUncached(
    entity: Entity,
    fileLocation: string | undefined,
    inline: string | undefined,
  ): Promise<LoadedSloDefinitions> {
    const definitions: SloDefinition[] = [];
    const errors: SloDefinitionProblem[] = [];
    const add = (
      source: string,
      parsed: ReturnType<typeof parseOpenSloYaml>,
    ) => {
      for (const error of parsed.errors) {
        errors.push({ source, ...error });
      }
      for (const slo of parsed.slos) {
        if (definitions.some(existing => existing.name === slo.name)) {
          errors.push({
            source,
            path: 'metadata.name',
            message: `SLO '${slo.name}' is defined more than once; the first definition is used`,
          });
        } else {
          definitions.push(slo);
        }
      }
    };

    if (fileLocation) {
      let url = fileLocation;
      try {
        url = this.documents.resolve(entity, fileLocation);
        const text = await this.documents.read(entity, url, {
          maxBytes: MAX_DEFINITION_BYTES,
        });
        add(url, parseOpenSloYaml(text));
      } catch (error) {
        errors.push({
          source: url,
          path: `metadata.annotations.${ANNOTATIONS.sloDefinitions}`,
          message: `Cannot read SLO definitions: ${describe(error)}`,
        });
      }
    }
    if (inline?.trim()) {
      if (Buffer.byteLength(inline, 'utf8') > MAX_DEFINITION_BYTES) {
        errors.push({
          source: 'inline',
          path: `metadata.annotations.${ANNOTATIONS.sloInline}`,
          message: `Inline SLO definitions exceed ${MAX_DEFINITION_BYTES} bytes`,
        });
      } else {
        add('inline', parseOpenSloYaml(inline));
      }
    }
    return { definitions, errors };
  }
}
