import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../../api';

/** The checklist in force and the current entity's maturity, loaded together. */
export function useMaturity() {
  const api = useApi(reliabilityApiRef);
  const { entity } = useEntity();
  const entityRef = getCompoundEntityRef(entity);
  const refKey = `${entityRef.kind}:${entityRef.namespace}/${entityRef.name}`;
  return useAsyncRetry(async () => {
    const [checklist, maturity] = await Promise.all([
      api.getChecklist(),
      api.getEntityMaturity(entityRef),
    ]);
    return { checklist, maturity };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, refKey]);
}
