import {
  CompoundEntityRef,
  getCompoundEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  entityRefKey,
  ReliabilityApi,
} from '@internal/backstage-plugin-reliability-common';
import { DependencyList } from 'react';
import useAsyncRetry, { AsyncStateRetry } from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../api';

/**
 * Loads reliability data of the current entity (`useEntity()`) through the reliability API.
 *
 * The load runs again when the API, the entity or one of `deps` changes. The entity is compared by
 * `entityRefKey`, so a re-fetched copy of the same entity does not reload. `load` gets the entity's ref
 * as written in the catalog; any other value it reads from the render must be listed in `deps`.
 * `retry()` reloads on demand (after a write, for example).
 */
export function useEntityReliability<T>(
  load: (api: ReliabilityApi, entityRef: CompoundEntityRef) => Promise<T>,
  deps: DependencyList = [],
): AsyncStateRetry<T> {
  const api = useApi(reliabilityApiRef);
  const { entity } = useEntity();
  const key = entityRefKey(entity);
  const entityRef = getCompoundEntityRef(entity);
  return useAsyncRetry(() => load(api, entityRef), [api, key, ...deps]);
}
