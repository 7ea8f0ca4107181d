import { LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import { createHash } from 'crypto';
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
import { LruCache } from '../shared/lruCache';
import { ThrottledWarning } from '../shared/throttledWarning';
import { TtlCache } from '../shared/ttlCache';
import { parseOpenSloYaml } from './parseOpenSloYaml';
import { SloDefinitionSource } from './SloDefinitionSource';

/** Largest OpenSLO file or inline annotation read. */
const MAX_DEFINITION_BYTES = 256 * 1024;
const DEFAULT_CACHE_TTL_MS = 60_000;
/** Entities whose file-based definitions are kept (for the time to live); the parses are shared with the cache below. */
const MAX_FILE_CACHE_ENTRIES = 20_000;
/**
 * OpenSLO texts whose parse is kept (by a hash of the text, for as long as it stays among the most recently used):
 * one per entity with inline definitions, for 10,000+ services. A parse depends on the text alone, so it never goes
 * stale; an edited annotation is another text. Memory: 10,000 cached two-SLO definitions (the 1.7 KB texts of the
 * scale benchmark) took 31 MB of heap (3.2 KB each, Node 22), so a full cache of typical definitions is ~65 MB; the
 * bound on the total text length (about 1.8 bytes of heap per character of text) keeps large texts under ~75 MB.
 */
const MAX_PARSED_TEXTS = 20_000;
/** Least time between two warnings that the parse cache is too small. */
const WARN_INTERVAL_MS = 60 * 60 * 1000;

/** Text length kept per cached parse on average, at most (2 KB: 40 MB for 20,000 texts). */
const MAX_CHARS_PER_PARSED_TEXT = 2 * 1024;

type ParsedOpenSlo = ReturnType<typeof parseOpenSloYaml>;

/** Definitions of one source (the file or the inline annotation), before they are merged. */
interface SourceDefinitions {
  source: string;
  parsed: ParsedOpenSlo;
}

/** The valid SLO definitions of an entity and the problems found while loading them. */
export interface LoadedSloDefinitions {
  definitions: SloDefinition[];
  errors: SloDefinitionProblem[];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function failed(source: string, path: string, message: string) {
  return { source, parsed: { slos: [], errors: [{ path, message }] } };
}

/**
 * Loads an entity's OpenSLO definitions from the file its `slo-definitions` annotation names (relative to
 * the entity's source location, or an absolute URL) and from its inline `slo-inline` annotation, and validates
 * them. Parses are cached by the text's content (the same text parses the same for every entity, and an edited
 * annotation or file is a new text); what a file holds is re-read after a short time to live.
 */
export class SloDefinitionLoader implements SloDefinitionSource {
  private readonly files: TtlCache<Promise<SourceDefinitions>>;
  private readonly parsed: LruCache<ParsedOpenSlo>;
  private readonly documents: EntityDocumentReader;
  private readonly maxParsedTexts: number;
  /** Says, at most hourly, that the parse cache is too small. */
  private readonly tooSmall: ThrottledWarning;
  /** The parse cache's evictions when that was last said. */
  private evictionsWhenWarned = 0;

  constructor(options: {
    urlReader: UrlReaderService;
    now: () => Date;
    /** How long what a definitions file holds is kept (default 60 s); parses of inline texts are not timed. */
    cacheTtlMs?: number;
    /** Places beyond each entity's source location that SLO files may be read from (`reliability.documents.allow`). */
    documentAllow?: DocumentAllowRule[];
    /** Parsed texts kept (`reliability.slo.definitionCache.maxEntries`, default 20,000). */
    maxParsedTexts?: number;
    /** Warns (at most hourly) when the parse cache keeps dropping texts it will need again. */
    logger?: LoggerService;
  }) {
    const maxParsedTexts = options.maxParsedTexts ?? MAX_PARSED_TEXTS;
    this.maxParsedTexts = maxParsedTexts;
    this.tooSmall = new ThrottledWarning({
      logger: options.logger,
      intervalMs: WARN_INTERVAL_MS,
      now: options.now,
    });
    this.parsed = new LruCache<ParsedOpenSlo>({
      maxEntries: maxParsedTexts,
      maxWeight: maxParsedTexts * MAX_CHARS_PER_PARSED_TEXT,
    });
    this.documents = new EntityDocumentReader({
      urlReader: options.urlReader,
      allow: options.documentAllow,
    });
    this.files = new TtlCache({
      ttlMs: options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS,
      maxEntries: MAX_FILE_CACHE_ENTRIES,
      now: options.now,
    });
  }

  async load(entity: Entity): Promise<LoadedSloDefinitions> {
    const annotations = entity.metadata.annotations ?? {};
    const fileLocation = annotations[ANNOTATIONS.sloDefinitions]?.trim();
    const inline = annotations[ANNOTATIONS.sloInline];
    const sources: SourceDefinitions[] = [];
    if (fileLocation) {
      sources.push(
        await this.files.getOrLoad(
          JSON.stringify([entityRefKey(entity), fileLocation]),
          () => this.readFile(entity, fileLocation),
        ),
      );
    }
    if (inline?.trim()) {
      sources.push(
        Buffer.byteLength(inline, 'utf8') > MAX_DEFINITION_BYTES
          ? failed(
              'inline',
              `metadata.annotations.${ANNOTATIONS.sloInline}`,
              `Inline SLO definitions exceed ${MAX_DEFINITION_BYTES} bytes`,
            )
          : { source: 'inline', parsed: this.parse(inline) },
      );
    }
    return merge(sources);
  }

  /** The parse of an OpenSLO text, from the cache when the same text was parsed before. */
  private parse(text: string): ParsedOpenSlo {
    const key = createHash('sha256').update(text).digest('base64');
    const parsed = this.parsed.getOrLoad(
      key,
      () => parseOpenSloYaml(text),
      text.length,
    );
    this.warnWhenTooSmall();
    return parsed;
  }

  /**
   * Once the parse cache has dropped as many texts as it holds (every text replaced: more entities have SLO texts
   * than it keeps, so every refresh parses them all again), says so with the key to raise, at most once an hour.
   */
  private warnWhenTooSmall() {
    const evictions = this.parsed.evictions;
    if (evictions - this.evictionsWhenWarned < this.maxParsedTexts) return;
    // The message is built only when it is logged (this runs on every parse while the cache thrashes).
    const warned = this.tooSmall.warn(
      () =>
        `The SLO definitions cache has dropped ${evictions} parsed texts to stay within reliability.slo.definitionCache.maxEntries (${this.maxParsedTexts}): more entities have SLO definitions than it keeps, so every SLO and runbook refresh parses them again. Raise maxEntries above the number of entities with SLOs (about 3 KB of memory each).`,
    );
    if (warned) this.evictionsWhenWarned = evictions;
  }

  private async readFile(
    entity: Entity,
    fileLocation: string,
  ): Promise<SourceDefinitions> {
    let url = fileLocation;
    try {
      url = this.documents.resolve(entity, fileLocation);
      const text = await this.documents.read(entity, url, {
        maxBytes: MAX_DEFINITION_BYTES,
      });
      return { source: url, parsed: this.parse(text) };
    } catch (error) {
      return failed(
        url,
        `metadata.annotations.${ANNOTATIONS.sloDefinitions}`,
        `Cannot read SLO definitions: ${describe(error)}`,
      );
    }
  }
}

/** The definitions of all sources, in order; a name defined again is a problem and the first definition is used. */
function merge(sources: SourceDefinitions[]): LoadedSloDefinitions {
  const definitions: SloDefinition[] = [];
  const errors: SloDefinitionProblem[] = [];
  const names = new Set<string>();
  for (const { source, parsed } of sources) {
    for (const error of parsed.errors) {
      errors.push({ source, ...error });
    }
    for (const slo of parsed.slos) {
      if (names.has(slo.name)) {
        errors.push({
          source,
          path: 'metadata.name',
          message: `SLO '${slo.name}' is defined more than once; the first definition is used`,
        });
      } else {
        names.add(slo.name);
        definitions.push(slo);
      }
    }
  }
  return { definitions, errors };
}
