import { DeployGateActivity } from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { WarningPanel } from '@backstage/core-components';
import { Fragment } from 'react';
import { WholeWordsTable } from '../../PlainTable/WholeWordsTable';
import { PolicyStateChip } from '../PolicyStateChip';
import { RevokeOverrideButton } from '../RevokeOverrideButton';
import { formatWhen } from '../policyFormat';
import { FixTemplateLink } from '../../checklist/FixTemplateLink';

/** Most gate answers listed on the card. */
const SHOWN_ANSWERS = 5;

/** Who asked, breakable after the `external:` or `user:default/` prefix (a narrow column, long names). */
function Subject(props: { subject: string }) {
  const parts = props.subject.split(/(?<=[:/])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}

/**
 * The deploy gate's active overrides (who, why, until when; each can be revoked when `onRevoke` is given), the
 * overrides that ended in the last 7 days (expired, or revoked early), and its last answers.
 */
export function DeployGateActivityView(props: {
  activity: DeployGateActivity;
  onRevoke?: (overrideId: string, reason: string) => Promise<void>;
}) {
  const { activeOverrides, recentOverrides, answers, askTemplate } =
    props.activity;
  return (
    <Box mt={2}>
      <Typography variant="subtitle2" gutterBottom>
        Deploy gate
      </Typography>
      {activeOverrides.map(override => (
        <WarningPanel
          key={override.id}
          severity="info"
          defaultExpanded
          title={
            override.revoked
              ? `Override by ${override.createdBy} until ${formatWhen(
                  override.revoked.at,
                )} (shortened by ${override.revoked.by})`
              : `Override by ${override.createdBy} until ${formatWhen(
                  override.expiresAt,
                )}`
          }
          // Spans: the panel puts its message in a paragraph (blocks there are invalid HTML).
          message={
            <Box component="span" display="flex" alignItems="center">
              <Box component="span" flexGrow={1}>
                {override.reason}
              </Box>
              {props.onRevoke && !override.revoked && (
                <RevokeOverrideButton
                  overrideId={override.id}
                  onRevoke={props.onRevoke}
                />
              )}
            </Box>
          }
        />
      ))}
      {recentOverrides.map(override => (
        <Typography
          key={override.id}
          variant="body2"
          color="textSecondary"
          gutterBottom
        >
          {override.revoked ? (
            <>
              Override by {override.createdBy} revoked by {override.revoked.by}{' '}
              on {formatWhen(override.revoked.at)}: {override.revoked.reason}
            </>
          ) : (
            <>
              Override by {override.createdBy} from{' '}
              {formatWhen(override.createdAt)} until{' '}
              {formatWhen(override.expiresAt)} (ended): {override.reason}
            </>
          )}
        </Typography>
      ))}
      {answers.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No pipeline has asked the deploy gate yet. Add a step that asks it
          before each deploy
          {askTemplate && (
            <>
              {' '}
              (the software template{' '}
              <FixTemplateLink
                template={askTemplate}
                unlinked={`"${askTemplate.title}"`}
                inText
              />{' '}
              writes one)
            </>
          )}
          ; every answer (allow, warn or deny, and why) is listed here.
        </Typography>
      ) : (
        <WholeWordsTable size="small" aria-label="Last deploy-gate answers">
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
                <TableCell>
                  <Subject subject={answer.askedBy} />
                </TableCell>
                <TableCell>{answer.context ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </WholeWordsTable>
      )}
    </Box>
  );
}
