import { ReactElement, ReactNode } from 'react';
import {
  CartesianGrid,
  Legend,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
} from 'recharts';
import { useChartTheme } from '../../charts';
import { formatTooltipTime, tickCount, timeTicks } from './timeAxis';

/**
 * A line chart over a time axis from `start` to `end` (epoch ms, rows keyed by `at`): grid, time ticks,
 * a tooltip labelled with the time and a legend, coloured from the theme. The Y axis and the series (reference
 * lines, lines) are the caller's; give the Y axis `useChartTheme().axis`.
 */
export function TimeSeriesChartFrame(props: {
  rows: Array<{ at: number }>;
  start: number;
  end: number;
  height: number;
  formatTick: (at: number) => string;
  yAxis: ReactElement;
  formatValue: (value: unknown) => string;
  children: ReactNode;
}) {
  const { rows, start, end, height, formatTick, yAxis, formatValue, children } =
    props;
  const chart = useChartTheme();
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={rows}>
        <CartesianGrid strokeDasharray="3 3" {...chart.grid} />
        <XAxis
          {...chart.axis}
          dataKey="at"
          type="number"
          scale="time"
          domain={[start, end]}
          ticks={timeTicks(start, end, tickCount(start, end))}
          tickFormatter={formatTick}
        />
        {yAxis}
        <Tooltip
          {...chart.tooltip}
          labelFormatter={formatTooltipTime}
          formatter={formatValue}
        />
        <Legend {...chart.legend} />
        {children}
      </LineChart>
    </ResponsiveContainer>
  );
}
