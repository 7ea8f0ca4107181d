import { SloHistoryResponse } from '@internal/backstage-plugin-reliability-common';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatBurnRate } from '../sloFormat';
import { burnRateRows } from './chartRows';
import {
  formatTooltipTime,
  tickCount,
  timeTickFormatter,
  timeTicks,
} from './timeAxis';

/** Burn rates (1h, 6h, 3d) of the collected snapshots of an SLO, on a time axis over the requested range. */
export function SloBurnRateChart(props: { history: SloHistoryResponse }) {
  const { history } = props;
  const theme = useTheme();
  const rows = burnRateRows(history.points);
  const first = rows[0]?.at ?? Date.parse(history.from);
  const last = rows[rows.length - 1]?.at ?? Date.parse(history.to);
  // The axis covers the snapshots (collected since the portal started) up to now.
  const start = Math.min(first, last);
  const end = Math.max(Date.parse(history.to), last);
  const formatTick = timeTickFormatter(start, end);
  return (
    <>
      <Typography variant="subtitle2">
        Burn rate history (1× spends the budget exactly over the window), from
        snapshots collected {formatTick(start)} – {formatTick(end)}
      </Typography>
      <ResponsiveContainer width="100%" height={200}>
        <LineChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={[start, end]}
            ticks={timeTicks(start, end, tickCount(start, end))}
            tickFormatter={formatTick}
          />
          <YAxis unit="×" />
          <Tooltip
            labelFormatter={formatTooltipTime}
            formatter={value =>
              formatBurnRate(typeof value === 'number' ? value : null)
            }
          />
          <Legend />
          <ReferenceLine
            y={1}
            stroke={theme.palette.warning.main}
            strokeDasharray="3 3"
          />
          <Line
            dataKey="burn1h"
            name="1h"
            stroke={theme.palette.error.main}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="burn6h"
            name="6h"
            stroke={theme.palette.warning.main}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="burn3d"
            name="3d"
            stroke={theme.palette.primary.main}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
      {history.downsampled && (
        <Typography variant="caption" color="textSecondary">
          Averaged to {history.points.length} points.
        </Typography>
      )}
    </>
  );
}
