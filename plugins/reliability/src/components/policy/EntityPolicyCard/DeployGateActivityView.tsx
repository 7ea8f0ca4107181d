import { DeployGateActivity } from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { WarningPanel } from '@backstage/core-components';
import { PolicyStateChip } from '../PolicyStateChip';
import { formatWhen } from '../policyFormat';

/** Most gate answers listed on the card. */
const SHOWN_ANSWERS = 5;

/** The deploy gate's active overrides (who, why, until when) and its last answers. */
export function DeployGateActivityView(props: {
  activity: DeployGateActivity;
}) {
  const { activeOverrides, answers } = props.activity;
  return (
    <Box mt={2}>
      <Typography variant="subtitle2" gutterBottom>
        Deploy gate
      </Typography>
      {activeOverrides.map(override => (
        <WarningPanel
          key={override.id}
          severity="info"
          title={`Override by ${override.createdBy} until ${formatWhen(
            override.expiresAt,
          )}`}
          message={override.reason}
        />
      ))}
      {answers.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No pipeline has asked the deploy gate yet (GET .../deploy-gate; see
          docs/deploy-gate.md).
        </Typography>
      ) : (
        <Table size="small" aria-label="Last deploy-gate answers">
          <TableHead>
            <TableRow>
              <TableCell>When</TableCell>
              <TableCell>Answer</TableCell>
              <TableCell>Asked by</TableCell>
              <TableCell>Context</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {answers.slice(0, SHOWN_ANSWERS).map(answer => (
              <TableRow key={`${answer.askedAt}-${answer.askedBy}`}>
                <TableCell>{formatWhen(answer.askedAt)}</TableCell>
                <TableCell>
                  <PolicyStateChip
                    state={answer.decision}
                    decision={answer.decision}
                    label={
                      answer.overridden
                        ? `${answer.decision} (override)`
                        : answer.decision
                    }
                  />
                </TableCell>
                <TableCell>{answer.askedBy}</TableCell>
                <TableCell>{answer.context ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
