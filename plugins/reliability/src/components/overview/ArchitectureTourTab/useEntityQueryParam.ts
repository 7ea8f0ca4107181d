import { useCallback, useState } from 'react';

/** Name of the query parameter that makes a tour deep-linkable: `/reliability/tour?entity=system:default/shop`. */
export const TOUR_ENTITY_PARAM = 'entity';

function readParam(): string | undefined {
  const value = new URLSearchParams(window.location.search).get(
    TOUR_ENTITY_PARAM,
  );
  return value?.trim() || undefined;
}

/**
 * The toured entity ref kept in the page's `?entity=` query parameter: read once on mount, and rewritten in
 * place (history.replaceState, keeping the router's state) when the user picks another domain or system,
 * so the address bar always holds a link to what is on screen.
 */
export function useEntityQueryParam(): [
  string | undefined,
  (entityRef: string) => void,
] {
  const [value, setValue] = useState<string | undefined>(readParam);
  const update = useCallback((entityRef: string) => {
    setValue(entityRef);
    const url = new URL(window.location.href);
    url.searchParams.set(TOUR_ENTITY_PARAM, entityRef);
    window.history.replaceState(window.history.state, '', url.toString());
  }, []);
  return [value, update];
}
