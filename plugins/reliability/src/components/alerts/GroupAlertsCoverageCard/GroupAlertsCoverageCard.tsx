import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import { useEntityReliability } from '../../../hooks';
import { AlertsCoverageView } from '../AlertsCoverageView';

const TITLE = 'Monitoring coverage';

/**
 * Card for a group: the monitoring of the entities the team owns (as of the alerts area's last refresh):
 * runbook coverage over their paging alerts, their gaps and noisy alerts, and the coverage per entity.
 */
export function GroupAlertsCoverageCard() {
  const { value, loading, error } = useEntityReliability((api, groupRef) =>
    api.getAlertsCoverage({ owner: stringifyEntityRef(groupRef) }),
  );

  if (loading) {
    return (
      <InfoCard title={TITLE}>
        <Progress />
      </InfoCard>
    );
  }
  if (error || !value) {
    return (
      <InfoCard title={TITLE}>
        <ResponseErrorPanel error={error ?? new Error('No response')} />
      </InfoCard>
    );
  }
  if (value.entities.length === 0 && value.gaps.length === 0) {
    return (
      <InfoCard title={TITLE}>
        <EmptyState
          missing="content"
          title="No alerts or monitors for this team's entities"
          description={`Alerts come from Prometheus rules and Datadog monitors whose mapping label (default "service") names an entity of the team, from those matching an entity's ${ANNOTATIONS.alertSelector} annotation, or from tools posting to the alerts API.`}
        />
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title={TITLE}
      subheader={`Alerts of the team's services and resources · firings over the last ${value.windowDays} days`}
    >
      <AlertsCoverageView value={value} />
    </InfoCard>
  );
}
