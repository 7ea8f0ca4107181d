import { parseEntityRef } from '@backstage/catalog-model';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { GroupOnCall } from '@internal/backstage-plugin-reliability-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../../api';
import { MAX_OWNERS } from './ownedServices';

/** The on-call view of one of the signed-in user's teams, or why it could not be loaded. */
export interface TeamOnCall {
  groupRef: string;
  onCall?: GroupOnCall;
  error?: Error;
}

function isGroupRef(ref: string): boolean {
  try {
    return parseEntityRef(ref).kind.toLowerCase() === 'group';
  } catch {
    return false;
  }
}

/** Who is on call now for the services of each group the signed-in user belongs to (ownership refs). */
export function useMyTeamsOnCall() {
  const identityApi = useApi(identityApiRef);
  const api = useApi(reliabilityApiRef);
  return useAsyncRetry(async () => {
    const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
    const groups = ownershipEntityRefs.filter(isGroupRef);
    const shown = groups.slice(0, MAX_OWNERS);
    const results = await Promise.allSettled(
      shown.map(ref => api.getGroupOnCall(parseEntityRef(ref))),
    );
    const teams = shown.map((groupRef, i): TeamOnCall => {
      const result = results[i];
      return result.status === 'fulfilled'
        ? { groupRef, onCall: result.value }
        : { groupRef, error: result.reason as Error };
    });
    return { teams, truncated: groups.length > shown.length };
  }, [identityApi, api]);
}
