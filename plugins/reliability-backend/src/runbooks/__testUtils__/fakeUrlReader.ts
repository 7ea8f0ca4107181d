import { UrlReaderService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';

/**
 * An in-memory UrlReader for tests: `files` maps absolute URLs to contents. `readTree` lists the files under a
 * directory URL unless `treeSupported` is false (then it throws, like readers without tree support).
 */
export function createFakeUrlReader(
  files: Record<string, string>,
  options: { treeSupported?: boolean } = {},
): UrlReaderService & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async readUrl(url: string) {
      reads.push(url);
      if (!(url in files)) {
        throw new NotFoundError(`No such file: ${url}`);
      }
      const buffer = Buffer.from(files[url], 'utf8');
      return { buffer: async () => buffer };
    },
    async readTree(url: string, treeOptions) {
      reads.push(url);
      if (options.treeSupported === false) {
        throw new Error('readTree is not supported by this reader');
      }
      const dir = url.endsWith('/') ? url : `${url}/`;
      const entries = Object.entries(files)
        .filter(([fileUrl]) => fileUrl.startsWith(dir))
        .map(([fileUrl, content]) => ({
          path: fileUrl.slice(dir.length),
          content,
        }))
        .filter(file => !treeOptions?.filter || treeOptions.filter(file.path));
      if (entries.length === 0) {
        throw new NotFoundError(`No such directory: ${url}`);
      }
      return {
        etag: 'test',
        files: async () =>
          entries.map(file => ({
            path: file.path,
            content: async () => Buffer.from(file.content, 'utf8'),
          })),
        archive: async () => {
          throw new Error('not implemented in tests');
        },
        dir: async () => {
          throw new Error('not implemented in tests');
        },
      };
    },
    async search() {
      return { files: [], etag: '' };
    },
  };
}
