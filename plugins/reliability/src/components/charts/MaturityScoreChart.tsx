import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatScore } from '../checklist/maturityFormat';
import { useChartTheme } from './useChartTheme';

/**
 * A maturity score (0-100) over time as one line, the full width and `height` px tall, named "Maturity score over
 * time" for assistive technology (the card around it says the numbers in words). The entity's assessment history
 * (a point per submitted assessment, with dots) and the scope trends (a point per daily snapshot, no dots) draw it.
 * A point without a score leaves no gap: the line joins its neighbours.
 */
export function MaturityScoreChart<Point extends object>(props: {
  points: Point[];
  /** The key of a point's date (YYYY-MM-DD), along the x axis; the score is `score`. */
  dateKey: keyof Point & string;
  /** The line's name in the hover tooltip. */
  name: string;
  height: number;
  /** A dot on every point: for a few points far apart, not one a day. */
  dots: boolean;
}) {
  const chart = useChartTheme();
  return (
    <div
      style={{ width: '100%', height: props.height }}
      role="img"
      aria-label="Maturity score over time"
    >
      <ResponsiveContainer>
        <LineChart
          data={props.points}
          margin={{ top: 16, right: 16, bottom: 0, left: -16 }}
        >
          <CartesianGrid strokeDasharray="3 3" {...chart.grid} />
          <XAxis {...chart.axis} dataKey={props.dateKey} />
          <YAxis {...chart.axis} domain={[0, 100]} />
          <Tooltip
            {...chart.tooltip}
            formatter={(v: number) => formatScore(v)}
          />
          <Line
            {...chart.motion}
            type="monotone"
            dataKey="score"
            name={props.name}
            stroke={chart.series.primary}
            strokeWidth={2}
            dot={props.dots}
            connectNulls
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
