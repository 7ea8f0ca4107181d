import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useDebounce from 'react-use/esm/useDebounce';
import { reliabilityApiRef } from '../../api';

/** The current entity's runbooks, searched server-side by `query` (debounced while typing). */
export function useEntityRunbooks(query: string) {
  const api = useApi(reliabilityApiRef);
  const { entity } = useEntity();
  const [debounced, setDebounced] = useState(query);
  useDebounce(() => setDebounced(query), 300, [query]);
  const entityRef = getCompoundEntityRef(entity);
  const refKey = `${entityRef.kind}:${entityRef.namespace}/${entityRef.name}`;
  return useAsyncRetry(
    () =>
      api.getEntityRunbooks(entityRef, { q: debounced.trim() || undefined }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, refKey, debounced],
  );
}
