import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  EntitySlo,
  formatRatio,
} from '@internal/backstage-plugin-reliability-common';
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
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../../api';
import { SloStatusSummary } from '../SloStatusSummary';
import { burnDownSeries } from './burnDownSeries';

const MAX_RANGE_MS = 366 * 24 * 3600 * 1000;

const formatTime = (ms: number) =>
  new Date(ms).toLocaleDateString(undefined, {
    month: 'short',
    day: 'numeric',
  });

/**
 * One SLO in detail: its current state, the error-budget burn-down over the SLO window against the ideal
 * linear burn, and the burn-rate history.
 */
export function SloHistoryCharts(props: { slo: EntitySlo }) {
  const { slo } = props;
  const api = useApi(reliabilityApiRef);
  const { entity } = useEntity();
  const theme = useTheme();
  const status = slo.status;
  const windowStart = status?.windowStart;
  const windowEnd = status?.windowEnd;

  const history = useAsync(async () => {
    if (!windowStart || !windowEnd) return undefined;
    const to = new Date(Math.min(Date.now(), new Date(windowEnd).getTime()));
    const from = new Date(
      Math.max(new Date(windowStart).getTime(), to.getTime() - MAX_RANGE_MS),
    );
    return api.getSloHistory(
      getCompoundEntityRef(entity),
      slo.definition.name,
      {
        from,
        to,
      },
    );
  }, [api, entity, slo.definition.name, windowStart, windowEnd]);

  let charts;
  if (!windowStart || !windowEnd) {
    charts = <Typography variant="body2">No data collected yet.</Typography>;
  } else if (history.loading) {
    charts = <Progress />;
  } else if (history.error) {
    charts = <ResponseErrorPanel error={history.error} />;
  } else if (!history.value || history.value.points.length === 0) {
    charts = (
      <EmptyState
        missing="data"
        title="No history yet"
        description="Snapshots appear after the first collections (every few minutes)."
      />
    );
  } else {
    const rows = burnDownSeries(history.value.points, windowStart, windowEnd);
    const target = slo.definition.objectives[0]?.target;
    charts = (
      <>
        <Typography variant="subtitle2">
          Error budget remaining vs ideal linear burn (target{' '}
          {formatRatio(target)})
        </Typography>
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={rows}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="at"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={formatTime}
            />
            <YAxis unit="%" />
            <Tooltip
              labelFormatter={ms => new Date(Number(ms)).toLocaleString()}
            />
            <Legend />
            <ReferenceLine y={0} stroke={theme.palette.error.main} />
            <Line
              dataKey="remaining"
              name="Budget remaining"
              stroke={theme.palette.primary.main}
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="ideal"
              name="Ideal linear burn"
              stroke={theme.palette.text.secondary}
              strokeDasharray="5 5"
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
        <Typography variant="subtitle2">
          Burn rate (1× spends the budget exactly over the window)
        </Typography>
        <ResponsiveContainer width="100%" height={200}>
          <LineChart data={rows}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="at"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={formatTime}
            />
            <YAxis unit="×" />
            <Tooltip
              labelFormatter={ms => new Date(Number(ms)).toLocaleString()}
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
        {history.value.downsampled && (
          <Typography variant="caption" color="textSecondary">
            Averaged to {history.value.points.length} points.
          </Typography>
        )}
      </>
    );
  }

  return (
    <InfoCard
      title={slo.definition.displayName ?? slo.definition.name}
      subheader={slo.definition.description}
    >
      <SloStatusSummary slo={slo} />
      {charts}
    </InfoCard>
  );
}
