import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity, getEntitySourceLocation } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Default upper bound for documents read on behalf of an entity (SLO files, runbooks). */
export const DEFAULT_MAX_DOCUMENT_BYTES = 512 * 1024;

/**
 * Resolves a document location named in an entity annotation to an absolute URL that the UrlReader can read:
 * absolute http(s) URLs are used as they are; anything else is relative to the entity's source location
 * (a repository URL, or a local `file` location for catalogs registered from disk).
 */
export function resolveEntityDocumentUrl(
  entity: Entity,
  location: string,
): string {
  const trimmed = location.trim();
  if (!trimmed) {
    throw new InputError('Empty document location');
  }
  if (/^https?:\/\//i.test(trimmed)) {
    return trimmed;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) {
    throw new InputError(
      `Unsupported document location '${trimmed}': use an http(s) URL or a path relative to the entity`,
    );
  }
  let source: { type: string; target: string };
  try {
    source = getEntitySourceLocation(entity);
  } catch {
    throw new InputError(
      `Cannot resolve '${trimmed}': the entity has no source location`,
    );
  }
  if (source.type === 'file') {
    const base = path.dirname(source.target);
    const resolved = path.resolve(base, trimmed);
    const url = pathToFileURL(resolved).toString();
    return trimmed.endsWith('/') && !url.endsWith('/') ? `${url}/` : url;
  }
  if (source.type === 'url') {
    return new URL(trimmed, source.target).toString();
  }
  throw new InputError(
    `Cannot resolve '${trimmed}' against a '${source.type}' source location`,
  );
}

/** Reads a text document with the UrlReader, refusing documents above `maxBytes`. */
export async function readEntityDocument(
  urlReader: UrlReaderService,
  url: string,
  options: { maxBytes?: number; signal?: AbortSignal } = {},
): Promise<string> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  const response = await urlReader.readUrl(url, { signal: options.signal });
  const buffer = await response.buffer();
  if (buffer.byteLength > maxBytes) {
    throw new InputError(
      `Document ${url} is ${buffer.byteLength} bytes; the limit is ${maxBytes}`,
    );
  }
  return buffer.toString('utf8');
}
