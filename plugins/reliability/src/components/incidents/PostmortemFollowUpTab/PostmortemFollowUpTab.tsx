import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../../api';
import { PlainTable } from '../../PlainTable';
import { formatCount } from '../../overview/overviewFormat';
import { severityLabel } from '../incidentFormat';
import { followUpColumns } from './followUpColumns';

/** Teams per page. */
const PAGE_SIZE = 20;

/**
 * The "Postmortems" tab of the reliability page: every team with tracked services, the teams with the most
 * overdue action items (then overdue postmortems) first.
 */
export function PostmortemFollowUpTab() {
  const api = useApi(reliabilityApiRef);
  const { value, loading, error } = useAsync(
    () => api.getIncidentFollowUp(),
    [api],
  );
  if (loading) return <Progress />;
  if (error || !value) {
    return <ResponseErrorPanel error={error ?? new Error('No response')} />;
  }
  if (value.teams.length === 0) {
    return (
      <EmptyState
        missing="content"
        title="No incidents or postmortems tracked yet"
        description="Services with an incident provider (PagerDuty, Opsgenie), incidents posted to the incidents API or a runbooks annotation appear here after the next incidents refresh."
      />
    );
  }
  const { counts, postmortemPolicy: policy } = value;
  return (
    <PlainTable
      title="Postmortem follow-up by team"
      subtitle={`${counts.overdueActionItems} overdue of ${formatCount(
        counts.openActionItems,
        'open action item',
      )} · ${formatCount(counts.postmortemsOverdue, 'postmortem')} overdue, ${
        counts.postmortemsDue
      } due (${severityLabel(policy.severity)} or worse, ${
        policy.businessDays
      } business days)`}
      columns={followUpColumns}
      rows={value.teams}
      rowKey={team => team.ownerRef ?? 'no owner'}
      loading={false}
      pageSize={PAGE_SIZE}
    />
  );
}
