import { ErrorBudgetPolicy } from './types';

/** Name of the built-in policy, used when config names no other. @public */
export const DEFAULT_POLICY_NAME = 'default';

/**
 * The built-in error-budget policy (after the SRE workbook's example policy): a page-severity burn halts deploys,
 * an exhausted budget freezes feature releases, less than a quarter of the budget left asks for a review of
 * risky changes. Config (`reliability.policy.policies.default`) may replace it.
 *
 * @public
 */
export const DEFAULT_ERROR_BUDGET_POLICY: ErrorBudgetPolicy = {
  name: DEFAULT_POLICY_NAME,
  description:
    'Halt deploys during a page-severity burn, freeze feature releases when the budget is exhausted, review risky changes below 25 %.',
  rules: [
    {
      state: 'halted',
      when: { burnAlert: 'page' },
      decision: 'deny',
      consequence:
        'Halt deploys until the page-severity burn is resolved; only fixes for the incident ship.',
    },
    {
      state: 'frozen',
      when: { budgetExhausted: true },
      decision: 'deny',
      consequence: 'Freeze feature releases; reliability work only.',
    },
    {
      state: 'review',
      when: { budgetRemainingBelow: 25 },
      decision: 'warn',
      consequence:
        'Review risky changes before they ship; prefer small, reversible releases.',
    },
  ],
};
