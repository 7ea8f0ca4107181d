import { renderInTestApp } from '@backstage/test-utils';
import { SloHistoryPoint } from '@internal/backstage-plugin-reliability-common';
import { ReactElement } from 'react';
import { SloBurnRateChart } from './SloBurnRateChart';

// jsdom lays nothing out: the chart gets a fixed size instead of measuring its container.
jest.mock('recharts', () => {
  const recharts = jest.requireActual('recharts');
  return {
    ...recharts,
    ResponsiveContainer: (props: { children: ReactElement }) => (
      <div style={{ width: 600, height: 200 }}>
        {{
          ...props.children,
          props: { ...props.children.props, width: 600, height: 200 },
        }}
      </div>
    ),
  };
});

const point = (at: string, burn1h: number): SloHistoryPoint => ({
  at,
  windowStart: '2026-11-01T00:00:00.000Z',
  windowEnd: at,
  attainment: 0.999,
  budgetRemaining: 0.7,
  burnRates: { '1h': burn1h, '6h': burn1h / 2, '3d': burn1h / 4 },
  alertState: 'ok',
  stale: false,
});

const yTicks = (container: HTMLElement) =>
  Array.from(
    container.querySelectorAll(
      '.recharts-yAxis .recharts-cartesian-axis-tick-value',
    ),
  ).map(tick => tick.textContent);

/** The chart over two hours of history with the given points. */
const renderChart = (points: SloHistoryPoint[]) =>
  renderInTestApp(
    <SloBurnRateChart
      history={{
        entityRef: 'component:default/checkout',
        sloName: 'checkout-availability',
        from: '2026-12-01T19:00:00.000Z',
        to: '2026-12-01T21:00:00.000Z',
        downsampled: false,
        points,
      }}
    />,
  );

describe('SloBurnRateChart', () => {
  it('labels its value axis with round burn rates', async () => {
    // recharts' own ticks for a top of 2.6× read 0×, 0.65×, 1.3×, 1.95×, 2.6×.
    const { container } = await renderChart([
      point('2026-12-01T19:46:00.000Z', 2.4),
      point('2026-12-01T20:52:00.000Z', 2.6),
    ]);
    expect(yTicks(container)).toEqual(['0×', '1×', '2×', '3×']);
  });

  it('reaches 1× when every burn rate is lower, so the 1× line shows', async () => {
    const { container } = await renderChart([
      point('2026-12-01T19:46:00.000Z', 0.2),
      point('2026-12-01T20:52:00.000Z', 0.35),
    ]);
    const ticks = yTicks(container);
    expect(ticks[0]).toBe('0×');
    expect(ticks[ticks.length - 1]).toBe('1×');
  });
});
