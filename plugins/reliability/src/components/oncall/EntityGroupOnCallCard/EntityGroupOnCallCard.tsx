import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { OnCallPersonLoad } from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useEntityReliability } from '../../../hooks';
import { onCallNowColumns } from '../onCallNowColumns';
import { PlainTableContent } from '../../PlainTable';
import { PagesPerShiftText, usePagesPerShift } from '../PagesPerShiftText';

const TITLE = 'On call now';

/** The team's pages per on-call shift under the table; a failure of the alerts area is a note, not an error. */
function PagesFooter(props: {
  load: OnCallPersonLoad[];
  loadWindow: { from: string; to: string };
}) {
  const { loading, error, rate, pagingAlerts } = usePagesPerShift(
    props.load,
    props.loadWindow,
  );
  if (loading) return null;
  return (
    <Box px={2} py={1}>
      {error ? (
        <Typography variant="body2" color="textSecondary">
          Pages per shift could not be read: {error.message}
        </Typography>
      ) : (
        <PagesPerShiftText
          rate={rate}
          pagingAlerts={pagingAlerts}
          variant="body2"
        />
      )}
    </Box>
  );
}

/**
 * Card for a group: who is on call now for each service the team owns, with single-person rotations and
 * failed providers flagged (their people are the last known), and the team's pages per on-call shift. The group's
 * "On-call" tab adds the load per person. The card takes half the overview's width: the failed providers are named
 * above the table, which leaves out its Source column to fit (it scrolls sideways where it still cannot).
 */
export function EntityGroupOnCallCard() {
  const { value, loading, error } = useEntityReliability((api, groupRef) =>
    api.getGroupOnCall(groupRef),
  );

  if (loading) {
    return (
      <InfoCard title={TITLE}>
        <Progress />
      </InfoCard>
    );
  }
  if (error || !value) {
    return <ResponseErrorPanel error={error ?? new Error('No response')} />;
  }
  if (value.entities.length === 0) {
    return (
      <InfoCard title={TITLE}>
        <EmptyState
          missing="field"
          title="No on-call configured for this team's services"
          description="Add an on-call annotation (for example pagerduty.com/service-id) to the components this group owns."
        />
      </InfoCard>
    );
  }
  const failed = value.entities.filter(e => e.status === 'error');
  return (
    <InfoCard title={TITLE} noPadding>
      {failed.length > 0 && (
        <WarningPanel
          severity="warning"
          title={`On-call data of ${failed.length} service${
            failed.length > 1 ? 's' : ''
          } could not be refreshed: showing the last known`}
          message={failed
            .map(e => `${e.entityRef}: ${e.message ?? 'error'}`)
            .join('; ')}
        />
      )}
      <PlainTableContent
        label={TITLE}
        columns={onCallNowColumns(new Date(), { withoutSource: true })}
        rows={value.entities}
        rowKey={row => row.entityRef}
      />
      <PagesFooter load={value.load} loadWindow={value.loadWindow} />
    </InfoCard>
  );
}
