import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  EntityIncidentsResponse,
  EntitySlo,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Suspense } from 'react';
import { useEntityReliability } from '../../../hooks';
import { SloStatusSummary } from '../SloStatusSummary';
import { SloRunbooks } from '../useSloRunbooks';
import { SloBurndownChart, SloBurnRateChart } from './lazyCharts';
import { incidentWindows } from './incidentWindows';

const MAX_RANGE_MS = 366 * 24 * 3600 * 1000;

/**
 * One SLO in detail: its current state and runbooks, the error-budget burn-down over the current window
 * (computed by the backend from the SLI provider) against the ideal linear burn with the entity's incidents
 * shaded beside it, and the burn-rate history of the collected snapshots.
 */
export function SloHistoryCharts(props: {
  slo: EntitySlo;
  runbooks: SloRunbooks;
  /** The entity's incidents (loaded once for all its SLOs); a failure leaves the chart as it is, with a note. */
  incidents?: { value?: EntityIncidentsResponse; error?: Error };
}) {
  const { slo } = props;
  const incidents = props.incidents ?? {};
  const sloName = slo.definition.name;
  const windowStart = slo.status?.windowStart;
  const windowEnd = slo.status?.windowEnd;

  const burndown = useEntityReliability(
    (api, entityRef) => api.getSloBurndown(entityRef, sloName),
    [sloName],
  );

  const history = useEntityReliability(
    async (api, entityRef) => {
      if (!windowStart || !windowEnd) return undefined;
      const to = new Date(Math.min(Date.now(), new Date(windowEnd).getTime()));
      const from = new Date(
        Math.max(new Date(windowStart).getTime(), to.getTime() - MAX_RANGE_MS),
      );
      return api.getSloHistory(entityRef, sloName, { from, to });
    },
    [sloName, windowStart, windowEnd],
  );

  let burndownView;
  if (burndown.loading) {
    burndownView = <Progress />;
  } else if (burndown.error || !burndown.value) {
    burndownView = (
      <ResponseErrorPanel error={burndown.error ?? new Error('No response')} />
    );
  } else {
    const { windowStart: from, windowEnd: to } = burndown.value;
    burndownView = (
      <SloBurndownChart
        burndown={burndown.value}
        incidents={
          incidents.value
            ? incidentWindows(
                incidents.value.incidents,
                Date.parse(from),
                Date.parse(to),
                Date.now(),
              )
            : undefined
        }
        incidentsError={incidents.error?.message}
      />
    );
  }

  let historyView;
  if (!windowStart || !windowEnd) {
    historyView = (
      <Typography variant="body2">No snapshots collected yet.</Typography>
    );
  } else if (history.loading) {
    historyView = <Progress />;
  } else if (history.error) {
    historyView = <ResponseErrorPanel error={history.error} />;
  } else if (!history.value || history.value.points.length === 0) {
    historyView = (
      <EmptyState
        missing="data"
        title="No burn-rate history yet"
        description="Snapshots appear after the first collections (every few minutes)."
      />
    );
  } else {
    historyView = <SloBurnRateChart history={history.value} />;
  }

  return (
    <InfoCard
      title={slo.definition.displayName ?? slo.definition.name}
      subheader={slo.definition.description}
    >
      <SloStatusSummary slo={slo} runbooks={props.runbooks} />
      <Suspense fallback={<Progress />}>
        <Box mb={2}>{burndownView}</Box>
        {historyView}
      </Suspense>
    </InfoCard>
  );
}
