import { useCallback, useState } from 'react';

/** Name of the query parameter that makes a tour deep-linkable: `/reliability/tour?entity=system:default/shop`. */
export const TOUR_ENTITY_PARAM = 'entity';

/**
 * Name of the query parameter naming a journey of the toured entity to walk on opening (`?journey=<name>`), as
 * learning paths link to it.
 */
export const TOUR_JOURNEY_PARAM = 'journey';

/** Name of the query parameter naming the component whose blast radius is shown: `?failing=component:default/x`. */
export const TOUR_FAILING_PARAM = 'failing';

function readParam(name: string): string | undefined {
  const value = new URLSearchParams(window.location.search).get(name);
  return value?.trim() || undefined;
}

/**
 * A value kept in a query parameter of the page: read once on mount, and rewritten in place
 * (history.replaceState, keeping the router's state) when it changes, so the address bar always holds a
 * link to what is on screen. `undefined` removes the parameter.
 */
export function useQueryParam(
  name: string,
): [string | undefined, (value: string | undefined) => void] {
  const [value, setValue] = useState<string | undefined>(() => readParam(name));
  const update = useCallback(
    (next: string | undefined) => {
      setValue(next);
      const url = new URL(window.location.href);
      if (next) url.searchParams.set(name, next);
      else url.searchParams.delete(name);
      window.history.replaceState(window.history.state, '', url.toString());
    },
    [name],
  );
  return [value, update];
}

/** The toured entity ref kept in the page's `?entity=` query parameter. */
export function useEntityQueryParam(): [
  string | undefined,
  (entityRef: string) => void,
] {
  return useQueryParam(TOUR_ENTITY_PARAM);
}
