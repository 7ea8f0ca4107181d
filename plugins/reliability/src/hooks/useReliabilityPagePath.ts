import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../routes';

/**
 * The reliability page's path (`/reliability`), or undefined where the page is not part of the app, so a card on
 * another page links to one of its tabs only when it can. `useRouteRef` calls all of its hooks before it throws for
 * an unmounted route, so catching keeps the hook order stable.
 */
export function useReliabilityPagePath(): string | undefined {
  try {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    const root = useRouteRef(rootRouteRef);
    return root();
  } catch {
    return undefined;
  }
}
