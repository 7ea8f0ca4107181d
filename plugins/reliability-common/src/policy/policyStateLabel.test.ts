import { policyStateLabel } from './policyStateLabel';

describe('policyStateLabel', () => {
  it.each([
    ['frozen', 'Frozen'],
    ['no-data', 'No data'],
    ['review-risky-changes', 'Review risky changes'],
    // Beside the SLO status chip's "OK", never "Ok".
    ['ok', 'OK'],
  ])('%s reads %s', (state, label) => {
    expect(policyStateLabel(state)).toBe(label);
  });
});
