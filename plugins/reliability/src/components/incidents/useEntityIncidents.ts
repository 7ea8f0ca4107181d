import {
  EntityIncidentsResponse,
  EntityPostmortemsResponse,
} from '@internal/backstage-plugin-reliability-common';
import { useEntityReliability } from '../../hooks';

/** The current entity's incidents and its postmortems, loaded together. */
export function useEntityIncidents() {
  return useEntityReliability<{
    incidents: EntityIncidentsResponse;
    postmortems: EntityPostmortemsResponse;
  }>(async (api, entityRef) => {
    const [incidents, postmortems] = await Promise.all([
      api.getEntityIncidents(entityRef),
      api.getEntityPostmortems(entityRef),
    ]);
    return { incidents, postmortems };
  });
}
