import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  NO_LEVEL,
  TrendScope,
  TrendSeriesResponse,
} from '@internal/backstage-plugin-reliability-common';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../../api';
import { MaturityScoreChart, useChartTheme } from '../../charts';
import { formatLevel } from '../../checklist/maturityFormat';
import { formatPercent, formatScore } from '../../overview/overviewFormat';
import { noSnapshotsText } from '../trendFormat';

/** Props of {@link MaturityTrendChart}. */
export interface MaturityTrendChartProps {
  scope: TrendScope;
  /** Entity ref of the scope (not for `org`). */
  entityRef?: string;
  /** Days back (default 180). */
  days?: number;
  title?: string;
}

/** Rows of the SLO chart: one per day, a share (0-100) per SLO window. */
export function sloChartRows(
  series: TrendSeriesResponse['slo'],
): Array<Record<string, number | string | null>> {
  const byDay = new Map<string, Record<string, number | string | null>>();
  for (const { window, points } of series) {
    for (const point of points) {
      const row = byDay.get(point.day) ?? { day: point.day };
      row[window] =
        point.share === null ? null : Math.round(point.share * 1000) / 10;
      byDay.set(point.day, row);
    }
  }
  return [...byDay.values()].sort((a, b) =>
    String(a.day).localeCompare(String(b.day)),
  );
}

function TrendCharts(props: { value: TrendSeriesResponse }) {
  const { value } = props;
  const chart = useChartTheme();
  const points = value.maturity;
  const latest = points[points.length - 1];
  const first = points[0];
  const demo =
    points.some(p => p.demo) || value.slo.some(s => s.points.some(p => p.demo));
  const colours = [
    chart.series.primary,
    chart.series.secondary,
    chart.series.muted,
  ];
  const sloRows = sloChartRows(value.slo);
  return (
    <>
      <Typography variant="body2" color="textSecondary">
        Score {formatScore(latest.score)} on {latest.day} (
        {latest.level === NO_LEVEL
          ? 'no level yet'
          : `level ${formatLevel(latest.level)}`}
        {latest.serviceCount > 1 ? `, ${latest.serviceCount} services` : ''})
        {first.day !== latest.day
          ? `; ${formatScore(first.score)} on ${first.day}`
          : ''}
        {demo && (
          <>
            {' '}
            <Chip
              size="small"
              label="includes demo data"
              variant="outlined"
              component="span"
            />
          </>
        )}
      </Typography>
      <MaturityScoreChart
        points={points}
        dateKey="day"
        name="Maturity score"
        height={220}
        dots={false}
      />
      {value.slo.length > 0 && (
        <>
          <Typography variant="subtitle2">
            SLOs meeting target, per SLO window (latest:{' '}
            {value.slo
              .map(s => {
                const last = s.points[s.points.length - 1];
                return `${s.window} ${formatPercent(last?.share ?? null)}`;
              })
              .join(', ')}
            )
          </Typography>
          <div
            style={{ width: '100%', height: 200 }}
            role="img"
            aria-label="Share of SLOs meeting target over time"
          >
            <ResponsiveContainer>
              {/* Less pulled to the left than the score chart: its ticks are a character longer ("100%"). */}
              <LineChart
                data={sloRows}
                margin={{ top: 16, right: 16, bottom: 0, left: -8 }}
              >
                <CartesianGrid strokeDasharray="3 3" {...chart.grid} />
                <XAxis {...chart.axis} dataKey="day" />
                <YAxis {...chart.axis} domain={[0, 100]} unit="%" />
                <Tooltip
                  {...chart.tooltip}
                  formatter={(v: number) => `${v}%`}
                />
                <Legend {...chart.legend} />
                {value.slo.map((s, i) => (
                  <Line
                    {...chart.motion}
                    key={s.window}
                    type="monotone"
                    dataKey={s.window}
                    name={s.window}
                    stroke={colours[i % colours.length]}
                    strokeWidth={2}
                    dot={false}
                    connectNulls
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
        </>
      )}
    </>
  );
}

/**
 * Maturity score of a scope (an entity, a team, a system, a domain or the whole org) over time, from the daily
 * snapshots, and for teams and the org the share of SLOs meeting target per SLO window.
 */
export function MaturityTrendChart(props: MaturityTrendChartProps) {
  const { scope, entityRef, days = 180, title = 'Maturity over time' } = props;
  const api = useApi(reliabilityApiRef);
  const { value, loading, error } = useAsync(
    () => api.getTrendSeries({ scope, ref: entityRef, days }),
    [api, scope, entityRef, days],
  );

  const content = () => {
    if (error) return <ResponseErrorPanel error={error} />;
    if (loading || !value) return <Progress />;
    if (value.maturity.length === 0) {
      return (
        <EmptyState
          missing="data"
          title={noSnapshotsText(value.nextSnapshotAt)}
          description="The maturity roll-ups and SLO attainment are recorded once a day; this chart fills in from then on."
        />
      );
    }
    return <TrendCharts value={value} />;
  };

  return <InfoCard title={title}>{content()}</InfoCard>;
}
