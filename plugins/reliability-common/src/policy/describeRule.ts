import { PolicyCondition, PolicyRule } from './types';

/**
 * When a rule applies, in words: "a page-severity burn-rate alert fires", "less than 25 % of the error budget is
 * left", "the error budget is exhausted", joined with "and" (every condition must hold).
 *
 * @public
 */
export function describePolicyCondition(when: PolicyCondition): string {
  const parts: string[] = [];
  if (when.burnAlert === 'page') {
    parts.push('a page-severity burn-rate alert fires');
  } else if (when.burnAlert === 'ticket') {
    parts.push('a burn-rate alert fires (ticket or page)');
  }
  if (when.budgetExhausted === true) {
    parts.push('the error budget is exhausted');
  } else if (when.budgetExhausted === false) {
    parts.push('some error budget is left');
  }
  if (when.budgetRemainingBelow !== undefined) {
    parts.push(
      `less than ${when.budgetRemainingBelow} % of the error budget is left`,
    );
  }
  return parts.join(' and ');
}

/** How long a rule keeps its state after its condition stops holding, in words ("30 min", "2 h", "1 d 6 h"). */
function formatMinutes(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return [
    days ? `${days} d` : '',
    hours ? `${hours} h` : '',
    rest ? `${rest} min` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * A rule's `keepForMinutes` in words, or null without one: "kept 30 min after it stops holding, even if SLO data goes
 * missing" (an outage of the collection does not end the state early).
 *
 * @public
 */
export function describeKeepFor(
  rule: Pick<PolicyRule, 'keepForMinutes'>,
): string | null {
  return rule.keepForMinutes
    ? `kept ${formatMinutes(
        rule.keepForMinutes,
      )} after it stops holding, even if SLO data goes missing`
    : null;
}
