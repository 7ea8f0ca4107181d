import { TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import {
  reliabilityStateOf,
  ServiceOverviewRow,
} from '@internal/backstage-plugin-reliability-common';
import { formatDateTime, formatPercent, formatScore } from '../overviewFormat';
import { ReliabilityStateChip } from '../ReliabilityStateChip';

const none = (
  <Typography variant="body2" color="textSecondary">
    —
  </Typography>
);

function RefCell(props: { entityRef: string | null; defaultKind: string }) {
  return props.entityRef ? (
    <EntityRefLink
      entityRef={props.entityRef}
      defaultKind={props.defaultKind}
    />
  ) : (
    none
  );
}

function SloCell({ row }: { row: ServiceOverviewRow }) {
  if (!row.slo || row.slo.sloCount === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        no SLOs
      </Typography>
    );
  }
  return (
    <>
      <ReliabilityStateChip state={reliabilityStateOf(row.slo)} />
      <Typography variant="caption" display="block">
        {`${row.slo.sloCount} SLO${
          row.slo.sloCount === 1 ? '' : 's'
        }, worst budget ${formatPercent(row.slo.worstBudgetRemaining)} left`}
        {row.slo.alerting ? ` · ${row.slo.alerting} alert firing` : ''}
        {row.slo.stale ? ' · stale data' : ''}
      </Typography>
    </>
  );
}

function OnCallCell({ row }: { row: ServiceOverviewRow }) {
  if (!row.onCall) {
    return (
      <Typography variant="body2" color="textSecondary">
        not configured
      </Typography>
    );
  }
  const { primary, until, error } = row.onCall;
  const who = primary?.userRef ? (
    <EntityRefLink
      entityRef={primary.userRef}
      defaultKind="user"
      title={primary.name}
    />
  ) : (
    primary?.name ?? 'unknown'
  );
  return (
    <>
      <Typography variant="body2">{who}</Typography>
      <Typography variant="caption" color="textSecondary">
        {until ? `until ${formatDateTime(until)}` : ''}
        {error ? (
          <Tooltip title={error}>
            <span> · last known (provider failed)</span>
          </Tooltip>
        ) : null}
      </Typography>
    </>
  );
}

/** Columns of the services table. */
export const serviceColumns: TableColumn<ServiceOverviewRow>[] = [
  {
    title: 'Service',
    render: row => (
      <EntityRefLink entityRef={row.entityRef} title={row.title ?? undefined} />
    ),
  },
  {
    title: 'Owner',
    render: row => <RefCell entityRef={row.owner} defaultKind="group" />,
  },
  {
    title: 'System',
    render: row => <RefCell entityRef={row.system} defaultKind="system" />,
  },
  {
    title: 'Domain',
    render: row => <RefCell entityRef={row.domain} defaultKind="domain" />,
  },
  { title: 'Tier', render: row => row.tier ?? none },
  { title: 'SLOs', render: row => <SloCell row={row} /> },
  { title: 'On call now', render: row => <OnCallCell row={row} /> },
  {
    title: 'Runbooks',
    render: row =>
      row.runbooks ? (
        <Typography variant="body2">
          {row.runbooks.runbookCount}
          {row.runbooks.coverage !== null
            ? ` · ${formatPercent(row.runbooks.coverage)} of alerts covered`
            : ''}
          {row.runbooks.staleCount > 0
            ? ` · ${row.runbooks.staleCount} stale`
            : ''}
        </Typography>
      ) : (
        none
      ),
  },
  {
    title: 'Maturity',
    render: row =>
      row.maturity ? (
        <Typography variant="body2">
          {row.maturity.level} ({formatScore(row.maturity.score)})
        </Typography>
      ) : (
        none
      ),
  },
];
