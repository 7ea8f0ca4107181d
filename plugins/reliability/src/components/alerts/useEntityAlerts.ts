import { EntityAlertsResponse } from '@internal/backstage-plugin-reliability-common';
import { useEntityReliability } from '../../hooks';

/** The current entity's alerts and monitors with coverage, noise and gaps. */
export function useEntityAlerts() {
  return useEntityReliability<EntityAlertsResponse>((api, entityRef) =>
    api.getEntityAlerts(entityRef),
  );
}
