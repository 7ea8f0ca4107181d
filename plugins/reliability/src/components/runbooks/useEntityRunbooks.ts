import { useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { useEntityReliability } from '../../hooks';

/** The current entity's runbooks, searched server-side by `query` (debounced while typing). */
export function useEntityRunbooks(query: string) {
  const [debounced, setDebounced] = useState(query);
  useDebounce(() => setDebounced(query), 300, [query]);
  return useEntityReliability(
    (api, entityRef) =>
      api.getEntityRunbooks(entityRef, { q: debounced.trim() || undefined }),
    [debounced],
  );
}
