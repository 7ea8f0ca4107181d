import { createServiceFactory } from '@backstage/backend-plugin-api';
import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import { LocalFileUrlReader } from './LocalFileUrlReader';

/** Adds the `file://` reader (limited to `localFileReader.allowedRoots`) to the backend's UrlReader. */
export const localFileReaderFactory = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  async factory() {
    return LocalFileUrlReader.factory;
  },
});
