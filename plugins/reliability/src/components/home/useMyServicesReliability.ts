import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { OVERVIEW_MAX_LIMIT } from '@internal/backstage-plugin-reliability-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../../api';
import { MAX_OWNERS, mergeOwnedServices } from './ownedServices';

/**
 * The services owned by the signed-in user and their groups (identity ownership refs), each with its
 * reliability state from the org overview (one request per owner, `team` filter).
 */
export function useMyServicesReliability() {
  const identityApi = useApi(identityApiRef);
  const api = useApi(reliabilityApiRef);
  return useAsyncRetry(async () => {
    const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
    const owners = ownershipEntityRefs.slice(0, MAX_OWNERS);
    const pages = await Promise.all(
      owners.map(team => api.getOverview({ team, limit: OVERVIEW_MAX_LIMIT })),
    );
    return mergeOwnedServices(pages, ownershipEntityRefs.length > MAX_OWNERS);
  }, [identityApi, api]);
}
