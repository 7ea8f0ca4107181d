import {
  formatBudgetRemaining,
  PolicyStateView,
} from '@internal/backstage-plugin-reliability-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { PolicyStateChip } from '../PolicyStateChip';
import { formatWhen } from '../policyFormat';
import { ErrorText } from '../../ErrorText';

/**
 * The policy state of each SLO, since when, and the budget left it was judged on; an SLO whose SLO file names its
 * own policy says which (and a name that is not configured is flagged).
 */
export function PolicyStatesTable(props: {
  slos: PolicyStateView[];
  staleSlos: string[];
}) {
  const stale = new Set(props.staleSlos);
  return (
    <Table size="small" aria-label="Policy state per SLO">
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
          <TableRow key={slo.sloName} data-testid={`policy-slo-${slo.sloName}`}>
            <TableCell>
              {slo.displayName ?? slo.sloName}
              {stale.has(slo.sloName ?? '') ? ' (stale data)' : ''}
              {slo.policySource === 'slo' && (
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="div"
                >
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
            </TableCell>
            <TableCell>
              <PolicyStateChip state={slo.state} decision={slo.decision} />
            </TableCell>
            <TableCell>{formatWhen(slo.since)}</TableCell>
            <TableCell align="right">
              {formatBudgetRemaining(slo.budgetRemaining)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
