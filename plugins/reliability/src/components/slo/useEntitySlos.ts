import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../../api';

/** The current entity's SLOs with their newest state. */
export function useEntitySlos() {
  const api = useApi(reliabilityApiRef);
  const { entity } = useEntity();
  const entityRef = getCompoundEntityRef(entity);
  const refKey = `${entityRef.kind}:${entityRef.namespace}/${entityRef.name}`;
  return useAsyncRetry(
    () => api.getEntitySlos(entityRef),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, refKey],
  );
}
