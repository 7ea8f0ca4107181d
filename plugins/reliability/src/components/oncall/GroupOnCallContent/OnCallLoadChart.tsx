import { OnCallPersonLoad } from '@internal/backstage-plugin-reliability-common';
import { useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useChartTheme } from '../../charts';

/** Hours on call per person, split into office hours and out-of-hours. */
export function OnCallLoadChart({ load }: { load: OnCallPersonLoad[] }) {
  const theme = useTheme();
  const chart = useChartTheme();
  const data = load.map(entry => {
    const share = entry.outOfHoursShare ?? 0;
    return {
      name: entry.person.name,
      office: Math.round(entry.hoursOnCall * (1 - share) * 10) / 10,
      outOfHours: Math.round(entry.hoursOnCall * share * 10) / 10,
    };
  });
  return (
    <ResponsiveContainer
      width="100%"
      height={Math.max(160, 40 * data.length + 60)}
    >
      <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24 }}>
        <CartesianGrid strokeDasharray="3 3" {...chart.grid} />
        <XAxis {...chart.axis} type="number" unit=" h" />
        <YAxis {...chart.axis} type="category" dataKey="name" width={140} />
        <Tooltip
          {...chart.tooltip}
          formatter={(value: number) => `${value} h`}
        />
        <Legend {...chart.legend} />
        <Bar
          {...chart.motion}
          dataKey="office"
          name="Office hours (Mon-Fri 09-17)"
          stackId="hours"
          fill={theme.palette.primary.main}
        />
        <Bar
          {...chart.motion}
          dataKey="outOfHours"
          name="Out of hours"
          stackId="hours"
          fill={theme.palette.secondary.main}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
