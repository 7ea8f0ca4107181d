import { DEFAULT_ERROR_BUDGET_POLICY } from '@internal/backstage-plugin-reliability-common';
import { sloWith } from '../__testUtils__/policyFixtures';
import { sloDataOlderThanPolicyAllows } from './sloDataAge';

const strict = {
  ...DEFAULT_ERROR_BUDGET_POLICY,
  name: 'strict',
  maxSloDataAgeMinutes: 10,
};
const lenient = {
  ...DEFAULT_ERROR_BUDGET_POLICY,
  name: 'lenient',
  maxSloDataAgeMinutes: 60,
};
const now = new Date('2026-11-22T12:30:00.000Z');

describe('sloDataOlderThanPolicyAllows', () => {
  it("judges each SLO by its own policy's limit and names the oldest too-old one", () => {
    const slos = [
      sloWith('fresh', 0.5, 'ok', {
        status: { checkedAt: '2026-11-22T12:25:00.000Z' },
      }),
      sloWith('old', 0.5, 'ok', {
        status: { checkedAt: '2026-11-22T12:10:00.000Z' },
      }),
      sloWith('older-but-lenient', 0.5, 'ok', {
        policy: 'lenient',
        status: { checkedAt: '2026-11-22T11:45:00.000Z' },
      }),
    ];
    const policyOf = (d: { policy?: string }) =>
      d.policy === 'lenient' ? lenient : strict;
    expect(sloDataOlderThanPolicyAllows(slos, policyOf, now)).toEqual({
      checkedAt: '2026-11-22T12:10:00.000Z',
      maxAgeMinutes: 10,
    });
    expect(
      sloDataOlderThanPolicyAllows(slos.slice(0, 1), policyOf, now),
    ).toBeUndefined();
  });

  it('judges nothing without a limit, nor SLOs never collected', () => {
    const old = sloWith('old', 0.5, 'ok', {
      status: { checkedAt: '2026-11-20T00:00:00.000Z' },
    });
    expect(
      sloDataOlderThanPolicyAllows(
        [old],
        () => DEFAULT_ERROR_BUDGET_POLICY,
        now,
      ),
    ).toBeUndefined();
    expect(
      sloDataOlderThanPolicyAllows(
        [{ ...old, status: undefined as any }],
        () => strict,
        now,
      ),
    ).toBeUndefined();
  });
});
