import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { TeamFollowUp } from '@internal/backstage-plugin-reliability-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../../api';
import { severityLabel } from '../incidentFormat';

const columns: TableColumn<TeamFollowUp>[] = [
  {
    title: 'Team',
    render: team =>
      team.ownerRef ? (
        <EntityRefLink entityRef={team.ownerRef} defaultKind="group" />
      ) : (
        <Typography variant="body2" color="textSecondary">
          no owner
        </Typography>
      ),
  },
  {
    title: 'Overdue action items',
    field: 'overdueActionItems',
    type: 'numeric',
  },
  { title: 'Open action items', field: 'openActionItems', type: 'numeric' },
  {
    title: 'Overdue postmortems',
    field: 'postmortemsOverdue',
    type: 'numeric',
  },
  { title: 'Postmortems due', field: 'postmortemsDue', type: 'numeric' },
  { title: 'Incidents (90 days)', field: 'incidents', type: 'numeric' },
  { title: 'Services', field: 'entities', type: 'numeric' },
];

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
    <Table
      title="Postmortem follow-up by team"
      subtitle={`${counts.overdueActionItems} overdue of ${
        counts.openActionItems
      } open action items · ${counts.postmortemsOverdue} postmortems overdue, ${
        counts.postmortemsDue
      } due (${severityLabel(policy.severity)} or worse, ${
        policy.businessDays
      } business days)`}
      options={{
        paging: value.teams.length > 20,
        pageSize: 20,
        search: false,
        padding: 'dense',
      }}
      columns={columns}
      data={value.teams}
    />
  );
}
