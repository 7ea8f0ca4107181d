import { SloObjectiveStatus } from '@internal/backstage-plugin-reliability-common';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { SloObjectiveList } from './SloObjectiveList';

const objective = (
  overrides: Partial<SloObjectiveStatus>,
): SloObjectiveStatus => ({
  target: 0.99,
  budgetingMethod: 'Occurrences',
  countUnit: 'events',
  good: 995,
  total: 1000,
  attainment: 0.995,
  budgetRemaining: 0.5,
  burnRate: 0.5,
  burnRates: [],
  alertState: 'ok',
  alerts: [],
  timeToExhaustionSeconds: null,
  lastWindow: {
    start: '2026-10-01T00:00:00.000Z',
    end: '2026-11-01T00:00:00.000Z',
    attainment: 0.995,
    met: true,
  },
  ...overrides,
});

describe('SloObjectiveList', () => {
  it('lists every objective and marks the one alerts use', async () => {
    await renderInTestApp(
      <SloObjectiveList
        alertingIndex={1}
        objectives={[
          objective({ displayName: 'p95 fast' }),
          objective({
            displayName: 'p99 fast',
            target: 0.999,
            attainment: null,
            budgetRemaining: null,
            lastWindow: null,
            countUnit: 'slices',
          }),
        ]}
      />,
    );
    expect(screen.getByText(/p95 fast: 99%/)).toHaveTextContent(
      'last window met',
    );
    const strict = screen.getByText(/p99 fast/);
    expect(strict).toHaveTextContent('of time slices');
    expect(strict).toHaveTextContent('attained no data');
    expect(strict).toHaveTextContent('last window: no data · alerts');
    expect(strict.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('says a RatioTimeslices target is an average over time slices', async () => {
    await renderInTestApp(
      <SloObjectiveList
        alertingIndex={0}
        objectives={[
          objective({
            displayName: 'journey',
            budgetingMethod: 'RatioTimeslices',
            countUnit: 'slices',
          }),
          objective({ displayName: 'events' }),
        ]}
      />,
    );
    expect(screen.getByText(/journey: 99%/)).toHaveTextContent(
      '99% averaged over time slices',
    );
    expect(screen.getByText(/events: 99%/)).not.toHaveTextContent('slices');
  });

  it('renders nothing for a single objective', async () => {
    const { container } = await renderInTestApp(
      <SloObjectiveList objectives={[objective({})]} alertingIndex={0} />,
    );
    expect(container.querySelector('ul')).toBeNull();
  });
});
