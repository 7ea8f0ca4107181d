import { ProviderBudgetExceededError, ProviderHttpError } from './errors';
import { ProviderBudgetTally } from './ProviderBudgetTally';

const refused = (provider = 'PagerDuty') =>
  new ProviderBudgetExceededError(
    provider,
    `${provider} budget reached`,
    1000,
    'requestsPerMinute',
  );

describe('ProviderBudgetTally', () => {
  it('says nothing when no budget was reached', () => {
    const tally = new ProviderBudgetTally();
    expect(tally.refused(new ProviderHttpError('PagerDuty', 'boom', 500))).toBe(
      false,
    );
    expect(tally.summary(10, 10, 'services')).toBeUndefined();
  });

  it('words one line with the counts and the oldest stale data', () => {
    const tally = new ProviderBudgetTally();
    expect(tally.refused(refused(), '2026-11-30T10:00:00Z')).toBe(true);
    expect(
      tally.refused(
        new Error('wrapped', { cause: refused() }),
        new Date('2026-11-30T09:00:00Z'),
      ),
    ).toBe(true);
    expect(tally.refused(refused(), undefined)).toBe(true);
    expect(tally.refusedCount).toBe(3);
    expect(tally.summary(1234, 10000, 'services')).toBe(
      'budget of 1000 requests/min for PagerDuty reached; 1234 of 10000 services refreshed, rest keep their last data, ' +
        'stale since 2026-11-30T09:00:00.000Z, 1 without earlier data (3 refused by the budget)',
    );
  });
});
