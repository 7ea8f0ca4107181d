import { Link } from '@backstage/core-components';
import {
  isSafeLinkUrl,
  RunbookKind,
  SloReport,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import { WholeWordsTable } from '../../PlainTable';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ErrorText } from '../../ErrorText';
import { formatLevel } from '../../checklist/maturityFormat';
import { RUNBOOK_KIND_LABELS } from '../../runbooks/runbookFormat';

/** "2026-11-22 09:00 UTC". */
function utcMinute(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** `component:default/x` -> `x`. */
function serviceName(entityRef: string): string {
  return entityRef.replace(/^[^:]+:default\//, '');
}

/** The runbooks reviewed, the checklist assessments submitted and the deploy-gate overrides of the report's period. */
export function PeriodActivity(props: { report: SloReport }) {
  const { report } = props;
  const period = `${report.periodStart.slice(
    0,
    10,
  )} – ${report.generatedAt.slice(0, 10)}`;
  return (
    <>
      <Box mt={3}>
        <Typography variant="h6">Runbooks touched ({period})</Typography>
      </Box>
      {report.runbooksTouched.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No runbook was reviewed in the period.
        </Typography>
      ) : (
        <WholeWordsTable size="small" aria-label="Runbooks touched">
          <TableHead>
            <TableRow>
              <TableCell>Reviewed</TableCell>
              <TableCell>Service</TableCell>
              <TableCell>Runbook</TableCell>
              <TableCell>Kind</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.runbooksTouched.map(runbook => (
              <TableRow key={`${runbook.entityRef}-${runbook.id}`}>
                <TableCell>{runbook.lastReviewed}</TableCell>
                <TableCell>{serviceName(runbook.entityRef)}</TableCell>
                <TableCell>
                  {runbook.url && isSafeLinkUrl(runbook.url) ? (
                    <Link to={runbook.url}>{runbook.title}</Link>
                  ) : (
                    runbook.title
                  )}
                </TableCell>
                <TableCell>
                  {RUNBOOK_KIND_LABELS[runbook.kind as RunbookKind] ??
                    runbook.kind}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </WholeWordsTable>
      )}
      <Box mt={3}>
        <Typography variant="h6">Checklist changes ({period})</Typography>
      </Box>
      {report.checklistChanges.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No checklist assessment was submitted in the period.
        </Typography>
      ) : (
        <WholeWordsTable size="small" aria-label="Checklist changes">
          <TableHead>
            <TableRow>
              <TableCell>When</TableCell>
              <TableCell>Service</TableCell>
              <TableCell>Level</TableCell>
              <TableCell align="right">Score</TableCell>
              <TableCell>By</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.checklistChanges.map(change => (
              <TableRow key={change.assessmentId}>
                <TableCell>{utcMinute(change.assessedAt)}</TableCell>
                <TableCell>{serviceName(change.entityRef)}</TableCell>
                <TableCell>
                  {change.previousLevel !== null &&
                  change.previousLevel !== change.level
                    ? `${formatLevel(change.previousLevel)} → ${formatLevel(
                        change.level,
                      )}`
                    : formatLevel(change.level)}
                </TableCell>
                <TableCell align="right">{change.score ?? '—'}</TableCell>
                <TableCell>{change.author}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </WholeWordsTable>
      )}
      <Box mt={3}>
        <Typography variant="h6">Deploy-gate overrides ({period})</Typography>
      </Box>
      {report.overrides.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No break-glass override of the deploy gate in the period.
        </Typography>
      ) : (
        <WholeWordsTable size="small" aria-label="Deploy-gate overrides">
          <TableHead>
            <TableRow>
              <TableCell>Created</TableCell>
              <TableCell>Service</TableCell>
              <TableCell>By</TableCell>
              <TableCell>Until</TableCell>
              <TableCell>Reason</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.overrides.map(override => (
              <TableRow key={override.id}>
                <TableCell>{utcMinute(override.createdAt)}</TableCell>
                <TableCell>{serviceName(override.entityRef)}</TableCell>
                <TableCell>{override.createdBy}</TableCell>
                <TableCell>
                  {override.revoked
                    ? `${utcMinute(override.revoked.at)} (revoked)`
                    : utcMinute(override.expiresAt)}
                </TableCell>
                <TableCell>{override.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </WholeWordsTable>
      )}
      {report.problems.length > 0 && (
        <Box mt={2}>
          {report.problems.map(problem => (
            <ErrorText key={problem} variant="body2">
              {problem}
            </ErrorText>
          ))}
        </Box>
      )}
    </>
  );
}
