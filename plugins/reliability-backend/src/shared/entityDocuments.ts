import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  getEntitySourceLocation,
  parseLocationRef,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError, NotAllowedError } from '@backstage/errors';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Default upper bound for documents read on behalf of an entity (SLO files, runbooks). */
export const DEFAULT_MAX_DOCUMENT_BYTES = 512 * 1024;

/** Config key of the allow-list for documents outside an entity's own source location. */
export const DOCUMENTS_ALLOW_KEY = 'reliability.documents.allow';

/**
 * A place, beyond the entity's own source location, from which documents may be read for any entity:
 * an http(s) host with path prefixes, or a local directory (for file catalogs).
 */
export type DocumentAllowRule =
  | { host: string; paths: string[] }
  | { directory: string };

/** Reads `reliability.documents.allow`; local directories are resolved against the backend's working directory. */
export function readDocumentAllowRules(config: Config): DocumentAllowRule[] {
  return (config.getOptionalConfigArray(DOCUMENTS_ALLOW_KEY) ?? []).map(
    (rule, index) => {
      const directory = rule.getOptionalString('directory');
      if (directory !== undefined) {
        return { directory: path.resolve(directory) };
      }
      const host = rule.getOptionalString('host');
      const paths = rule.getOptionalStringArray('paths');
      if (!host || !paths || paths.length === 0) {
        throw new Error(
          `Invalid config ${DOCUMENTS_ALLOW_KEY}[${index}]: give either 'directory', or 'host' and a non-empty 'paths' list`,
        );
      }
      return { host: host.toLowerCase(), paths };
    },
  );
}

/**
 * The comparable form of a document URL: lower-case scheme and host, dot segments resolved, no query or
 * fragment, and the `blob`/`tree` segments of GitHub/GitLab-style links treated as the same thing.
 */
function comparable(url: URL): string {
  const pathname = url.pathname.replace(/\/(?:-\/)?(?:blob|tree)\//, '/~/');
  return `${url.protocol}//${url.host.toLowerCase()}${pathname}`;
}

function directoryOf(url: URL): URL {
  return url.pathname.endsWith('/') ? url : new URL('./', url);
}

/** The directories an entity's documents may live under: its source location and its managed-by location. */
function entityRoots(entity: Entity): URL[] {
  const annotations = entity.metadata.annotations ?? {};
  const roots: URL[] = [];
  for (const key of [ANNOTATION_SOURCE_LOCATION, ANNOTATION_LOCATION]) {
    const value = annotations[key];
    if (!value) continue;
    try {
      const { type, target } = parseLocationRef(value);
      if (type === 'url') {
        roots.push(directoryOf(new URL(target)));
      } else if (type === 'file') {
        roots.push(pathToFileURL(`${path.dirname(path.resolve(target))}/`));
      }
    } catch {
      // A malformed location grants nothing.
    }
  }
  return roots;
}

function under(url: URL, root: URL): boolean {
  const base = comparable(root);
  return comparable(url).startsWith(base.endsWith('/') ? base : `${base}/`);
}

function allowedByRule(url: URL, rule: DocumentAllowRule): boolean {
  if ('directory' in rule) {
    return (
      url.protocol === 'file:' &&
      under(url, pathToFileURL(`${rule.directory}/`))
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.host.toLowerCase() !== rule.host) return false;
  return rule.paths.some(prefix =>
    under(url, new URL(prefix.startsWith('/') ? prefix : `/${prefix}`, url)),
  );
}

/**
 * Resolves and reads the documents an entity's annotations point at (OpenSLO files, runbooks).
 *
 * The backend reads with its own integration credentials and shows what it read to everyone who can see the
 * entity, so an annotation must not be able to point at a file its author could not publish themselves
 * (a confused-deputy read). Documents are therefore read only under the entity's own source location
 * (`backstage.io/source-location`, or the directory of `backstage.io/managed-by-location`) or under a place
 * listed in `reliability.documents.allow`. Reads stop at a size limit instead of loading the whole file.
 */
export class EntityDocumentReader {
  private readonly urlReader: UrlReaderService;
  private readonly allow: DocumentAllowRule[];

  constructor(options: {
    urlReader: UrlReaderService;
    allow?: DocumentAllowRule[];
  }) {
    this.urlReader = options.urlReader;
    this.allow = options.allow ?? [];
  }

  /**
   * Resolves a location named in an annotation (an http(s) URL, or a path relative to the entity's source
   * location) to an absolute URL, and refuses it when the entity may not read there.
   */
  resolve(entity: Entity, location: string): string {
    const trimmed = location.trim();
    if (!trimmed) {
      throw new InputError('Empty document location');
    }
    let resolved: string;
    if (/^https?:\/\//i.test(trimmed)) {
      resolved = trimmed;
    } else if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) {
      throw new InputError(
        `Unsupported document location '${trimmed}': use an http(s) URL or a path relative to the entity`,
      );
    } else {
      resolved = this.resolveRelative(entity, trimmed);
    }
    this.assertAllowed(entity, resolved);
    return resolved;
  }

  /**
   * Reads a text document for the entity, at most `maxBytes` (the read stops there and fails). Checks access
   * again, so documents found through another (an index listing `../../x.md`) obey the same rule.
   */
  async read(
    entity: Entity,
    url: string,
    options: { maxBytes?: number; signal?: AbortSignal } = {},
  ): Promise<string> {
    this.assertAllowed(entity, url);
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
    const response = await this.urlReader.readUrl(url, {
      signal: options.signal,
    });
    const tooLarge = () =>
      new InputError(
        `Document ${url} is too large: the limit is ${maxBytes} bytes`,
      );
    if (!response.stream) {
      const buffer = await response.buffer();
      if (buffer.byteLength > maxBytes) throw tooLarge();
      return buffer.toString('utf8');
    }
    const stream = response.stream();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const part of stream) {
      const chunk = Buffer.isBuffer(part) ? part : Buffer.from(part);
      size += chunk.byteLength;
      if (size > maxBytes) {
        stream.destroy();
        throw tooLarge();
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  private resolveRelative(entity: Entity, location: string): string {
    let source: { type: string; target: string };
    try {
      source = getEntitySourceLocation(entity);
    } catch {
      throw new InputError(
        `Cannot resolve '${location}': the entity has no source location`,
      );
    }
    if (source.type === 'file') {
      const resolved = path.resolve(path.dirname(source.target), location);
      const url = pathToFileURL(resolved).toString();
      return location.endsWith('/') && !url.endsWith('/') ? `${url}/` : url;
    }
    if (source.type === 'url') {
      return new URL(location, source.target).toString();
    }
    throw new InputError(
      `Cannot resolve '${location}' against a '${source.type}' source location`,
    );
  }

  private assertAllowed(entity: Entity, url: string): void {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new InputError(`Invalid document URL '${url}'`);
    }
    if (entityRoots(entity).some(root => under(parsed, root))) return;
    if (this.allow.some(rule => allowedByRule(parsed, rule))) return;
    throw new NotAllowedError(
      `Refused to read ${url}: documents are read only under the entity's own source location ` +
        `or a place listed in ${DOCUMENTS_ALLOW_KEY} (see docs/security.md)`,
    );
  }
}
