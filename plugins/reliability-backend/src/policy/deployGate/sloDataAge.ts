import {
  EntitySlo,
  ErrorBudgetPolicy,
} from '@internal/backstage-plugin-reliability-common';

/**
 * Whether an SLO's figures are older than its policy lets the deploy gate judge on (`maxSloDataAgeMinutes` of the
 * policy each SLO is judged by): the oldest such SLO's last check and that policy's limit, or undefined when every
 * SLO is fresh enough (or no policy sets a limit). SLOs never collected are not judged here.
 */
export function sloDataOlderThanPolicyAllows(
  slos: EntitySlo[],
  policyOf: (definition: EntitySlo['definition']) => ErrorBudgetPolicy,
  now: Date,
): { checkedAt: string; maxAgeMinutes: number } | undefined {
  let oldest: { checkedAt: number; maxAgeMinutes: number } | undefined;
  for (const { definition, status } of slos) {
    const maxAgeMinutes = policyOf(definition).maxSloDataAgeMinutes;
    const checkedAt = status ? Date.parse(status.checkedAt) : NaN;
    if (!maxAgeMinutes || !Number.isFinite(checkedAt)) continue;
    const tooOld = now.getTime() - checkedAt > maxAgeMinutes * 60_000;
    if (tooOld && (!oldest || checkedAt < oldest.checkedAt)) {
      oldest = { checkedAt, maxAgeMinutes };
    }
  }
  return (
    oldest && {
      checkedAt: new Date(oldest.checkedAt).toISOString(),
      maxAgeMinutes: oldest.maxAgeMinutes,
    }
  );
}
