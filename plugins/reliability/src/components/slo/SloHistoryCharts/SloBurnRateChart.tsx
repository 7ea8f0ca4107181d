import {
  formatBurnRate,
  SloHistoryResponse,
} from '@internal/backstage-plugin-reliability-common';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { Line, ReferenceLine, YAxis } from 'recharts';
import { burnRateRows } from './chartRows';
import { timeTickFormatter } from './timeAxis';
import { maxOfRows, niceValueTicks } from './valueAxis';
import { TimeSeriesChartFrame } from './TimeSeriesChartFrame';
import { useChartTheme } from '../../charts';

const WINDOWS = [
  { dataKey: 'burn1h', name: '1h', color: 'error' },
  { dataKey: 'burn6h', name: '6h', color: 'warning' },
  { dataKey: 'burn3d', name: '3d', color: 'primary' },
] as const;

const formatBurnRateValue = (value: unknown) =>
  formatBurnRate(typeof value === 'number' ? value : null);

/** Burn rates (1h, 6h, 3d) of the collected snapshots of an SLO, on a time axis over the requested range. */
export function SloBurnRateChart(props: { history: SloHistoryResponse }) {
  const { history } = props;
  const theme = useTheme();
  const chart = useChartTheme();
  const rows = burnRateRows(history.points);
  const first = rows[0]?.at ?? Date.parse(history.from);
  const last = rows[rows.length - 1]?.at ?? Date.parse(history.to);
  // The axis covers the snapshots (collected since the portal started) up to now.
  const start = Math.min(first, last);
  const end = Math.max(Date.parse(history.to), last);
  const formatTick = timeTickFormatter(start, end);
  // Round ticks (0, 0.5, 1, 1.5×), the top one the axis' end: recharts' own read 0.65× or 0.255×. The axis
  // reaches 1× at least, so the 1× line (the budget spent exactly over the window) shows beside low burn rates.
  const yTicks = niceValueTicks(
    Math.max(
      1,
      maxOfRows(
        rows,
        WINDOWS.map(window => window.dataKey),
      ),
    ),
  );
  return (
    <>
      <Typography variant="subtitle2">
        Burn rate history (1× spends the budget exactly over the window), from
        snapshots collected {formatTick(start)} – {formatTick(end)}
      </Typography>
      <TimeSeriesChartFrame
        rows={rows}
        start={start}
        end={end}
        height={200}
        formatTick={formatTick}
        yAxis={
          <YAxis
            {...chart.axis}
            unit="×"
            domain={[0, yTicks[yTicks.length - 1]]}
            ticks={yTicks}
            interval={0}
          />
        }
        formatValue={formatBurnRateValue}
      >
        <ReferenceLine
          y={1}
          stroke={theme.palette.warning.main}
          strokeDasharray="3 3"
        />
        {WINDOWS.map(window => (
          <Line
            {...chart.motion}
            key={window.dataKey}
            dataKey={window.dataKey}
            name={window.name}
            stroke={theme.palette[window.color].main}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </TimeSeriesChartFrame>
      {history.downsampled && (
        <Typography variant="caption" color="textSecondary">
          Averaged to {history.points.length} points.
        </Typography>
      )}
    </>
  );
}
