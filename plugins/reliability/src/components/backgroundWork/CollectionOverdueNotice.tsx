import { EntitySlosResponse } from '@internal/backstage-plugin-reliability-common';
import Alert from '@material-ui/lab/Alert';
import { formatAbsolute, formatRelative } from '../oncall/formatOnCallTime';
import { MonitoringTabLink } from './MonitoringTabLink';

/**
 * Says that an entity's SLO figures are older than the collection cadence allows (the scheduled SLO collection
 * stopped or falls behind), so nobody reads hours-old budgets as current. Nothing when collection is on time.
 */
export function CollectionOverdueNotice(props: {
  overdue: EntitySlosResponse['collectionOverdue'];
  /** "now" for the relative time (tests pin it). */
  now?: Date;
}) {
  const { overdue } = props;
  if (!overdue) return null;
  return (
    <Alert severity="warning">
      SLO collection is behind: these figures were last checked{' '}
      <span title={formatAbsolute(overdue.checkedAt)}>
        {formatRelative(overdue.checkedAt, props.now ?? new Date())}
      </span>{' '}
      and may be out of date. <MonitoringTabLink /> says why.
    </Alert>
  );
}
