import { errorBudgetState } from './budgetState';
import { computeErrorBudget } from './math';

describe('errorBudgetState', () => {
  it('is exhausted for a zero budget (100% target) after one bad event', () => {
    const budget = computeErrorBudget({ good: 9, total: 10 }, 1);
    expect(errorBudgetState(budget.budgetRemainingRatio)).toBe('exhausted');
    expect(
      errorBudgetState(
        computeErrorBudget({ good: 10, total: 10 }, 1).budgetRemainingRatio,
      ),
    ).toBe('available');
  });

  it('is exhausted when spent or overspent, unknown without data', () => {
    expect(errorBudgetState(0)).toBe('exhausted');
    expect(errorBudgetState(-2)).toBe('exhausted');
    expect(errorBudgetState(0.01)).toBe('available');
    expect(errorBudgetState(null)).toBe('unknown');
    expect(errorBudgetState(NaN)).toBe('unknown');
  });
});
