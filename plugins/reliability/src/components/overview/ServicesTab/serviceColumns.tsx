import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import {
  policyStateLabel,
  reliabilityStateOf,
  ServiceOverviewRow,
} from '@internal/backstage-plugin-reliability-common';
import { ReactNode } from 'react';
import {
  formatCount,
  formatDateTime,
  formatPercent,
  formatRef,
  formatScore,
} from '../overviewFormat';
import { ReliabilityStateChip } from '../ReliabilityStateChip';
import { PlainTableColumn } from '../../PlainTable';
import { PolicyStateChip } from '../../policy/PolicyStateChip';
import { formatLevel } from '../../checklist/maturityFormat';

/** A column of the services table. */
export type ServiceColumn = PlainTableColumn<ServiceOverviewRow>;

/** A cell of two lines: the datum, and what qualifies it in small grey text. */
function TwoLines(props: { primary: ReactNode; secondary?: ReactNode }) {
  return (
    <>
      <Typography variant="body2" component="div">
        {props.primary}
      </Typography>
      {props.secondary ? (
        <Typography variant="caption" color="textSecondary" component="div">
          {props.secondary}
        </Typography>
      ) : null}
    </>
  );
}

function Muted(props: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="textSecondary">
      {props.children}
    </Typography>
  );
}

function OwnershipCell({ row }: { row: ServiceOverviewRow }) {
  return (
    <TwoLines
      primary={
        row.owner ? (
          <EntityRefLink entityRef={row.owner} defaultKind="group" />
        ) : (
          <Muted>no owner</Muted>
        )
      }
      secondary={
        <>
          {row.system ? (
            <EntityRefLink
              entityRef={row.system}
              defaultKind="system"
              hideIcon
            />
          ) : (
            'no system'
          )}
          {row.domain ? ` · ${formatRef(row.domain, 'domain')}` : ''}
        </>
      }
    />
  );
}

function SloCell({ row }: { row: ServiceOverviewRow }) {
  if (!row.slo || row.slo.sloCount === 0) {
    return <Muted>no SLOs</Muted>;
  }
  const { sloCount, worstBudgetRemaining, alerting, stale } = row.slo;
  const notes = [
    worstBudgetRemaining === null
      ? `${formatCount(sloCount, 'SLO')} · no data yet`
      : `${formatCount(sloCount, 'SLO')} · ${formatPercent(
          worstBudgetRemaining,
        )} budget left`,
    alerting ? `${alerting} alert firing` : null,
    stale ? 'stale data' : null,
  ].filter(Boolean);
  return (
    <TwoLines
      primary={<ReliabilityStateChip state={reliabilityStateOf(row.slo)} />}
      secondary={notes.join(' · ')}
    />
  );
}

function OnCallCell({ row }: { row: ServiceOverviewRow }) {
  if (!row.onCall) {
    return <Muted>not configured</Muted>;
  }
  const { primary, until, error } = row.onCall;
  const who = primary?.userRef ? (
    <EntityRefLink
      entityRef={primary.userRef}
      defaultKind="user"
      title={primary.name}
      hideIcon
    />
  ) : (
    primary?.name ?? 'nobody known'
  );
  return (
    <TwoLines
      primary={who}
      secondary={
        <>
          {until ? `until ${formatDateTime(until)}` : null}
          {error ? (
            <Tooltip title={error}>
              <span>{until ? ' · ' : ''}last known (provider failed)</span>
            </Tooltip>
          ) : null}
        </>
      }
    />
  );
}

function RunbooksCell({ row }: { row: ServiceOverviewRow }) {
  if (!row.runbooks) {
    return <Muted>—</Muted>;
  }
  const { runbookCount, coverage, staleCount } = row.runbooks;
  const notes = [
    coverage !== null ? `${formatPercent(coverage)} of alerts covered` : null,
    staleCount > 0 ? `${staleCount} stale` : null,
  ].filter(Boolean);
  return (
    <TwoLines
      primary={formatCount(runbookCount, 'runbook')}
      secondary={notes.join(' · ')}
    />
  );
}

function MaturityCell({ row }: { row: ServiceOverviewRow }) {
  if (!row.maturity || row.maturity.score === null) {
    return <Muted>not assessed</Muted>;
  }
  const { level, score } = row.maturity;
  return (
    <TwoLines
      primary={formatLevel(level)}
      secondary={`score ${formatScore(score)}/100`}
    />
  );
}

function PolicyCell(props: {
  row: ServiceOverviewRow;
  onFilter?: (state: string) => void;
}) {
  const { row, onFilter } = props;
  if (!row.policy) {
    return <Muted>—</Muted>;
  }
  const { state, decision, since } = row.policy;
  return (
    <TwoLines
      primary={
        <PolicyStateChip
          state={state}
          decision={decision}
          onClick={onFilter ? () => onFilter(state) : undefined}
          actionLabel={`Show the services in policy state ${policyStateLabel(
            state,
          )}`}
        />
      }
      secondary={`since ${formatDateTime(since)}`}
    />
  );
}

/**
 * Columns of the services table: one datum per column, details as secondary text. A policy state chip filters
 * the table by that state (`onPolicyFilter`).
 */
export const serviceColumns = (
  onPolicyFilter?: (state: string) => void,
): ServiceColumn[] => [
  {
    title: 'Service',
    width: '15%',
    render: row => (
      <TwoLines
        primary={
          <EntityRefLink
            entityRef={row.entityRef}
            title={row.title ?? undefined}
            hideIcon
          />
        }
        secondary={[row.type, row.lifecycle].filter(Boolean).join(' · ')}
      />
    ),
  },
  {
    title: 'Owner · system · domain',
    width: '19%',
    render: row => <OwnershipCell row={row} />,
  },
  {
    title: 'Tier',
    width: '7%',
    render: row =>
      row.tier ? (
        <Typography variant="body2" noWrap>
          {row.tier}
        </Typography>
      ) : (
        <Muted>—</Muted>
      ),
  },
  { title: 'SLO status', width: '14%', render: row => <SloCell row={row} /> },
  {
    title: 'Policy',
    width: '10%',
    render: row => <PolicyCell row={row} onFilter={onPolicyFilter} />,
  },
  {
    title: 'On call now',
    width: '13%',
    render: row => <OnCallCell row={row} />,
  },
  {
    title: 'Runbooks',
    width: '11%',
    render: row => <RunbooksCell row={row} />,
  },
  {
    title: 'Maturity',
    width: '11%',
    render: row => <MaturityCell row={row} />,
  },
];
