import {
  DeployGateActivity,
  EntityPolicyResponse,
} from '@internal/backstage-plugin-reliability-common';
import { useEntityReliability } from '../../hooks';

/** The current entity's error-budget policy states and its deploy-gate activity, loaded together. */
export function useEntityPolicy() {
  return useEntityReliability<{
    policy: EntityPolicyResponse;
    gate: DeployGateActivity;
  }>(async (api, entityRef) => {
    const [policy, gate] = await Promise.all([
      api.getEntityPolicy(entityRef),
      api.getDeployGateActivity(entityRef),
    ]);
    return { policy, gate };
  });
}
