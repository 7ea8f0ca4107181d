import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { reliabilityApiRef } from '../../../api';
import { emptySeries, teamSeries } from '../testData';
import { MaturityTrendChart, sloChartRows } from './MaturityTrendChart';

// recharts' ResponsiveContainer observes its size; jsdom has no ResizeObserver.
beforeAll(() => {
  (globalThis as any).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

async function renderChart(getTrendSeries: jest.Mock) {
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, { getTrendSeries } as any]]}>
      <MaturityTrendChart
        scope="team"
        entityRef="group:default/payments"
        days={30}
      />
    </TestApiProvider>,
  );
}

describe('MaturityTrendChart', () => {
  it('asks for the scope and days and summarises the series', async () => {
    const getTrendSeries = jest.fn(async () => teamSeries);
    await renderChart(getTrendSeries);
    expect(
      await screen.findByText(
        /Score 62 on 2026-12-01 \(level Intermediate, 3 services\); 48 on 2026-11-30/,
      ),
    ).toBeInTheDocument();
    expect(getTrendSeries).toHaveBeenCalledWith({
      scope: 'team',
      ref: 'group:default/payments',
      days: 30,
    });
    expect(
      screen.getByRole('img', { name: 'Maturity score over time' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Share of SLOs meeting target over time',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText(/28d rolling 75%/)).toBeInTheDocument();
    expect(screen.queryByText('includes demo data')).not.toBeInTheDocument();
  });

  it('says "no level yet" rather than the level id none', async () => {
    await renderChart(
      jest.fn(async () => ({
        ...teamSeries,
        maturity: teamSeries.maturity.map(p => ({ ...p, level: 'none' })),
      })),
    );
    expect(
      await screen.findByText(
        /^Score 62 on 2026-12-01 \(no level yet, 3 services\)/,
      ),
    ).toBeInTheDocument();
  });

  it('labels demo history', async () => {
    await renderChart(
      jest.fn(async () => ({
        ...teamSeries,
        maturity: teamSeries.maturity.map((p, i) => ({ ...p, demo: i === 0 })),
      })),
    );
    expect(await screen.findByText('includes demo data')).toBeInTheDocument();
  });

  it('says when the first snapshot is taken while there is none', async () => {
    await renderChart(jest.fn(async () => emptySeries));
    expect(
      await screen.findByText(/^No snapshots yet: the first is taken /),
    ).toBeInTheDocument();
  });

  it('shows errors', async () => {
    await renderChart(
      jest.fn(async () => Promise.reject(new Error('backend down'))),
    );
    expect(await screen.findAllByText(/backend down/)).not.toHaveLength(0);
  });

  it('lays SLO windows out per day as percentages', () => {
    expect(
      sloChartRows([
        ...teamSeries.slo,
        {
          window: '7d rolling',
          points: [
            {
              day: '2026-12-01',
              sloCount: 1,
              measuredCount: 0,
              metCount: 0,
              share: null,
              demo: false,
            },
          ],
        },
      ]),
    ).toEqual([
      { day: '2026-11-30', '28d rolling': 50 },
      { day: '2026-12-01', '28d rolling': 75, '7d rolling': null },
    ]);
  });
});
