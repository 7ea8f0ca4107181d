import { policyStateLabel } from '@internal/backstage-plugin-reliability-common';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { reliabilityApiRef } from '../../../api';
import { PolicyStateChip } from '../PolicyStateChip';
import {
  DECISION_LABEL,
  formatHeldFor,
  formatWhen,
  POLICY_SOURCE_LABEL,
} from '../policyFormat';
import { useEntityPolicy } from '../useEntityPolicy';
import { DeployGateActivityView } from './DeployGateActivityView';
import { KeptUntilText } from './KeptUntilText';
import { PolicyRules } from './PolicyRules';
import { PolicyStatesTable } from './PolicyStatesTable';

/** Recent state changes listed on the card. */
const SHOWN_CHANGES = 5;

/**
 * The entity's error-budget policy: the state of the service and of each SLO since when (frozen, review, ...),
 * what the team does in that state, recent state changes, and the deploy gate's overrides and last answers.
 */
export function EntityPolicyCard() {
  const { value, error, retry } = useEntityPolicy();
  const api = useApi(reliabilityApiRef);
  const { entity } = useEntity();
  const revoke = async (overrideId: string, reason: string) => {
    await api.revokeDeployGateOverride(
      getCompoundEntityRef(entity),
      overrideId,
      { reason },
    );
    retry();
  };
  const title = 'Error-budget policy';
  if (error) {
    return (
      <InfoCard title={title}>
        <ResponseErrorPanel error={error} />
      </InfoCard>
    );
  }
  if (!value) {
    return (
      <InfoCard title={title}>
        <Progress />
      </InfoCard>
    );
  }
  const { policy, gate } = value;
  const now = new Date(policy.evaluatedAt);
  const subheader = `Policy "${policy.policy.name}" (${
    POLICY_SOURCE_LABEL[policy.source]
  })${
    policy.staleSlos.length > 0
      ? ' · some SLI data is stale: judged on the last good data'
      : ''
  }`;
  return (
    <InfoCard title={title} subheader={subheader}>
      {policy.problem && (
        <WarningPanel severity="warning" title={policy.problem} />
      )}
      {policy.service === null ? (
        <EmptyState
          missing="field"
          title="No SLOs"
          description="The error-budget policy applies to the entity's SLOs; define SLOs to see its state here."
        />
      ) : (
        <>
          <Box display="flex" alignItems="center" mb={1}>
            <PolicyStateChip
              state={policy.service.state}
              decision={policy.service.decision}
            />
            <Box ml={1}>
              <Typography variant="body2" data-testid="policy-service-since">
                {DECISION_LABEL[policy.service.decision]} since{' '}
                {formatWhen(policy.service.since)} (
                {formatHeldFor(policy.service.since, now)})
              </Typography>
              {policy.service.keptUntil && (
                <KeptUntilText
                  keptUntil={policy.service.keptUntil}
                  variant="body2"
                />
              )}
            </Box>
          </Box>
          {policy.service.consequence && (
            <Typography variant="body1" gutterBottom>
              {policy.service.consequence}
            </Typography>
          )}
          <PolicyStatesTable slos={policy.slos} staleSlos={policy.staleSlos} />
          <PolicyRules
            policy={policy.policy}
            currentRule={
              policy.service.policyName === policy.policy.name
                ? policy.service.ruleIndex
                : null
            }
          />
          {policy.history.length > 0 && (
            <Box mt={2}>
              <Typography variant="subtitle2" gutterBottom>
                Recent changes
              </Typography>
              {policy.history.slice(0, SHOWN_CHANGES).map(change => (
                <Typography
                  key={`${change.changedAt}-${change.sloName}`}
                  variant="body2"
                  color="textSecondary"
                >
                  {formatWhen(change.changedAt)} · {change.sloName ?? 'service'}
                  :{' '}
                  {change.fromState
                    ? policyStateLabel(change.fromState)
                    : 'first evaluated'}{' '}
                  → {policyStateLabel(change.toState)}
                </Typography>
              ))}
            </Box>
          )}
        </>
      )}
      <DeployGateActivityView activity={gate} onRevoke={revoke} />
    </InfoCard>
  );
}
