import path from 'node:path';

/**
 * A workspace path as seen from the catalog file's directory (`./slos/x.yaml`, `../docs/runbooks/`), the form the
 * suite resolves annotation locations in. http(s) URLs are kept.
 */
export function relativeToCatalogFile(
  catalogPath: string,
  target: string,
): string {
  if (/^https?:\/\//i.test(target)) return target;
  const from = path.posix.dirname(path.posix.normalize(catalogPath));
  const relative = path.posix.relative(from, path.posix.normalize(target));
  const withDot = relative.startsWith('..') ? relative : `./${relative}`;
  return target.endsWith('/') && !withDot.endsWith('/')
    ? `${withDot}/`
    : withDot;
}
