import {
  formatBudgetRemaining,
  PolicyStateView,
} from '@internal/backstage-plugin-reliability-common';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { PolicyStateChip } from '../PolicyStateChip';
import { formatWhen } from '../policyFormat';
import { ErrorText } from '../../ErrorText';
import { PlainTableColumn, PlainTableContent } from '../../PlainTable';
import { KeptUntilText } from './KeptUntilText';

function SloCell(props: { slo: PolicyStateView; stale: boolean }) {
  const { slo, stale } = props;
  return (
    <>
      {slo.displayName ?? slo.sloName}
      {stale ? ' (stale data)' : ''}
      {slo.policySource === 'slo' && (
        <Typography variant="caption" color="textSecondary" component="div">
          policy "{slo.policyName}" (named by the SLO file)
        </Typography>
      )}
      {slo.problem && (
        // A wrapper the tooltip can hold a ref to (ErrorText is a function component).
        <Tooltip title={slo.problem}>
          <div>
            <ErrorText variant="caption" component="div">
              unknown policy in the SLO file
            </ErrorText>
          </div>
        </Tooltip>
      )}
    </>
  );
}

/**
 * The policy state of each SLO, since when (and until when a state is only kept after its condition stopped
 * holding), and the budget left it was judged on; an SLO whose SLO file names its own policy says which (and a name
 * that is not configured is flagged).
 */
export function PolicyStatesTable(props: {
  slos: PolicyStateView[];
  staleSlos: string[];
}) {
  const stale = new Set(props.staleSlos);
  const columns: PlainTableColumn<PolicyStateView>[] = [
    {
      title: 'SLO',
      render: slo => <SloCell slo={slo} stale={stale.has(slo.sloName ?? '')} />,
    },
    {
      title: 'State',
      render: slo => (
        <PolicyStateChip state={slo.state} decision={slo.decision} />
      ),
    },
    {
      title: 'Since',
      render: slo => (
        <>
          {formatWhen(slo.since)}
          {slo.keptUntil && (
            <KeptUntilText keptUntil={slo.keptUntil} variant="caption" />
          )}
        </>
      ),
    },
    {
      title: 'Budget left',
      align: 'right',
      render: slo => formatBudgetRemaining(slo.budgetRemaining),
    },
  ];
  return (
    <PlainTableContent
      label="Policy state per SLO"
      columns={columns}
      rows={props.slos}
      rowKey={slo => slo.sloName ?? ''}
    />
  );
}
