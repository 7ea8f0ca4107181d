import {
  formatBudgetRemaining,
  PolicyStateView,
} from '@internal/backstage-plugin-reliability-common';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { PolicyStateChip } from '../PolicyStateChip';
import { formatWhen } from '../policyFormat';
import { ErrorText } from '../../ErrorText';
import { WholeWordsTable } from '../../PlainTable';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import { KeptUntilText } from './KeptUntilText';

// Cells line up at their top, as PlainTable's do.
const useStyles = makeStyles({ cell: { verticalAlign: 'top' } });

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
        <Tooltip title={slo.problem}>
          <ErrorText variant="caption" component="div">
            unknown policy in the SLO file
          </ErrorText>
        </Tooltip>
      )}
    </>
  );
}

/**
 * The policy state of each SLO, since when (and until when a state is only kept after its condition stopped
 * holding), and the budget left it was judged on; an SLO whose SLO file names its own policy says which (and a name
 * that is not configured is flagged). Drawn with `WholeWordsTable` like the entity page's other tables (not
 * `PlainTable`: its sorting and paging would add a vendor chunk to every service's page for a table of a few rows).
 */
export function PolicyStatesTable(props: {
  slos: PolicyStateView[];
  staleSlos: string[];
}) {
  const classes = useStyles();
  const stale = new Set(props.staleSlos);
  return (
    <WholeWordsTable size="small" aria-label="Policy state per SLO">
      <TableHead>
        <TableRow>
          <TableCell>SLO</TableCell>
          <TableCell>State</TableCell>
          <TableCell>Since</TableCell>
          <TableCell align="right">Budget left</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.slos.map(slo => (
          <TableRow key={slo.sloName ?? ''}>
            <TableCell className={classes.cell}>
              <SloCell slo={slo} stale={stale.has(slo.sloName ?? '')} />
            </TableCell>
            <TableCell className={classes.cell}>
              <PolicyStateChip state={slo.state} decision={slo.decision} />
            </TableCell>
            <TableCell className={classes.cell}>
              {formatWhen(slo.since)}
              {slo.keptUntil && (
                <KeptUntilText keptUntil={slo.keptUntil} variant="caption" />
              )}
            </TableCell>
            <TableCell className={classes.cell} align="right">
              {formatBudgetRemaining(slo.budgetRemaining)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </WholeWordsTable>
  );
}
