import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import {
  GroupOnCallEntity,
  OnCallPersonLoad,
} from '@internal/backstage-plugin-reliability-common';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../../api';
import {
  formatAbsolute,
  formatHours,
  formatShare,
  formatWhen,
} from '../formatOnCallTime';
import { OnCallPersonName } from '../OnCallPersonName';
import { OnCallLoadChart } from './OnCallLoadChart';

function entityColumns(now: Date): TableColumn<GroupOnCallEntity>[] {
  return [
    {
      title: 'Service',
      field: 'entityRef',
      render: row => (
        <EntityRefLink entityRef={row.entityRef} title={row.title} />
      ),
    },
    {
      title: 'Primary now',
      render: row => <OnCallPersonName person={row.primary} />,
    },
    {
      title: 'Until',
      render: row => formatWhen(row.primaryUntil, now),
    },
    {
      title: 'Secondary',
      render: row => <OnCallPersonName person={row.secondary} />,
    },
    {
      title: 'Rotation',
      render: row => {
        if (row.singlePersonRotation) {
          return (
            <Tooltip title="Nobody to hand over to: holidays and sick days leave the service uncovered">
              <Chip
                size="small"
                color="secondary"
                label="single person"
                data-testid={`single-person-${row.entityRef}`}
              />
            </Tooltip>
          );
        }
        return row.primaryRotationSize > 0
          ? `${row.primaryRotationSize} people`
          : '—';
      },
    },
    {
      title: 'Source',
      render: row =>
        row.status === 'error' ? (
          <Tooltip title={row.message ?? ''}>
            <Typography variant="body2" color="error">
              {row.provider ?? 'provider'} failed
              {row.primary ? ' (last known)' : ''}
            </Typography>
          </Tooltip>
        ) : (
          row.provider ?? '—'
        ),
    },
  ];
}

const loadColumns: TableColumn<OnCallPersonLoad>[] = [
  { title: 'Person', render: row => <OnCallPersonName person={row.person} /> },
  { title: 'Hours on call', render: row => formatHours(row.hoursOnCall) },
  { title: 'Shifts', field: 'shiftCount' },
  { title: 'Out of hours', render: row => formatShare(row.outOfHoursShare) },
];

/**
 * The "On-call" tab of a group: who is on call now for each service the team owns, the on-call load per
 * person over the last 90 days, and services whose rotation has a single person.
 */
export function GroupOnCallContent() {
  const { entity } = useEntity();
  const api = useApi(reliabilityApiRef);
  const { value, loading, error } = useAsync(
    () => api.getGroupOnCall(getCompoundEntityRef(entity)),
    [api, stringifyEntityRef(entity)],
  );
  const now = new Date();

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value || value.entities.length === 0) {
    return (
      <EmptyState
        missing="field"
        title="No on-call configured for this team's services"
        description="Add reliability.sre-portal.dev/oncall-schedule, reliability.sre-portal.dev/escalation-policy, pagerduty.com/service-id or opsgenie.com/team to the catalog-info.yaml of the components this group owns."
      />
    );
  }
  const single = value.entities.filter(e => e.singlePersonRotation);
  const failed = value.entities.filter(e => e.status === 'error');
  return (
    <Grid container spacing={3}>
      {single.length > 0 && (
        <Grid item xs={12}>
          <WarningPanel
            severity="warning"
            title={`${single.length} service${
              single.length > 1 ? 's have' : ' has'
            } a single-person rotation`}
            message={single.map(e => e.title ?? e.entityRef).join(', ')}
          />
        </Grid>
      )}
      {failed.length > 0 && (
        <Grid item xs={12}>
          <WarningPanel
            severity="error"
            title={`On-call data of ${failed.length} service${
              failed.length > 1 ? 's' : ''
            } could not be refreshed`}
            message={failed
              .map(e => `${e.entityRef}: ${e.message ?? 'error'}`)
              .join('; ')}
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <Table
          title="On call now"
          options={{ paging: false, search: false, padding: 'dense' }}
          columns={entityColumns(now)}
          data={value.entities}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="On-call load"
          subheader={`${formatAbsolute(
            value.loadWindow.from,
          )} – ${formatAbsolute(value.loadWindow.to)}`}
        >
          {value.load.length > 0 ? (
            <OnCallLoadChart load={value.load} />
          ) : (
            <Typography>No shifts recorded yet.</Typography>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <Table
          title="Load per person (last 90 days)"
          options={{ paging: false, search: false, padding: 'dense' }}
          columns={loadColumns}
          data={value.load}
        />
      </Grid>
    </Grid>
  );
}
