import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';

/** Path of the entity's Maturity tab (registered at `/maturity` of the entity page). */
export const MATURITY_TAB_PATH = 'maturity';

/** Link to the current entity's Maturity tab (where the assessment wizard lives). */
export function useMaturityTabLink(): string {
  const { entity } = useEntity();
  const entityRoute = useRouteRef(entityRouteRef);
  return `${entityRoute(entityRouteParams(entity))}/${MATURITY_TAB_PATH}`;
}
