import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  isHttpUrl,
  ANNOTATIONS,
} from '@internal/backstage-plugin-reliability-common';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import {
  DocumentAllowRule,
  EntityDocumentReader,
} from '../../shared/entityDocuments';
import {
  firstHeading,
  parseRunbookMarkdown,
  postmortemDetailsOf,
} from './frontMatter';
import { RunbookDraft } from './types';

/** Limits on what one entity's runbooks annotation may pull in. */
export const MARKDOWN_LIMITS = {
  maxLocations: 20,
  maxFilesPerEntity: 100,
  maxFileBytes: 256 * 1024,
  readTimeoutMs: 20_000,
};

const MARKDOWN_FILE = /\.(md|markdown)$/i;
const INDEX_FILE = 'index.yaml';

const relativeFileSchema = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .refine(p => MARKDOWN_FILE.test(p), {
    message: 'must name a .md or .markdown file',
  })
  .refine(p => !p.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(p), {
    message: 'must be a path relative to the directory',
  })
  .refine(p => !p.split(/[\\/]/).includes('..'), {
    message: 'must not contain ".."',
  });

/** `index.yaml` of a runbook directory: the Markdown files to read, in order. */
const directoryIndexSchema = z.union([
  z.object({
    runbooks: z
      .array(relativeFileSchema)
      .max(MARKDOWN_LIMITS.maxFilesPerEntity),
  }),
  z.array(relativeFileSchema).max(MARKDOWN_LIMITS.maxFilesPerEntity),
]);

/** The comma-separated locations of the entity's runbooks annotation (empty when absent). */
export function runbookLocations(entity: Entity): string[] {
  const value = entity.metadata.annotations?.[ANNOTATIONS.runbooks] ?? '';
  return value
    .split(',')
    .map(part => part.trim())
    .filter(Boolean);
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    return error.name && error.name !== 'Error'
      ? `${error.name}: ${error.message}`
      : error.message;
  }
  return String(error);
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && error.name === 'NotFoundError';
}

function baseName(path: string): string {
  return path.replace(/\/+$/, '').split('/').pop() ?? path;
}

/**
 * Reads the Markdown runbooks named by the `reliability.sre-portal.dev/runbooks` annotation. Each location is
 * a Markdown file or a directory (relative to the entity's source location, or an http(s) URL). A directory is
 * read through its `index.yaml` (a list of files, or `runbooks: [...]`) when it has one, otherwise as a tree of
 * `.md` files. Problems are returned per file or location as runbooks with an `error`; nothing here throws.
 */
export class MarkdownRunbookReader {
  private readonly urlReader: UrlReaderService;
  private readonly documents: EntityDocumentReader;

  constructor(options: {
    urlReader: UrlReaderService;
    /** Places beyond each entity's source location that runbooks may be read from (`reliability.documents.allow`). */
    allow?: DocumentAllowRule[];
  }) {
    this.urlReader = options.urlReader;
    this.documents = new EntityDocumentReader({
      urlReader: options.urlReader,
      allow: options.allow ?? [],
    });
  }

  async read(entity: Entity): Promise<RunbookDraft[]> {
    const locations = runbookLocations(entity);
    const drafts: RunbookDraft[] = [];
    if (locations.length > MARKDOWN_LIMITS.maxLocations) {
      drafts.push(
        this.failed(
          locations.slice(MARKDOWN_LIMITS.maxLocations).join(', '),
          'Runbook locations',
          `Only the first ${MARKDOWN_LIMITS.maxLocations} runbook locations are read`,
        ),
      );
    }
    for (const location of locations.slice(0, MARKDOWN_LIMITS.maxLocations)) {
      const room = MARKDOWN_LIMITS.maxFilesPerEntity - drafts.length;
      if (room <= 0) break;
      drafts.push(
        ...(await this.readLocation(entity, location)).slice(0, room),
      );
    }
    return drafts;
  }

  private async readLocation(
    entity: Entity,
    location: string,
  ): Promise<RunbookDraft[]> {
    let url: string;
    try {
      url = this.documents.resolve(entity, location);
    } catch (error) {
      return [this.failed(location, location, errorMessage(error))];
    }
    if (MARKDOWN_FILE.test(new URL(url).pathname)) {
      return [await this.readFile(entity, location, url, baseName(url))];
    }
    return this.readDirectory(
      entity,
      location,
      url.endsWith('/') ? url : `${url}/`,
    );
  }

  private async readDirectory(
    entity: Entity,
    location: string,
    dirUrl: string,
  ): Promise<RunbookDraft[]> {
    const indexUrl = new URL(INDEX_FILE, dirUrl).toString();
    let indexText: string | undefined;
    try {
      indexText = await this.documents.read(entity, indexUrl, {
        maxBytes: 64 * 1024,
        signal: AbortSignal.timeout(MARKDOWN_LIMITS.readTimeoutMs),
      });
    } catch (error) {
      if (!isNotFound(error)) {
        return [
          this.failed(
            location,
            location,
            `Cannot read ${INDEX_FILE}: ${errorMessage(error)}`,
          ),
        ];
      }
    }
    if (indexText !== undefined) {
      return this.readIndexedFiles(entity, location, dirUrl, indexText);
    }
    return this.readTree(location, dirUrl);
  }

  private async readIndexedFiles(
    entity: Entity,
    location: string,
    dirUrl: string,
    indexText: string,
  ): Promise<RunbookDraft[]> {
    let files: string[];
    try {
      const parsed = directoryIndexSchema.safeParse(
        parseYaml(indexText, { maxAliasCount: 20 }),
      );
      if (!parsed.success) {
        const details = parsed.error.issues
          .map(i => `${i.path.join('.') || '(root)'}: ${i.message}`)
          .join('; ');
        throw new Error(details);
      }
      files = Array.isArray(parsed.data) ? parsed.data : parsed.data.runbooks;
    } catch (error) {
      return [
        this.failed(
          location,
          location,
          `Invalid ${INDEX_FILE}: ${errorMessage(error)}`,
        ),
      ];
    }
    const drafts: RunbookDraft[] = [];
    for (const file of files) {
      drafts.push(
        await this.readFile(
          entity,
          `${location.replace(/\/+$/, '')}/${file}`,
          new URL(file, dirUrl).toString(),
          file,
        ),
      );
    }
    return drafts;
  }

  private async readTree(
    location: string,
    dirUrl: string,
  ): Promise<RunbookDraft[]> {
    try {
      const tree = await this.urlReader.readTree(dirUrl, {
        filter: path => MARKDOWN_FILE.test(path),
        signal: AbortSignal.timeout(MARKDOWN_LIMITS.readTimeoutMs),
      });
      const files = (await tree.files())
        .filter(file => MARKDOWN_FILE.test(file.path))
        .sort((a, b) => a.path.localeCompare(b.path))
        .slice(0, MARKDOWN_LIMITS.maxFilesPerEntity);
      if (files.length === 0) {
        return [
          this.failed(
            location,
            location,
            'No Markdown (.md) files in this directory',
          ),
        ];
      }
      const drafts: RunbookDraft[] = [];
      for (const file of files) {
        const fileLocation = `${location.replace(/\/+$/, '')}/${file.path}`;
        try {
          const content = await file.content();
          if (content.byteLength > MARKDOWN_LIMITS.maxFileBytes) {
            throw new Error(
              `File is ${content.byteLength} bytes; the limit is ${MARKDOWN_LIMITS.maxFileBytes}`,
            );
          }
          drafts.push(
            this.fromMarkdown(
              fileLocation,
              new URL(file.path, dirUrl).toString(),
              file.path,
              content.toString('utf8'),
            ),
          );
        } catch (error) {
          drafts.push(
            this.failed(fileLocation, file.path, errorMessage(error)),
          );
        }
      }
      return drafts;
    } catch (error) {
      return [
        this.failed(
          location,
          location,
          `Cannot read directory: ${errorMessage(error)}`,
        ),
      ];
    }
  }

  private async readFile(
    entity: Entity,
    location: string,
    url: string,
    path: string,
  ): Promise<RunbookDraft> {
    try {
      const text = await this.documents.read(entity, url, {
        maxBytes: MARKDOWN_LIMITS.maxFileBytes,
        signal: AbortSignal.timeout(MARKDOWN_LIMITS.readTimeoutMs),
      });
      return this.fromMarkdown(location, url, path, text);
    } catch (error) {
      return this.failed(location, path, errorMessage(error));
    }
  }

  private fromMarkdown(
    location: string,
    url: string,
    path: string,
    text: string,
  ): RunbookDraft {
    const fileName = baseName(path).replace(MARKDOWN_FILE, '');
    const sourceUrl = isHttpUrl(url) ? url : null;
    try {
      const { frontMatter, body } = parseRunbookMarkdown(text);
      const details = postmortemDetailsOf(frontMatter);
      return {
        preferredId: frontMatter.id ?? path.replace(MARKDOWN_FILE, ''),
        entry: {
          title: frontMatter.title ?? firstHeading(body) ?? fileName,
          kind: frontMatter.kind,
          answers: frontMatter.answers,
          owner: frontMatter.owner ?? null,
          lastReviewed: frontMatter.lastReviewed ?? null,
          url: sourceUrl,
          source: 'markdown',
          location,
          error: null,
        },
        body,
        ...(details ? { details } : {}),
      };
    } catch (error) {
      const failed = this.failed(location, path, errorMessage(error));
      return { ...failed, entry: { ...failed.entry, url: sourceUrl } };
    }
  }

  private failed(location: string, title: string, error: string): RunbookDraft {
    return {
      preferredId: title.replace(MARKDOWN_FILE, ''),
      entry: {
        title: baseName(title).slice(0, 200) || 'Runbook',
        kind: 'runbook',
        answers: [],
        owner: null,
        lastReviewed: null,
        url: null,
        source: 'markdown',
        location,
        error,
      },
      body: null,
    };
  }
}
