import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { OnCallPersonLoad } from '@internal/backstage-plugin-reliability-common';
import { PagesPerShiftText, usePagesPerShift } from '../PagesPerShiftText';

const TITLE = 'Pages per shift';

/**
 * How often the team's paging alerts paged (alerts area, last 30 days) against its on-call shifts (the load),
 * shown beside the on-call load of the group.
 */
export function PagesPerShiftCard(props: {
  load: OnCallPersonLoad[];
  loadWindow: { from: string; to: string };
}) {
  const { loading, error, value, rate, pagingAlerts } = usePagesPerShift(
    props.load,
    props.loadWindow,
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
  return (
    <InfoCard
      title={TITLE}
      subheader={`Pages of the team's paging alerts over the last ${
        rate?.windowDays ?? value.windowDays
      } days`}
    >
      <PagesPerShiftText rate={rate} pagingAlerts={pagingAlerts} />
    </InfoCard>
  );
}
