import { SourceWarnings } from '../SourceWarnings';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useRunbookLinks } from '../../runbooks/useRunbookLinks';
import { formatCoverage, formatMinutes } from '../alertFormat';
import { useEntityAlerts } from '../useEntityAlerts';
import { AlertsTable } from './AlertsTable';

/**
 * The monitoring of the entity (Reliability tab): every alert and monitor mapped to it with its state, severity,
 * whether it pages, its runbook and how often it fired in the last 30 days; runbook coverage over the paging
 * alerts, the noisy alerts and the entity's gap (a tier-1 service with SLOs but no paging alert, a resource
 * tier-1 services depend on without monitors). A source that could not be read is named; its alerts are the last
 * ones read, marked stale.
 */
export function EntityAlertsCard() {
  const { value, error } = useEntityAlerts();
  const { idLink: runbookLink } = useRunbookLinks();
  const title = 'Monitoring coverage';
  if (error) {
    return (
      <InfoCard title={title}>
        <ResponseErrorPanel error={error} />
      </InfoCard>
    );
  }
  if (!value) {
    return (
      <InfoCard title={title}>
        <Progress />
      </InfoCard>
    );
  }
  const sources = value.sources.map(s => s.label).join(', ');
  const subheader = `Alerts and monitors${
    sources ? ` from ${sources}` : ''
  } · firings over the last ${value.windowDays} days`;
  const paging = value.alerts.filter(a => a.pages).length;
  const firing = value.alerts.filter(a => a.state === 'firing').length;
  const rule = value.noiseRule;
  return (
    <InfoCard title={title} subheader={subheader}>
      <SourceWarnings
        sources={value.sources}
        staleNote="showing those read before"
      />
      {value.gaps.map(gap => (
        <WarningPanel
          key={gap.kind}
          severity="error"
          title={gap.message}
          message={
            gap.dependents?.length
              ? `Depended on by ${gap.dependents.join(', ')}`
              : undefined
          }
        />
      ))}
      {value.alerts.length === 0 ? (
        <EmptyState
          missing="content"
          title="No alerts or monitors for this entity"
          description={`Alerts come from Prometheus rules and Datadog monitors whose mapping label (default "service") names this entity, from those matching its ${ANNOTATIONS.alertSelector} annotation, or from any tool posting to the alerts API.`}
        />
      ) : (
        <>
          <Box mb={1}>
            <Typography variant="body2" data-testid="alert-counts">
              {value.alerts.length} alert{value.alerts.length === 1 ? '' : 's'},{' '}
              {paging} paging{firing > 0 ? `, ${firing} firing` : ''} · runbook
              coverage {formatCoverage(value.coverage)} · {value.noisy.length}{' '}
              noisy
            </Typography>
            {value.noisy.length > 0 && (
              <Typography variant="caption" color="textSecondary">
                Noisy: fired at least {rule.minFirings} times in{' '}
                {value.windowDays} days, {Math.round(rule.quickShare * 100)}% of
                them resolved within {formatMinutes(rule.quickResolveMinutes)},
                likely without action. Tune or remove them.
              </Typography>
            )}
          </Box>
          <AlertsTable alerts={value.alerts} runbookLink={runbookLink} />
        </>
      )}
    </InfoCard>
  );
}
