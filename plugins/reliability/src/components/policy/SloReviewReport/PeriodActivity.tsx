import { Link } from '@backstage/core-components';
import {
  HELD_BACK_AUTOMATIC_NOTE,
  heldBackText,
  isSafeLinkUrl,
  RunbookKind,
  SloReport,
  utcMinute,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import { WholeWordsTable } from '../../PlainTable';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { ErrorText } from '../../ErrorText';
import { formatLevel } from '../../checklist/maturityFormat';
import { RUNBOOK_KIND_LABELS } from '../../runbooks/runbookFormat';

/** `component:default/x` -> `x`. */
function serviceName(entityRef: string): string {
  return entityRef.replace(/^[^:]+:default\//, '');
}

/** A column of one of the period's lists: its header and how a row's cell is drawn. */
interface ActivityColumn<Row> {
  title: string;
  align?: 'right';
  render: (row: Row) => ReactNode;
}

/** One list of the period under its heading: a table (with a note below it), or a line saying the period had none. */
function ActivityList<Row>(props: {
  title: string;
  period: string;
  empty: string;
  rows: Row[];
  rowKey: (row: Row) => string;
  columns: ActivityColumn<Row>[];
  note?: string;
}) {
  const { title, rows, columns } = props;
  return (
    <>
      <Box mt={3}>
        <Typography variant="h6" component="h2">
          {title} ({props.period})
        </Typography>
      </Box>
      {rows.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {props.empty}
        </Typography>
      ) : (
        <WholeWordsTable size="small" aria-label={title}>
          <TableHead>
            <TableRow>
              {columns.map(column => (
                <TableCell key={column.title} align={column.align}>
                  {column.title}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(row => (
              <TableRow key={props.rowKey(row)}>
                {columns.map(column => (
                  <TableCell key={column.title} align={column.align}>
                    {column.render(row)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </WholeWordsTable>
      )}
      {rows.length > 0 && props.note && (
        <Typography variant="body2" color="textSecondary">
          {props.note}
        </Typography>
      )}
    </>
  );
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
      <ActivityList
        title="Runbooks touched"
        period={period}
        empty="No runbook was reviewed in the period."
        rows={report.runbooksTouched}
        rowKey={runbook => `${runbook.entityRef}-${runbook.id}`}
        columns={[
          { title: 'Reviewed', render: runbook => runbook.lastReviewed },
          {
            title: 'Service',
            render: runbook => serviceName(runbook.entityRef),
          },
          {
            title: 'Runbook',
            render: runbook =>
              runbook.url && isSafeLinkUrl(runbook.url) ? (
                <Link to={runbook.url}>{runbook.title}</Link>
              ) : (
                runbook.title
              ),
          },
          {
            title: 'Kind',
            render: runbook =>
              RUNBOOK_KIND_LABELS[runbook.kind as RunbookKind] ?? runbook.kind,
          },
        ]}
      />
      <ActivityList
        title="Checklist changes"
        period={period}
        empty="No checklist assessment was submitted in the period."
        rows={report.checklistChanges}
        rowKey={change => change.assessmentId}
        note={
          report.checklistChanges.some(
            change => change.heldBackBy?.source === 'automatic',
          )
            ? HELD_BACK_AUTOMATIC_NOTE
            : undefined
        }
        columns={[
          { title: 'When', render: change => utcMinute(change.assessedAt) },
          { title: 'Service', render: change => serviceName(change.entityRef) },
          {
            title: 'Level',
            render: change =>
              change.previousLevel !== null &&
              change.previousLevel !== change.level
                ? `${formatLevel(change.previousLevel)} → ${formatLevel(
                    change.level,
                  )}`
                : formatLevel(change.level),
          },
          {
            title: 'Score',
            align: 'right',
            render: change => change.score ?? '—',
          },
          {
            // A high score without a level puzzles: a level needs every item of it met.
            title: 'Held back by',
            render: change =>
              change.heldBackBy
                ? heldBackText(
                    change.heldBackBy,
                    formatLevel(change.heldBackBy.nextLevel),
                  )
                : '—',
          },
          { title: 'By', render: change => change.author },
        ]}
      />
      <ActivityList
        title="Deploy-gate overrides"
        period={period}
        empty="No break-glass override of the deploy gate in the period."
        rows={report.overrides}
        rowKey={override => override.id}
        columns={[
          {
            title: 'Created',
            render: override => utcMinute(override.createdAt),
          },
          {
            title: 'Service',
            render: override => serviceName(override.entityRef),
          },
          { title: 'By', render: override => override.createdBy },
          {
            title: 'Until',
            render: override =>
              override.revoked
                ? `${utcMinute(override.revoked.at)} (revoked)`
                : utcMinute(override.expiresAt),
          },
          { title: 'Reason', render: override => override.reason },
        ]}
      />
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
