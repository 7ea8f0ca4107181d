import {
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchResponse,
} from '@backstage/backend-plugin-api';
import {
  ReaderFactory,
  ReadTreeResponseFactory,
  ReadUrlResponseFactory,
} from '@backstage/backend-defaults/urlReader';
import { NotAllowedError, NotFoundError, NotModifiedError } from '@backstage/errors';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Files larger than this are refused; runbooks and SLO definitions are small text files. */
const MAX_FILE_BYTES = 1024 * 1024;
const MAX_TREE_FILES = 500;

/**
 * Reads `file://` URLs below a configured set of directories (`localFileReader.allowedRoots`),
 * so entities registered from local catalog files (the demo catalog) can point at SLO definitions
 * and runbooks next to them. Anything outside the roots, including through symlinks, is refused.
 */
export class LocalFileUrlReader implements UrlReaderService {
  static factory: ReaderFactory = ({ config, treeResponseFactory }) => {
    const roots = config.getOptionalStringArray('localFileReader.allowedRoots') ?? [];
    if (roots.length === 0) {
      return [];
    }
    const reader = new LocalFileUrlReader(
      roots.map(root => path.resolve(root)),
      treeResponseFactory,
    );
    return [{ predicate: url => url.protocol === 'file:', reader }];
  };

  constructor(
    private readonly roots: string[],
    private readonly treeResponseFactory: ReadTreeResponseFactory,
  ) {}

  async readUrl(
    url: string,
    options?: UrlReaderServiceReadUrlOptions,
  ): Promise<UrlReaderServiceReadUrlResponse> {
    const filePath = await this.resolveAllowed(url);
    const stat = await fs.promises.stat(filePath);
    if (!stat.isFile()) {
      throw new NotFoundError(`${url} is not a file`);
    }
    if (stat.size > MAX_FILE_BYTES) {
      throw new NotAllowedError(`${url} is larger than ${MAX_FILE_BYTES} bytes`);
    }
    const etag = `${stat.size}-${stat.mtimeMs}`;
    if (options?.etag === etag) {
      throw new NotModifiedError();
    }
    return ReadUrlResponseFactory.fromReadable(fs.createReadStream(filePath), {
      etag,
      lastModifiedAt: stat.mtime,
    });
  }

  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    const dir = await this.resolveAllowed(url);
    const entries = await fs.promises.readdir(dir, {
      recursive: true,
      withFileTypes: true,
    });
    const files = entries
      .filter(entry => entry.isFile())
      .map(entry => path.join(entry.parentPath, entry.name))
      .filter(file => !options?.filter || options.filter(path.relative(dir, file)))
      .slice(0, MAX_TREE_FILES);
    const stats = await Promise.all(files.map(file => fs.promises.stat(file)));
    const etag = stats.map(s => `${s.size}-${s.mtimeMs}`).join(',');
    if (options?.etag === etag) {
      throw new NotModifiedError();
    }
    return this.treeResponseFactory.fromReadableArray(
      files.map((file, i) => ({
        data: fs.createReadStream(file),
        path: path.relative(dir, file),
        lastModifiedAt: stats[i].mtime,
      })),
    );
  }

  async search(url: string): Promise<UrlReaderServiceSearchResponse> {
    const filePath = await this.resolveAllowed(url).catch(() => undefined);
    if (!filePath || !fs.existsSync(filePath)) {
      return { files: [], etag: '' };
    }
    const stat = await fs.promises.stat(filePath);
    return {
      etag: `${stat.size}-${stat.mtimeMs}`,
      files: [
        {
          url: pathToFileURL(filePath).toString(),
          content: () => fs.promises.readFile(filePath),
          lastModifiedAt: stat.mtime,
        },
      ],
    };
  }

  toString() {
    return `local-file{roots=${this.roots.join(',')}}`;
  }

  private async resolveAllowed(url: string): Promise<string> {
    let filePath: string;
    try {
      filePath = fileURLToPath(url);
    } catch {
      throw new NotAllowedError(`Not a file URL: ${url}`);
    }
    let real: string;
    try {
      real = await fs.promises.realpath(filePath);
    } catch {
      throw new NotFoundError(`No such file: ${url}`);
    }
    const realRoots = await Promise.all(
      this.roots.map(root => fs.promises.realpath(root).catch(() => root)),
    );
    const inside = realRoots.some(
      root => real === root || real.startsWith(root + path.sep),
    );
    if (!inside) {
      throw new NotAllowedError(`Reading ${url} is not allowed`);
    }
    return real;
  }
}
