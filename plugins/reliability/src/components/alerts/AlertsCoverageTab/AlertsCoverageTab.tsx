import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../../api';
import { BackgroundWorkCard } from '../../backgroundWork';
import { AlertsCoverageView } from '../AlertsCoverageView';

/**
 * The "Monitoring" tab of the reliability page: the organisation's monitoring coverage (below) and, under it, the
 * suite's own background work (whether the data on these pages is being collected on time).
 */
export function AlertsCoverageTab() {
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <OrganisationAlertsCoverage />
      </Grid>
      <Grid item xs={12}>
        <BackgroundWorkCard />
      </Grid>
    </Grid>
  );
}

/**
 * The organisation's runbook coverage over every paging alert, its gaps (alerts no catalog entity owns included),
 * its noisy alerts and the coverage per entity.
 */
function OrganisationAlertsCoverage() {
  const api = useApi(reliabilityApiRef);
  const { value, loading, error } = useAsync(
    () => api.getAlertsCoverage(),
    [api],
  );
  if (loading) return <Progress />;
  if (error || !value) {
    return <ResponseErrorPanel error={error ?? new Error('No response')} />;
  }
  if (value.entities.length === 0 && value.gaps.length === 0) {
    return (
      <EmptyState
        missing="content"
        title="No alerts or monitors yet"
        description="Install an alert source (Prometheus, Datadog) or post alerts to the alerts API; the alerts area maps them to catalog entities at its next refresh."
      />
    );
  }
  return (
    <InfoCard
      title="Monitoring coverage of the organisation"
      subheader={`Every alert and monitor the suite reads · firings over the last ${value.windowDays} days`}
    >
      <AlertsCoverageView value={value} />
    </InfoCard>
  );
}
