import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../../routes';

/**
 * The Reliability page's Monitoring tab (where the Background work card is), or undefined where the page is not
 * part of the app. `useRouteRef` calls all of its hooks before it throws for an unmounted route, so catching keeps
 * the hook order stable.
 */
export function useMonitoringTabPath(): string | undefined {
  try {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    const root = useRouteRef(rootRouteRef);
    return `${root()}/monitoring`;
  } catch {
    return undefined;
  }
}
