import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { GroupOnCallEntity } from '@internal/backstage-plugin-reliability-common';
import Typography from '@material-ui/core/Typography';
import { onCallNowColumns } from '../../oncall/onCallNowColumns';
import { useMyTeamsOnCall } from '../useMyTeamsOnCall';
import { PlainTableColumn, PlainTableContent } from '../../PlainTable';

type Row = GroupOnCallEntity & { team: string };

function columns(now: Date): PlainTableColumn<Row>[] {
  return [
    {
      title: 'Team',
      render: row => (
        <EntityRefLink entityRef={row.team} defaultKind="group" hideIcon />
      ),
    },
    ...onCallNowColumns<Row>(now, { compact: true }),
  ];
}

/**
 * Home page widget "On call now for my teams": for each group the signed-in user belongs to, who is on
 * call now for the team's services and until when.
 */
export function MyTeamsOnCallWidget() {
  const { value, loading, error } = useMyTeamsOnCall();

  if (loading) return <Progress />;
  if (error || !value) {
    return <ResponseErrorPanel error={error ?? new Error('No response')} />;
  }
  if (value.teams.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="You are not in any team"
        description="This widget shows on-call for the catalog groups you are a member of."
      />
    );
  }
  const failed = value.teams.filter(team => team.error);
  const rows: Row[] = value.teams.flatMap(team =>
    (team.onCall?.entities ?? []).map(entity => ({
      ...entity,
      team: team.groupRef,
    })),
  );
  const stale = rows.filter(row => row.status === 'error').length;
  return (
    <>
      {failed.length > 0 && (
        <WarningPanel
          severity="error"
          title={`On-call of ${failed.length} team${
            failed.length > 1 ? 's' : ''
          } could not be loaded`}
          message={failed
            .map(team => `${team.groupRef}: ${team.error?.message}`)
            .join('; ')}
        />
      )}
      {rows.length === 0 && failed.length === 0 ? (
        <EmptyState
          missing="field"
          title="No on-call configured for your teams' services"
          description="Add an on-call annotation (for example pagerduty.com/service-id) to the components your teams own."
        />
      ) : (
        <PlainTableContent
          label="On call now for my teams"
          columns={columns(new Date())}
          rows={rows}
          rowKey={row => `${row.team}\n${row.entityRef}`}
          pageSize={10}
        />
      )}
      {(stale > 0 || value.truncated) && (
        <Typography variant="caption" color="textSecondary" component="p">
          {stale > 0
            ? `${stale} service${
                stale > 1 ? 's show' : ' shows'
              } the last known people: the on-call provider failed. `
            : ''}
          {value.truncated ? 'Only your first teams are shown.' : ''}
        </Typography>
      )}
    </>
  );
}
