import { DeployGateUsageSummary } from './api';
import { pluralCount } from '../text';

/** Default of how recent the newest deploy-gate answer must be for `deploys-ask-gate` to pass, in days. @public */
export const DEFAULT_DEPLOY_GATE_ASKED_WITHIN_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The outcome of the deploy-gate check, worded like the other automatic checklist items. @public */
export interface DeployGateCheckOutcome {
  status: 'pass' | 'fail';
  detail: string;
}

/**
 * The automatic checklist check `deploys-ask-gate`: the service's deploys respect its error-budget policy when
 * something (a pipeline, a release tool, a person) asked the deploy gate about it within `withinDays` days. Passes
 * with when and by whom it was last asked; fails when it never was (or not for that long). It cannot tell whether a
 * deploy went ahead after a "deny": that stays with the self-assessed error-budget policy item.
 *
 * @public
 */
export function evaluateDeployGateCheck(
  usage: DeployGateUsageSummary | undefined,
  options: { now: Date; withinDays: number },
): DeployGateCheckOutcome {
  const { now, withinDays } = options;
  const window = `the last ${pluralCount(withinDays, 'day')}`;
  if (!usage) {
    return {
      status: 'fail',
      detail: `the deploy gate was not asked in ${window} (no answer recorded)`,
    };
  }
  const askedAt = new Date(usage.lastAskedAt);
  const ageMs = Math.max(0, now.getTime() - askedAt.getTime());
  const daysAgo = Math.floor(ageMs / DAY_MS);
  const when =
    daysAgo === 0
      ? 'less than a day ago'
      : `${pluralCount(daysAgo, 'day')} ago`;
  const last = `last asked ${when} by ${usage.lastAskedBy} (answer: ${usage.lastDecision})`;
  return ageMs <= withinDays * DAY_MS
    ? { status: 'pass', detail: `the deploy gate was ${last}` }
    : {
        status: 'fail',
        detail: `the deploy gate was not asked in ${window}; ${last}`,
      };
}
