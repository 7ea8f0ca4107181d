import { backgroundTaskLabel } from './taskLabels';

describe('backgroundTaskLabel', () => {
  it('names the suite’s tasks, says which are demo seeders and shows unknown ids as they are', () => {
    expect(backgroundTaskLabel('reliability-slo-refresh')).toBe(
      'SLO collection',
    );
    expect(backgroundTaskLabel('reliability-slo-demo-seeder')).toBe(
      'Demo data seeder (slo)',
    );
    expect(backgroundTaskLabel('reliability-future-task')).toBe(
      'reliability-future-task',
    );
  });
});
