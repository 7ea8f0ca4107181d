import { CampaignSnapshot } from '@internal/backstage-plugin-reliability-common';
import Typography from '@material-ui/core/Typography';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useChartTheme } from '../../charts';

/**
 * Burn-up chart of a campaign: services done per day against services in scope, from the daily snapshots.
 */
export function BurnUpChart(props: {
  snapshots: CampaignSnapshot[];
  dueDate: string;
}) {
  const { snapshots, dueDate } = props;
  const chart = useChartTheme();
  if (snapshots.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No measurements yet: the campaign is measured every day once it has
        started.
      </Typography>
    );
  }
  return (
    <div
      style={{ width: '100%', height: 260 }}
      role="img"
      aria-label={`Burn-up: services done per day until ${dueDate}`}
    >
      <ResponsiveContainer>
        <ComposedChart
          data={snapshots}
          margin={{ top: 16, right: 16, bottom: 0, left: -16 }}
        >
          <CartesianGrid strokeDasharray="3 3" {...chart.grid} />
          <XAxis {...chart.axis} dataKey="day" />
          <YAxis {...chart.axis} allowDecimals={false} />
          <Tooltip {...chart.tooltip} />
          <Area
            {...chart.motion}
            type="stepAfter"
            dataKey="done"
            name="Done"
            stroke={chart.series.primary}
            fill={chart.series.primary}
            strokeWidth={2}
            fillOpacity={0.3}
          />
          <Line
            {...chart.motion}
            type="stepAfter"
            dataKey="services"
            name="In scope"
            stroke={chart.series.muted}
            strokeDasharray="5 5"
            dot={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
