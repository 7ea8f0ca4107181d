import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { BlastRadiusEntity } from '@internal/backstage-plugin-reliability-common';
import { compareBy, PlainTableColumn } from '../../PlainTable';
import { formatPercent, formatRef } from '../overviewFormat';
import { ReliabilityStateChip, STATE_ORDER } from '../ReliabilityStateChip';

/** How far a dependent is: "direct" or "2 hops", and through what. */
function DistanceCell({ row }: { row: BlastRadiusEntity }) {
  return (
    <>
      <Typography variant="body2">
        {row.distance === 1 ? 'direct' : `${row.distance} hops`}
        {row.link === 'consumesApi' ? ' (uses its API)' : ''}
      </Typography>
      {row.via.length > 0 && (
        <Typography variant="caption" color="textSecondary" component="div">
          via {row.via.map(ref => formatRef(ref)).join(' → ')}
        </Typography>
      )}
    </>
  );
}

/**
 * Columns of the blast radius table: who depends, how far, how critical and how healthy, who to call. Each sorts
 * (by name, distance, tier, worst SLO state first, owner).
 */
export const blastRadiusColumns: PlainTableColumn<BlastRadiusEntity>[] = [
  {
    title: 'Depends on it',
    sort: compareBy(row => row.title ?? row.name),
    render: row => (
      <>
        <EntityRefLink
          entityRef={row.entityRef}
          title={row.title ?? row.name}
        />
        <Typography variant="caption" color="textSecondary" component="div">
          {[
            row.kind,
            row.system ? `in ${formatRef(row.system, 'system')}` : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
      </>
    ),
  },
  {
    title: 'Distance',
    sort: compareBy(row => row.distance),
    render: row => <DistanceCell row={row} />,
  },
  {
    title: 'Tier',
    sort: compareBy(row => row.tier),
    render: row => row.tier ?? '—',
  },
  {
    title: 'SLOs',
    sort: compareBy(row => STATE_ORDER[row.state]),
    render: row => (
      <>
        <ReliabilityStateChip state={row.state} />
        {row.sloCount > 0 && row.worstBudgetRemaining !== null && (
          <Typography variant="caption" color="textSecondary" component="div">
            {formatPercent(row.worstBudgetRemaining)} budget left
          </Typography>
        )}
      </>
    ),
  },
  {
    title: 'Owner',
    sort: compareBy(row => row.owner),
    render: row => (
      <>
        {row.owner ? (
          <EntityRefLink entityRef={row.owner} defaultKind="group" />
        ) : (
          '—'
        )}
        {row.onCallPrimary && (
          <Typography variant="caption" color="textSecondary" component="div">
            on call: {row.onCallPrimary.name}
          </Typography>
        )}
      </>
    ),
  },
];
