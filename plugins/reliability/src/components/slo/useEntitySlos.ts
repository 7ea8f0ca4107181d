import { useEntityReliability } from '../../hooks';

/** The current entity's SLOs with their newest state. */
export function useEntitySlos() {
  return useEntityReliability((api, entityRef) => api.getEntitySlos(entityRef));
}
