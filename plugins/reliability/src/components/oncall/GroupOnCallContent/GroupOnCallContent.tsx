import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { OnCallPersonLoad } from '@internal/backstage-plugin-reliability-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useEntityReliability } from '../../../hooks';
import { formatAbsolute, formatHours, formatShare } from '../formatOnCallTime';
import { OnCallPersonName } from '../OnCallPersonName';
import { onCallNowColumns } from '../onCallNowColumns';
import { PlainTable, PlainTableColumn } from '../../PlainTable';
import { OnCallLoadChart } from './OnCallLoadChart';
import { PagesPerShiftCard } from './PagesPerShiftCard';

const loadColumns: PlainTableColumn<OnCallPersonLoad>[] = [
  {
    title: 'Person',
    render: row => <OnCallPersonName person={row.person} stacked />,
  },
  {
    title: 'Hours on call',
    align: 'right',
    render: row => formatHours(row.hoursOnCall),
  },
  { title: 'Shifts', align: 'right', render: row => row.shiftCount },
  {
    title: 'Out of hours',
    align: 'right',
    render: row => formatShare(row.outOfHoursShare),
  },
];

/** The load has one row per person, grouped as the backend groups them: catalog user, else email, else name. */
const personLoadKey = ({ person }: OnCallPersonLoad) =>
  person.userRef ?? person.email ?? person.externalId ?? person.name;

/**
 * The "On-call" tab of a group: who is on call now for each service the team owns, the on-call load per
 * person over the last 90 days with the team's pages per shift, and services whose rotation has a single person.
 */
export function GroupOnCallContent() {
  const { value, loading, error } = useEntityReliability((api, groupRef) =>
    api.getGroupOnCall(groupRef),
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
        <PlainTable
          title="On call now"
          columns={onCallNowColumns(now)}
          rows={value.entities}
          rowKey={row => row.entityRef}
          loading={false}
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
        <PlainTable
          title="Load per person (last 90 days)"
          columns={loadColumns}
          rows={value.load}
          rowKey={personLoadKey}
          loading={false}
          emptyMessage="No shifts recorded yet."
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <PagesPerShiftCard load={value.load} loadWindow={value.loadWindow} />
      </Grid>
    </Grid>
  );
}
