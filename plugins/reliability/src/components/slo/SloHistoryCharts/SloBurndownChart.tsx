import { EmptyState, WarningPanel } from '@backstage/core-components';
import {
  formatBudgetRemaining,
  formatRatio,
  SloBurndownResponse,
} from '@internal/backstage-plugin-reliability-common';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { Line, ReferenceArea, ReferenceLine, YAxis } from 'recharts';
import { formatDuration, severityLabel } from '../../incidents/incidentFormat';
import {
  burndownFloor,
  burndownRows,
  endsBelowChart,
  formatChartPercent,
} from './chartRows';
import { IncidentWindow } from './incidentWindows';
import { formatTooltipTime, timeTickFormatter } from './timeAxis';
import { TimeSeriesChartFrame } from './TimeSeriesChartFrame';
import { useChartTheme } from '../../charts';

/** The incidents beside the budget, in words (the chart's shaded spans, readable without the chart). */
function IncidentCaption(props: {
  incidents?: IncidentWindow[];
  incidentsError?: string;
}) {
  const { incidents, incidentsError } = props;
  if (incidentsError) {
    return (
      <Typography variant="caption" color="textSecondary" component="p">
        Incidents could not be loaded: {incidentsError}
      </Typography>
    );
  }
  if (!incidents) return null;
  if (incidents.length === 0) {
    return (
      <Typography
        variant="caption"
        color="textSecondary"
        component="p"
        data-testid="burndown-incidents"
      >
        No incident in this window.
      </Typography>
    );
  }
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="p"
      data-testid="burndown-incidents"
    >
      Incidents (shaded):{' '}
      {incidents
        .map(
          i =>
            `${severityLabel(i.severity)} ${i.title} (${formatTooltipTime(
              i.startedAt,
            )}, ${
              i.open
                ? 'still open'
                : formatDuration((i.endedAt - i.startedAt) / 1000)
            })`,
        )
        .join('; ')}
    </Typography>
  );
}

/**
 * Error budget remaining over the SLO's current window (computed from the SLI provider) against the ideal
 * linear burn from 100% at the window's start to 0% at its end, with the entity's incidents shaded beside it so
 * that a drop in budget is explained by the incident at the same time.
 */
export function SloBurndownChart(props: {
  burndown: SloBurndownResponse;
  /** Incident spans within the window; undefined while they load. */
  incidents?: IncidentWindow[];
  /** Why the incidents could not be loaded. */
  incidentsError?: string;
}) {
  const { burndown, incidents, incidentsError } = props;
  const theme = useTheme();
  const chart = useChartTheme();
  const start = Date.parse(burndown.windowStart);
  const end = Date.parse(burndown.windowEnd);
  const rows = burndownRows(burndown);
  const floor = burndownFloor(rows);
  const current = burndown.points[burndown.points.length - 1]?.budgetRemaining;
  const formatTick = timeTickFormatter(start, end);
  const title = (
    <Typography variant="subtitle2">
      Error budget remaining vs ideal linear burn (target{' '}
      {formatRatio(burndown.target)}, window {formatTick(start)} –{' '}
      {formatTick(end)})
    </Typography>
  );
  const staleNote = burndown.error && (
    <WarningPanel
      severity={burndown.points.length > 0 ? 'warning' : 'error'}
      title={
        burndown.points.length > 0
          ? `Stale: burn-down computed ${formatTooltipTime(
              Date.parse(burndown.computedAt),
            )}`
          : 'The SLI provider did not answer'
      }
      message={burndown.error}
    />
  );
  if (burndown.points.length === 0) {
    return (
      <>
        {title}
        {staleNote}
      </>
    );
  }
  if (burndown.total === 0) {
    return (
      <>
        {title}
        {staleNote}
        <EmptyState
          missing="data"
          title="No traffic in this window"
          description={`The SLI (${burndown.dataSource}) counted no events since the window started: no budget to burn.`}
        />
      </>
    );
  }
  return (
    <>
      {title}
      {staleNote}
      <TimeSeriesChartFrame
        rows={rows}
        start={start}
        end={end}
        height={240}
        formatTick={formatTick}
        yAxis={
          <YAxis
            {...chart.axis}
            unit="%"
            domain={[floor, 100]}
            allowDataOverflow
            ticks={Array.from(
              { length: (100 - floor) / 25 + 1 },
              (_, i) => floor + i * 25,
            )}
          />
        }
        formatValue={formatChartPercent}
      >
        {/* Each span at least 1/150 of the window wide, so a 30-minute incident on a 30-day chart stays visible. */}
        {(incidents ?? []).map(incident => (
          <ReferenceArea
            key={`${incident.id}:${incident.startedAt}`}
            x1={incident.x1}
            x2={Math.max(incident.x2, incident.x1 + (end - start) / 150)}
            fill={theme.palette.error.main}
            fillOpacity={0.15}
            stroke={theme.palette.error.main}
            strokeOpacity={0.5}
            ifOverflow="hidden"
          />
        ))}
        <ReferenceLine y={0} stroke={theme.palette.error.main} />
        <Line
          {...chart.motion}
          dataKey="remaining"
          name="Budget remaining"
          stroke={theme.palette.primary.main}
          dot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
        <Line
          {...chart.motion}
          dataKey="ideal"
          name="Ideal linear burn"
          stroke={theme.palette.text.secondary}
          strokeDasharray="5 5"
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      </TimeSeriesChartFrame>
      <Typography variant="caption" color="textSecondary" component="p">
        Now: {formatBudgetRemaining(current)}
        {endsBelowChart(rows, floor) ? ' (below the chart)' : ''}. Budget
        remaining at each instant = 1 − bad events since the window started ÷
        bad events the window&apos;s traffic allows. Source:{' '}
        {burndown.dataSource}.
      </Typography>
      <IncidentCaption incidents={incidents} incidentsError={incidentsError} />
    </>
  );
}
